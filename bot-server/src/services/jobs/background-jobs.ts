import { DomainError } from "../../errors.js";
import type { Logger } from "../../logger.js";

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
        .catch((err: unknown) => {
          // A refusal the work meant to give (a file that cannot be imported, said in its report) is
          // not a bug: no stack, not an error. Anything else is.
          if (err instanceof DomainError && err.status < 500) logger.info({ job: name, code: err.code, reason: err.message }, "background job refused its input");
          else logger.error({ err, job: name }, "background job failed");
        })
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
