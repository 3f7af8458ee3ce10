import Database from "better-sqlite3";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { committedMigrations, migrateSqlite, SQLITE_MIGRATIONS } from "./migrate.js";

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

  it("upgrade a database holding rows that others refer to, through a migration that rebuilds their table", () => {
    // A database as it stood before drafts' procedure code became nullable (a drizzle-kit table
    // rebuild), with a draft and an event referring to it: the rebuild dropped the table with
    // foreign keys on, and failed ("FOREIGN KEY constraint failed") on every such database.
    const all = readMigrationFiles({ migrationsFolder: SQLITE_MIGRATIONS });
    const rebuild = all.findIndex((m) => m.sql.some((q) => q.includes("__new_drafts")));
    expect(rebuild).toBeGreaterThan(0);
    const sqlite = new Database(":memory:");
    try {
      sqlite.pragma("foreign_keys = ON");
      sqlite.exec(`CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
      for (const m of all.slice(0, rebuild)) {
        for (const q of m.sql) sqlite.exec(q);
        sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`).run(m.hash, m.folderMillis);
      }
      sqlite.prepare("insert into drafts (id, service, procedure_code, fields, due_by, created_at, updated_at) values ('D1', 'birth-registration', '1.001193', '{}', '2026-12-31', 0, 0)").run();
      sqlite.prepare("insert into draft_events (draft_id, kind, at) values ('D1', 'opened', 0)").run();
      migrateSqlite(sqlite);
      expect(sqlite.prepare("select id, procedure_code from drafts").all()).toEqual([{ id: "D1", procedure_code: "1.001193" }]);
      expect(sqlite.prepare("select count(*) as n from draft_events where draft_id = 'D1'").get()).toEqual({ n: 1 });
      expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });
});
