import Database from "better-sqlite3";
import { seedReference } from "../runtime.js";
import { createTestWorld, type TestWorld } from "./world.js";

/** One statement as SQLite ran it: its SQL and the parameters it was run with. */
export interface RanStatement {
  sql: string;
  params: unknown[];
}

const RUNS = new Set(["all", "get", "run", "iterate"]);
const RETURNS_SELF = new Set(["raw", "pluck", "expand", "safeIntegers", "bind"]);

/**
 * Records the statements SQLite runs: the actual SQL drizzle (or a raw prepared statement) sends,
 * with its parameters, so a test can ask SQLite how it plans it. It wraps better-sqlite3's
 * `prepare` for every connection opened after it is created (statements are cached per
 * connection, so create it before the world); `restore()` puts `prepare` back.
 */
export function createStatementRecorder() {
  const proto = Database.prototype;
  const original = proto.prepare;
  let ran: RanStatement[] | null = null;
  const wrap = (stmt: Database.Statement, sqlText: string): Database.Statement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (RUNS.has(String(prop))) {
          return (...params: unknown[]) => {
            ran?.push({ sql: sqlText, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        if (RETURNS_SELF.has(String(prop))) {
          return (...args: unknown[]) => {
            (value as (...a: unknown[]) => unknown).apply(target, args);
            return receiver;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  proto.prepare = function prepare(this: Database.Database, sqlText: string) {
    return wrap(original.call(this, sqlText), sqlText);
  } as typeof proto.prepare;
  return {
    /** The statements run while `during` runs. */
    async record(during: () => Promise<unknown>): Promise<RanStatement[]> {
      ran = [];
      try {
        await during();
        return ran;
      } finally {
        ran = null;
      }
    },
    restore() {
      proto.prepare = original;
    },
  };
}

/**
 * SQLite's plan of a statement (EXPLAIN QUERY PLAN), one line per step. `SCAN t` reads the whole
 * table (or index, with `USING COVERING INDEX`); `SEARCH t USING INDEX` reads only what matches.
 */
export function queryPlan(sqlite: Database.Database, statement: RanStatement): string[] {
  const explain = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`);
  return (explain.all(...statement.params) as { detail: string }[]).map((r) => r.detail);
}

/** The steps of a plan that read a whole table or index, less those on the given small tables. */
export function fullScans(plan: readonly string[], smallTables: readonly string[] = []): string[] {
  return plan.filter((step) => {
    const m = /^SCAN (\S+)/.exec(step);
    if (!m) return false;
    if (m[1] === "CONSTANT") return false;
    return !smallTables.includes(m[1]!);
  });
}

/**
 * A test world on SQLite for query-plan tests: a statement recorder created before it (statements
 * are cached per connection), the province's reference data seeded (wards). `close()` puts
 * `prepare` back and closes the world.
 */
export async function queryPlanWorld(): Promise<{ w: TestWorld; sqlite: Database.Database; recorder: ReturnType<typeof createStatementRecorder>; close(): Promise<void> }> {
  const recorder = createStatementRecorder();
  const w = await createTestWorld();
  if (w.handle.engine !== "sqlite") throw new Error("query plans are SQLite's");
  const sqlite = w.handle.sqlite;
  await seedReference(w.handle.db);
  return {
    w, sqlite, recorder,
    async close() {
      recorder.restore();
      await w.close();
    },
  };
}
