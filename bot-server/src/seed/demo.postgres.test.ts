import { afterEach, describe, expect, it } from "vitest";
import { testDbs } from "@hccd/db/testing";
import { createClock, createTestWorld, type TestWorld } from "../testing/world.js";
import { DEMO_SEED_TABLES, tableCounts } from "../testing/table-counts.js";

// PostgreSQL only: two instances in one process cannot hold a SQLite file's write lock in turn
// (a blocked `BEGIN IMMEDIATE` waits synchronously for a transaction that needs the event loop).
let worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds) await w.close();
  worlds = [];
});
const open = testDbs(afterEach);

describe("the demo seed on one database shared by several instances", () => {
  it("seeds once when two instances start at the same moment: one draft, each row once", async () => {
    const alone = await createTestWorld({ env: { SEED: "demo" } });
    worlds.push(alone);
    const [a, b] = await open.shared(2);
    // A second apart: each would date the hospital's certificate differently; the first stored wins.
    const started = await Promise.allSettled([
      createTestWorld({ env: { SEED: "demo" }, database: a! }),
      createTestWorld({ env: { SEED: "demo" }, database: b!, clock: createClock("2026-11-24T03:00:01Z") }),
    ]);
    for (const s of started) if (s.status === "fulfilled") worlds.push(s.value);
    const [first, second] = started.map((s) => {
      if (s.status === "rejected") throw s.reason;
      return s.value;
    }) as [TestWorld, TestWorld];
    expect(second.demoDraftId).toBe(first.demoDraftId);
    expect(await tableCounts(first, DEMO_SEED_TABLES)).toEqual(await tableCounts(alone, DEMO_SEED_TABLES));
  });
});
