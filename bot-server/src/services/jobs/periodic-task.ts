/**
 * The timer a periodic task runs on: the process's by default (`setInterval`), a hand-driven one
 * in tests.
 */
export interface TaskTimer {
  every(ms: number, tick: () => void, opts: { keepAlive: boolean }): { cancel(): void };
}

/** The process's timer. Unless `keepAlive`, it does not keep the process running by itself. */
export const processTimer: TaskTimer = {
  every(ms, tick, { keepAlive }) {
    const handle = setInterval(tick, ms);
    if (!keepAlive) handle.unref();
    return { cancel: () => clearInterval(handle) };
  },
};

export interface PeriodicTaskOptions {
  /** Time between runs once started; 0 (or less): no schedule, the task runs only when kicked. */
  intervalMs: number;
  /** One run. Returning `true` says more is waiting: the task runs again at once, not at the next tick. */
  run: () => boolean | void | Promise<boolean | void>;
  /** A run that threw. The task goes on: the next tick (or kick) tries again. */
  onError: (err: unknown) => void;
  /**
   * Asked before every run; `false` skips that run. The place for "is it this instance's turn?"
   * once several instances share the work (a lease in the database): today every instance may.
   */
  mayRun?: () => boolean | Promise<boolean>;
  /** Keeps the process alive while the task is started (the CLI's worker has nothing else to do). */
  keepAlive?: boolean;
  timer?: TaskTimer;
}

export interface PeriodicTask {
  /** Runs now, then every `intervalMs`. Nothing when already started. */
  start(): void;
  /** No more runs: the schedule ends, and the run in progress (if any) is waited for. */
  stop(): Promise<void>;
  /**
   * Runs now; during a run, once more right after it (never two at once). Resolves when the runs
   * end. Works before `start()` (on demand), never after `stop()`.
   */
  kick(): Promise<void>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  readonly started: boolean;
}

/**
 * "Run this every N ms, one run at a time, stop cleanly": the reminder sweep, the campaign waves,
 * each channel of the outbox worker and the webhook processor share this one loop.
 */
export function createPeriodicTask(opts: PeriodicTaskOptions): PeriodicTask {
  const timer = opts.timer ?? processTimer;
  let state: "idle" | "started" | "stopped" = "idle";
  let schedule: { cancel(): void } | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function mayRun(hook: () => boolean | Promise<boolean>): Promise<boolean> {
    try {
      return await hook();
    } catch (err) {
      opts.onError(err);
      return false;
    }
  }

  async function runs(): Promise<void> {
    do {
      again = false;
      // Without a hook the run starts at once, inside the call that asked for it.
      if (opts.mayRun && !(await mayRun(opts.mayRun))) return;
      try {
        if ((await opts.run()) === true) again = true;
      } catch (err) {
        opts.onError(err);
      }
    } while (again && state !== "stopped");
  }

  function kick(): Promise<void> {
    if (state === "stopped") return running ?? Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runs().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start() {
      if (state === "started") return;
      state = "started";
      if (opts.intervalMs <= 0) return;
      schedule = timer.every(opts.intervalMs, () => void kick(), { keepAlive: opts.keepAlive ?? false });
      void kick();
    },
    async stop() {
      state = "stopped";
      schedule?.cancel();
      schedule = undefined;
      await running;
    },
    kick,
    idle: () => running ?? Promise.resolve(),
    get started() {
      return state === "started";
    },
  };
}
