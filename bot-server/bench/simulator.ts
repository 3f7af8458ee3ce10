/**
 * The Zalo simulator as the delivery benches meet it: `pnpm hccd simulate` in a process of its own
 * (Zalo is elsewhere), on a free loopback port, with its own count of deliveries per tracking id
 * and its CPU time read from /proc.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export interface SimulatorProcess {
  /** Base URL of the simulators; the Zalo API is under `${url}/zalo`. */
  url: string;
  /** The simulator process's CPU time so far (user + system), in ms. */
  cpuMs(): number;
  /** What the ZNS simulator counted: deliveries, distinct tracking ids, tracking ids seen more than once. */
  stats(): Promise<{ delivered: number; trackingIds: number; duplicated: number }>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts the simulator with `env` (e.g. ZALO_SIM_DAILY_QUOTA); BENCH_SIM_PROFILE=dir writes its CPU profile there. */
export async function startSimulator(env: Record<string, string>): Promise<SimulatorProcess> {
  const port = await freePort();
  const profile = process.env.BENCH_SIM_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SIM_PROFILE}`] : [];
  const sim = spawn(process.execPath, [...profile, "--import", "tsx", fileURLToPath(new URL("../src/cli.ts", import.meta.url)), "simulate", "--port", String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    sim.stdout.on("data", (d: Buffer) => d.toString().includes("127.0.0.1") && resolve());
    sim.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    cpuMs: () => {
      // utime + stime of the simulator process, in clock ticks (100 a second on Linux).
      const f = readFileSync(`/proc/${sim.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(f[11]) + Number(f[12])) * 10;
    },
    stats: async () => (await (await fetch(`${url}/_sim/zalo/stats`)).json()) as { delivered: number; trackingIds: number; duplicated: number },
    stop: () => void sim.kill("SIGTERM"),
  };
}
