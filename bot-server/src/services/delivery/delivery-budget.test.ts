/**
 * The channels' throttles and the ZNS daily quota hold for every instance together (issue 14):
 * two instances on one database, each with its own worker and its own Zalo (a simulator each,
 * standing for the same OA), send no more than one would. On PostgreSQL the two hold two
 * connection pools on one database; on SQLite one handle stands for both (two connections in one
 * process would wait for each other's write lock while holding the event loop), and their
 * workers still run side by side, each with its own budget's blocks.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { enqueueOutbox, getChannelBudget, queryRows } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { createClock, createTwoTestWorlds, type TestWorld } from "../../testing/world.js";
import { createDeliveryBudget } from "./delivery-budget.js";

let worlds: TestWorld[] = [];
afterEach(async () => {
  // The second world first: on SQLite both hold one handle, which the first closes.
  for (const w of worlds.reverse()) await w.close();
  worlds = [];
});

/** Two instances (worlds) on one fresh database, sharing one clock. */
async function twoInstances(env: Record<string, string>, opts: { envB?: Record<string, string>; virtualTime?: boolean } = {}) {
  const clock = createClock();
  // Time moves on only when a sender waits for the next second, and only once every send granted in
  // this second has reached Zalo (both instances' budgets are in the database): so each send is
  // counted in the second its budget was granted in, and no test waits for the wall clock.
  let worldsOf: { a: TestWorld; b: TestWorld } | undefined;
  const grantedNotArrived = async (second: number): Promise<number> => {
    if (!worldsOf) return 0;
    const used = (await getChannelBudget(worldsOf.a.handle.db, "zns", `s${second}`))?.used ?? 0;
    const arrived = znsSent(worldsOf.a, worldsOf.b).filter((m) => Math.floor(Date.parse(m.sentAt) / 1000) === second).length;
    return used - arrived;
  };
  const throttleTime = opts.virtualTime
    ? {
        clock: () => clock.now().getTime(),
        sleep: async (ms: number) => {
          const now = clock.now().getTime();
          const until = now + ms;
          // Bounded: a send that fails never arrives (this test's sends do not fail).
          for (let i = 0; i < 1000 && (await grantedNotArrived(Math.floor(now / 1000))) > 0; i++) await new Promise((r) => setTimeout(r, 1));
          if (clock.now().getTime() < until) clock.set(new Date(until).toISOString());
        },
      }
    : undefined;
  const [a, b] = await createTwoTestWorlds({ clock, env, ...(opts.envB ? { envB: opts.envB } : {}), ...(throttleTime ? { throttleTime } : {}) });
  worlds.push(a, b);
  worldsOf = { a, b };
  return { a, b, clock };
}

/** `n` ZNS reminders due now, with no other channel to fall over to (the service allows only ZNS). */
async function queueZns(w: TestWorld, n: number, from = 0) {
  const now = w.clock.now();
  for (let i = from; i < from + n; i++) {
    await enqueueOutbox(w.handle.db, {
      id: `m${i}`, kind: "notification", idempotencyKey: `quota:${i}`, channel: "zns", fallbackChannels: [], personId: null, priority: "reminder", nextAttemptAt: now, now,
      payload: { message: { type: "document_expiry", documentId: `d${i}`, params: { holderName: "Lê Văn Hùng", serviceName: { vi: "thẻ hướng dẫn viên du lịch", en: "tour guide card" }, documentNo: `HDV-${i}`, expiresOn: "2026-12-24", fileBy: "2026-12-14" } }, link: "http://localhost:5173/", recipient: { oaUserId: null, phone: `849${String(10_000_000 + i)}`, language: "vi" } },
    });
  }
}

/** The claim lease the throttle test sets (OUTBOX_LEASE_MS). */
const LEASE_MS = 10_000;

/** Both workers at once, a few rounds (until nothing is due). */
async function drainBoth(a: TestWorld, b: TestWorld) {
  for (let i = 0; i < 12; i++) {
    await Promise.all([a.worker.drain(), b.worker.drain()]);
    // Until nothing is being sent or due (rows put off to tomorrow's quota are not due).
    const open = await a.rows<{ status: string; next_attempt_at: number | string }>(sql`select status, next_attempt_at from outbox where status in ('sending', 'pending')`);
    if (i >= 3 && !open.some((r) => r.status === "sending" || new Date(r.next_attempt_at).getTime() <= a.clock.now().getTime())) return;
    // A row still claimed once both drains are over was given up by its lane (its claim could not be
    // held): as in production, another instance takes it when the claim's lease ends. Virtual time
    // moves only when a sender waits, so move it past the lease here.
    if (open.some((r) => r.status === "sending")) a.clock.advance(LEASE_MS + 1000);
  }
}

const znsSent = (...ws: TestWorld[]) => ws.flatMap((w) => w.sim!.zalo!.messages().filter((m) => m.channel === "zns"));

describe("two instances share the channels' budgets", { timeout: 30_000 }, () => {
  it("never send more ZNS messages in a Vietnam day than ZNS_DAILY_QUOTA together; the rest wait for tomorrow's quota", async () => {
    const { a, b, clock } = await twoInstances({ ZNS_DAILY_QUOTA: "5", OUTBOX_CONCURRENCY: "4" });
    await queueZns(a, 12);
    await drainBoth(a, b);
    expect(znsSent(a, b)).toHaveLength(5);
    const waiting = await a.rows<{ next_attempt_at: number; last_error: string }>(sql`select next_attempt_at, last_error from outbox where status = 'pending'`);
    expect(waiting).toHaveLength(7);
    // The quota comes back at midnight in Vietnam; quiet hours hold them until 07:00.
    expect(new Set(waiting.map((r) => new Date(r.next_attempt_at).toISOString()))).toEqual(new Set(["2026-11-25T00:00:00.000Z"]));
    expect(waiting[0]!.last_error).toMatch(/quota/);
    expect(await getChannelBudget(a.handle.db, "zns", "d2026-11-24")).toEqual({ used: 5, cap: 5 });

    clock.set("2026-11-25T00:00:00Z");
    await drainBoth(a, b);
    expect(znsSent(a, b)).toHaveLength(10);
    expect(await getChannelBudget(a.handle.db, "zns", "d2026-11-25")).toEqual({ used: 5, cap: 5 });
  });

  it("once Zalo tells one instance the day's quota is spent, the other does not ask Zalo again that day", async () => {
    // Instance a's Zalo has one message left today; b's would still accept (both stand for one OA).
    const { a, b } = await twoInstances({ ZALO_SIM_DAILY_QUOTA: "1" }, { envB: { ZALO_SIM_DAILY_QUOTA: "10000" } });
    await queueZns(a, 1);
    await a.worker.drain(); // sent: Zalo answers that no quota is left today
    expect(znsSent(a)).toHaveLength(1);
    await queueZns(a, 1, 1);
    await b.worker.drain();
    expect(znsSent(b)).toHaveLength(0);
    const row = await b.one<{ status: string; next_attempt_at: number }>(sql`select status, next_attempt_at from outbox where id = 'm1'`);
    expect({ ...row, next_attempt_at: new Date(row!.next_attempt_at).toISOString() }).toEqual({ status: "pending", next_attempt_at: "2026-11-25T00:00:00.000Z" });
  });

  it("never send more than THROTTLE_ZNS_PER_SEC in any clock second together", async () => {
    const { a, b } = await twoInstances({ THROTTLE_ZNS_PER_SEC: "4", OUTBOX_CONCURRENCY: "3", OUTBOX_LEASE_MS: String(LEASE_MS) }, { virtualTime: true });
    await queueZns(a, 30);
    await drainBoth(a, b);
    const sent = znsSent(a, b);
    expect(sent).toHaveLength(30);
    // Both instances took part (the rows were shared between them)…
    expect(znsSent(a).length).toBeGreaterThan(0);
    expect(znsSent(b).length).toBeGreaterThan(0);
    // …and no second saw more than 4 sends from the two together.
    const perSecond = new Map<number, number>();
    for (const m of sent) perSecond.set(Math.floor(Date.parse(m.sentAt) / 1000), (perSecond.get(Math.floor(Date.parse(m.sentAt) / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(4);
    expect(perSecond.size).toBeGreaterThanOrEqual(8);
  });
});

describe("the delivery budget of one instance", () => {
  const open = testDbs(afterEach);
  /** A fake clock whose sleep advances time: the budget's schedule, without waiting. */
  function fakeTime() {
    let t = 0;
    return { clock: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
  }
  const now = () => new Date("2026-11-24T03:00:00Z");

  it("lets a second's rate through, then waits for the next second", async () => {
    const { db } = await open();
    const time = fakeTime();
    const budget = createDeliveryBudget({ db, now }, { zns: { perSecond: 10 } }, time);
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      await budget.takeSend("zns");
      times.push(time.at());
    }
    expect(times.map((t) => Math.floor(t / 1000))).toEqual([...Array(10).fill(0), ...Array(10).fill(1), ...Array(5).fill(2)]);
  });

  it("serves concurrent senders in order, a rate below one a second as one send every 1/rate seconds", async () => {
    const { db } = await open();
    const time = fakeTime();
    const budget = createDeliveryBudget({ db, now }, { sms: { perSecond: 0.5 } }, time);
    const at: number[] = [];
    await Promise.all([0, 1, 2].map(() => budget.takeSend("sms").then(() => at.push(time.at()))));
    expect(at).toEqual([0, 2000, 4000]);
  });

  it("0 means no throttling, and no daily quota means no database work", async () => {
    const { db } = await open();
    const time = fakeTime();
    const budget = createDeliveryBudget({ db, now }, { oa: { perSecond: 0 } }, time);
    for (let i = 0; i < 1000; i++) {
      await budget.takeSend("oa");
      expect(await budget.takeDay("oa")).toBe(true);
    }
    expect(time.at()).toBe(0);
    expect(await queryRows(db, sql`select * from channel_budget`)).toEqual([]);
  });

  it("keeps today's quota when expired windows are removed, whatever the throttle's clock says", async () => {
    const { db } = await open();
    // The throttle counts seconds on its own clock (here far past the service clock's day, at a minute: a cleanup is due).
    let t = Date.parse("2026-12-07T00:00:00Z");
    const budget = createDeliveryBudget({ db, now }, { zns: { perSecond: 10, daily: { cap: 2 } } }, { clock: () => t, sleep: async (ms) => void (t += ms) });
    expect([await budget.takeDay("zns"), await budget.takeDay("zns")]).toEqual([true, true]);
    await budget.takeSend("zns");
    expect(await budget.takeDay("zns")).toBe(false);
  });

  it("a daily quota is counted per Vietnam day; once the provider says it is spent, none is left that day even without a cap of ours", async () => {
    const { db } = await open();
    const capped = createDeliveryBudget({ db, now }, { zns: { perSecond: 0, daily: { cap: 3 } } });
    expect([await capped.takeDay("zns"), await capped.takeDay("zns"), await capped.takeDay("zns"), await capped.takeDay("zns")]).toEqual([true, true, true, false]);
    const day = new Date("2026-11-24T17:00:00Z"); // 00:00 on the 25th in Vietnam: a new day
    const uncapped = createDeliveryBudget({ db, now: () => day }, { zns: { perSecond: 0, daily: { cap: null } } });
    expect(await uncapped.takeDay("zns")).toBe(true);
    await uncapped.spendDay("zns");
    expect(await uncapped.takeDay("zns")).toBe(false);
    // Claimed a block of 100 at the first send (no cap: the largest blocks); spent, the block is given up and the cap closed.
    expect(await getChannelBudget(db, "zns", "d2026-11-25")).toEqual({ used: 100, cap: 100 });
  });
});
