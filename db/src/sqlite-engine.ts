/**
 * SQLite behind the asynchronous layer: one better-sqlite3 connection, queried through drizzle's
 * `sqlite-proxy` driver, with transactions of our own.
 *
 * better-sqlite3 is synchronous and has one connection: while one async chain is inside
 * `db.transaction(async (tx) => …)` and awaits, another chain's query on `db` would run on the same
 * connection, inside that open transaction (and be rolled back with it). So a transaction holds a
 * gate for its whole duration (`BEGIN IMMEDIATE` … `COMMIT`/`ROLLBACK`); queries on the database
 * itself run at once when the gate is free and wait their turn when it is not, while the
 * transaction's own queries (through `tx`) run at once. Nested `tx.transaction(…)` calls are
 * savepoints. Using `db` (not `tx`) inside a transaction would wait for itself: it throws instead
 * when transactions are guarded (`guardTransactions`, below).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { TransactionRollbackError } from "drizzle-orm";
import { drizzle, SQLiteRemoteSession, SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { createTableRelationsHelpers, extractTablesRelationalConfig } from "drizzle-orm";
import type { Db } from "./engine.js";
import * as schema from "./schema.js";

type Method = "run" | "all" | "values" | "get";
// sqlite-proxy takes `rows` as an array of rows, or for `get` the one row (or undefined).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RemoteResult = { rows: any[]; changes?: number };

/** The state of one transaction: queries through its `tx` fail once it has ended. */
interface TxState {
  done: boolean;
  savepoints: number;
}

const CONNECTION = Symbol("hccd.sqliteConnection");
/** How long a statement waits for another process's write lock before it fails (SQLITE_BUSY). */
export const LOCK_WAIT_MS = 5_000;
const isBusy = (err: unknown) => typeof (err as { code?: unknown })?.code === "string" && (err as { code: string }).code.startsWith("SQLITE_BUSY");
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` (one statement, or BEGIN IMMEDIATE) until it gets the lock another process holds, for
 * `LOCK_WAIT_MS` at most. SQLite's own busy handler would sleep in the statement — synchronously,
 * up to 100 ms a time, holding up every request of this process (a webhook's p99 was 118-184 ms
 * while another instance stored a population sync); here the event loop turns while it waits.
 * A statement refused with SQLITE_BUSY changed nothing: running it again is safe.
 */
export async function whenUnlocked<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() > deadline) throw err;
    }
    // Every millisecond: a process writing transaction after transaction leaves short gaps
    // between them, and a longer wait would miss them (it starved: a webhook waited up to 0.5 s).
    await pause(1);
  }
}
const STATEMENT_CACHE_MAX = 2_000;

/** The connection behind a SQLite `Db` (database or transaction), and the transaction it belongs to. */
export interface SqliteBinding {
  connection: SqliteConnection;
  /** The transaction a `tx` belongs to; null for the database itself. */
  tx: TxState | null;
}

export class SqliteConnection {
  /** Statements in drizzle's array-row mode, by SQL text. */
  private readonly arrayStatements = new Map<string, Database.Statement>();
  /** Hand-written hot-path statements (object rows, named parameters), by key. */
  private readonly rawStatements = new Map<string, Database.Statement>();
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  /** The transaction holding the gate, if any. */
  private holder: TxState | null = null;
  /** Which transaction an async chain runs in; only when guarded (see the constructor). */
  private readonly context: AsyncLocalStorage<TxState> | null;
  private readonly dialect = new SQLiteAsyncDialect();
  private readonly relational = (() => {
    const config = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    return { fullSchema: schema, schema: config.tables, tableNamesMap: config.tableNamesMap };
  })();
  readonly db: Db;

  /**
   * `guardTransactions`: track each transaction's async chain, so that a query on `db` inside its
   * own transaction throws at once instead of waiting for itself for ever. On Node 20
   * AsyncLocalStorage hooks every promise of the process: it cost ~8% of the delivery worker's CPU
   * per message. A development and test aid, then (every code path runs in the tests): off when
   * NODE_ENV is `production` unless asked for.
   */
  constructor(readonly sqlite: Database.Database, opts: { guardTransactions?: boolean } = {}) {
    // Another process's write lock is waited for asynchronously (`whenUnlocked`), not in SQLite.
    sqlite.pragma("busy_timeout = 0");
    this.context = (opts.guardTransactions ?? process.env.NODE_ENV !== "production") ? new AsyncLocalStorage<TxState>() : null;
    const db = drizzle((sql, params, method) => this.outside(() => this.execute(sql, params, method)), { schema }) as unknown as Db;
    bind(db, { connection: this, tx: null });
    (db as { transaction: unknown }).transaction = <T>(fn: (tx: Db) => Promise<T>) => this.transaction(fn);
    this.db = db;
  }

  /** A cached statement for hand-written SQL (named `@parameters`, object rows): see raw.ts. */
  rawStatement(key: string, sqlText: string): Database.Statement {
    let stmt = this.rawStatements.get(key);
    if (!stmt) this.rawStatements.set(key, (stmt = this.sqlite.prepare(sqlText)));
    return stmt;
  }

  /**
   * Runs `fn` on the connection for `tx` (a transaction's state, or null for the database): at
   * once inside a transaction, else when no transaction holds the connection.
   */
  run<T>(tx: TxState | null, fn: () => T): Promise<T> {
    if (tx) {
      if (tx.done) return Promise.reject(new Error("A transaction's tx was used after the transaction ended."));
      return Promise.resolve().then(fn);
    }
    return this.outside(fn);
  }

  private async outside<T>(fn: () => T): Promise<T> {
    if (!this.busy) {
      try {
        return fn();
      } catch (err) {
        if (!isBusy(err)) throw err;
        // Another process writes: wait for it holding the gate, so that no transaction of ours starts meanwhile.
      }
    } else if (this.holder && this.context?.getStore() === this.holder) {
      throw new Error("The database was queried inside its own transaction: inside db.transaction(async (tx) => …) use tx, not db.");
    }
    await this.acquire();
    try {
      return await whenUnlocked(fn);
    } finally {
      this.release();
    }
  }

  private execute(sqlText: string, params: unknown[], method: Method): RemoteResult {
    let stmt = this.arrayStatements.get(sqlText);
    if (!stmt) {
      if (this.arrayStatements.size >= STATEMENT_CACHE_MAX) this.arrayStatements.clear();
      stmt = this.sqlite.prepare(sqlText);
      if (stmt.reader) stmt.raw(true);
      this.arrayStatements.set(sqlText, stmt);
    }
    if (method === "run" || !stmt.reader) return { rows: [], changes: stmt.run(...params).changes };
    if (method === "get") return { rows: stmt.get(...params) as unknown[] };
    return { rows: stmt.all(...params) as unknown[] };
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }

  private async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.holder && this.context?.getStore() === this.holder) {
      throw new Error("db.transaction() was called inside a transaction on the same database: call tx.transaction() (a savepoint) instead.");
    }
    await this.acquire();
    const state: TxState = { done: false, savepoints: 0 };
    this.holder = state;
    try {
      await whenUnlocked(() => this.sqlite.exec("BEGIN IMMEDIATE"));
      try {
        const result = await (this.context ? this.context.run(state, () => fn(this.txDb(state))) : fn(this.txDb(state)));
        this.sqlite.exec("COMMIT");
        return result;
      } catch (err) {
        if (this.sqlite.inTransaction) this.sqlite.exec("ROLLBACK");
        throw err;
      }
    } finally {
      state.done = true;
      this.holder = null;
      this.release();
    }
  }

  /** The `tx` of one transaction: its queries run at once on the connection, until it ends. */
  private txDb(state: TxState): Db {
    const callback = (sqlText: string, params: unknown[], method: Method) => this.run(state, () => this.execute(sqlText, params, method));
    const session = new SQLiteRemoteSession(callback, this.dialect, this.relational, undefined, {});
    const tx = new SqliteRemoteDatabase("async", this.dialect, session, this.relational) as unknown as Db;
    bind(tx, { connection: this, tx: state });
    Object.assign(tx, {
      transaction: <T>(fn: (inner: Db) => Promise<T>) => this.savepoint(state, tx, fn),
      rollback: () => {
        throw new TransactionRollbackError();
      },
    });
    return tx;
  }

  private async savepoint<T>(state: TxState, tx: Db, fn: (inner: Db) => Promise<T>): Promise<T> {
    const name = `sp${++state.savepoints}`;
    await this.run(state, () => this.sqlite.exec(`SAVEPOINT ${name}`));
    try {
      const result = await fn(tx);
      await this.run(state, () => this.sqlite.exec(`RELEASE ${name}`));
      return result;
    } catch (err) {
      if (!state.done) this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  }
}

function bind(db: Db, binding: SqliteBinding): void {
  Object.defineProperty(db, CONNECTION, { value: binding, enumerable: false });
}

/** The SQLite connection behind `db` and its transaction, or undefined on PostgreSQL. */
export function sqliteBinding(db: Db): SqliteBinding | undefined {
  return (db as unknown as { [CONNECTION]?: SqliteBinding })[CONNECTION];
}

