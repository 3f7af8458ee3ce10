import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createDb, queryRows } from "@hccd/db";
import { sql, type SQL } from "drizzle-orm";
import { createLogger, createRuntime, DEMO_STAFF, DEMO_STAFF_PASSWORD, parseConfig } from "@hccd/bot-server";
import { exited, spawnBackend, until } from "./support/child-process.js";
import { freePort } from "./support/server.js";

/**
 * Issue 13's fault test for imports: the process importing a department's list (the server for an
 * upload, `pnpm hccd import` for a file) is killed with SIGKILL while rows are being stored. At the
 * next start the import is finished from the file kept for it, with the same counts as an import
 * that was never interrupted, each document stored once, and nothing left behind on disk.
 */
const ROWS = 30_000;
const BAD_EVERY = 100;
const GOOD = ROWS - ROWS / BAD_EVERY;

let dir: string;
const children: ChildProcess[] = [];

function listCsv(prefix: string): string {
  const lines = Array.from({ length: ROWS }, (_, i) => `tour-guide-card,${prefix}-${i},person,Nguyễn Văn An,,${i % BAD_EVERY === BAD_EVERY - 1 ? "12345" : `09${String(10_000_000 + i)}`},,2031-01-10,,`);
  return `service_code,document_no,holder_kind,holder_name,holder_id,phone,issued_on,expires_on,ward_code,address\n${lines.join("\n")}\n`;
}

/** A read of the database a child process writes: a connection of its own, opened for it (the child migrates). */
async function query<T>(dbPath: string, statement: SQL): Promise<T[]> {
  const db = await createDb(dbPath, { migrate: false });
  try {
    return await queryRows<T>(db.db, statement);
  } finally {
    await db.close();
  }
}

/** Every file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
}

function childEnv(dbPath: string, tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // TMPDIR: where the process's temporary files go, so the test sees any it leaves behind.
  return { ...process.env, ZALO_MODE: "sim", DATABASE_PATH: dbPath, TMPDIR: tmp, LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0", QUIET_HOURS: "0-0", ...extra };
}

function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawnBackend(script, args, env);
  children.push(child);
  return child;
}

const documents = async (dbPath: string) => (await query<{ n: number }>(dbPath, sql`select count(*) as n from documents`))[0]!.n;

/** Kills `child` once some of the list's documents are stored and the import is still running. */
async function killMidImport(child: ChildProcess, dbPath: string): Promise<void> {
  await until("documents being stored", async () => (await documents(dbPath)) >= 2000, 90_000);
  child.kill("SIGKILL");
  await exited(child);
  expect(child.signalCode).toBe("SIGKILL");
  const [imp] = await query<{ status: string }>(dbPath, sql`select status from imports`);
  expect(imp!.status).toBe("running");
  expect(await documents(dbPath)).toBeLessThan(GOOD); // killed mid-import, not after it
}

/** The next start (in this process): the import is finished, as if it had never been interrupted. */
async function restartAndCheck(dbPath: string, root: string, prefix: string): Promise<void> {
  const rt = await createRuntime(parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0" }), { dbPath, logger: createLogger({ level: "silent" }), defaultMetrics: false });
  try {
    await rt.jobs.idle();
  } finally {
    await rt.close();
  }
  const [imp] = await query<{ status: string; rows: number; created: number; updated: number; unchanged: number; rejected: number; error: string | null }>(dbPath, sql`select status, rows, created, updated, unchanged, rejected, error from imports`);
  expect(imp).toEqual({ status: "finished", rows: ROWS, created: GOOD, updated: 0, unchanged: 0, rejected: ROWS / BAD_EVERY, error: null });
  expect(await query(dbPath, sql`select count(*) as n, count(distinct document_no) as distinct_no from documents where document_no like ${`${prefix}-%`}`)).toEqual([{ n: GOOD, distinct_no: GOOD }]);
  // Each document's notices planned once: as many for every document (the same service, expiry and clock).
  const [plan] = await query<{ documents: number; least: number; most: number }>(dbPath, sql`select count(*) as documents, min(n) as least, max(n) as most from (select count(r.id) as n from documents d left join reminders r on r.document_id = d.id where d.document_no like ${`${prefix}-%`} group by d.id) as per_document`);
  expect(plan).toEqual({ documents: GOOD, least: plan!.most, most: plan!.most });
  expect(plan!.most).toBeGreaterThan(0);
  // Nothing left behind: no kept upload, no temporary folder (tsx's compile cache aside).
  expect(filesUnder(root).filter((f) => !/^(list\.csv|db\.sqlite(-wal|-shm)?|tmp\/tsx-\d+\/.*)$/.test(f))).toEqual([]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hccd-import-kill-"));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("an import killed with SIGKILL mid-import", () => {
  it("an upload to the server is finished at the next start, its kept file removed", async () => {
    const root = join(dir, "server");
    const tmp = join(root, "tmp");
    mkdirSync(tmp, { recursive: true });
    const dbPath = join(root, "db.sqlite");
    const port = await freePort();
    const server = spawnNode("main.ts", [], childEnv(dbPath, tmp, { SEED: "demo", PORT: String(port), HOST: "127.0.0.1" }));
    const base = `http://127.0.0.1:${port}`;
    let token = "";
    for (let i = 0; i < 600 && !token; i++) {
      const res = await fetch(`${base}/api/staff/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: DEMO_STAFF[0]!.username, password: DEMO_STAFF_PASSWORD }) }).catch(() => null);
      if (res?.ok) token = ((await res.json()) as { token: string }).token;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(token).not.toBe("");
    const before = await documents(dbPath);
    const form = new FormData();
    form.set("file", new File([listCsv("UP")], "danh-sach.csv", { type: "text/csv" }));
    const res = await fetch(`${base}/api/staff/imports`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(202);
    await until("documents being stored", async () => (await documents(dbPath)) - before >= 2000, 90_000);
    server.kill("SIGKILL");
    await exited(server);
    const [imp] = await query<{ status: string }>(dbPath, sql`select status from imports`);
    expect(imp!.status).toBe("running");
    expect((await documents(dbPath)) - before).toBeLessThan(GOOD);
    await restartAndCheck(dbPath, root, "UP");
  }, 240_000);

  it("`pnpm hccd import` is finished at the next start, and the list it read is left as it was", async () => {
    const root = join(dir, "cli");
    const tmp = join(root, "tmp");
    mkdirSync(tmp, { recursive: true });
    const dbPath = join(root, "db.sqlite");
    const list = join(root, "list.csv");
    writeFileSync(list, listCsv("CLI"));
    // The database exists (migrated) before the import, as it does for an operator: the test's
    // own reads then never race the child's migrations.
    await (await createDb(dbPath)).close();
    const cli = spawnNode("cli.ts", ["import", list], childEnv(dbPath, tmp));
    await killMidImport(cli, dbPath);
    await restartAndCheck(dbPath, root, "CLI");
    expect(existsSync(list)).toBe(true);
  }, 240_000);
});
