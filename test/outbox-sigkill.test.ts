import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createDb, queryRows, tablesOf } from "@hccd/db";
import { and, eq, lte, sql } from "drizzle-orm";
import { createLogger, createRuntime, createStandaloneSimulators, importLicences, parseConfig, sweepReminders } from "@hccd/bot-server";
import { addDays, vietnamDate } from "@hccd/shared";
import { exited, spawnBackend, until } from "./support/child-process.js";

/**
 * Issue 4's fault test: the delivery worker is a separate process (`pnpm hccd worker`) killed with
 * SIGKILL three times while it is sending. The Zalo and SMS simulators live in this process, so
 * they outlive it and count deliveries per idempotency key (ZNS tracking id, SMS client reference:
 * both the outbox row id). They answer 150 ms after delivering, so a kill lands in the window where
 * the platform has delivered and the worker has not yet recorded it.
 */
const MESSAGES = 300;
const KILLS = 3;

let dir: string;
let server: ServerType;
let sims: ReturnType<typeof createStandaloneSimulators>;
let base: string;
let dbPath: string;
const children: ChildProcess[] = [];

const phoneOf = (i: number) => `09${String(10_000_000 + i)}`;
/** Every second holder has no Zalo account: ZNS refuses (-118) and the message falls over to SMS. */
const withoutZalo = (i: number) => i % 2 === 1;

function deliveries(): Map<string, number> {
  const all = new Map(sims.zalo.deliveriesPerTrackingId());
  for (const [ref, n] of sims.sms.deliveriesPerClientRef()) all.set(ref, (all.get(ref) ?? 0) + n);
  return all;
}
const delivered = () => [...deliveries().values()].reduce((a, b) => a + b, 0);

/** The outbox as the worker left it: a connection of its own (the database is migrated in beforeAll). */
async function outboxRows(): Promise<{ id: string; status: string; channel: string }[]> {
  const db = await createDb(dbPath, { migrate: false });
  try {
    return await queryRows<{ id: string; status: string; channel: string }>(db.db, sql`select id, status, channel from outbox`);
  } finally {
    await db.close();
  }
}

function startWorker(): ChildProcess {
  const child = spawnBackend("cli.ts", ["worker"], {
    ...process.env,
    ZALO_MODE: "sim",
    ZALO_SIM_URL: `${base}/zalo`,
    SMS_GATEWAY_URL: `${base}/sms`,
    SMS_API_KEY: sims.sms.apiKey,
    DATABASE_PATH: dbPath,
    QUIET_HOURS: "0-0",
    SWEEP_INTERVAL_MS: "0",
    OUTBOX_LEASE_MS: "2000",
    THROTTLE_ZNS_PER_SEC: "0",
    THROTTLE_SMS_PER_SEC: "0",
    LOG_LEVEL: "silent",
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hccd-sigkill-"));
  dbPath = join(dir, "fault.db");
  const config = parseConfig({ ZALO_MODE: "sim", QUIET_HOURS: "0-0", LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0" });
  sims = createStandaloneSimulators(config, { responseDelayMs: 150 });
  for (let i = 0; i < MESSAGES; i++) if (withoutZalo(i)) sims.zalo.setWithoutZalo(phoneOf(i));
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: sims.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port));
  });
  base = `http://127.0.0.1:${port}`;

  // The day's reminders, queued as the sweep queues them.
  const rt = await createRuntime(config, { dbPath, logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const expires = addDays(vietnamDate(new Date()), 30);
  const csv = ["service_code,document_no,holder_kind,holder_name,phone,expires_on", ...Array.from({ length: MESSAGES }, (_, i) => `tour-guide-card,HDV-${i},person,Nguyễn Văn An,${phoneOf(i)},${expires}`)].join("\n");
  writeFileSync(join(dir, "list.csv"), csv);
  const report = await importLicences(rt.services, { path: join(dir, "list.csv"), fileName: "list.csv", format: "csv", importedBy: "fault-test", catalogue: rt.catalogue });
  expect(report.created).toBe(MESSAGES);
  // The 30-day notice goes at 08:00 Vietnam time today: due now, whatever the hour the test runs.
  const { reminders } = tablesOf(rt.handle.db);
  await rt.handle.db.update(reminders).set({ nextAt: new Date(Date.now() - 60_000) }).where(and(eq(reminders.status, "planned"), lte(reminders.nextAt, new Date(Date.now() + 86_400_000))));
  expect((await sweepReminders(rt.services, { catalogue: rt.catalogue })).queued).toBe(MESSAGES);
  await rt.close();
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await Promise.all(children.map(exited));
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("delivery worker killed with SIGKILL mid-dispatch", () => {
  it(`delivers each of ${MESSAGES} messages exactly once across ${KILLS} kills and restarts`, async () => {
    let inFlightAtKill = 0;
    for (let k = 0; k < KILLS; k++) {
      const before = delivered();
      const worker = startWorker();
      // Kill once it has sent a good part of what is left, but not all of it.
      await until(`worker ${k + 1} to send`, () => delivered() >= before + Math.floor(MESSAGES / (KILLS + 2)));
      worker.kill("SIGKILL");
      await exited(worker);
      expect(worker.signalCode).toBe("SIGKILL");
      // The process that sent is the one that died: nothing more arrives.
      const atKill = delivered();
      await new Promise((r) => setTimeout(r, 500));
      expect(delivered()).toBe(atKill);
      // Delivered by the platform, not yet recorded as sent: the window the test is about.
      const got = deliveries();
      inFlightAtKill += (await outboxRows()).filter((r) => r.status !== "sent" && got.has(r.id)).length;
    }
    expect(delivered()).toBeLessThan(MESSAGES); // the kills left work undone
    expect(inFlightAtKill).toBeGreaterThan(0);

    const last = startWorker();
    await until("every message sent", async () => (await outboxRows()).every((r) => r.status === "sent"), 90_000);
    last.kill("SIGTERM");
    await exited(last);

    const rows = await outboxRows();
    const got = deliveries();
    expect(rows).toHaveLength(MESSAGES);
    expect(got.size).toBe(MESSAGES);
    expect([...got.values()].filter((n) => n !== 1)).toEqual([]);
    for (const r of rows) expect(got.get(r.id), r.id).toBe(1);
    // Both channels took part: ZNS for holders on Zalo, SMS for the others.
    expect(rows.filter((r) => r.channel === "sms")).toHaveLength(MESSAGES / 2);
    expect(sims.sms.messages()).toHaveLength(MESSAGES / 2);
  }, 240_000);
});
