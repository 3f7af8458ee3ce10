import Database from "better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import type { Db, Engine } from "./engine.js";
import { DatabaseUnavailable, openFailureReason, withoutPassword } from "./errors.js";
import { appliedPostgresMigrations, appliedSqliteMigrations, committedMigrations, migratePostgres, migrateSqlite } from "./migrate.js";
import * as pgSchema from "./schema-pg.js";
import { SqliteConnection, whenUnlocked } from "./sqlite-engine.js";

interface HandleBase {
  /** The database: pass it to the data-access functions, or open a transaction on it. */
  db: Db;
  engine: Engine;
  /** Closes the connection (SQLite) or the pool (PostgreSQL); closing again does nothing. */
  close(): Promise<void>;
}

/** SQLite: the raw connection too, for pragmas, checkpoints, backups and query plans. */
export interface SqliteHandle extends HandleBase {
  engine: "sqlite";
  sqlite: Database.Database;
}

/** PostgreSQL: the pool too, for what drizzle does not do (LISTEN/NOTIFY, pg_dump-like tools). */
export interface PostgresHandle extends HandleBase {
  engine: "postgres";
  pool: pg.Pool;
}

export type DbHandle = SqliteHandle | PostgresHandle;

export interface CreateDbOptions {
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** Skip applying migrations (a database another instance migrates, or a test's template copy). */
  migrate?: boolean;
  /**
   * SQLite: a query on the database inside its own transaction throws rather than waits for itself
   * (default: unless NODE_ENV is `production`; it costs every promise of the process, see
   * `SqliteConnection`).
   */
  guardTransactions?: boolean;
}

/** Whether `target` names a PostgreSQL database (`postgres://` or `postgresql://` URL). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens the configured database and applies the committed migrations (under a lock: instances
 * starting together migrate once).
 * - a `postgres://…` URL: PostgreSQL through a node-postgres pool;
 * - anything else: a SQLite file (created with its folder), or `:memory:` for tests. WAL lets
 *   readers run beside the single writer; foreign keys are off by default in SQLite, so they are
 *   turned on.
 */
export async function createDb(target: string, opts: CreateDbOptions = {}): Promise<DbHandle> {
  try {
    return isPostgresUrl(target) ? await openPostgres(target, opts) : await openSqlite(target, opts);
  } catch (err) {
    const reason = openFailureReason(err);
    if (reason === undefined) throw err;
    throw new DatabaseUnavailable(withoutPassword(target), reason, { cause: err });
  }
}

/** While the file is opened and migrated (no request yet): SQLite's own busy handler waits this long for another instance; the connection then waits without blocking (`whenUnlocked`). */
const BUSY_TIMEOUT_MS = 5000;

async function openSqlite(path: string, opts: CreateDbOptions): Promise<SqliteHandle> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    await enableWal(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  sqlite.pragma("foreign_keys = ON");
  // NORMAL is durable in WAL mode except for the last transactions on power loss (not on a
  // process crash); the outbox and inbox rely on process-crash durability.
  sqlite.pragma("synchronous = NORMAL");
  // SQLite's default page cache is 2 MB: with a million documents every lookup went to the OS.
  // 64 MB of cache and reads through a memory map keep the hot indexes in memory.
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("mmap_size = 268435456");
  if (opts.migrate !== false) migrateSqlite(sqlite);
  const connection = new SqliteConnection(sqlite, opts.guardTransactions === undefined ? {} : { guardTransactions: opts.guardTransactions });
  return { engine: "sqlite", db: connection.db, sqlite, close: async () => void sqlite.close() };
}

/**
 * Turns on WAL. On a new file two instances starting together both try, and SQLite answers the
 * second "database is locked" at once rather than through the busy handler (two readers each
 * asking for the exclusive lock would wait on each other for ever): asked again until it passes
 * (`whenUnlocked`). Once one has succeeded the file stays in WAL and the statement needs no lock.
 */
async function enableWal(sqlite: Database.Database): Promise<void> {
  await whenUnlocked(() => sqlite.pragma("journal_mode = WAL"));
}

async function openPostgres(url: string, opts: CreateDbOptions): Promise<PostgresHandle> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle client's error (the server restarted) must not crash the process: the pool drops it.
  pool.on("error", () => {});
  try {
    if (opts.migrate !== false) await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzlePg(pool, { schema: pgSchema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return { engine: "postgres", db, pool, close: () => (closing ??= pool.end()) };
}

/**
 * Whether the database answers and every committed migration is applied: for a readiness check.
 * Says what is missing instead of throwing.
 */
export async function checkDb(handle: DbHandle): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const applied = handle.engine === "sqlite" ? appliedSqliteMigrations(handle.sqlite) : await appliedPostgresMigrations(handle.pool);
    const missing = committedMigrations(handle.engine).filter((at) => !applied.has(at)).length;
    return missing === 0 ? { ok: true } : { ok: false, reason: `${missing} migration(s) not applied` };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
