/**
 * Hand-written SQL behind the layer, on either engine: for the queries drizzle's builder cannot
 * say (or says too slowly on a hot path), and for tests' raw assertions.
 *
 * `queryRows` returns values in SQLite's shapes on both engines, so that one assertion holds on
 * both: instants as epoch milliseconds, flags as 0/1, counts and sums as numbers. JSON alone differs
 * (text on SQLite, parsed on PostgreSQL): decode it with `toJson`. `toDate`, `toFlag` and
 * `toCount` turn the other shapes into what the schema's types say.
 */
import type Database from "better-sqlite3";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgDatabase } from "drizzle-orm/pg-core";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./engine.js";
import { sqliteBinding } from "./sqlite-engine.js";

const sqliteDialect = new SQLiteAsyncDialect();

interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
  fields: { name: string; dataTypeID: number }[];
}

/** PostgreSQL type ids whose values are turned into SQLite's shapes (pg_type.oid). */
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_BOOL = 16;

function sqliteShape(value: unknown, type: number): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case PG_TIMESTAMPTZ:
    case PG_TIMESTAMP:
      return value instanceof Date ? value.getTime() : Date.parse(type === PG_TIMESTAMP ? `${String(value)}Z` : String(value));
    case PG_INT8:
    case PG_NUMERIC:
      return Number(value);
    case PG_BOOL:
      return value ? 1 : 0;
    default:
      return value;
  }
}

function pgExecute(db: Db, query: SQL): Promise<PgResult> {
  return (db as unknown as PgDatabase<never>).execute(query) as unknown as Promise<PgResult>;
}

/**
 * The rows of a query written with drizzle's `sql` template, on either engine (inside a
 * transaction when `db` is its `tx`). For tests' raw assertions and the layer's own raw reads:
 * `await queryRows(db, sql\`select count(*) as n from outbox\`)`.
 */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const binding = sqliteBinding(db);
  if (!binding) {
    const result = await pgExecute(db, query);
    const converted = result.fields.filter((f) => [PG_TIMESTAMPTZ, PG_TIMESTAMP, PG_INT8, PG_NUMERIC, PG_BOOL].includes(f.dataTypeID));
    if (converted.length === 0) return result.rows as T[];
    return result.rows.map((row) => {
      const out = { ...row };
      for (const f of converted) out[f.name] = sqliteShape(row[f.name], f.dataTypeID);
      return out;
    }) as T[];
  }
  const q = sqliteDialect.sqlToQuery(query);
  return binding.connection.run(binding.tx, () => binding.connection.rawStatement(`q:${q.sql}`, q.sql).all(...q.params) as T[]);
}

/** Runs a statement written with drizzle's `sql` template; returns how many rows it changed. */
export async function executeStatement(db: Db, query: SQL): Promise<number> {
  const binding = sqliteBinding(db);
  if (!binding) return (await pgExecute(db, query)).rowCount ?? 0;
  const q = sqliteDialect.sqlToQuery(query);
  return binding.connection.run(binding.tx, () => {
    const stmt = binding.connection.rawStatement(`q:${q.sql}`, q.sql);
    return stmt.reader ? stmt.all(...q.params).length : stmt.run(...q.params).changes;
  });
}

/**
 * A hot path on SQLite: `use` gets a statement prepared once per connection from `sqlText`
 * (better-sqlite3's own API: `@named` parameters, object rows), run inside `db`'s transaction when
 * `db` is a `tx`. Undefined on PostgreSQL, where the caller takes its portable path. An outbox
 * insert took 89 µs through drizzle and 17 µs this way.
 */
export function onSqlite<T>(db: Db, key: string, sqlText: string, use: (stmt: Database.Statement) => T): Promise<T> | undefined {
  const binding = sqliteBinding(db);
  if (!binding) return undefined;
  return binding.connection.run(binding.tx, () => use(binding.connection.rawStatement(key, sqlText)));
}

/** An instant from either driver (epoch ms, a Date, or text), or null. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : (value as number | string));
}

/** A JSON value from either driver (text on SQLite, parsed on PostgreSQL). */
export function toJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A flag from either driver (0/1 on SQLite, a boolean on PostgreSQL). */
export function toFlag(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "t";
}

/** A count from either driver (PostgreSQL's bigint counts arrive as text). */
export function toCount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * An instant as a parameter of hand-written SQL: epoch milliseconds on SQLite (how instants are
 * stored there), a `timestamptz` on PostgreSQL.
 */
export function instantParam(db: Db, at: Date): SQL {
  return sqliteBinding(db) ? sql`${at.getTime()}` : sql`${at.toISOString()}::timestamptz`;
}

/** A flag as a literal of hand-written SQL: 1/0 on SQLite, true/false on PostgreSQL. */
export function flagLiteral(db: Db, value: boolean): SQL {
  return sql.raw(sqliteBinding(db) ? (value ? "1" : "0") : String(value));
}

/** The text at a path inside a JSON column (`json_extract` on SQLite, `#>>` on PostgreSQL). */
export function jsonText(db: Db, column: SQLWrapper, ...path: string[]): SQL<string | null> {
  return sqliteBinding(db) ? sql<string | null>`json_extract(${column}, ${`$.${path.join(".")}`})` : sql<string | null>`(${column} #>> ${`{${path.join(",")}}`})`;
}
