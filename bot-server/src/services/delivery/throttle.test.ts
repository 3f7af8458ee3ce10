import { describe, expect, it } from "vitest";
import { createThrottle } from "./throttle.js";

/** A fake clock whose sleep advances time: the throttle's schedule, without waiting. */
function fakeTime() {
  let t = 0;
  return { clock: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe("throttle (token bucket per channel)", () => {
  it("lets a burst through at once, then spaces sends at the rate", async () => {
    const time = fakeTime();
    const throttle = createThrottle(10, { burst: 5, clock: time.clock, sleep: time.sleep });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await throttle.take();
      times.push(time.at());
    }
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // Then one every 100 ms: ten more sends take a second.
    expect(times[14]).toBe(1000);
    expect(times.slice(5).every((t, i, a) => i === 0 || t - a[i - 1]! === 100)).toBe(true);
  });

  it("serves concurrent waiters in order without letting more through than the rate", async () => {
    const time = fakeTime();
    const throttle = createThrottle(4, { burst: 1, clock: time.clock, sleep: time.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => throttle.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(time.at()).toBe(1000); // 5 sends at 4/s, one token to start with
  });

  it("0 means no throttling", async () => {
    const time = fakeTime();
    const throttle = createThrottle(0, { clock: time.clock, sleep: time.sleep });
    for (let i = 0; i < 1000; i++) await throttle.take();
    expect(time.at()).toBe(0);
  });
});
