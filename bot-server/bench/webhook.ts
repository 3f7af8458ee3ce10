/**
 * Webhook intake benchmark: signed OA events per second and acknowledgement latency (p50/p99) of
 * `POST /webhooks/zalo` with durable storage (SQLite file, WAL), next to a bare Hono handler that
 * only reads the body, on the same machine in the same run. Loopback only; bounded in count.
 */
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows } from "@hccd/db";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { signEvent, textEvent } from "../src/webhook/events.js";
import { fmt, median, percentile } from "./stats.js";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
  });
}

async function load(url: string, bodies: { body: string; signature: string }[]) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= bodies.length) return;
        const b = bodies[i]!;
        const t0 = performance.now();
        const res = await fetch(`${url}/webhooks/zalo`, { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": b.signature }, body: b.body });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: bodies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

export async function runWebhookBench() {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-webhook-"));
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent" });
  const runtime = await createRuntime(config, { dbPath: join(dir, "bench.db"), logger: createLogger({ level: "silent" }), defaultMetrics: false, processWebhooksOnStore: process.env.BENCH_PROCESS !== "0" });
  const secrets = { appId: config.ZALO_APP_ID!, oaId: config.ZALO_OA_ID!, oaSecretKey: config.ZALO_OA_SECRET_KEY!, appSecret: config.ZALO_APP_SECRET! };
  const app = await listen(runtime.app.fetch);
  const bare = new Hono().post("/webhooks/zalo", async (c) => {
    await c.req.text();
    return c.json({ ok: true });
  });
  const baseline = await listen(bare.fetch);
  let seq = 0;
  const batch = () =>
    Array.from({ length: EVENTS }, () => {
      seq++;
      const user = { oaUserId: String(8_200_000_000_000_000_000n + BigInt(seq % 500)) };
      return signEvent(textEvent(secrets, user, `câu hỏi số ${seq} về đăng ký khai sinh`, new Date(), `bench-${seq}`), secrets);
    });

  const rounds: { app: Awaited<ReturnType<typeof load>>; bare: Awaited<ReturnType<typeof load>> }[] = [];
  await load(app.url, batch().slice(0, 200)); // warm-up
  await load(baseline.url, batch().slice(0, 200));
  for (let r = 0; r < ROUNDS; r++) rounds.push({ bare: await load(baseline.url, batch()), app: await load(app.url, batch()) });
  await runtime.webhooks.idle();
  const stored = (await queryRows<{ n: number }>(runtime.handle.db, sql`select count(*) as n from inbox`))[0]?.n ?? 0;

  const result = {
    events: EVENTS,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    app: { perSecond: median(rounds.map((r) => r.app.perSecond)), p50Ms: median(rounds.map((r) => r.app.p50)), p99Ms: median(rounds.map((r) => r.app.p99)), failures: rounds.reduce((n, r) => n + r.app.failures, 0) },
    bare: { perSecond: median(rounds.map((r) => r.bare.perSecond)), p50Ms: median(rounds.map((r) => r.bare.p50)), p99Ms: median(rounds.map((r) => r.bare.p99)) },
    stored,
  };
  console.log(`\nWebhook intake (${EVENTS} signed events × ${ROUNDS} rounds, ${CONCURRENCY} concurrent, loopback, medians of rounds)`);
  console.log(`  /webhooks/zalo (verify, store in SQLite WAL, 200)  ${fmt(result.app.perSecond, 0)} events/s  p50 ${fmt(result.app.p50Ms)} ms  p99 ${fmt(result.app.p99Ms)} ms  failures ${result.app.failures}`);
  console.log(`  bare Hono handler (read body, 200)                 ${fmt(result.bare.perSecond, 0)} events/s  p50 ${fmt(result.bare.p50Ms)} ms  p99 ${fmt(result.bare.p99Ms)} ms`);
  console.log(`  ratio app/bare throughput ${fmt(result.app.perSecond / result.bare.perSecond)}; p99 ${fmt(result.app.p99Ms / result.bare.p99Ms)}×; events stored ${stored}`);

  await new Promise<void>((r) => app.server.close(() => r()));
  await new Promise<void>((r) => baseline.server.close(() => r()));
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebhookBench();
