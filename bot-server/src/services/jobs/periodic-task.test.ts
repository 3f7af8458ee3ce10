import { describe, expect, it } from "vitest";
import { createPeriodicTask, type PeriodicTaskOptions } from "./periodic-task.js";
import { handTimer } from "../../testing/hand-timer.js";

/** A run that waits until the test lets it finish. */
function gate() {
  let open: () => void = () => undefined;
  return {
    wait: () => new Promise<void>((resolve) => (open = resolve)),
    release: () => open(),
  };
}

function task(overrides: Partial<PeriodicTaskOptions> & { run: PeriodicTaskOptions["run"] }) {
  const timer = handTimer();
  const errors: unknown[] = [];
  const t = createPeriodicTask({ intervalMs: 1000, timer, onError: (e) => errors.push(e), ...overrides });
  return { t, timer, errors };
}

describe("a periodic task", () => {
  it("runs at start, then at every tick, and no more after stop", async () => {
    let runs = 0;
    const { t, timer } = task({ run: () => void runs++ });
    t.start();
    expect(runs).toBe(1);
    timer.tick();
    await t.idle();
    timer.tick();
    await t.idle();
    expect(runs).toBe(3);
    await t.stop();
    expect(timer.scheduled()).toBe(0);
    timer.tick();
    await t.kick();
    expect(runs).toBe(3);
    expect(t.started).toBe(false);
  });

  it("never runs twice at once: a tick or kick during a run asks for one more run after it", async () => {
    const g = gate();
    let active = 0;
    let most = 0;
    let runs = 0;
    const { t, timer } = task({
      run: async () => {
        runs++;
        most = Math.max(most, ++active);
        await g.wait();
        active--;
      },
    });
    t.start();
    timer.tick();
    void t.kick();
    timer.tick();
    expect(runs).toBe(1);
    g.release();
    await Promise.resolve();
    await new Promise<void>((r) => setImmediate(r));
    expect(runs).toBe(2); // the three requests made during the first run: one more run
    g.release();
    await t.idle();
    expect({ runs, most }).toEqual({ runs: 2, most: 1 });
  });

  it("stop waits for the run in progress and asks for no more", async () => {
    const g = gate();
    let finished = 0;
    const { t } = task({ run: async () => { await g.wait(); finished++; } });
    t.start();
    void t.kick(); // would ask for another run
    const stopped = t.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise<void>((r) => setImmediate(r));
    expect(done).toBe(false);
    g.release();
    await stopped;
    expect(finished).toBe(1);
  });

  it("runs again at once while a run says more is waiting", async () => {
    const batches = [50, 50, 7];
    const { t } = task({ run: () => batches.shift() === 50 });
    await t.kick();
    expect(batches).toEqual([]);
  });

  it("reports a failed run and goes on at the next tick", async () => {
    let calls = 0;
    const { t, timer, errors } = task({
      run: () => {
        calls++;
        if (calls === 1) throw new Error("database busy");
      },
    });
    t.start();
    await t.idle();
    expect(errors.map((e) => (e as Error).message)).toEqual(["database busy"]);
    timer.tick();
    await t.idle();
    expect(calls).toBe(2);
  });

  it("asks whether it may run before every run, and skips the run when not", async () => {
    let may = false;
    let runs = 0;
    const { t, timer } = task({ run: () => void runs++, mayRun: async () => may });
    t.start();
    await t.idle();
    expect(runs).toBe(0);
    may = true;
    timer.tick();
    await t.idle();
    expect(runs).toBe(1);
  });

  it("with no interval, has no schedule: it runs only when kicked, before start too", async () => {
    let runs = 0;
    const { t, timer } = task({ intervalMs: 0, run: () => void runs++ });
    await t.kick();
    t.start();
    expect(timer.scheduled()).toBe(0);
    expect(runs).toBe(1);
  });

  it("keeps the process alive only when asked to", () => {
    const quiet = task({ run: () => undefined });
    quiet.t.start();
    expect(quiet.timer.keepAlive).toBe(false);
    const worker = task({ run: () => undefined, keepAlive: true });
    worker.t.start();
    expect(worker.timer.keepAlive).toBe(true);
  });
});
