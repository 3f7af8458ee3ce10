import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { sweepReminders, type SweepResult } from "./reminder-sweep.js";

/**
 * Runs the reminder sweep on a schedule (and once at start, so a restart catches up at once). Each
 * run reads only what is due; what it queues is sent by the outbox worker, which it wakes.
 */
export function createReminderScheduler(deps: ServiceDeps, opts: { catalogue: ReminderCatalogue; intervalMs: number; onQueued?: () => void }) {
  const log = deps.logger.child({ component: "reminder-scheduler" });
  let timer: NodeJS.Timeout | undefined;

  function runOnce(): SweepResult {
    const started = Date.now();
    const result = sweepReminders(deps, { catalogue: opts.catalogue });
    if (result.queued + result.skipped + result.cancelled > 0) log.info({ ...result, ms: Date.now() - started }, "reminder sweep");
    if (result.queued > 0) opts.onQueued?.();
    return result;
  }

  function tick(): void {
    try {
      runOnce();
    } catch (err) {
      // The next run tries again: a reminder stays planned until it is queued.
      log.error({ err }, "reminder sweep failed");
    }
  }

  return {
    runOnce,
    start(): void {
      if (timer || opts.intervalMs <= 0) return;
      tick();
      timer = setInterval(tick, opts.intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
