/**
 * Daily sweep benchmark (issues 4 and 14): one million synthetic documents of the province's
 * services, expiring over the next three years, each with its reminders planned as the importer
 * plans them. The sweep then takes the day's due reminders through the planned-reminder index and
 * queues each through the channel policy into the outbox. Printed per engine: documents and
 * reminders generated (and how fast), what was due, the sweep's time (median of rounds, each on a
 * fresh copy of the generated day) with documents/s and reminders queued/s, and the sweep
 * process's peak memory.
 *
 * SQLite always; PostgreSQL when HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) names a
 * server, else its row says it was not measured. The generator writes raw rows for speed (the
 * same rows on both engines: prepared inserts in 20,000-row transactions on SQLite, one
 * multi-row `insert … select from unnest(…)` per 5,000 documents on PostgreSQL, every index
 * maintained as it goes); the sweep itself is the real service through the data layer. Each round
 * copies the generated day (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL)
 * and sweeps it in a child process of its own, so its peak memory is the sweep's.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { createDb, type PostgresHandle } from "@hccd/db";
import { addDays, noticeInstant, pendingNotices } from "@hccd/shared";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { defaultReminderCatalogue } from "../src/services/reminders/reminder-catalogue.js";
import { sweepReminders } from "../src/services/reminders/reminder-sweep.js";
import { benchDatabaseName, benchPostgres, createDatabase, databaseUrl, dropDatabase, withAdmin } from "@hccd/db/bench";
import { fmt, median } from "./stats.js";

const DOCUMENTS = Number(process.env.BENCH_SWEEP_DOCUMENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_SWEEP_ROUNDS ?? process.env.BENCH_ROUNDS ?? 3);
/** The day the sweep runs: 20:00 in Vietnam, after every notice of the day fell due at 08:00. */
const TODAY = "2027-03-01";
const SWEEP_AT = new Date(`${TODAY}T20:00:00+07:00`);
const PLANNED_AT = new Date(`${addDays(TODAY, -1)}T20:00:00+07:00`);

const catalogue = defaultReminderCatalogue;
const SERVICES = catalogue.keys().filter((k) => catalogue.steps(k).length > 0 && k !== "child-vaccination");

interface Generated {
  documents: number;
  reminders: number;
  dueToday: number;
  seconds: number;
}

interface SyntheticDocument {
  doc: [id: string, service: string, documentNo: string, holderKind: string, holderName: string, phone: string, expiresOn: string];
  reminders: [id: string, documentId: string, service: string, dueOn: string, step: string, nextAt: number, idempotencyKey: string][];
  dueToday: number;
}

/** Document `i` and the reminders the importer plans for it: the same on both engines. */
function synthetic(i: number): SyntheticDocument {
  const id = randomUUID();
  const service = SERVICES[i % SERVICES.length]!;
  // Expiries spread evenly over three years from tomorrow.
  const expiresOn = addDays(TODAY, 1 + (i % 1095));
  const phone = `849${String(10_000_000 + (i % 90_000_000)).padStart(8, "0")}`;
  const notices = catalogue.steps(service).map((step) => ({ step, date: catalogue.noticeDate(expiresOn, step) }));
  let dueToday = 0;
  const reminders = pendingNotices({ deadline: expiresOn, notices, today: TODAY }).map(({ step, date }): SyntheticDocument["reminders"][number] => {
    if (date <= TODAY) dueToday++;
    return [randomUUID(), id, service, expiresOn, step, noticeInstant(date, PLANNED_AT).getTime(), `reminder:${id}:${expiresOn}:${step}`];
  });
  return { doc: [id, service, `SYN-${i}`, i % 3 === 0 ? "organization" : "person", "Nguyễn Văn An", phone, expiresOn], reminders, dueToday };
}

/** Generates the day into a SQLite file with prepared raw inserts (a million rows through the layer would take far longer). */
export async function generate(path: string): Promise<Generated> {
  const t0 = performance.now();
  const handle = await createDb(path);
  if (handle.engine !== "sqlite") throw new Error("generate() writes a SQLite file");
  const { sqlite } = handle;
  const insertDoc = sqlite.prepare(
    "insert into documents (id, service_key, document_no, holder_kind, holder_name, phone, expires_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertReminder = sqlite.prepare(
    "insert into reminders (id, subject, document_id, service_key, due_on, step, next_at, status, idempotency_key, created_at, updated_at) values (?, 'document', ?, ?, ?, ?, ?, 'planned', ?, ?, ?)",
  );
  const at = PLANNED_AT.getTime();
  let reminders = 0;
  let dueToday = 0;
  const CHUNK = 20_000;
  for (let start = 0; start < DOCUMENTS; start += CHUNK) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(DOCUMENTS, start + CHUNK); i++) {
        const s = synthetic(i);
        insertDoc.run(...s.doc, at, at);
        for (const r of s.reminders) insertReminder.run(...r, at, at);
        reminders += s.reminders.length;
        dueToday += s.dueToday;
      }
    })();
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  await handle.close();
  return { documents: DOCUMENTS, reminders, dueToday, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Generates the same day into a PostgreSQL database (migrated here) with one multi-row insert per
 * 5,000 documents and one for their reminders (`unnest` of column arrays), then `vacuum analyze`.
 */
export async function generatePostgres(url: string): Promise<Generated> {
  const t0 = performance.now();
  const handle = await createDb(url, { poolSize: 1 });
  if (handle.engine !== "postgres") throw new Error("generatePostgres() needs a postgres:// URL");
  const { pool } = handle;
  const at = PLANNED_AT.toISOString();
  let reminders = 0;
  let dueToday = 0;
  const CHUNK = 5_000;
  try {
    for (let start = 0; start < DOCUMENTS; start += CHUNK) {
      const docs: SyntheticDocument["doc"][] = [];
      const rems: SyntheticDocument["reminders"] = [];
      for (let i = start; i < Math.min(DOCUMENTS, start + CHUNK); i++) {
        const s = synthetic(i);
        docs.push(s.doc);
        rems.push(...s.reminders);
        dueToday += s.dueToday;
      }
      reminders += rems.length;
      await insertColumns(pool, "insert into documents (id, service_key, document_no, holder_kind, holder_name, phone, expires_on, created_at, updated_at) select *, $8::timestamptz, $8::timestamptz from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])", docs, [at]);
      await insertColumns(
        pool,
        "insert into reminders (id, subject, document_id, service_key, due_on, step, next_at, status, idempotency_key, created_at, updated_at) select id, 'document', doc, svc, due, step, to_timestamp(next_ms / 1000.0), 'planned', key, $8::timestamptz, $8::timestamptz from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[]) as r(id, doc, svc, due, step, next_ms, key)",
        rems,
        [at],
      );
    }
    await pool.query("vacuum analyze documents");
    await pool.query("vacuum analyze reminders");
  } finally {
    await handle.close();
  }
  return { documents: DOCUMENTS, reminders, dueToday, seconds: (performance.now() - t0) / 1000 };
}

/** One insert of many rows: the rows' columns as arrays ($1…$n), then `extra` parameters. */
async function insertColumns(pool: PostgresHandle["pool"], text: string, rows: readonly (readonly unknown[])[], extra: unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = rows[0]!.map((_, c) => rows.map((r) => r[c]));
  await pool.query(text, [...columns, ...extra]);
}

interface Round {
  seconds: number;
  queued: number;
  skipped: number;
  cancelled: number;
  peakRssMb: number;
  rssBeforeMb: number;
}

/** One sweep on a copy of the generated day (in a child process): time and peak memory. */
async function sweepOnce(target: string): Promise<Round> {
  // On PostgreSQL DATABASE_PATH only places the uploads folder: keep it out of the working tree.
  const scratch = mkdtempSync(join(tmpdir(), "hccd-bench-sweep-child-"));
  try {
    const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0", QUIET_HOURS: "21-7", DATABASE_PATH: join(scratch, "unused.db") });
    const runtime = await createRuntime(config, { dbPath: target, now: () => SWEEP_AT, logger: createLogger({ level: "silent" }), defaultMetrics: false });
    const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
    const t0 = performance.now();
    const r = await sweepReminders(runtime.services, { catalogue });
    const seconds = (performance.now() - t0) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    await runtime.close();
    return { seconds, ...r, peakRssMb, rssBeforeMb };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function sweepInChild(target: string, label: string): Round {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--sweep", target], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`sweep ${label} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Round;
}

function report(engine: string, g: Generated, rounds: Round[]): void {
  const r = rounds[0]!;
  const s = median(rounds.map((x) => x.seconds));
  console.log(
    `sweep (${engine}): generated ${g.documents.toLocaleString("en")} documents and ${g.reminders.toLocaleString("en")} planned reminders in ${fmt(g.seconds, 1)} s (${fmt(g.documents / g.seconds, 0)} documents/s, raw inserts); ` +
      `${g.dueToday.toLocaleString("en")} fall due on ${TODAY}`,
  );
  console.log(
    `sweep (${engine}): ${r.queued.toLocaleString("en")} queued, ${r.skipped} skipped, ${r.cancelled} cancelled; ` +
      `median ${fmt(s, 3)} s over ${rounds.length} rounds (${rounds.map((x) => fmt(x.seconds, 3)).join(", ")}; target ≤ 5 s): ` +
      `${fmt(g.documents / s, 0)} documents/s, ${fmt(r.queued / s, 0)} reminders queued/s; ` +
      `peak RSS of the sweep process ${fmt(median(rounds.map((x) => x.peakRssMb)), 0)} MB (${fmt(median(rounds.map((x) => x.rssBeforeMb)), 0)} MB before the sweep started)`,
  );
  for (const x of rounds) {
    if (x.queued !== g.dueToday) throw new Error(`sweep (${engine}): a round queued ${x.queued}, but ${g.dueToday} were due`);
  }
}

async function sqliteBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-sweep-"));
  try {
    // BENCH_SWEEP_SOURCE keeps the generated database between runs (generating a million takes minutes).
    const cached = process.env.BENCH_SWEEP_SOURCE;
    const source = cached ?? join(dir, "source.db");
    // Its figures are written last: a file without them is an interrupted generation, made again.
    const done = cached !== undefined && existsSync(`${cached}.json`);
    if (cached && !done) for (const ext of ["", "-wal", "-shm"]) rmSync(cached + ext, { force: true });
    const g: Generated = done ? JSON.parse(readFileSync(`${cached}.json`, "utf8")) : await generate(source);
    if (cached && !done) writeFileSync(`${cached}.json`, JSON.stringify(g));
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const copy = join(dir, `round-${i}.db`);
      copyFileSync(source, copy);
      rounds.push(sweepInChild(copy, `round ${i}`));
      for (const ext of ["", "-wal", "-shm"]) rmSync(copy + ext, { force: true });
    }
    report("SQLite", g, rounds);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresBench(): Promise<void> {
  const server = benchPostgres();
  if (server.url === null) {
    console.log(`sweep (PostgreSQL): ${server.reason}`);
    return;
  }
  const { url } = server;
  // BENCH_SWEEP_PG_SOURCE names a database kept between runs (its figures in the database's comment).
  const kept = process.env.BENCH_SWEEP_PG_SOURCE;
  const source = kept ?? benchDatabaseName("hccd_bench_sweep_src");
  let g: Generated | undefined;
  try {
    if (kept) {
      const [row] = (await withAdmin(url, (admin) => admin.query<{ c: string | null }>("select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1", [kept]))).rows;
      if (row?.c) g = JSON.parse(row.c) as Generated;
      else if (row) await dropDatabase(url, kept);
    }
    if (!g) {
      await createDatabase(url, source);
      g = await generatePostgres(databaseUrl(url, source));
      if (kept) await withAdmin(url, (admin) => admin.query(`comment on database ${source} is '${JSON.stringify(g)}'`));
    }
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const copy = benchDatabaseName("hccd_bench_sweep_round");
      const copyUrl = await createDatabase(url, copy, source);
      try {
        rounds.push(sweepInChild(copyUrl, `round ${i}`));
      } finally {
        await dropDatabase(url, copy);
      }
    }
    report("PostgreSQL", g, rounds);
  } finally {
    if (!kept) await dropDatabase(url, source);
  }
}

export async function runSweepBench(): Promise<void> {
  await sqliteBench();
  await postgresBench();
}

if (process.argv[2] === "--sweep") {
  process.stdout.write(`${JSON.stringify(await sweepOnce(process.argv[3]!))}\n`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_ENGINE !== "postgres") await sqliteBench();
  if (process.env.BENCH_ENGINE !== "sqlite") await postgresBench();
}
