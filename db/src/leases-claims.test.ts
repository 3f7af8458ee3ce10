/**
 * What must happen once across instances: leases (one holder at a time, handed over when it
 * expires) and claims of inbox and outbox rows (two instances claiming at once never get the same
 * row). Each test opens two handles on one database, as two instances of the server would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { claimInboxEvents, insertInboxEvent, markInboxProcessed } from "./access/inbox.js";
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
});
