/**
 * Population first sync (issue 15): the province's platform pushes every resident it may share,
 * ~3 million, in batches of 1,000 (contract 5). Measured on SQLite (a file, WAL) and on PostgreSQL
 * when HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) names a server (a throwaway database
 * each, dropped after):
 * - intake: records/s through the real endpoint (validation, persons, records, a slice per
 *   transaction), and records/s until the planner (kicked by each batch, in the same process) has
 *   run the rules over every record: the time a full first sync would take at that rate;
 * - the sweep over the reminders the records planned, on a day when many fall due (reminders/s);
 * - the webhook's acknowledgement latency (p50/p99 under wrk, BENCH_POPULATION_WEBHOOK_CONNECTIONS
 *   connections, default 4, as a steady flow and as a flood) on one server process, first alone,
 *   then while the same process, then another instance, takes a first sync posted batch after batch.
 * BENCH_POPULATION_RECORDS sets the intake sample (default 50,000), BENCH_POPULATION_LATENCY_SECONDS
 * each latency phase (default 10). The machine's load average is printed with the figures: compare
 * the ratios of one run, not figures of runs on a busy machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addDays, addMonths } from "@hccd/shared";
import { createDb } from "@hccd/db";
import { createLogger, createRuntime, DEV_INTEGRATION_KEYS, parseConfig } from "../src/index.js";
import { sweepReminders } from "../src/services/reminders/reminder-sweep.js";
import { unplannedPopulationRecords } from "../src/services/population/population-planner.js";
import { startServer, throwawayPostgres, writeEvents, wrk } from "./webhook.js";
/** A count as a person reads it: 3,000,000. */
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const RECORDS = Number(process.env.BENCH_POPULATION_RECORDS ?? 50_000);
const LATENCY_SECONDS = Number(process.env.BENCH_POPULATION_LATENCY_SECONDS ?? 10);
const WEBHOOK_CONNECTIONS = Number(process.env.BENCH_POPULATION_WEBHOOK_CONNECTIONS ?? 4);
const WEBHOOK_PAUSE_MS = Number(process.env.BENCH_POPULATION_WEBHOOK_PAUSE_MS ?? 20);
const PROVINCE = 3_000_000;
const TARGET_MINUTES = 30;
const BATCH = 1000;
const KEY = DEV_INTEGRATION_KEYS.find((k) => k.clientId === "population")!.key;
const START = new Date("2026-12-07T03:00:00Z");
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng"];
const GIVEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Minh", "Ngọc", "Phúc", "Quân", "Thảo", "Trung", "Yến"];

/**
 * Resident number `i`: born 1940–2025, a card issued at 14–30 for most, temporary residence for 1 in
 * 10, household insurance for 1 in 5. A minor's record lists a parent, resident `i - 30` (30 years
 * older, sent a few records earlier), as population data does: the 6% under 6 without a card each
 * get a prepared ID card application (plan 920 row 2).
 */
function resident(i: number, today: string): Record<string, unknown> & { nationalId: string; sex: string } {
  const year = 1940 + (i % 86);
  const sex = i % 2 === 0 ? "male" : "female";
  const dateOfBirth = `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === "female" ? 1 : 0);
  const nationalId = `072${century}${String(year % 100).padStart(2, "0")}${String(i).padStart(6, "0").slice(-6)}`;
  const issuedAt = 14 + (i % 17);
  const issuedOn = addMonths(dateOfBirth, 12 * issuedAt);
  return {
    nationalId, fullName: `${FAMILY[i % FAMILY.length]} ${sex === "male" ? "Văn" : "Thị"} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`,
    dateOfBirth, sex, phone: `09${String(10_000_000 + i).slice(-8)}`,
    residence: { wardCode: "25453", address: `Số ${i % 200}, đường 30/4, Phường Tân Ninh, Tây Ninh` },
    ...(issuedOn <= today ? { idCard: { number: nationalId, issuedOn } } : {}),
    ...(i % 10 === 0 ? { temporaryResidence: { wardCode: "25453", registeredOn: addDays(today, -(i % 700)), expiresOn: addDays(today, 30 + (i % 700)) } } : {}),
    ...(i % 5 === 0 ? { householdInsurance: { cardNo: `HG47272${String(10_000_000 + i).slice(-8)}`, expiresOn: addDays(today, i % 365) } } : {}),
    ...(year >= 2008 && i >= 30 ? { parents: [parentOf(i, today)] } : {}),
    updatedAt: "2026-12-07T06:00:00+07:00",
  };
}

function parentOf(i: number, today: string) {
  const parent = resident(i - 30, today);
  return { nationalId: parent.nationalId, relationship: parent.sex === "female" ? "mother" : "father" };
}

const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`;

/** Posts resident batches `from`… to contract 5's endpoint (`post`) until `until()` says stop or `count` are sent; returns how many were accepted. */
async function pushBatches(post: (body: string) => Promise<Response>, from: number, count: number, until: () => boolean = () => false): Promise<number> {
  const today = "2026-12-07";
  let accepted = 0;
  for (let b = 0; b * BATCH < count && !until(); b++) {
    const first = from + b * BATCH;
    const records = Array.from({ length: Math.min(BATCH, count - b * BATCH) }, (_, k) => resident(first + k, today));
    const res = await post(JSON.stringify({ batchId: `BENCH-${first}`, records }));
    const body = (await res.json()) as { accepted: number; rejected: unknown[] };
    if (res.status !== 200 || body.rejected.length > 0) throw new Error(`batch from ${first}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    accepted += body.accepted;
  }
  return accepted;
}

const populationRequest = (body: string): RequestInit => ({ method: "POST", headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" }, body });

/** Intake and sweep throughput on one database (`target`: a SQLite file or a PostgreSQL URL), in this process. */
async function throughput(engine: string, target: string): Promise<{ perSecond: number; sweepPerSecond: number }> {
  let t = START.getTime();
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent" });
  const rt = await createRuntime(config, { dbPath: target, now: () => new Date(t), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  try {
    const started = performance.now();
    const accepted = await pushBatches((body) => Promise.resolve(rt.app.request("/api/integrations/population-records", populationRequest(body))), 0, RECORDS);
    const intakeSeconds = (performance.now() - started) / 1000;
    // The planner was kicked by every batch and runs meanwhile: the sync is done when it has planned every record.
    while ((await unplannedPopulationRecords(rt.handle.db)) > 0) await rt.populationPlanner.kick();
    const syncSeconds = (performance.now() - started) / 1000;
    const perSecond = accepted / syncSeconds;
    const fullSyncMinutes = PROVINCE / perSecond / 60;
    console.log(`population intake (${engine}): ${fmt(accepted)} records stored in ${intakeSeconds.toFixed(1)} s (${fmt(accepted / intakeSeconds)} records/s answered), planned by ${syncSeconds.toFixed(1)} s = ${fmt(perSecond)} records/s; a first sync of ${fmt(PROVINCE)} would take ${fullSyncMinutes.toFixed(1)} min (target ${TARGET_MINUTES}: ${fullSyncMinutes <= TARGET_MINUTES ? "met" : "NOT met"}) [${load()}]`);

    // The sweep on a day two weeks on, at 20:00, when that day's notices have all fallen due.
    t = new Date("2026-12-21T13:00:00Z").getTime();
    const sweepStarted = performance.now();
    const swept = await sweepReminders(rt.services, { catalogue: rt.catalogue });
    const sweepSeconds = (performance.now() - sweepStarted) / 1000;
    const handled = swept.queued + swept.skipped + swept.cancelled;
    const sweepPerSecond = handled / Math.max(sweepSeconds, 1e-9);
    console.log(`population sweep (${engine}): ${fmt(handled)} due reminders (queued ${fmt(swept.queued)}, cancelled ${fmt(swept.cancelled)}, skipped ${fmt(swept.skipped)}) in ${sweepSeconds.toFixed(1)} s = ${fmt(sweepPerSecond)} reminders/s [${load()}]`);
    return { perSecond, sweepPerSecond };
  } finally {
    await rt.close();
  }
}

/**
 * The webhook's acknowledgement latency on a server process (`target`'s database), under two loads:
 * a steady flow (each of the connections pausing BENCH_POPULATION_WEBHOOK_PAUSE_MS, default 20,
 * between two events: ~200 a second, a province's OA on a busy day) and a flood (each connection
 * posting as soon as answered: the server's throughput). Each alone; then while a first sync is
 * posted to the same process; then while it is posted to another instance on the same database (a
 * province routing the platform's feed to an instance Zalo does not reach); the records/s each sync
 * took meanwhile, and how long the planners took after its last batch. Each sync posts new residents.
 */
async function latencyDuringSync(engine: string, target: string, dir: string): Promise<void> {
  const server = await startServer(["app", target]);
  // Read-only here: how many records wait for the planners.
  const watch = await createDb(target);
  const ms = (us: number) => (us / 1000).toFixed(1);
  const failed = (r: Awaited<ReturnType<typeof wrk>>) => r.non2xx + r.readErrors + r.writeErrors + r.timeouts + r.connectErrors;
  const line = (label: string, r: Awaited<ReturnType<typeof wrk>>, loadNow: string) =>
    `  ${label.padEnd(32)}${fmt(r.requests / (r.durationUs / 1e6))} req/s  p50 ${ms(r.p50Us)} ms  p99 ${ms(r.p99Us)} ms  max ${ms(r.maxUs)} ms${failed(r) ? `  failed ${failed(r)}` : ""} [${loadNow}]`;
  let phase = 0;
  /** A file of new events for one phase (every request a new event, never a repeat). */
  const events = () => {
    const file = join(dir, `webhook-${engine}-${phase}.tsv`);
    writeEvents(file, 4_000 * LATENCY_SECONDS, `population-${engine}-${phase++}`);
    return file;
  };
  try {
    await wrk(server.url, events(), 2, WEBHOOK_CONNECTIONS); // warm-up
    for (const [load_, pauseMs] of [["steady flow", WEBHOOK_PAUSE_MS], ["flood", undefined]] as const) {
      const alone = await wrk(server.url, events(), LATENCY_SECONDS, WEBHOOK_CONNECTIONS, pauseMs);
      console.log(`webhook acknowledgement (${engine}, ${load_}: wrk ${WEBHOOK_CONNECTIONS} connections${pauseMs ? `, ${pauseMs} ms between two events on each` : ""}, ${LATENCY_SECONDS} s each):`);
      console.log(line("alone:", alone, load()));
      for (const [another, label] of [[false, "sync to the same process:"], [true, "sync to another instance:"]] as const) {
        // The other instance runs only for its phase: on SQLite one process is the deployment, and
        // an idle second one would still plan (and take the write lock) in the same-process phase.
        const other = another ? await startServer(["app", target]) : undefined;
        const feeder = other ?? server;
        let done = false;
        const started = performance.now();
        const syncing = pushBatches((body) => fetch(`${feeder.url}/api/integrations/population-records`, populationRequest(body)), phase * 10_000_000, Number.MAX_SAFE_INTEGER, () => done);
        const during = await wrk(server.url, events(), LATENCY_SECONDS, WEBHOOK_CONNECTIONS, pauseMs);
        done = true;
        const accepted = await syncing;
        const syncSeconds = (performance.now() - started) / 1000;
        // The planners (both instances') finish what the phase stored before the next phase starts.
        while ((await unplannedPopulationRecords(watch.db)) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        const plannedSeconds = (performance.now() - started) / 1000;
        await other?.stop();
        console.log(line(label, during, load()));
        console.log(`    ratio to alone: p50 ${(during.p50Us / alone.p50Us).toFixed(2)}×  p99 ${(during.p99Us / alone.p99Us).toFixed(2)}×; the sync meanwhile: ${fmt(accepted)} records stored = ${fmt(accepted / syncSeconds)} records/s, all planned ${(plannedSeconds - syncSeconds).toFixed(1)} s after the last batch`);
      }
    }
  } finally {
    await server.stop();
    await watch.close();
  }
}

export async function runPopulationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-population-"));
  const pgServer = process.env.HCCD_BENCH_DATABASE_URL ?? process.env.HCCD_TEST_DATABASE_URL;
  try {
    await throughput("SQLite file", join(dir, "throughput.db"));
    if (pgServer) {
      const db = await throwawayPostgres(pgServer, "population");
      try {
        await throughput("PostgreSQL", db.url);
      } finally {
        await db.drop();
      }
    } else console.log("population intake (PostgreSQL): not measured (set HCCD_BENCH_DATABASE_URL)");
    await latencyDuringSync("SQLite file", join(dir, "latency.db"), dir);
    if (pgServer) {
      const db = await throwawayPostgres(pgServer, "population");
      try {
        await latencyDuringSync("PostgreSQL", db.url, dir);
      } finally {
        await db.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runPopulationBench();
