/**
 * Backing up and restoring a SQLite database file (`pnpm hccd backup|restore`). PostgreSQL has
 * its own tools for this (pg_dump, pg_restore): `postgresBackupCommands` says which, exactly.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { withoutPassword } from "./errors.js";

export type SqliteBackupProblem =
  /** The file to read is not there. */
  | "missing"
  /** The backup's file name is taken: an earlier backup is never overwritten. */
  | "exists"
  /** Not a SQLite database file (a folder, an empty file, something else). */
  | "not_sqlite"
  /** A sound SQLite database, but not one of ours (no migrations table). */
  | "not_ours"
  /** A SQLite file that is truncated or corrupt (SQLite's own check fails). */
  | "damaged"
  /** The file is there but could not be read (permissions, an I/O error). */
  | "unreadable"
  /** A file could not be written (the disk is full, a folder is in the way, no permission). */
  | "write_failed"
  /** A process (a running server, a worker) has the database open. */
  | "in_use";

export class SqliteBackupError extends Error {
  constructor(
    readonly problem: SqliteBackupProblem,
    readonly path: string,
    /** What SQLite or the file system said, on one line. */
    readonly detail = "",
  ) {
    super(`${problem}: ${path}${detail ? ` (${detail})` : ""}`);
  }
}

const HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** An error's message on one short line (quick_check lists every damaged page on a line of its own). */
function oneLine(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = (lines[0] ?? "").slice(0, 200);
  return lines.length > 1 ? `${first} … ${lines.length - 1} more` : first;
}

const errorCode = (err: unknown) => (err as { code?: string }).code ?? "";

/** The file at `path` is there, is a file and starts as SQLite does; opens nothing, so leaves nothing beside it. */
function assertSqliteFile(path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (err) {
    if (errorCode(err) === "ENOENT") throw new SqliteBackupError("missing", path);
    throw new SqliteBackupError("unreadable", path, oneLine(err instanceof Error ? err.message : String(err)));
  }
  if (!isFile) throw new SqliteBackupError("not_sqlite", path);
  const head = Buffer.alloc(HEADER.length);
  let read: number;
  try {
    const fd = openSync(path, "r");
    try {
      read = readSync(fd, head, 0, HEADER.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new SqliteBackupError("unreadable", path, oneLine(err instanceof Error ? err.message : String(err)));
  }
  if (read !== HEADER.length || !head.equals(HEADER)) throw new SqliteBackupError("not_sqlite", path);
}

/** SQLite's answers for a file that is truncated, corrupt or not a database after all. */
const isDamage = (err: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(errorCode(err));

/**
 * Checks that `path` is a sound database of ours: SQLite's header, `PRAGMA quick_check`, and
 * drizzle's migrations table (written by `createDb` at the first start). Gives how many
 * migrations it has applied. Opened read-only unless `writable` (a copy of ours: a read-write
 * connection removes the `-wal` and `-shm` files it made when it closes, a read-only one cannot).
 */
export function checkOurSqliteFile(path: string, opts: { writable?: boolean } = {}): { migrations: number } {
  assertSqliteFile(path);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: !opts.writable, fileMustExist: true });
  } catch (err) {
    throw new SqliteBackupError(isDamage(err) ? "damaged" : "unreadable", path, oneLine(err instanceof Error ? err.message : String(err)));
  }
  try {
    const check = db.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new SqliteBackupError("damaged", path, oneLine(String(check)));
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!table) throw new SqliteBackupError("not_ours", path, "no migrations table");
    return { migrations: (db.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n };
  } catch (err) {
    if (err instanceof SqliteBackupError) throw err;
    throw new SqliteBackupError(isDamage(err) ? "damaged" : "not_ours", path, oneLine(err instanceof Error ? err.message : String(err)));
  } finally {
    db.close();
  }
}

/** Removes a working copy of ours and the files SQLite may have made beside it. */
function removeCopy(path: string): void {
  for (const side of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${side}`, { force: true });
}

/**
 * Copies the database at `source` to `dest` with SQLite's online backup API: safe while a server
 * writes to it (WAL), the copy is one consistent moment. Written beside `dest` first and renamed,
 * so a backup that fails half-way leaves no file that looks whole; an existing `dest` is kept. The
 * copy is switched out of WAL mode, so it is one self-contained file that reading never adds to.
 */
export async function backupSqliteFile(source: string, dest: string): Promise<{ bytes: number; migrations: number }> {
  if (existsSync(dest)) throw new SqliteBackupError("exists", dest);
  checkOurSqliteFile(source);
  const partial = `${dest}.partial`;
  try {
    removeCopy(partial);
    const db = new Database(source, { fileMustExist: true });
    try {
      // The server's writes go on meanwhile: SQLite restarts the copy of pages they changed.
      await db.backup(partial);
    } finally {
      db.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
  } catch (err) {
    removeCopy(partial);
    throw new SqliteBackupError("write_failed", partial, oneLine(err instanceof Error ? err.message : String(err)));
  }
  let migrations: number;
  try {
    ({ migrations } = checkOurSqliteFile(partial));
  } catch (err) {
    removeCopy(partial);
    throw err;
  }
  renameSync(partial, dest);
  return { bytes: statSync(dest).size, migrations };
}

/**
 * Whether no other connection has the database open. A server holds its connection for as long as
 * it runs, and in WAL mode every open connection keeps a shared lock: an exclusive lock taken at
 * once (no waiting) says nobody else is there. Gives whether the database is damaged (no server
 * runs on a file SQLite cannot read: replacing it is what a restore is for).
 */
function assertNotInUse(path: string): { damaged: boolean } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 0, fileMustExist: true });
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    return { damaged: false };
  } catch (err) {
    if (errorCode(err).startsWith("SQLITE_BUSY")) throw new SqliteBackupError("in_use", path);
    if (isDamage(err)) return { damaged: true };
    throw new SqliteBackupError("unreadable", path, oneLine(err instanceof Error ? err.message : String(err)));
  } finally {
    // The last connection to close checkpoints the WAL into the file and removes it.
    db?.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `backup`. Nothing is replaced until all is
 * known good: the backup is copied beside `target`, the copy checked (a sound database of ours),
 * and nothing may hold `target` open (a running server: stop it first); only then is `target`
 * renamed aside as `<target>.before-restore-<time>` (with its `-wal` and `-shm` files, if any,
 * never deleted) and the copy renamed into its place. Any failure before leaves `target` as it
 * was and removes the copy. The backup itself is only read. Migrations newer than the backup
 * apply at the next start.
 */
export function restoreSqliteFile(backup: string, target: string, now: Date): { keptAside: string | null; migrations: number; replacedDamaged: boolean } {
  assertSqliteFile(backup);
  const replacedDamaged = existsSync(target) ? assertNotInUse(target).damaged : false;
  const partial = `${target}.restoring`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    removeCopy(partial);
    copyFileSync(backup, partial);
  } catch (err) {
    if (!existsSync(partial) || statSync(partial).isFile()) removeCopy(partial);
    throw new SqliteBackupError("write_failed", partial, oneLine(err instanceof Error ? err.message : String(err)));
  }
  let migrations: number;
  try {
    ({ migrations } = checkOurSqliteFile(partial, { writable: true }));
  } catch (err) {
    removeCopy(partial);
    // What is wrong is the backup the user named, not our copy of it.
    if (err instanceof SqliteBackupError) throw new SqliteBackupError(err.problem, backup, err.detail);
    throw err;
  }
  let keptAside: string | null = null;
  if (existsSync(target)) {
    keptAside = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAside);
    for (const side of ["-wal", "-shm"]) if (existsSync(`${target}${side}`)) renameSync(`${target}${side}`, `${keptAside}${side}`);
  }
  try {
    renameSync(partial, target);
  } catch (err) {
    if (keptAside) {
      renameSync(keptAside, target);
      for (const side of ["-wal", "-shm"]) if (existsSync(`${keptAside}${side}`)) renameSync(`${keptAside}${side}`, `${target}${side}`);
    }
    removeCopy(partial);
    throw new SqliteBackupError("write_failed", target, oneLine(err instanceof Error ? err.message : String(err)));
  }
  return { keptAside, migrations, replacedDamaged };
}

/**
 * The PostgreSQL commands that do what `backup` / `restore` do for SQLite, for the database of
 * `url`, without its password (pg_dump reads it from PGPASSWORD or ~/.pgpass).
 */
export function postgresBackupCommands(url: string, file: string): { backup: string; restore: string } {
  const target = withoutPassword(url);
  const quoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    backup: `pg_dump --format=custom --no-owner --file=${quoted(file)} ${quoted(target)}`,
    restore: `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${quoted(target)} ${quoted(file)}`,
  };
}
