/**
 * What every data-access function sees: one asynchronous database type for both engines, the
 * tables of the engine behind it, and which engine that is. The query-builder code is written once
 * against drizzle's asynchronous SQLite types; on PostgreSQL the same calls run on drizzle's pg
 * database with the pg tables (same names, same TypeScript types: see schema-parity.test.ts).
 */
import { is, type SQL } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema.js";

/**
 * What an INSERT, UPDATE or DELETE without `returning()` resolves to: `changes` on SQLite,
 * `rowCount` on PostgreSQL. Read it with `affectedRows(result)`.
 */
export type RunResult = { changes?: number; rowCount?: number | null };

/**
 * A database or a transaction on it, on either engine: data-access functions take either, so
 * services compose them inside one `await db.transaction(async (tx) => …)`. Every query is awaited
 * (`await db.select()…`): `.get()`, `.all()`, `.run()` and `.values()` exist only on SQLite and must
 * not be used.
 */
export type Db = BaseSQLiteDatabase<"async", RunResult, typeof schema>;

/** The tables, typed as the SQLite ones; on PostgreSQL they are the pg tables of schema-pg.ts. */
export type Tables = typeof schema;

export type Engine = "sqlite" | "postgres";

/**
 * The tables of the engine behind `db` (a database or a transaction). Data-access functions take
 * their tables from here, never from an import of schema.ts, so that they run on either engine.
 */
export function tablesOf(db: Db): Tables {
  return (db as unknown as { _: { fullSchema: Tables } })._.fullSchema;
}

/** Which engine `db` (a database or a transaction) runs on. */
export function engineOf(db: Db): Engine {
  return is(db, PgDatabase) ? "postgres" : "sqlite";
}

/** How many rows an INSERT, UPDATE or DELETE (awaited without `returning()`) changed, on either engine. */
export function affectedRows(result: RunResult): number {
  return result.changes ?? result.rowCount ?? 0;
}

/** A statement for the engine behind `db`: for the few queries whose SQL differs between the two. */
export function byEngine(db: Db, choices: { sqlite: () => SQL; postgres: () => SQL }): SQL {
  return engineOf(db) === "postgres" ? choices.postgres() : choices.sqlite();
}

/**
 * A SELECT that locks the rows it reads until the transaction ends (`FOR UPDATE` on PostgreSQL),
 * for a read-modify-write inside `db.transaction`. On SQLite it is the query as it is: a
 * transaction there holds the database's write lock from its start (`BEGIN IMMEDIATE`).
 */
export function forUpdate<Q>(query: Q): Q {
  const pgQuery = query as Q & { for?: (strength: "update") => Q };
  return typeof pgQuery.for === "function" ? pgQuery.for("update") : query;
}

/**
 * A SELECT that locks the rows it reads and passes over those another transaction holds
 * (`FOR UPDATE SKIP LOCKED` on PostgreSQL): several instances each take their own share of a
 * queue without waiting for each other. On SQLite the query as it is (one writer at a time).
 */
export function forUpdateSkipLocked<Q>(query: Q): Q {
  const pgQuery = query as Q & { for?: (strength: "update", config: { skipLocked: true }) => Q };
  return typeof pgQuery.for === "function" ? pgQuery.for("update", { skipLocked: true }) : query;
}

/**
 * The most bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32,766
 * in the SQLite better-sqlite3 builds) and PostgreSQL's wire protocol limit (65,535).
 */
export const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const satisfies Record<Engine, number>;

/**
 * Rows a statement carries at most, however few parameters each has: building and binding a
 * statement is synchronous work, and the event loop (the webhooks' acknowledgements) waits for it.
 */
export const ROWS_PER_STATEMENT_MAX = 500;

/**
 * `rows` in slices that each fit one statement on `db`'s engine, at `perRow` parameters a row (plus
 * `extra` parameters the statement carries once), and at most ROWS_PER_STATEMENT_MAX rows: for
 * multi-row INSERTs and `IN (…)` lists.
 */
export function statementSlices<T>(db: Db, rows: readonly T[], perRow: number, extra = 0): T[][] {
  const size = Math.max(1, Math.min(ROWS_PER_STATEMENT_MAX, Math.floor((MAX_PARAMETERS[engineOf(db)] - extra) / perRow)));
  const slices: T[][] = [];
  for (let i = 0; i < rows.length; i += size) slices.push(rows.slice(i, i + size));
  return slices;
}
