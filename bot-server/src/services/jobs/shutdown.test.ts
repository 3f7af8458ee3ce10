/**
 * Graceful shutdown: an instance told to stop finishes the send in flight and gives back, at once,
 * the rows it claimed but had not started, so that another instance sends them now rather than
 * after the claim's lease.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { claimDueOutbox, claimInboxEvents } from "@hccd/db";
import { SIM_ZALO } from "../../config.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { textEvent } from "../../webhook/events.js";
import { storeZaloEvent } from "../chat/webhook-inbox.js";
import { createWebhookProcessor } from "../chat/webhook-processor.js";
import { createSyntheticFollowers } from "../campaigns/campaign-fixtures.js";
import { enqueueChatMessage } from "../delivery/notifications.js";

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("an instance that stops", () => {
  it("finishes the send in flight and releases the rest of its claimed batch, which another worker claims at once", async () => {
    // One send at a time, one a second: the second send waits for the throttle, which the test holds.
    let t = 0;
    let open: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (open = resolve));
    let waiting = 0;
    const throttleTime = { clock: () => t, sleep: async (ms: number) => { waiting++; await held; t += ms; } };
    const w = (world = await createTestWorld({ throttleTime, env: { OUTBOX_CONCURRENCY: "1", THROTTLE_OA_PER_SEC: "1" } }));
    // Five citizens (one citizen's messages are claimed one at a time, in order): one batch of five.
    const followers = await createSyntheticFollowers(w.db, w.sim?.zalo, { count: 5, now: w.clock.now(), prefix: 7_400_000_000_000_000_000n });
    for (let i = 0; i < 5; i++) {
      await enqueueChatMessage(w.db, { now: w.clock.now(), newId: w.services.newId, oaUserId: followers[i]!.oaUserId, language: "vi", text: `Dạ, tin nhắn ${i + 1}.`, idempotencyKey: `reply:${i}` });
    }
    w.worker.start();
    for (let turn = 0; turn < 10_000 && waiting === 0; turn++) await new Promise<void>((r) => setImmediate(r));
    expect(waiting).toBe(1); // the first is sent, the second waits for the throttle: in flight
    const stopping = w.stopWork();
    open();
    await stopping;
    const rows = await w.rows<{ key: string; status: string; attempts: number; locked: unknown }>(sql`select idempotency_key as key, status, attempts, locked_until as locked from outbox order by idempotency_key`);
    expect(rows.map((r) => [r.key, r.status, Number(r.attempts), r.locked ?? null])).toEqual([
      ["reply:0", "sent", 1, null],
      ["reply:1", "sent", 1, null],
      ["reply:2", "pending", 0, null],
      ["reply:3", "pending", 0, null],
      ["reply:4", "pending", 0, null],
    ]);
    // Another instance's worker takes them now, not after the stopped one's lease.
    expect((await claimDueOutbox(w.db, { now: w.clock.now(), limit: 10, leaseMs: 60_000, channel: "oa" })).map((r) => r.idempotencyKey).sort()).toEqual(["reply:2", "reply:3", "reply:4"]);
  });
});

describe("the webhook processor of an instance that stops", () => {
  it("processes the batch of events it claimed, claims no more: the rest are another instance's at once", async () => {
    const w = (world = await createTestWorld());
    // 150 citizens' messages (one citizen's next message waits for their first: see claimInboxEvents).
    for (let i = 0; i < 150; i++) {
      const event = textEvent(SIM_ZALO, { oaUserId: `oa-${i}` }, `câu hỏi ${i}`, w.clock.now(), `msg-${i}`);
      await storeZaloEvent(w.db, { id: `e${String(i).padStart(3, "0")}`, dedupeKey: `msg-${i}`, payload: event, now: w.clock.now(), setAside: null });
    }
    let handled = 0;
    let open: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (open = resolve));
    const processor = createWebhookProcessor({ ...w.services, handle: async () => { if (handled++ === 0) await held; } });
    const running = processor.kick();
    for (let turn = 0; turn < 10_000 && handled === 0; turn++) await new Promise<void>((r) => setImmediate(r));
    const stopped = processor.stop();
    open();
    await Promise.all([running, stopped]);
    expect(handled).toBe(100); // one batch
    expect(await claimInboxEvents(w.db, { source: "zalo_webhook", now: w.clock.now(), limit: 100, leaseMs: 60_000 })).toHaveLength(50);
  });
});
