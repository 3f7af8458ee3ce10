import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import * as schema from "./schema.js";

/**
 * A database or a transaction on it: data-access functions take either, so services can compose
 * them inside one `db.transaction(...)`.
 */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

export interface DbHandle {
  db: Db;
  /** The raw connection, for pragmas and checkpoints. */
  sqlite: Database.Database;
  close(): void;
}

const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Opens (or creates) a SQLite database and applies the committed migrations.
 * WAL lets readers run beside the single writer; foreign keys are off by default in SQLite, so
 * they are turned on for every connection. `path` may be `:memory:` for tests.
 */
export function createDb(path: string): DbHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // NORMAL is durable in WAL mode except for the last transactions on power loss (not on a
  // process crash); the outbox and inbox rely on process-crash durability.
  sqlite.pragma("synchronous = NORMAL");
  // SQLite's default page cache is 2 MB: with a million documents every lookup went to the OS.
  // 64 MB of cache and reads through a memory map keep the hot indexes in memory.
  sqlite.pragma("cache_size = -65536");
  sqlite.pragma("mmap_size = 268435456");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return { db, sqlite, close: () => sqlite.close() };
}
