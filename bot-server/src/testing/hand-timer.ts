import type { TaskTimer } from "../services/jobs/periodic-task.js";

/** A periodic task's timer moved by hand: `tick()` is one interval passing, for every task on it. */
export function handTimer(): TaskTimer & { tick(): void; scheduled(): number; keepAlive: boolean | undefined } {
  const ticks = new Set<() => void>();
  const timer = {
    keepAlive: undefined as boolean | undefined,
    every(ms: number, tick: () => void, opts: { keepAlive: boolean }) {
      if (!(ms > 0)) throw new Error(`a schedule of ${ms} ms`);
      timer.keepAlive = opts.keepAlive;
      ticks.add(tick);
      return { cancel: () => void ticks.delete(tick) };
    },
    tick: () => ticks.forEach((t) => t()),
    scheduled: () => ticks.size,
  };
  return timer;
}
