/**
 * Backing up and restoring a SQLite database file (`pnpm hccd backup|restore`). PostgreSQL has
 * its own tools for this (pg_dump, pg_restore): `postgresBackupCommands` says which, exactly.
 */
import { closeSync, copyFileSync, existsSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

export type SqliteBackupProblem =
  /** The file to read is not there. */
  | "missing"
  /** The backup's file name is taken: an earlier backup is never overwritten. */
  | "exists"
  /** Not a SQLite database file. */
  | "not_sqlite"
  /** A SQLite database, but not one of ours (no migrations table), or damaged. */
  | "not_ours"
  /** A process (a running server, a worker) has the database open. */
  | "in_use";

export class SqliteBackupError extends Error {
  constructor(
    readonly problem: SqliteBackupProblem,
    readonly path: string,
    detail?: string,
  ) {
    super(`${problem}: ${path}${detail ? ` (${detail})` : ""}`);
  }
}

const HEADER = Buffer.from("SQLite format 3\0", "latin1");

function startsAsSqlite(path: string): boolean {
  const head = Buffer.alloc(HEADER.length);
  const fd = openSync(path, "r");
  try {
    return readSync(fd, head, 0, HEADER.length, 0) === HEADER.length && head.equals(HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that `path` is a sound database of ours: SQLite's header, drizzle's migrations table
 * (written by `createDb` at the first start), and `PRAGMA quick_check`. Gives how many migrations
 * it has applied.
 */
export function checkOurSqliteFile(path: string): { migrations: number } {
  if (!existsSync(path)) throw new SqliteBackupError("missing", path);
  if (!startsAsSqlite(path)) throw new SqliteBackupError("not_sqlite", path);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!table) throw new SqliteBackupError("not_ours", path, "no migrations table");
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new SqliteBackupError("not_ours", path, `quick_check: ${String(check)}`);
    return { migrations: (db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n };
  } catch (err) {
    if (err instanceof SqliteBackupError) throw err;
    throw new SqliteBackupError("not_ours", path, err instanceof Error ? err.message : String(err));
  } finally {
    db.close();
  }
}

/**
 * Copies the database at `source` to `dest` with SQLite's online backup API: safe while a server
 * writes to it (WAL), the copy is one consistent moment. Written beside `dest` first and renamed,
 * so a backup that fails half-way leaves no file that looks whole; an existing `dest` is kept.
 */
export async function backupSqliteFile(source: string, dest: string): Promise<{ bytes: number; migrations: number }> {
  if (existsSync(dest)) throw new SqliteBackupError("exists", dest);
  checkOurSqliteFile(source);
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // The server's writes go on meanwhile: SQLite restarts the copy of pages they changed.
    await db.backup(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  const { migrations } = checkOurSqliteFile(partial);
  renameSync(partial, dest);
  const copy = new Database(dest, { readonly: true });
  const bytes = (copy.pragma("page_count", { simple: true }) as number) * (copy.pragma("page_size", { simple: true }) as number);
  copy.close();
  return { bytes, migrations };
}

/**
 * Whether no other connection has the database open. A server holds its connection for as long as
 * it runs, and in WAL mode every open connection keeps a shared lock: an exclusive lock taken at
 * once (no waiting) says nobody else is there.
 */
function assertNotInUse(path: string): void {
  const db = new Database(path, { timeout: 0, fileMustExist: true });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new SqliteBackupError("in_use", path);
    throw err;
  } finally {
    // The last connection to close checkpoints the WAL into the file and removes it.
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `backup`, after checking the backup is a
 * sound database of ours and that nothing holds `target` open (a running server: stop it first).
 * The database replaced is kept aside as `<target>.before-restore-<time>` (with its `-wal` and
 * `-shm` files, if any), never deleted. Migrations newer than the backup apply at the next start.
 */
export function restoreSqliteFile(backup: string, target: string, now: Date): { keptAside: string | null; migrations: number } {
  const { migrations } = checkOurSqliteFile(backup);
  let keptAside: string | null = null;
  if (existsSync(target)) {
    assertNotInUse(target);
    keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAside);
    for (const side of ["-wal", "-shm"]) if (existsSync(`${target}${side}`)) renameSync(`${target}${side}`, `${keptAside}${side}`);
  }
  const partial = `${target}.restoring`;
  copyFileSync(backup, partial);
  renameSync(partial, target);
  return { keptAside, migrations };
}

/**
 * The PostgreSQL commands that do what `backup` / `restore` do for SQLite, for the database of
 * `url`, without its password (pg_dump reads it from PGPASSWORD or ~/.pgpass).
 */
export function postgresBackupCommands(url: string, file: string): { backup: string; restore: string } {
  const u = new URL(url);
  u.password = "";
  const target = u.toString();
  const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    backup: `pg_dump --format=custom --no-owner --file=${quoted(file)} ${quoted(target)}`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${quoted(target)} ${quoted(file)}`,
  };
}
