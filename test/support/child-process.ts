import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./server.js";

/**
 * A backend script (`cli.ts`, `main.ts`) in a child process, for fault tests that kill it. Node
 * itself with tsx's loader, not the `tsx` launcher: the launcher runs the script in a child of its
 * own, and SIGKILL to the launcher would leave that child running.
 */
export function spawnBackend(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(repoRoot, "bot-server", "src", script), ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
}

export const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));

/** Polls `ok` until it holds, or fails naming `what`. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
