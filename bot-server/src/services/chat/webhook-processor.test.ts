import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { claimInboxEvents, createDb, queryRows, type DbHandle } from "@hccd/db";
import { parseConfig, SIM_ZALO } from "../../config.js";
import { createLogger } from "../../logger.js";
import { handTimer } from "../../testing/hand-timer.js";
import { textEvent } from "../../webhook/events.js";
import { storeZaloEvent } from "./webhook-inbox.js";
import { createWebhookProcessor, type InboxEventHandler } from "./webhook-processor.js";

const handles: DbHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

async function setup(events: number) {
  const h = await createDb(":memory:");
  handles.push(h);
  let t = new Date("2026-11-24T03:00:00Z").getTime();
  const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
  let n = 0;
  const deps = { db: h.db, config: parseConfig({}), logger: createLogger({ level: "silent" }), now: clock.now, newId: () => `id-${++n}` };
  for (let i = 0; i < events; i++) {
    const event = textEvent(SIM_ZALO, { oaUserId: `oa-${i % 3}` }, `câu hỏi ${i}`, clock.now(), `msg-${i}`);
    await storeZaloEvent(h.db, { id: `e${String(i).padStart(2, "0")}`, dedupeKey: `msg-${i}`, payload: event, now: clock.now(), setAside: null });
  }
  const unprocessed = async () => (await queryRows<{ n: number }>(h.db, sql`select count(*) as n from inbox where processed_at is null`))[0]!.n;
  return { h, clock, deps, unprocessed };
}

describe("webhook processor", () => {
  it("two instances draining one inbox at once handle every event exactly once", async () => {
    const { deps, unprocessed } = await setup(20);
    const handled: string[] = [];
    const handle: InboxEventHandler = async ({ inboxId }) => {
      handled.push(inboxId);
      // A handler awaits the database: the other instance runs meanwhile.
      await new Promise((r) => setImmediate(r));
    };
    const [a, b] = [createWebhookProcessor({ ...deps, handle }), createWebhookProcessor({ ...deps, handle })];
    await Promise.all([a.drain(), b.drain(), a.drain()]);
    expect(handled.slice().sort()).toEqual(Array.from({ length: 20 }, (_, i) => `e${String(i).padStart(2, "0")}`));
    expect(await unprocessed()).toBe(0);
  });

  it("handles each citizen's messages in the order they came, with two instances draining at once", async () => {
    // 150 messages of three citizens, taking turns: more than one claim holds (100).
    const { deps, unprocessed } = await setup(150);
    const handled: { user: string; n: number }[] = [];
    const handle: InboxEventHandler = async ({ event }) => {
      handled.push({ user: event.sender!.id, n: Number(event.message!.text!.split(" ")[2]) });
      await new Promise((r) => setImmediate(r));
    };
    const [a, b] = [createWebhookProcessor({ ...deps, handle }), createWebhookProcessor({ ...deps, handle })];
    for (let round = 0; round < 200 && (await unprocessed()) > 0; round++) await Promise.all([a.drain(), b.drain()]);
    expect(handled).toHaveLength(150);
    for (const user of ["oa-0", "oa-1", "oa-2"]) {
      const order = handled.filter((h) => h.user === user).map((h) => h.n);
      expect(order, user).toEqual(order.slice().sort((x, y) => x - y));
    }
  });

  it("retries a failed event on its timer, without waiting for the next event to arrive", async () => {
    const { deps, unprocessed } = await setup(1);
    let calls = 0;
    const timer = handTimer();
    const processor = createWebhookProcessor(
      {
        ...deps,
        handle: async () => {
          if (++calls === 1) throw new Error("the database was busy");
        },
      },
      { pollMs: 5_000, timer },
    );
    processor.start();
    await processor.idle();
    expect(calls).toBe(1);
    expect(await unprocessed()).toBe(1);
    timer.tick();
    await processor.idle();
    expect(calls).toBe(2);
    expect(await unprocessed()).toBe(0);
    await processor.stop();
  });

  it("takes over the events an instance claimed before it died, once its lease has passed", async () => {
    const { deps, clock, unprocessed } = await setup(3);
    // The dead instance's claim: nobody else may take these events until it expires.
    expect(await claimInboxEvents(deps.db, { source: "zalo_webhook", now: clock.now(), limit: 10, leaseMs: 60_000 })).toHaveLength(3);
    const handled: string[] = [];
    const processor = createWebhookProcessor({ ...deps, handle: async ({ inboxId }) => void handled.push(inboxId) });
    await processor.drain();
    expect(handled).toEqual([]);
    clock.advance(60_001);
    await processor.drain();
    expect(handled).toEqual(["e00", "e01", "e02"]);
    expect(await unprocessed()).toBe(0);
  });

  it("lets the event loop run between events, so requests are answered while a backlog is processed", async () => {
    const { deps, unprocessed } = await setup(30);
    let handled = 0;
    const processor = createWebhookProcessor({ ...deps, handle: async () => void handled++ });
    const drained = processor.drain();
    // What a request arriving now waits for: its I/O callback runs at the next turn of the loop.
    const handledWhenTheLoopTurned = await new Promise<number>((r) => setImmediate(() => r(handled)));
    await drained;
    expect(handledWhenTheLoopTurned).toBeLessThan(2);
    expect(handled).toBe(30);
    expect(await unprocessed()).toBe(0);
  });
});
