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

/**
 * The configured database could not be opened: the server is not there or refuses us, the
 * database or role does not exist, or the SQLite file cannot be created or is not a database.
 * `target` names it without a password; `reason` says why, on one line. Other failures at open
 * (a migration that fails) are not this: they keep their own error and stack.
 */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`could not open the database ${target}: ${reason}`, options);
  }
}

/** A network failure's code, as Node gives it (an AggregateError of each address tried carries it too). */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is PostgreSQL running and listening there?)",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed (DNS)",
  ETIMEDOUT: "no answer (a firewall, or the wrong host)",
  EHOSTUNREACH: "host unreachable",
  ECONNRESET: "connection reset by the server",
};
/** PostgreSQL's SQLSTATEs at connection: no such database, role or password, server starting or full. */
const POSTGRES_OPEN_CODES = new Set(["3D000", "28000", "28P01", "57P03", "53300"]);
/** File-system and SQLite failures at open: no folder or permission, read-only, not a database. */
const FILE_OPEN_CODES = /^(EACCES|EEXIST|EPERM|ENOTDIR|EISDIR|EROFS|ENOSPC|SQLITE_CANTOPEN|SQLITE_NOTADB|SQLITE_CORRUPT|SQLITE_READONLY|SQLITE_PERM|SQLITE_IOERR)/;

/** Why a database could not be opened, on one line, when `err` says so; else undefined (a real fault, keep its stack). */
export function openFailureReason(err: unknown): string | undefined {
  if (!err || typeof err !== "object") return undefined;
  const code = String((err as { code?: unknown }).code ?? "");
  if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  const message = err instanceof Error ? err.message.split("\n")[0]! : "";
  if (POSTGRES_OPEN_CODES.has(code) || FILE_OPEN_CODES.test(code)) return message;
  return undefined;
}

/** A database URL without its password (for logs, messages and the commands we print); other targets as given. */
export function withoutPassword(target: string): string {
  if (!/^postgres(ql)?:\/\//i.test(target) || !URL.canParse(target)) return target;
  const url = new URL(target);
  url.password = "";
  return url.toString();
}
