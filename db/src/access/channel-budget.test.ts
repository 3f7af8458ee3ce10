import { afterEach, describe, expect, it } from "vitest";
import { testDbs, testEngine } from "../testing/test-db.js";
import { exhaustChannelBudget, getChannelBudget, removeExpiredChannelBudget, takeChannelBudget } from "./channel-budget.js";

const open = testDbs(afterEach);
const t0 = new Date("2026-11-24T03:00:00Z");
const day = { channel: "zns", window: "d2026-11-24", cap: 10, expiresAt: new Date("2026-11-25T17:00:00Z") };

describe("channel budget", () => {
  it("grants what is left of the cap and nothing after", async () => {
    const { db } = await open();
    expect(await takeChannelBudget(db, { ...day, n: 4 })).toBe(4);
    expect(await takeChannelBudget(db, { ...day, n: 4 })).toBe(4);
    expect(await takeChannelBudget(db, { ...day, n: 4 })).toBe(2);
    expect(await takeChannelBudget(db, { ...day, n: 4 })).toBe(0);
    expect(await getChannelBudget(db, "zns", "d2026-11-24")).toEqual({ used: 10, cap: 10 });
    // Another window, another channel: budgets of their own.
    expect(await takeChannelBudget(db, { ...day, window: "d2026-11-25", n: 3 })).toBe(3);
    expect(await takeChannelBudget(db, { ...day, channel: "sms", n: 3 })).toBe(3);
  });

  it("a spent quota grants nothing more in its window, to anyone", async () => {
    const { db } = await open();
    expect(await takeChannelBudget(db, { ...day, n: 3 })).toBe(3);
    await exhaustChannelBudget(db, day);
    expect(await takeChannelBudget(db, { ...day, n: 1 })).toBe(0);
    expect(await getChannelBudget(db, "zns", "d2026-11-24")).toEqual({ used: 3, cap: 3 });
    // Spent before anyone took from it (another instance learnt it from Zalo first).
    await exhaustChannelBudget(db, { ...day, window: "d2026-11-25" });
    expect(await takeChannelBudget(db, { ...day, window: "d2026-11-25", n: 1 })).toBe(0);
  });

  it("claims from two instances at once never pass the cap together", async () => {
    const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
    const [a, b = a] = handles.map((h) => h.db);
    const grants = await Promise.all(Array.from({ length: 60 }, (_, i) => takeChannelBudget(i % 2 ? a! : b!, { ...day, cap: 100, n: 3 })));
    expect(grants.reduce((x, y) => x + y, 0)).toBe(100);
    expect(grants.filter((g) => g === 3)).toHaveLength(33);
  });

  it("removes windows that are over", async () => {
    const { db } = await open();
    await takeChannelBudget(db, { channel: "oa", window: "s1", cap: 20, n: 5, expiresAt: t0 });
    await takeChannelBudget(db, { ...day, n: 1 });
    expect(await removeExpiredChannelBudget(db, new Date(t0.getTime() + 1))).toBe(1);
    expect(await getChannelBudget(db, "oa", "s1")).toBeUndefined();
    expect(await getChannelBudget(db, "zns", "d2026-11-24")).toEqual({ used: 1, cap: 10 });
  });
});
