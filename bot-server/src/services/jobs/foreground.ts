/**
 * Requests someone is waiting on right now in this process — Zalo's webhooks, which Zalo wants
 * answered within 2 s and citizens feel — and bulk work that can wait a moment (a population
 * sync's slices and their planning). Bulk work asks `giveWay()` before each transaction: while a
 * webhook is in flight it waits for it (at most `maxWaitMs`, so that a steady flow of webhooks
 * slows a sync down but never stops it). On SQLite, with one connection and one writer, a webhook
 * then waits for the slice in hand at most, not for the next one too.
 *
 * A scheduling hint for this process only: nothing depends on it for correctness, and each
 * instance has its own (another instance's sync is not seen here).
 */
export interface Foreground {
  /** Runs `work` as foreground: bulk work gives it way while it runs. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once no foreground work is in flight, or after `maxWaitMs` at most. */
  giveWay(): Promise<void>;
  /** Foreground work in flight now. */
  readonly inFlight: number;
}

export function createForeground(opts: { maxWaitMs?: number } = {}): Foreground {
  const maxWaitMs = opts.maxWaitMs ?? 25;
  let inFlight = 0;
  let waiting: (() => void)[] = [];
  const release = () => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  return {
    async run(work) {
      inFlight++;
      try {
        return await work();
      } finally {
        if (--inFlight === 0) release();
      }
    },
    giveWay() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    get inFlight() {
      return inFlight;
    },
  };
}

