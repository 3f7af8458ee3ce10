/**
 * Daily sweep benchmark (issue 4): one million synthetic documents of the province's services,
 * expiring over the next three years, each with its reminders planned as the importer plans them.
 * The sweep then takes the day's due reminders through the (status, next_at) index and queues each
 * through the channel policy into the outbox. Printed: documents, reminders, what was due, sweep
 * time (median of rounds, each on a fresh copy of the day), and the sweep process's peak memory.
 *
 * The database is generated in this process, then the sweep runs in a child process of its own so
 * its peak memory is the sweep's, not the generator's.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { createDb } from "@hccd/db";
import { addDays, noticeInstant, pendingNotices, vietnamDate } from "@hccd/shared";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { defaultReminderCatalogue } from "../src/services/reminders/reminder-catalogue.js";
import { sweepReminders } from "../src/services/reminders/reminder-sweep.js";
import { fmt, median } from "./stats.js";

const DOCUMENTS = Number(process.env.BENCH_SWEEP_DOCUMENTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The day the sweep runs: 20:00 in Vietnam, after every notice of the day fell due at 08:00. */
const TODAY = "2027-03-01";
const SWEEP_AT = new Date(`${TODAY}T20:00:00+07:00`);
const PLANNED_AT = new Date(`${addDays(TODAY, -1)}T20:00:00+07:00`);

const catalogue = defaultReminderCatalogue;
const SERVICES = catalogue.keys().filter((k) => catalogue.steps(k).length > 0 && k !== "child-vaccination");

/** Generated with raw SQLite statements (a million rows through the layer would take far longer): SQLite only. */
export async function generate(path: string): Promise<{ documents: number; reminders: number; dueToday: number; seconds: number }> {
  const t0 = performance.now();
  const handle = await createDb(path);
  if (handle.engine !== "sqlite") throw new Error("the sweep benchmark generates a SQLite file");
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
        const id = randomUUID();
        const service = SERVICES[i % SERVICES.length]!;
        // Expiries spread evenly over three years from tomorrow.
        const expiresOn = addDays(TODAY, 1 + (i % 1095));
        const phone = `849${String(10_000_000 + (i % 90_000_000)).padStart(8, "0")}`;
        insertDoc.run(id, service, `SYN-${i}`, i % 3 === 0 ? "organization" : "person", "Nguyễn Văn An", phone, expiresOn, at, at);
        const notices = catalogue.steps(service).map((step) => ({ step, date: catalogue.noticeDate(expiresOn, step) }));
        for (const { step, date } of pendingNotices({ deadline: expiresOn, notices, today: TODAY })) {
          insertReminder.run(randomUUID(), id, service, expiresOn, step, noticeInstant(date, PLANNED_AT).getTime(), `reminder:${id}:${expiresOn}:${step}`, at, at);
          reminders++;
          if (date <= TODAY) dueToday++;
        }
      }
    })();
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  await handle.close();
  return { documents: DOCUMENTS, reminders, dueToday, seconds: (performance.now() - t0) / 1000 };
}

/** One sweep on a copy of the generated database (child process): time and peak memory. */
async function sweepOnce(path: string): Promise<{ seconds: number; queued: number; skipped: number; cancelled: number; peakRssMb: number; rssBeforeMb: number }> {
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0", QUIET_HOURS: "21-7" });
  const runtime = await createRuntime(config, { dbPath: path, now: () => SWEEP_AT, logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const r = await sweepReminders(runtime.services, { catalogue });
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await runtime.handle.close();
  return { seconds, ...r, peakRssMb, rssBeforeMb };
}

export async function runSweepBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-sweep-"));
  try {
    // BENCH_SWEEP_SOURCE keeps the generated database between runs (generating a million takes minutes).
    const cached = process.env.BENCH_SWEEP_SOURCE;
    const source = cached ?? join(dir, "source.db");
    const g = cached && existsSync(cached) ? JSON.parse(readFileSync(`${cached}.json`, "utf8")) : await generate(source);
    if (cached) writeFileSync(`${cached}.json`, JSON.stringify(g));
    console.log(`sweep: generated ${g.documents.toLocaleString("en")} documents and ${g.reminders.toLocaleString("en")} planned reminders in ${fmt(g.seconds, 1)} s; ${g.dueToday.toLocaleString("en")} fall due on ${TODAY}`);
    const rounds: Awaited<ReturnType<typeof sweepOnce>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const copy = join(dir, `round-${i}.db`);
      copyFileSync(source, copy);
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--sweep", copy], { encoding: "utf8", maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`sweep round ${i} failed: ${child.stderr}`);
      rounds.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!));
      rmSync(copy, { force: true });
      for (const ext of ["-wal", "-shm"]) if (existsSync(copy + ext)) rmSync(copy + ext, { force: true });
    }
    const r = rounds[0]!;
    console.log(
      `sweep: ${r.queued.toLocaleString("en")} queued, ${r.skipped} skipped, ${r.cancelled} cancelled; ` +
        `median ${fmt(median(rounds.map((x) => x.seconds)), 3)} s over ${ROUNDS} rounds (${rounds.map((x) => fmt(x.seconds, 3)).join(", ")}; target ≤ 5 s); ` +
        `peak RSS of the sweep process ${fmt(median(rounds.map((x) => x.peakRssMb)), 0)} MB (${fmt(median(rounds.map((x) => x.rssBeforeMb)), 0)} MB before the sweep started)`,
    );
    if (r.queued !== g.dueToday) throw new Error(`the sweep queued ${r.queued}, but ${g.dueToday} were due`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--sweep") {
  process.stdout.write(`${JSON.stringify(await sweepOnce(process.argv[3]!))}\n`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runSweepBench();
}
