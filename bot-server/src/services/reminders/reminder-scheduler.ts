import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { sweepReminders, type SweepResult } from "./reminder-sweep.js";
import { createPeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";
import { runOnceAcrossInstances, type LeaderOptions } from "../jobs/leader-lease.js";

/**
 * Runs the reminder sweep on a schedule (and once at start, so a restart catches up at once). Each
 * run reads only what is due; what it queues is sent by the outbox worker, which it wakes. An
 * interval of 0 turns the schedule off (the sweep still runs on demand). With `leader`, the scheduled
 * sweep runs on one instance at a time (the `reminder-sweep` lease); `runOnce` is the caller's own.
 */
export function createReminderScheduler(deps: ServiceDeps, opts: { catalogue: ReminderCatalogue; intervalMs: number; onQueued?: () => void; timer?: TaskTimer; leader?: LeaderOptions }) {
  const log = deps.logger.child({ component: "reminder-scheduler" });

  async function runOnce(): Promise<SweepResult> {
    const started = Date.now();
    const result = await sweepReminders(deps, { catalogue: opts.catalogue });
    if (result.queued + result.skipped + result.cancelled > 0) log.info({ ...result, ms: Date.now() - started }, "reminder sweep");
    if (result.queued > 0) opts.onQueued?.();
    return result;
  }

  const task = runOnceAcrossInstances(deps, {
    name: "reminder-sweep",
    ...(opts.leader ? { leader: opts.leader } : {}),
    task: {
      intervalMs: opts.intervalMs,
      run: async () => {
        await runOnce();
      },
      // The next run tries again: a reminder stays planned until it is queued.
      onError: (err) => log.error({ err }, "reminder sweep failed"),
      ...(opts.timer ? { timer: opts.timer } : {}),
    },
  });

  return { runOnce, start: task.start, stop: task.stop, idle: task.idle, kick: task.kick };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
