import type { ChildProcess } from "node:child_process";
import { exited, spawnBackend, until } from "./child-process.js";
import { freePort } from "./server.js";

/** A backend or simulator in a process of its own, with what it printed so far. */
export interface RunningProcess {
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout, line by line (the backend's log is one JSON object a line). */
  lines(): string[];
  /** Its stderr so far, for a failure message. */
  errors(): string;
  /** SIGTERM (a clean stop) or SIGKILL, then waits for the exit and for the last of its output to be read. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

function track(child: ChildProcess, url: string): RunningProcess {
  const out: string[] = [];
  let partial = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    const parts = (partial + String(d)).split("\n");
    partial = parts.pop() ?? "";
    out.push(...parts);
  });
  child.stderr?.on("data", (d: Buffer) => (err += String(d)));
  // "exit" can come before the pipes are read to their end: a killed process's last log lines
  // (a notice it sent just before) would be missing from lines(). "close" comes after both.
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return {
    url,
    child,
    lines: () => out,
    errors: () => err,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited(child);
      await closed;
    },
  };
}

/** Waits until `GET url` answers 200, or fails with what the process printed (it may have stopped at boot). */
async function answering(p: RunningProcess, path: string, timeoutMs: number): Promise<void> {
  await until(`${p.url}${path} to answer`, async () => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`the process at ${p.url} exited (${p.child.exitCode ?? p.child.signalCode}) at start:\n${p.errors()}`);
    const res = await fetch(`${p.url}${path}`).catch(() => undefined);
    return res?.status === 200;
  }, timeoutMs);
}

/**
 * `pnpm hccd simulate --port <free> --delay-ms <ms>`: the Zalo and SMS simulators in a process of
 * their own, which the backends reach over HTTP and which outlives any of them.
 */
export async function startSimulatorProcess(opts: { delayMs: number; env?: NodeJS.ProcessEnv }): Promise<RunningProcess> {
  const port = await freePort();
  const p = track(spawnBackend("cli.ts", ["simulate", "--port", String(port), "--delay-ms", String(opts.delayMs)], { ...process.env, ...opts.env }), `http://127.0.0.1:${port}`);
  await answering(p, "/_sim/zalo/stats", 60_000);
  return p;
}

/**
 * `pnpm start:server` (`bot-server/src/main.ts`) with this environment on a free port, not yet
 * waited for: several can be started in the same moment, then {@link waitUntilServing}.
 */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<RunningProcess> {
  const port = await freePort();
  return track(spawnBackend("main.ts", [], { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }), `http://127.0.0.1:${port}`);
}

/** Until the backend answers `/healthz` (database open, migrated, seeded: it listens only then). */
export const waitUntilServing = (p: RunningProcess, timeoutMs = 90_000) => answering(p, "/healthz", timeoutMs);
