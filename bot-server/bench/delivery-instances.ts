/**
 * Delivery across instances (issue 14): MESSAGES queued ZNS messages drained by 1, 2 and 4
 * instances of the outbox worker on one PostgreSQL database, each instance a process of its own
 * (`createRuntime`, then `worker.start()`, as `pnpm hccd worker` runs it), all sending to one
 * simulator process over loopback with throttling off and no added delay. The clock runs from the
 * moment every instance is told to start until no message is pending or being sent. Checked after
 * each run (the bench throws otherwise): the simulator received every message exactly once, and
 * the outbox holds every message as sent and nothing else. Printed: messages/s per instance count
 * and the speed-up over one instance; on SQLite, the one-instance row (one file has one writer).
 *
 * PostgreSQL comes from HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL); each run gets a fresh
 * database, dropped after. On 2 shared cores the instances, the simulator and PostgreSQL compete
 * for the same CPUs, so the speed-up shows contention as much as scale: compare on a larger machine.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, enqueueOutbox, queryRows } from "@hccd/db";
import { sql } from "drizzle-orm";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { benchMessage, PER_RECIPIENT } from "./delivery.js";
import { benchDatabaseName, benchPostgres, createDatabase, dropDatabase } from "@hccd/db/bench";
import { startSimulator } from "./simulator.js";
import { fmt, median } from "./stats.js";

const MESSAGES = Number(process.env.BENCH_INSTANCES_MESSAGES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_INSTANCES_ROUNDS ?? 1);
const COUNTS = (process.env.BENCH_INSTANCES ?? "1,2,4").split(",").map(Number);
const CONCURRENCY = process.env.BENCH_DELIVERY_CONCURRENCY ?? "64";
const BASE = { ZALO_MODE: "sim", LOG_LEVEL: "silent", QUIET_HOURS: "0-0", SWEEP_INTERVAL_MS: "0" };

type ToChild = { go: true } | { stop: true };
type FromChild = { ready: true } | { stopped: true; cpuMs: number };

/** One instance (child process): builds the runtime, starts its worker on "go", stops on "stop". */
async function instance(target: string, simUrl: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "hccd-bench-instance-"));
  const config = parseConfig({
    ...BASE,
    // On PostgreSQL DATABASE_PATH only places the uploads folder: keep it out of the working tree.
    DATABASE_PATH: join(scratch, "unused.db"),
    ZALO_SIM_URL: `${simUrl}/zalo`,
    THROTTLE_OA_PER_SEC: "0",
    THROTTLE_ZNS_PER_SEC: "0",
    THROTTLE_SMS_PER_SEC: "0",
    OUTBOX_CONCURRENCY: CONCURRENCY,
  });
  const runtime = await createRuntime(config, { dbPath: target, logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const send = (m: FromChild) => process.send!(m);
  let cpu0 = process.cpuUsage();
  process.on("message", (m: ToChild) => {
    if ("go" in m) {
      cpu0 = process.cpuUsage();
      runtime.worker.start();
    } else {
      void (async () => {
        await runtime.worker.stop();
        const cpu = process.cpuUsage(cpu0);
        await runtime.close();
        rmSync(scratch, { recursive: true, force: true });
        send({ stopped: true, cpuMs: (cpu.user + cpu.system) / 1000 });
        process.disconnect();
      })();
    }
  });
  send({ ready: true });
}

function next(child: ChildProcess): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`an instance exited (${code}) before answering`));
    child.once("exit", onExit);
    child.once("message", (m: FromChild) => {
      child.off("exit", onExit);
      resolve(m);
    });
  });
}

interface Run {
  perSecond: number;
  seconds: number;
  cpuMsPerMessage: number;
  simCpuMsPerMessage: number;
}

/** Queues MESSAGES, lets `count` instances drain them, checks the simulator's and the outbox's counts. */
async function run(target: string, count: number, label: string): Promise<Run> {
  const sim = await startSimulator({ ...BASE, ZALO_SIM_DAILY_QUOTA: String(MESSAGES * 2) });
  const handle = await createDb(target);
  const children: ChildProcess[] = [];
  try {
    const now = new Date();
    const CHUNK = 5_000;
    for (let start = 0; start < MESSAGES; start += CHUNK) {
      await handle.db.transaction(async (tx) => {
        for (let i = start; i < Math.min(MESSAGES, start + CHUNK); i++) {
          await enqueueOutbox(tx, benchMessage(`m${i}`, `bench:${i}`, i, now));
        }
      });
    }
    for (let i = 0; i < count; i++) children.push(fork(fileURLToPath(import.meta.url), ["--instance", target, sim.url], { stdio: ["ignore", "inherit", "inherit", "ipc"] }));
    await Promise.all(children.map(next));
    // One row is enough to know work remains (a count of every row each poll would eat the CPU being measured).
    const busy = async () => (await queryRows<{ n: number }>(handle.db, sql`select 1 as n from outbox where status in ('pending', 'sending') limit 1`)).length > 0;
    const simCpu0 = sim.cpuMs();
    const t0 = performance.now();
    for (const c of children) c.send({ go: true } satisfies ToChild);
    while (await busy()) await new Promise((res) => setTimeout(res, 50));
    const seconds = (performance.now() - t0) / 1000;
    const simCpuMs = sim.cpuMs() - simCpu0;
    const stopped = children.map(next);
    for (const c of children) c.send({ stop: true } satisfies ToChild);
    const cpuMs = (await Promise.all(stopped)).reduce((a, m) => a + ("cpuMs" in m ? m.cpuMs : 0), 0);
    const stats = await sim.stats();
    if (stats.trackingIds !== MESSAGES || stats.delivered !== MESSAGES || stats.duplicated !== 0) throw new Error(`${label}: the simulator counted ${JSON.stringify(stats)}, expected ${MESSAGES} messages once each`);
    const byStatus = await queryRows<{ status: string; n: number }>(handle.db, sql`select status, count(*) as n from outbox group by status`);
    const sent = Number(byStatus.find((r) => r.status === "sent")?.n ?? 0);
    if (sent !== MESSAGES || byStatus.some((r) => r.status !== "sent")) throw new Error(`${label}: the outbox holds ${JSON.stringify(byStatus)}, expected ${MESSAGES} sent and nothing else`);
    return { perSecond: MESSAGES / seconds, seconds, cpuMsPerMessage: cpuMs / MESSAGES, simCpuMsPerMessage: simCpuMs / MESSAGES };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await handle.close();
    sim.stop();
  }
}

function line(engine: string, count: number, runs: Run[], base: number | undefined): string {
  const perSecond = median(runs.map((r) => r.perSecond));
  return (
    `delivery ${count} instance${count > 1 ? "s" : ""} (${engine}): ${fmt(perSecond, 0)} messages/s` +
    (runs.length > 1 ? ` (median of ${runs.length}: ${runs.map((r) => fmt(r.perSecond, 0)).join(", ")})` : ` (${fmt(runs[0]!.seconds, 1)} s)`) +
    (base ? `, ×${fmt(perSecond / base, 2)} one instance` : "") +
    `; CPU per message: instances ${fmt(median(runs.map((r) => r.cpuMsPerMessage)), 3)} ms, simulator ${fmt(median(runs.map((r) => r.simCpuMsPerMessage)), 3)} ms; each sent once, none left`
  );
}

async function sqliteRows(): Promise<void> {
  const runs: Run[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const dir = mkdtempSync(join(tmpdir(), "hccd-bench-instances-"));
    try {
      runs.push(await run(join(dir, "delivery.db"), 1, "SQLite, 1 instance"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(line("SQLite", 1, runs, undefined));
}

async function postgresRows(): Promise<void> {
  const server = benchPostgres();
  if (server.url === null) {
    console.log(`delivery 1, 2, 4 instances (PostgreSQL): ${server.reason}`);
    return;
  }
  let one: number | undefined;
  for (const count of COUNTS) {
    const runs: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const name = benchDatabaseName("hccd_bench_delivery");
      const target = await createDatabase(server.url, name);
      try {
        runs.push(await run(target, count, `PostgreSQL, ${count} instances`));
      } finally {
        await dropDatabase(server.url, name);
      }
    }
    console.log(line("PostgreSQL", count, runs, one));
    if (count === 1) one = median(runs.map((r) => r.perSecond));
  }
}

export async function runDeliveryInstancesBench(): Promise<void> {
  console.log(`delivery across instances: ${MESSAGES.toLocaleString("en")} queued ZNS messages (${PER_RECIPIENT} per recipient), one simulator process, throttling off, ${CONCURRENCY} in flight per instance`);
  await sqliteRows();
  await postgresRows();
}

if (process.argv[2] === "--instance") {
  await instance(process.argv[3]!, process.argv[4]!);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.env.BENCH_ENGINE !== "postgres") await sqliteRows();
  if (process.env.BENCH_ENGINE !== "sqlite") await postgresRows();
}
