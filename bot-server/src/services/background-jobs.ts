import type { Logger } from "../logger.js";

/**
 * Work a request starts but does not wait for (an import of 100,000 rows): tracked so that shutdown
 * waits for it instead of closing the database under it. Failures are logged; the work records its
 * own outcome (the import row says `failed` and why).
 */
export function createBackgroundJobs(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    run(name: string, work: () => Promise<unknown>): void {
      const p: Promise<void> = work()
        .then(() => undefined)
        .catch((err: unknown) => logger.error({ err, job: name }, "background job failed"))
        .finally(() => running.delete(p));
      running.add(p);
    },
    /** Resolves when nothing is running (tests, shutdown). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type BackgroundJobs = ReturnType<typeof createBackgroundJobs>;
