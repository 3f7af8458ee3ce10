import { isUniqueViolation } from "@hccd/db";

/** A request that keeps losing races after this many tries is failing for another reason. */
const ATTEMPTS = 3;

/**
 * Runs `attempt` — a transaction that looks for what it would store (the same certificate, a
 * consent in force) and inserts it when it is not there — again when it loses a race on a unique
 * constraint: another request or instance stored the same thing between the look and the insert.
 * The winner has committed by then (the database makes the loser wait for it), so the next attempt
 * finds its rows and answers as the idempotent repeat, never a 500. On SQLite, where a transaction
 * holds the write lock from its start, the race cannot happen; on PostgreSQL it does.
 */
export async function retryOnUniqueViolation<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (tries >= ATTEMPTS || !isUniqueViolation(err)) throw err;
    }
  }
}
