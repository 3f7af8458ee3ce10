/**
 * What must happen once across instances: leases (one holder at a time, handed over when it
 * expires) and claims of inbox and outbox rows (two instances claiming at once never get the same
 * row). Each test opens two handles on one database, as two instances of the server would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { claimInboxEvents, insertInboxEvent, markInboxProcessed, recordInboxFailure } from "./access/inbox.js";
import { getLease, releaseLease, renewLease, tryAcquireLease } from "./access/leases.js";
import { claimDueOutbox, enqueueOutbox, markOutboxSent } from "./access/outbox.js";
import { fixtureNow as now } from "./testing/fixtures.js";
import { testDbs } from "./testing/test-db.js";

const open = testDbs(afterEach);
const later = (ms: number) => new Date(now.getTime() + ms);

describe("leases", () => {
  it("are held by one instance at a time, renewed by their holder, and handed over when they expire", async () => {
    const [a, b] = await open.shared(2);
    const results = await Promise.all([tryAcquireLease(a!.db, "sweep", "A", 30_000, now), tryAcquireLease(b!.db, "sweep", "B", 30_000, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = results[0] ? [a!, b!] : [b!, a!];
    const [w, l] = results[0] ? ["A", "B"] : ["B", "A"];
    expect(await renewLease(winner.db, "sweep", w, 30_000, later(20_000))).toBe(true);
    expect(await tryAcquireLease(loser.db, "sweep", l, 30_000, later(40_000))).toBe(false); // renewed until 50 s
    expect(await renewLease(loser.db, "sweep", l, 30_000, later(40_000))).toBe(false);
    // The holder died: after its lease, the other takes over, and the old holder cannot renew.
    expect(await tryAcquireLease(loser.db, "sweep", l, 30_000, later(50_000))).toBe(true);
    expect(await renewLease(winner.db, "sweep", w, 30_000, later(50_001))).toBe(false);
    expect(await getLease(winner.db, "sweep")).toMatchObject({ holder: l, expiresAt: later(80_000) });
    // Released, it can be taken at once.
    await releaseLease(winner.db, "sweep", w); // not theirs: changes nothing
    expect((await getLease(winner.db, "sweep"))?.holder).toBe(l);
    await releaseLease(loser.db, "sweep", l);
    expect(await tryAcquireLease(winner.db, "sweep", w, 30_000, later(50_002))).toBe(true);
  });

  it("are taken by exactly one of many instances racing for a free lease", async () => {
    const handles = await open.shared(2);
    const attempts = Array.from({ length: 20 }, (_, i) => tryAcquireLease(handles[i % 2]!.db, "campaign-waves", `holder-${i}`, 30_000, now));
    expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
  });
});

describe("claims", () => {
  it("give two instances claiming the same outbox at once disjoint rows, every due row once", async () => {
    const [a, b] = await open.shared(2);
    for (let i = 0; i < 60; i++) {
      await enqueueOutbox(a!.db, { id: `o${i}`, kind: "notification", idempotencyKey: `k${i}`, channel: "zns", priority: "reminder", payload: { i }, nextAttemptAt: later(-i), now });
    }
    const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimDueOutbox((i % 2 ? a : b)!.db, { now, limit: 7, leaseMs: 30_000, channel: "zns" })));
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
  });

  it("give two instances claiming at once one message of a recipient at a time, the earliest queued, then the next", async () => {
    const [a, b] = await open.shared(2);
    await a!.db.transaction(async (tx) => {
      for (let n = 1; n <= 3; n++) {
        for (let i = 0; i < 20; i++) {
          await enqueueOutbox(tx, { id: `o${i}-${n}`, kind: "notification", idempotencyKey: `k${i}-${n}`, channel: "zns", priority: "transactional", recipientKey: `phone:849100000${String(i).padStart(2, "0")}`, payload: { i, n }, nextAttemptAt: now, now });
        }
      }
    });
    const claimBoth = async (at: Date) => (await Promise.all(Array.from({ length: 8 }, (_, i) => claimDueOutbox((i % 2 ? a : b)!.db, { now: at, limit: 7, leaseMs: 30_000, channel: "zns" })))).flat().map((r) => r.id).sort();
    const each = (n: number) => Array.from({ length: 20 }, (_, i) => `o${i}-${n}`).sort();
    expect(await claimBoth(now)).toEqual(each(1));
    expect(await claimBoth(later(1_000))).toEqual([]);
    for (const id of each(1)) await markOutboxSent(b!.db, id, null, later(1_000));
    expect(await claimBoth(later(1_000))).toEqual(each(2));
  });

  it("give two instances claiming the same inbox at once disjoint events, and an expired claim to the next", async () => {
    const [a, b] = await open.shared(2);
    for (let i = 0; i < 40; i++) await insertInboxEvent(a!.db, { id: `e${i}`, source: "zalo_webhook", dedupeKey: `msg-${i}`, payload: { i }, now: later(i) });
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimInboxEvents((i % 2 ? a : b)!.db, { source: "zalo_webhook", now, limit: 5, leaseMs: 30_000 })));
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    expect(await claimInboxEvents(a!.db, { source: "zalo_webhook", now: later(1_000), limit: 50, leaseMs: 30_000 })).toEqual([]);
    // Processed events are done; the others come back once their claim has expired (their instance died).
    for (let i = 0; i < 30; i++) await markInboxProcessed(a!.db, `e${i}`, now);
    const again = await claimInboxEvents(b!.db, { source: "zalo_webhook", now: later(30_000), limit: 50, leaseMs: 30_000 });
    expect(again.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `e${30 + i}`));
    expect(again[0]).toMatchObject({ payload: { i: 30 }, receivedAt: later(30), lockedUntil: later(60_000), processedAt: null });
  });

  it("give out a sender's events one at a time, in the order stored, to instances claiming at once", async () => {
    const [a, b] = await open.shared(2);
    // Ten citizens wrote three messages each, interleaved, all in one instant; five events belong to nobody (receipts).
    for (let n = 1; n <= 3; n++) {
      for (let u = 0; u < 10; u++) await insertInboxEvent(a!.db, { id: `u${u}-${n}`, source: "zalo_webhook", dedupeKey: `msg-${u}-${n}`, payload: { u, n }, now, senderKey: `zalo:${u}` });
    }
    for (let i = 0; i < 5; i++) await insertInboxEvent(b!.db, { id: `r${i}`, source: "zalo_webhook", dedupeKey: `receipt-${i}`, payload: { i }, now });
    const claimBoth = async (at: Date) => (await Promise.all(Array.from({ length: 8 }, (_, i) => claimInboxEvents((i % 2 ? a : b)!.db, { source: "zalo_webhook", now: at, limit: 4, leaseMs: 30_000 })))).flat().map((r) => r.id).sort();
    const message = (n: number) => Array.from({ length: 10 }, (_, u) => `u${u}-${n}`);
    const receipts = Array.from({ length: 5 }, (_, i) => `r${i}`);
    expect(await claimBoth(now)).toEqual([...message(1), ...receipts].sort());
    // While their first messages are being processed, nobody takes their second.
    expect(await claimBoth(later(1_000))).toEqual([]);
    for (const id of [...message(1), ...receipts]) await markInboxProcessed(b!.db, id, later(1_000));
    expect(await claimBoth(later(1_000))).toEqual(message(2).sort());
    // A second message that failed waits for its retry without holding back the third; the retry and the third go in order.
    for (const id of message(2)) await recordInboxFailure(a!.db, id, "the FAQ index was rebuilding", later(2_000), 5);
    const retried = await claimInboxEvents(a!.db, { source: "zalo_webhook", now: later(2_000), limit: 100, leaseMs: 30_000 });
    expect(retried.map((r) => r.id).sort()).toEqual([...message(2), ...message(3)].sort());
    for (let u = 0; u < 10; u++) expect(retried.findIndex((r) => r.id === `u${u}-2`)).toBeLessThan(retried.findIndex((r) => r.id === `u${u}-3`));
  });
});
