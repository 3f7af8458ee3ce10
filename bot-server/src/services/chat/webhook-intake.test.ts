/**
 * Webhook intake off the request path: `POST /webhooks/zalo` answers once the event is committed,
 * whatever the processor is doing, and every acknowledged event is stored and processed once.
 * The route and the processor are wired as the runtime wires them, with a handler the test holds.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { parseConfig, SIM_ZALO } from "../../config.js";
import { createLogger } from "../../logger.js";
import type { AppEnv } from "../../env.js";
import { webhookRoutes } from "../../routes/webhook.js";
import { signEvent, textEvent } from "../../webhook/events.js";
import { createWebhookProcessor, type InboxEventHandler } from "./webhook-processor.js";

const open = testDbs(afterEach);
const started: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const p of started.splice(0)) await p.stop();
});

const at = new Date("2026-11-24T03:00:00Z");
const logger = createLogger({ level: "silent" });

/** The webhook route and a processor on one database, the route kicking the processor as in the runtime. */
function intake(db: Db, handle: InboxEventHandler) {
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent" });
  let n = 0;
  const processor = createWebhookProcessor({ db, config, logger, now: () => at, newId: () => `id-${++n}`, handle });
  started.push(processor);
  const app = new Hono<AppEnv>()
    .use("*", async (c, next) => {
      c.set("log", logger);
      await next();
    })
    .route("/webhooks", webhookRoutes({ db, config, now: () => at, onStored: () => void processor.kick() }));
  const post = async (text: string, msgId: string, user = "8100000000000000001") => {
    const { body, signature } = signEvent(textEvent(SIM_ZALO, { oaUserId: user }, text, at, msgId), SIM_ZALO);
    const res = await app.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body });
    return { status: res.status, body: (await res.json()) as { ok: boolean; duplicate: boolean } };
  };
  return { processor, post };
}

const count = async (db: Db, where = sql`true`) => Number((await queryRows<{ n: number }>(db, sql`select count(*) as n from inbox where ${where}`))[0]!.n);

describe("webhook intake", () => {
  it("commits an event before answering 200: another process reading the database at that moment finds it", async () => {
    const [server, other] = await open.shared(2);
    const { post } = intake(server!.db, async () => undefined);
    const res = await post("hạn đăng ký khai sinh là bao lâu", "m-crash");
    expect(res).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    // Nothing else of the server's runs before this read: had it answered before committing, the row would be missing.
    expect(await count(other!.db, sql`dedupe_key = 'msg:user_send_text:m-crash'`)).toBe(1);
  });

  it("stores one row for the same event posted 20 times at once, answering every one 200 and exactly one as new", async () => {
    const { db } = await open();
    const { post } = intake(db, async () => undefined);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post("xin chào", "m-dup")));
    expect(answers.every((a) => a.status === 200 && a.body.ok)).toBe(true);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    expect(await count(db)).toBe(1);
  });

  it("acknowledges a burst of 150 events at once, stores each and processes each exactly once", async () => {
    const { db } = await open();
    const handled: string[] = [];
    const { processor, post } = intake(db, async ({ event }) => void handled.push(event.message!.msg_id!));
    const ids = Array.from({ length: 150 }, (_, i) => `m-burst-${i}`);
    const answers = await Promise.all(ids.map((id, i) => post(`câu hỏi số ${i}`, id, String(8_100_000_000_000_000_000n + BigInt(i % 7)))));
    expect(answers.filter((a) => a.status === 200 && !a.body.duplicate)).toHaveLength(150);
    expect(await count(db)).toBe(150);
    await processor.drain();
    await processor.idle();
    expect(handled.slice().sort()).toEqual(ids.slice().sort());
    expect(await count(db, sql`processed_at is null`)).toBe(0);
  });

  it("answers 200 while the processor is still busy with an earlier event (it waits for nothing the processor holds)", async () => {
    const { db } = await open();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let busy!: () => void;
    const processorBusy = new Promise<void>((r) => (busy = r));
    const { processor, post } = intake(db, async ({ event }) => {
      if (event.message?.msg_id === "m-slow") {
        busy();
        await held;
      }
    });
    expect((await post("câu hỏi chậm", "m-slow")).status).toBe(200);
    await processorBusy;
    // The processor is held inside its handler; the next events are acknowledged meanwhile (else this test times out).
    const later = await Promise.all([post("câu hỏi tiếp", "m-next-1"), post("câu hỏi nữa", "m-next-2")]);
    expect(later.map((a) => a.status)).toEqual([200, 200]);
    expect(await count(db, sql`processed_at is null`)).toBe(3);
    release();
    await processor.drain();
    await processor.idle();
    expect(await count(db, sql`processed_at is null`)).toBe(0);
  });
});
