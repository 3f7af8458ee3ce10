/**
 * Delivery benchmark (issue 4): 100,000 queued reminders sent by the outbox worker, as it runs in
 * production (started, not drained by hand), to the Zalo ZNS simulator over loopback HTTP, with
 * throttling off. The simulator is `pnpm hccd simulate` in a process of its own, as Zalo is
 * elsewhere (on our 2 cores it still takes one of them). Printed: messages per second (median of
 * rounds; target ≥ 2,000/s), the simulator's own count of deliveries per tracking id, and this
 * process's peak memory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueOutbox, queryRows, type NewOutboxRow } from "@hccd/db";
import { sql } from "drizzle-orm";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { recipientKeyOf, type NotificationPayload } from "../src/services/delivery/notifications.js";
import { startSimulator } from "./simulator.js";
import { fmt, median } from "./stats.js";

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_DELIVERY_ROUNDS ?? process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = process.env.BENCH_DELIVERY_CONCURRENCY ?? "64";
/**
 * Messages queued to each recipient (default 1): a recipient's messages are sent one after
 * another in the order queued, so more per recipient means fewer to send side by side.
 */
export const PER_RECIPIENT = Math.max(1, Number(process.env.BENCH_DELIVERY_PER_RECIPIENT ?? 1));

export function payload(i: number): NotificationPayload {
  const phone = `849${String(10_000_000 + Math.floor(i / PER_RECIPIENT)).padStart(8, "0")}`;
  return {
    message: {
      type: "document_expiry",
      documentId: `doc-${i}`,
      serviceKey: "tour-guide-card",
      params: { holderName: "Nguyễn Văn An", serviceName: { vi: "thẻ hướng dẫn viên du lịch", en: "tour guide card" }, documentNo: `HDV-${i}`, expiresOn: "2027-03-31", fileBy: "2027-03-21" },
    },
    link: `https://zalo.me/s/1000000000000000001/?service=tour-guide-card&document=doc-${i}`,
    recipient: { oaUserId: null, phone, language: "vi" },
  };
}

async function round(r: number): Promise<{ perSecond: number; seconds: number; delivered: number; enqueueSeconds: number; workerCpuMsPerMessage: number; simCpuMsPerMessage: number }> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-delivery-"));
  const base = { ZALO_MODE: "sim", LOG_LEVEL: "silent", QUIET_HOURS: "0-0", SWEEP_INTERVAL_MS: "0", ZALO_SIM_DAILY_QUOTA: String(MESSAGES * 2) };
  const sim = await startSimulator(base);
  const simUrl = sim.url;
  const config = parseConfig({
    ...base,
    ZALO_SIM_URL: `${simUrl}/zalo`,
    THROTTLE_OA_PER_SEC: "0",
    THROTTLE_ZNS_PER_SEC: "0",
    THROTTLE_SMS_PER_SEC: "0",
    OUTBOX_CONCURRENCY: CONCURRENCY,
  });
  const runtime = await createRuntime(config, { dbPath: join(dir, "delivery.db"), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  try {
    const t0 = performance.now();
    const now = new Date();
    const CHUNK = 5_000;
    for (let start = 0; start < MESSAGES; start += CHUNK) {
      await runtime.handle.db.transaction(async (tx) => {
        for (let i = start; i < Math.min(MESSAGES, start + CHUNK); i++) {
          await enqueueOutbox(tx, benchMessage(`r${r}-m${i}`, `bench:${r}:${i}`, i, now));
        }
      });
    }
    const enqueueSeconds = (performance.now() - t0) / 1000;
    // Through the (status, next_attempt_at) index: a count of every row each poll would eat the CPU being measured.
    const pending = async () => ((await queryRows<{ n: number }>(runtime.handle.db, sql`select exists(select 1 from outbox where status in ('pending', 'sending')) as n`))[0]?.n ?? 0) > 0;
    const simCpu0 = sim.cpuMs();
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    runtime.worker.start();
    while (await pending()) await new Promise((res) => setTimeout(res, 50));
    const seconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const workerCpuMsPerMessage = (cpu.user + cpu.system) / 1000 / MESSAGES;
    const simCpuMsPerMessage = (sim.cpuMs() - simCpu0) / MESSAGES;
    await runtime.worker.stop();
    const stats = await sim.stats();
    const delivered = stats.trackingIds;
    if (delivered !== MESSAGES || stats.duplicated !== 0 || stats.delivered !== MESSAGES) throw new Error(`the simulator counted ${JSON.stringify(stats)}, expected ${MESSAGES} once each`);
    return { perSecond: MESSAGES / seconds, seconds, delivered, enqueueSeconds, workerCpuMsPerMessage, simCpuMsPerMessage };
  } finally {
    await runtime.close();
    sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The i-th queued message: a ZNS reminder due now, to recipient ⌊i / PER_RECIPIENT⌋. */
export function benchMessage(id: string, idempotencyKey: string, i: number, now: Date): NewOutboxRow {
  const p = payload(i);
  return { id, kind: "notification", idempotencyKey, channel: "zns", fallbackChannels: [], personId: null, recipientKey: recipientKeyOf(p.recipient), priority: "reminder", payload: p as unknown as Record<string, unknown>, nextAttemptAt: now, now };
}

export async function runDeliveryBench(): Promise<void> {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(r));
  console.log(
    `delivery: ${MESSAGES.toLocaleString("en")} queued ZNS messages (${PER_RECIPIENT} per recipient) to the simulator over loopback, throttling off, ${CONCURRENCY} in flight: ` +
      `median ${fmt(median(rounds.map((x) => x.perSecond)), 0)} messages/s over ${ROUNDS} rounds (${rounds.map((x) => fmt(x.perSecond, 0)).join(", ")}; target ≥ 2,000/s); ` +
      `each delivered once (${rounds[0]!.delivered.toLocaleString("en")} tracking ids); queueing took ${fmt(median(rounds.map((x) => x.enqueueSeconds)), 1)} s; ` +
      `CPU per message: worker ${fmt(median(rounds.map((x) => x.workerCpuMsPerMessage)), 3)} ms (so ${fmt(1000 / median(rounds.map((x) => x.workerCpuMsPerMessage)), 0)}/s on a core of its own), simulator ${fmt(median(rounds.map((x) => x.simCpuMsPerMessage)), 3)} ms; ` +
      `peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) await runDeliveryBench();
