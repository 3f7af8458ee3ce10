import { releaseLease, tryAcquireLease } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { createPeriodicTask, type PeriodicTask, type PeriodicTaskOptions, type TaskTimer } from "./periodic-task.js";

export interface LeaderLeaseOptions {
  /** The work it stands for (`reminder-sweep`): one row of `leases`. */
  name: string;
  /** This instance, unique among those sharing the database (host, process, and a random part). */
  holder: string;
  /**
   * How long the lease lasts past its last renewal: what an instance that dies without a word costs
   * before another takes over. It must outlast a stalled event loop or a slow database call (else two
   * could run at once for a moment; the work is idempotent by constraint even then).
   */
  ttlMs: number;
  /** Called when this instance becomes the holder, so that the new leader catches up at once. */
  onAcquired?: () => void;
  timer?: TaskTimer;
}

export interface LeaderLease {
  /**
   * Takes the lease if it is free or expired, renews it if this instance holds it: true when this
   * instance may run the work now. The `mayRun` of a task that must run once across instances.
   * Always false once stopped (a stopping instance takes nothing new).
   */
  claim(): Promise<boolean>;
  /**
   * Renews the lease every third of its TTL while started (so a run longer than the TTL keeps it),
   * and takes it when its holder dies: a standby instance tries as often.
   */
  start(): void;
  /** Stops renewing and gives the lease up, so that another instance takes over at its next try. */
  stop(): Promise<void>;
  /** Resolves when no try is in progress. */
  idle(): Promise<void>;
  readonly name: string;
}

/**
 * "One instance at a time runs this": a lease in the database, held by the instance that took it and
 * renewed while it lives. An instance that dies hands over when the lease expires: at most `ttlMs`
 * after its last renewal, plus a third of it until a standby instance's next try. One that stops
 * releases it, and the next try of another takes it.
 */
export function createLeaderLease(deps: Pick<ServiceDeps, "db" | "now" | "logger">, opts: LeaderLeaseOptions): LeaderLease {
  const log = deps.logger.child({ component: "leader-lease", lease: opts.name, holder: opts.holder });
  let held = false;
  let stopped = false;

  /** One try at a time (the heartbeat's and the work's own may overlap): each sees what the last one left. */
  let last: Promise<unknown> = Promise.resolve();
  function attempt(): Promise<{ held: boolean; taken: boolean }> {
    const next = last.then(async () => {
      if (stopped) return { held: false, taken: false };
      const had = held;
      held = await tryAcquireLease(deps.db, opts.name, opts.holder, opts.ttlMs, deps.now());
      if (held && !had) log.info({ ttlMs: opts.ttlMs }, "leader lease taken: this instance runs the work");
      else if (had && !held) log.warn("leader lease lost to another instance: this one stops running the work");
      return { held, taken: held && !had };
    });
    last = next.catch(() => undefined);
    return next;
  }

  const heartbeat = createPeriodicTask({
    intervalMs: Math.max(1, Math.floor(opts.ttlMs / 3)),
    run: async () => {
      // Taken here, not by the work's own run: the new leader catches up now rather than at its next tick.
      if ((await attempt()).taken) opts.onAcquired?.();
    },
    // A database that does not answer: the lease runs out and another instance (or this one, later) takes it.
    onError: (err) => log.error({ err }, "leader lease could not be renewed"),
    ...(opts.timer ? { timer: opts.timer } : {}),
  });

  return {
    name: opts.name,
    claim: async () => (await attempt()).held,
    start: heartbeat.start,
    async idle() {
      await heartbeat.idle();
      await last;
    },
    async stop() {
      stopped = true;
      await heartbeat.stop();
      await last;
      if (!held) return;
      held = false;
      await releaseLease(deps.db, opts.name, opts.holder);
      log.info("leader lease released");
    },
  };
}

/** Who this instance is and how long its leases last (`LEADER_LEASE_MS`). */
export interface LeaderOptions {
  holder: string;
  ttlMs: number;
}

/**
 * A periodic task that runs on one instance at a time: before each run it claims the lease `name`
 * (`mayRun`); started, it also renews the lease and takes it over from a dead holder, then runs at
 * once; stopped, it finishes its run and releases the lease. Without `leader` (one process, the
 * CLI's one-off commands) it is the plain task.
 */
export function runOnceAcrossInstances(deps: Pick<ServiceDeps, "db" | "now" | "logger">, opts: { name: string; leader?: LeaderOptions; task: PeriodicTaskOptions }): PeriodicTask {
  if (!opts.leader) return createPeriodicTask(opts.task);
  const lease = createLeaderLease(deps, {
    name: opts.name, holder: opts.leader.holder, ttlMs: opts.leader.ttlMs,
    onAcquired: () => void inner.kick(),
    ...(opts.task.timer ? { timer: opts.task.timer } : {}),
  });
  const inner = createPeriodicTask({ ...opts.task, mayRun: lease.claim });
  return {
    start() {
      // The task's first try is queued before the heartbeat's, so that it, not the heartbeat, takes a
      // free lease (one run, not two). A task with no schedule runs only when asked: no heartbeat.
      inner.start();
      if (opts.task.intervalMs > 0) lease.start();
    },
    async stop() {
      await inner.stop();
      await lease.stop();
    },
    kick: inner.kick,
    // A heartbeat that took the lease has kicked the task by the time it is idle.
    async idle() {
      await lease.idle();
      await inner.idle();
    },
    get started() {
      return inner.started;
    },
  };
}
