import { afterEach, describe, expect, it } from "vitest";
import { testDbs } from "../testing/test-db.js";
import { eq } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { cancelPendingOutbox, claimDueOutbox, enqueueOutbox, enqueueOutboxRows, getOutboxRow, holdOutboxClaim, markOutboxFailed, markOutboxReceipt, markOutboxSent, markOutboxSentMany, markOutboxUndelivered, releaseOutboxClaims, rescheduleOutbox, type OutboxPriority, type OutboxRow } from "./outbox.js";

const t0 = new Date("2026-11-24T03:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const open = testDbs(afterEach);
const row = (key: string, nextAttemptAt = t0) => ({ id: `id-${key}`, kind: "case_submission" as const, idempotencyKey: key, channel: "case_system" as const, priority: "transactional" as const, payload: { submissionId: key }, nextAttemptAt, now: t0 });

describe("outbox", () => {
  it("stores one row per idempotency key", async () => {
    const { db } = await open();
    const a = await enqueueOutbox(db, row("k1"));
    const b = await enqueueOutbox(db, { ...row("k1"), id: "other" });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.row.id).toBe("id-k1");
  });

  it("returns on insert exactly the row it stored (the insert bypasses drizzle for speed)", async () => {
    const { db } = await open();
    const { row: inserted } = await enqueueOutbox(db, { ...row("exact"), kind: "notification", channel: "zns", fallbackChannels: ["sms"], payload: { message: { type: "x", text: "Kính gửi Ông/Bà" } } });
    expect(await getOutboxRow(db, "id-exact")).toEqual(inserted);
    await markOutboxSent(db, "id-exact", "zns-1", at(5_000));
    expect(await getOutboxRow(db, "id-exact")).toMatchObject({ status: "sent", providerRef: "zns-1", sentAt: at(5_000), lockedUntil: null });
  });

  it("stores many rows at once, one per key: a key stored already or given twice answers with the stored row, in order", async () => {
    const { db } = await open();
    await enqueueOutbox(db, row("before"));
    const many = Array.from({ length: 6_000 }, (_, i) => row(`k${i}`));
    const results = await db.transaction((tx) => enqueueOutboxRows(tx, [row("a"), { ...row("before"), id: "again" }, ...many, { ...row("a"), id: "a-twice" }]));
    expect(results.map((r) => [r.row.id, r.created])).toEqual([["id-a", true], ["id-before", false], ...many.map((m) => [m.id, true]), ["id-a", false]]);
    expect(results[1]!.row).toEqual(await getOutboxRow(db, "id-before"));
    expect(await getOutboxRow(db, "id-k5999")).toEqual(results[5_999 + 2]!.row);
    expect(await getOutboxRow(db, "again")).toBeUndefined();
  });

  /** A notification on a channel, of a priority, due at `due`. */
  const message = (key: string, channel: "oa" | "zns" | "sms", priority: OutboxPriority, due = t0) => ({
    id: `id-${key}`, kind: "notification" as const, idempotencyKey: key, channel, priority, payload: { message: { type: "chat", text: key } }, nextAttemptAt: due, now: t0,
  });

  it("claims per channel: a backlog of OA replies does not hide a due ZNS notice or a dossier", async () => {
    const { db } = await open();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) await enqueueOutbox(tx, message(`oa-${i}`, "oa", "transactional", at(-600_000 + i)));
    });
    await enqueueOutbox(db, message("birth-notice", "zns", "transactional"));
    await enqueueOutbox(db, row("dossier"));
    const claim = async (channel: OutboxRow["channel"]) => (await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel })).map((r) => r.idempotencyKey);
    expect(await claim("zns")).toEqual(["birth-notice"]);
    expect(await claim("case_system")).toEqual(["dossier"]);
    expect(await claim("sms")).toEqual([]);
    expect(await claim("oa")).toEqual(Array.from({ length: 10 }, (_, i) => `oa-${i}`));
  });

  it("claims a channel's transactional messages before its reminders and campaign traffic, each in due order", async () => {
    const { db } = await open();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await enqueueOutbox(tx, message(`campaign-${i}`, "oa", "campaign", at(-600_000 + i)));
      for (let i = 0; i < 3; i++) await enqueueOutbox(tx, message(`reminder-${i}`, "oa", "reminder", at(-300_000 + i)));
    });
    await enqueueOutbox(db, message("reply-later", "oa", "transactional", at(-1)));
    await enqueueOutbox(db, message("reply", "oa", "transactional", at(-2)));
    await enqueueOutbox(db, message("reply-not-due", "oa", "transactional", at(60_000)));
    const claimed = await claimDueOutbox(db, { now: t0, limit: 7, leaseMs: 30_000, channel: "oa" });
    expect(claimed.map((r) => r.idempotencyKey)).toEqual(["reply", "reply-later", "reminder-0", "reminder-1", "reminder-2", "campaign-0", "campaign-1"]);
    // A crashed send comes back after its lease, in its place among the others.
    expect((await claimDueOutbox(db, { now: at(30_000), limit: 3, leaseMs: 30_000, channel: "oa" })).map((r) => r.idempotencyKey)).toEqual(["reply", "reply-later", "reminder-0"]);
  });

  it("claims due rows once, and a crashed send again after its lease", async () => {
    const { db } = await open();
    await enqueueOutbox(db, row("due"));
    await enqueueOutbox(db, row("later", at(60_000)));
    const first = await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(first.map((r) => r.idempotencyKey)).toEqual(["due"]);
    expect(first[0]).toMatchObject({ status: "sending", attempts: 1 });
    expect(await claimDueOutbox(db, { now: at(1000), limit: 10, leaseMs: 30_000, channel: "case_system" })).toEqual([]);
    // The worker died: after the lease both the orphan and the now-due row are claimed.
    const again = await claimDueOutbox(db, { now: at(60_000), limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(again.map((r) => r.idempotencyKey).sort()).toEqual(["due", "later"]);
    expect(again.find((r) => r.idempotencyKey === "due")?.attempts).toBe(2);
  });

  it("does not claim sent, cancelled or rescheduled rows early", async () => {
    const { db } = await open();
    await enqueueOutbox(db, row("a"));
    await enqueueOutbox(db, row("b"));
    await enqueueOutbox(db, row("c"));
    await claimDueOutbox(db, { now: t0, limit: 1, leaseMs: 30_000, channel: "case_system" });
    await markOutboxSent(db, "id-a", "case-1", t0);
    expect(await cancelPendingOutbox(db, "b", t0)).toBe(true);
    expect(await cancelPendingOutbox(db, "a", t0)).toBe(false); // already sent
    const [c] = await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(c?.idempotencyKey).toBe("c");
    await rescheduleOutbox(db, "id-c", { nextAttemptAt: at(10_000), lastError: "timeout", now: t0 });
    expect(await claimDueOutbox(db, { now: at(9_999), limit: 10, leaseMs: 30_000, channel: "case_system" })).toEqual([]);
    expect((await claimDueOutbox(db, { now: at(10_000), limit: 10, leaseMs: 30_000, channel: "case_system" })).map((r) => r.idempotencyKey)).toEqual(["c"]);
    expect((await getOutboxRow(db, "id-b"))?.status).toBe("cancelled");
  });

  it("keeps a delivery report that arrived before the sender marked the row sent", async () => {
    // An SMS gateway reports on its own request, which another instance may handle before the
    // sending one has committed 'sent': the report must not be lost, nor overwritten by 'sent'.
    const { db } = await open();
    await enqueueOutbox(db, message("fast-ok", "sms", "reminder"));
    await enqueueOutbox(db, message("fast-fail", "sms", "reminder"));
    await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "sms" });
    await rescheduleOutbox(db, "id-fast-ok", { nextAttemptAt: t0, lastError: "zns error -118", now: t0, channel: "sms" });
    await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "sms" });
    expect(await markOutboxReceipt(db, { trackingId: "id-fast-ok" }, "delivered", at(1_000))).toBe(true);
    expect(await markOutboxUndelivered(db, "id-fast-fail", "sms failed: subscriber unreachable", at(1_000))).toBe(true);
    await markOutboxSent(db, "id-fast-ok", "sms-1", at(2_000));
    await markOutboxSent(db, "id-fast-fail", "sms-2", at(2_000));
    expect(await getOutboxRow(db, "id-fast-ok")).toMatchObject({ status: "delivered", lastError: null, providerRef: "sms-1", lockedUntil: null });
    expect(await getOutboxRow(db, "id-fast-fail")).toMatchObject({ status: "failed", lastError: "sms failed: subscriber unreachable", providerRef: "sms-2" });
    // A report about a row still waiting in the queue changes nothing: it was never sent.
    await enqueueOutbox(db, message("queued", "sms", "reminder", at(60_000)));
    expect(await markOutboxReceipt(db, { trackingId: "id-queued" }, "delivered", at(1_000))).toBe(false);
  });

  it("marks many rows sent in one go, each with its own reference and time, a report already in keeping its status", async () => {
    const { db } = await open();
    for (const key of ["m1", "m2", "m3"]) await enqueueOutbox(db, message(key, "zns", "reminder"));
    await enqueueOutbox(db, message("untouched", "zns", "reminder", at(60_000)));
    await claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "zns" });
    expect(await markOutboxReceipt(db, { trackingId: "id-m2" }, "delivered", at(500))).toBe(true);
    await markOutboxSentMany(db, [
      { id: "id-m1", providerRef: "zns-1", at: at(1_000) },
      { id: "id-m2", providerRef: "zns-2", at: at(2_000) },
      { id: "id-m3", providerRef: "zns-3", at: at(3_000) },
    ]);
    expect(await getOutboxRow(db, "id-m1")).toMatchObject({ status: "sent", providerRef: "zns-1", sentAt: at(1_000), updatedAt: at(1_000), lockedUntil: null });
    expect(await getOutboxRow(db, "id-m2")).toMatchObject({ status: "delivered", providerRef: "zns-2", sentAt: at(2_000), lockedUntil: null });
    expect(await getOutboxRow(db, "id-m3")).toMatchObject({ status: "sent", providerRef: "zns-3", sentAt: at(3_000) });
    expect(await getOutboxRow(db, "id-untouched")).toMatchObject({ status: "pending", providerRef: null, sentAt: null });
    await markOutboxSentMany(db, []);
  });

  it("tells a worker that stalled past its lease that the row was claimed again, so only the new claim sends", async () => {
    const { db } = await open();
    await enqueueOutbox(db, message("stalled", "zns", "transactional"));
    const [first] = await claimDueOutbox(db, { now: t0, limit: 1, leaseMs: 4_000, channel: "zns" });
    // Still within its lease: held, and the lease starts again from now.
    expect(await holdOutboxClaim(db, first!, at(3_000), 4_000)).toEqual(at(7_000));
    expect(await claimDueOutbox(db, { now: at(5_000), limit: 1, leaseMs: 4_000, channel: "zns" })).toEqual([]);
    // The claim is known by its renewed lease end: held again by it, not by the old one.
    expect(await holdOutboxClaim(db, first!, at(3_500), 4_000)).toBeNull();
    expect(await holdOutboxClaim(db, { ...first!, lockedUntil: at(7_000) }, at(3_500), 4_000)).toEqual(at(7_500));
    // It stalls; another worker claims the row after the renewed lease.
    const [second] = await claimDueOutbox(db, { now: at(7_500), limit: 1, leaseMs: 4_000, channel: "zns" });
    expect(second?.id).toBe("id-stalled");
    expect(await holdOutboxClaim(db, { ...first!, lockedUntil: at(7_500) }, at(8_000), 4_000)).toBeNull();
    expect(await holdOutboxClaim(db, second!, at(8_000), 4_000)).toEqual(at(12_000));
    await markOutboxSent(db, "id-stalled", "zns-1", at(8_500));
    expect(await holdOutboxClaim(db, second!, at(8_500), 4_000)).toBeNull(); // sent: nobody's claim any more
  });

  describe("a recipient's messages go in the order they were queued", () => {
    /** A message to `recipient` (a recipient key), queued at t0, due at `due`. */
    const to = (key: string, recipient: string, o: { priority?: OutboxPriority; channel?: "oa" | "zns" | "sms"; due?: Date } = {}) => ({
      id: `id-${key}`, kind: "notification" as const, idempotencyKey: key, channel: o.channel ?? "oa", priority: o.priority ?? "transactional", recipientKey: recipient,
      payload: { message: { type: "chat", text: key } }, nextAttemptAt: o.due ?? t0, now: t0,
    });
    const claim = async (db: Db, now = t0, channel: OutboxRow["channel"] = "oa") => (await claimDueOutbox(db, { now, limit: 50, leaseMs: 30_000, channel })).map((r) => r.idempotencyKey).sort();
    /** Queued in one transaction, in this order, in one instant. */
    const queue = (db: Db, rows: Parameters<typeof enqueueOutbox>[1][]) => db.transaction(async (tx) => {
      for (const r of rows) await enqueueOutbox(tx, r);
    });

    it("hands out one message of a recipient at a time, the earliest queued, and the next once it is sent", async () => {
      const { db } = await open();
      await queue(db, [to("lan-1", "oa:lan"), to("hung-1", "oa:hung"), to("lan-2", "oa:lan"), to("lan-3", "oa:lan"), to("hung-2", "oa:hung")]);
      expect(await claim(db)).toEqual(["hung-1", "lan-1"]);
      expect(await claim(db, at(1_000))).toEqual([]); // the first ones are being sent
      await markOutboxSent(db, "id-lan-1", "oa-1", at(1_000));
      expect(await claim(db, at(1_000))).toEqual(["lan-2"]);
      await markOutboxSent(db, "id-hung-1", "oa-2", at(1_000));
      await markOutboxSent(db, "id-lan-2", "oa-3", at(1_000));
      expect(await claim(db, at(1_000))).toEqual(["hung-2", "lan-3"]);
    });

    it("keeps the next waiting while the one before waits for its retry, until it is sent, fails for good or is cancelled", async () => {
      const { db } = await open();
      await queue(db, [to("a", "oa:lan"), to("b", "oa:lan"), to("c", "oa:lan"), to("d", "oa:lan")]);
      expect(await claim(db)).toEqual(["a"]);
      await rescheduleOutbox(db, "id-a", { nextAttemptAt: at(30_000), lastError: "503", now: at(1_000) });
      expect(await claim(db, at(1_000))).toEqual([]);
      expect(await claim(db, at(30_000))).toEqual(["a"]);
      await rescheduleOutbox(db, "id-a", { nextAttemptAt: at(90_000), lastError: "503", now: at(30_000) });
      await markOutboxFailed(db, "id-a", "gave up", at(90_000)); // given up: listed for staff
      expect(await claim(db, at(90_000))).toEqual(["b"]);
      await rescheduleOutbox(db, "id-b", { nextAttemptAt: at(120_000), lastError: "503", now: at(90_000) });
      expect(await cancelPendingOutbox(db, "b", at(91_000))).toBe(true); // superseded
      expect(await claim(db, at(91_000))).toEqual(["c"]);
      // A worker shutting down gives its claim back: it keeps its place.
      await releaseOutboxClaims(db, ["id-c"], at(92_000));
      expect(await claim(db, at(92_000))).toEqual(["c"]);
      // Its worker died: after the lease it is claimed again, still before the next.
      expect(await claim(db, at(130_000))).toEqual(["c"]);
      await markOutboxSent(db, "id-c", "oa-1", at(130_000));
      expect(await claim(db, at(130_000))).toEqual(["d"]);
    });

    it("keeps its place when it falls over to another channel: the next waits for it there", async () => {
      const { db } = await open();
      await queue(db, [to("notice", "phone:84912345678"), to("status", "phone:84912345678")]);
      expect(await claim(db)).toEqual(["notice"]);
      await rescheduleOutbox(db, "id-notice", { nextAttemptAt: at(1_000), lastError: "-213", now: at(1_000), channel: "zns", fallbackChannels: ["sms"], resetAttempts: true });
      expect(await claim(db, at(1_000))).toEqual([]);
      expect(await claim(db, at(1_000), "zns")).toEqual(["notice"]);
      await markOutboxSent(db, "id-notice", "zns-1", at(2_000));
      expect(await claim(db, at(2_000))).toEqual(["status"]);
    });

    it("is not held back by a message waiting for its time, of another priority, of a paused campaign, or to someone else", async () => {
      const { db } = await open();
      await queue(db, [
        to("morning-notice", "oa:lan", { due: at(4 * 3_600_000) }), // quiet hours: due at 07:00
        to("campaign", "oa:lan", { priority: "campaign" }),
        to("reminder", "oa:lan", { priority: "reminder" }),
        to("reply", "oa:lan"),
        { ...to("unkeyed", "oa:lan"), recipientKey: null }, // no recipient: no order kept
      ]);
      await db.update(tablesOf(db).outbox).set({ status: "held" }).where(eq(tablesOf(db).outbox.id, "id-campaign")); // its campaign is paused
      expect(await claim(db)).toEqual(["reminder", "reply", "unkeyed"]);
      for (const id of ["id-reminder", "id-reply", "id-unkeyed"]) await markOutboxSent(db, id, null, at(1_000));
      // Once due, the morning notice goes before what was queued after it.
      await enqueueOutbox(db, to("later-reply", "oa:lan", { due: at(2_000) }));
      expect(await claim(db, at(4 * 3_600_000))).toEqual(["morning-notice"]);
    });
  });
});
