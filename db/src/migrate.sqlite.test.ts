import Database from "better-sqlite3";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { committedMigrations } from "./migrate.js";

const child = fileURLToPath(new URL("./testing/open-db-child.ts", import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function start(path: string): { proc: ChildProcessWithoutNullStreams; ready: Promise<void>; exit: Promise<{ code: number | null; stderr: string }> } {
  const proc = spawn(process.execPath, ["--import", "tsx", child, path], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const ready = new Promise<void>((resolve) => proc.stdout.on("data", (d: Buffer) => ((stdout += d.toString()), stdout.includes("ready") && resolve())));
  proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => proc.on("exit", (code) => resolve({ code, stderr })));
  return { proc, ready, exit };
}

describe("migrations on SQLite", () => {
  it("are applied once when two processes open one new file at the same moment", async () => {
    // Pair after pair: the race (both turning the new file to WAL) is lost only sometimes.
    const dir = mkdtempSync(join(tmpdir(), "hccd-migrate-"));
    dirs.push(dir);
    for (let round = 1; round <= 4; round++) {
      const path = join(dir, `new-${round}.db`);
      const pair = [start(path), start(path)];
      await Promise.all(pair.map((p) => p.ready));
      const at = Date.now() + 200;
      for (const p of pair) p.proc.stdin.write(`go ${at}\n`);
      expect(await Promise.all(pair.map((p) => p.exit)), `round ${round}`).toEqual([{ code: 0, stderr: "" }, { code: 0, stderr: "" }]);
      const sqlite = new Database(path, { readonly: true });
      try {
        const applied = sqlite.prepare(`select created_at from "__drizzle_migrations" order by created_at`).all() as { created_at: number }[];
        expect(applied.map((r) => Number(r.created_at))).toEqual(committedMigrations("sqlite"));
      } finally {
        sqlite.close();
      }
    }
  }, 60_000);
});
