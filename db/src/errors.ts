/**
 * Errors of either engine, told apart by what they mean. drizzle wraps a driver's error in a
 * "Failed query" error whose `cause` is the driver's: the chain of causes is searched.
 */

/** SQLite's extended result codes and PostgreSQL's SQLSTATE for a duplicate key. */
const UNIQUE_CODES = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505"]);

/**
 * Whether `err` is a unique (or primary key) violation on either engine: the insert lost a race
 * with another request storing the same thing, so the caller answers as the idempotent repeat
 * (reads what the winner stored) rather than failing.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNIQUE_CODES.has(code)) return true;
  }
  return false;
}
