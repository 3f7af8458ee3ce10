/**
 * A token bucket: at most `perSecond` sends a second on average, with bursts up to `burst`
 * (default: one second's worth). `perSecond` 0 turns it off. Waiters are served in order.
 */
export function createThrottle(perSecond: number, opts: { burst?: number; clock?: () => number; sleep?: (ms: number) => Promise<void> } = {}) {
  const clock = opts.clock ?? (() => performance.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const burst = Math.max(1, opts.burst ?? perSecond);
  let tokens = burst;
  let last = clock();
  let queue: Promise<void> = Promise.resolve();

  function refill(): void {
    const t = clock();
    tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
    last = t;
  }

  async function takeOne(): Promise<void> {
    refill();
    while (tokens < 1) {
      await sleep(Math.ceil(((1 - tokens) * 1000) / perSecond));
      refill();
    }
    tokens -= 1;
  }

  return {
    /** Resolves when a send may go. */
    take(): Promise<void> {
      if (perSecond <= 0) return Promise.resolve();
      const turn = queue.then(takeOne);
      queue = turn;
      return turn;
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
