/**
 * What must run once across instances (the reminder sweep, the campaign waves) runs on the holder of
 * a lease: two instances on one database, each with its own timer and a shared clock.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getLease, type Db } from "@hccd/db";
import { testDbs, testEngine } from "@hccd/db/testing";
import { createLogger } from "../../logger.js";
import { handTimer } from "../../testing/hand-timer.js";
import { runOnceAcrossInstances } from "./leader-lease.js";

const open = testDbs(afterEach);
const TTL = 30_000;

async function twoInstances() {
  // On SQLite one handle stands for both (see two-instances.test.ts); on PostgreSQL two pools.
  const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
  let t = new Date("2026-11-24T03:00:00Z").getTime();
  const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
  const instance = (db: Db, holder: string) => {
    const timer = handTimer();
    let runs = 0;
    let gate: Promise<void> | undefined;
    const task = runOnceAcrossInstances(
      { db, now: clock.now, logger: createLogger({ level: "silent" }) },
      { name: "reminder-sweep", leader: { holder, ttlMs: TTL }, task: { intervalMs: 60_000, run: async () => { runs++; await gate; }, onError: (e) => { throw e; }, timer } },
    );
    return {
      task, timer, holder,
      get runs() { return runs; },
      /** Runs from now on wait until the returned function is called. */
      block() { let open = () => undefined as void; gate = new Promise<void>((r) => (open = r)); return () => { gate = undefined; open(); }; },
      /** One interval of the heartbeat (a third of the lease) passes for this instance. */
      async beat() { timer.tick(); await task.idle(); },
    };
  };
  const a = instance(handles[0]!.db, "a");
  const b = instance((handles[1] ?? handles[0]!).db, "b");
  return { a, b, clock, db: handles[0]!.db };
}

/** Waits (a bounded number of turns of the event loop, no timers) until `cond` holds. */
async function until(cond: () => boolean) {
  for (let i = 0; i < 10_000 && !cond(); i++) await new Promise<void>((r) => setImmediate(r));
  expect(cond()).toBe(true);
}

describe("a task that runs once across instances", () => {
  it("runs on one of two instances only; the holder renews its lease every third of it and keeps it", async () => {
    const { a, b, clock, db } = await twoInstances();
    a.task.start();
    await a.task.idle();
    b.task.start();
    await b.task.idle();
    expect({ a: a.runs, b: b.runs }).toEqual({ a: 1, b: 0 });
    // Each beat is also an interval of the task on these hand timers: the holder runs, the other asks and is refused.
    for (let i = 0; i < 6; i++) {
      clock.advance(TTL / 3);
      await a.beat();
      await b.beat();
    }
    expect({ a: a.runs, b: b.runs }).toEqual({ a: 7, b: 0 });
    expect((await getLease(db, "reminder-sweep"))?.holder).toBe("a");
    await a.task.stop();
    await b.task.stop();
  });

  it("an instance that dies hands over when its lease runs out, and the new holder runs at once", async () => {
    const { a, b, clock, db } = await twoInstances();
    a.task.start();
    await a.task.idle();
    b.task.start();
    await b.task.idle();
    // `a` dies: no more heartbeats, no release. Until its lease runs out, `b` takes nothing.
    clock.advance(TTL / 3);
    await b.beat();
    clock.advance(TTL / 3);
    await b.beat();
    clock.advance(TTL / 3 - 1);
    await b.beat();
    expect(b.runs).toBe(0);
    clock.advance(1); // exactly a lease after a's last renewal
    await b.beat();
    expect(b.runs).toBe(1);
    expect((await getLease(db, "reminder-sweep"))?.holder).toBe("b");
    await b.task.stop();
  });

  it("an instance that stops finishes its run and releases the lease: the other takes over at its next try", async () => {
    const { a, b, db } = await twoInstances();
    const release = a.block();
    a.task.start();
    await until(() => a.runs === 1);
    b.task.start();
    await b.task.idle();
    expect({ a: a.runs, b: b.runs }).toEqual({ a: 1, b: 0 });
    const stopped = a.task.stop();
    expect(await getLease(db, "reminder-sweep")).toMatchObject({ holder: "a" }); // its run is not over
    release();
    await stopped;
    expect(await getLease(db, "reminder-sweep")).toBeUndefined();
    await b.task.kick();
    expect(b.runs).toBe(1);
    await b.task.stop();
  });

  it("a run longer than the lease keeps it: the heartbeat renews it meanwhile", async () => {
    const { a, b, clock, db } = await twoInstances();
    const release = a.block();
    a.task.start();
    await until(() => a.runs === 1);
    for (let i = 0; i < 4; i++) {
      clock.advance(TTL / 3);
      a.timer.tick(); // the heartbeat, while the run goes on
      const renewedUntil = clock.now().getTime() + TTL;
      for (let turn = 0; turn < 1000 && (await getLease(db, "reminder-sweep"))?.expiresAt.getTime() !== renewedUntil; turn++) await new Promise<void>((r) => setImmediate(r));
      expect((await getLease(db, "reminder-sweep"))?.expiresAt.getTime()).toBe(renewedUntil);
    }
    await b.task.kick();
    expect(b.runs).toBe(0);
    release();
    await a.task.stop();
  });
});
