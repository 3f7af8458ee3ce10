import { afterEach, describe, expect, it, vi } from "vitest";
import { createForeground } from "./foreground.js";

afterEach(() => {
  vi.useRealTimers();
});

/** Whether `p` has settled after the microtasks queued so far have run. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe("bulk work gives way to the webhooks in flight", () => {
  it("goes on at once when none is in flight", async () => {
    const fg = createForeground();
    expect(await settled(fg.giveWay())).toBe(true);
  });

  it("waits while one is in flight and goes on when the last one ends", async () => {
    const fg = createForeground({ maxWaitMs: 10_000 });
    let finishA!: () => void;
    let finishB!: () => void;
    const a = fg.run(() => new Promise<void>((r) => (finishA = r)));
    const b = fg.run(() => new Promise<void>((r) => (finishB = r)));
    expect(fg.inFlight).toBe(2);
    const way = fg.giveWay();
    finishA();
    await a;
    expect(await settled(way)).toBe(false);
    finishB();
    await b;
    expect(await settled(way)).toBe(true);
    expect(fg.inFlight).toBe(0);
  });

  it("a webhook that fails still ends its turn", async () => {
    const fg = createForeground({ maxWaitMs: 10_000 });
    await expect(fg.run(() => Promise.reject(new Error("bad signature")))).rejects.toThrow("bad signature");
    expect(fg.inFlight).toBe(0);
    expect(await settled(fg.giveWay())).toBe(true);
  });

  it("waits at most maxWaitMs under a steady flow, so a sync is slowed, never stopped", async () => {
    vi.useFakeTimers();
    const fg = createForeground({ maxWaitMs: 25 });
    void fg.run(() => new Promise(() => undefined)); // one always in flight
    const way = fg.giveWay();
    await vi.advanceTimersByTimeAsync(24);
    expect(await settled(way)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(way)).toBe(true);
  });
});
