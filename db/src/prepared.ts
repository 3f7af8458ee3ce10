/**
 * Queries built once per connection: without this drizzle builds the SQL on every call (about
 * 40 µs of a 60 µs lookup), much of what the reminder sweep and the delivery worker spent per
 * message. `build` writes the query with `sql.placeholder(name)` where the values go; it is
 * built and prepared the first time `key` is used on a session (the database, or one
 * transaction), and run with `params` after that.
 *
 * Placeholder values reach the driver as given, not through the columns' encoders: pass strings
 * and numbers; pass an instant as `instantValue(db, date)`.
 */
import type { Db } from "./engine.js";
import { sqliteBinding } from "./sqlite-engine.js";

interface Prepared<R> {
  execute(params?: Record<string, unknown>): Promise<R>;
}

const caches = new WeakMap<object, Map<string, Prepared<unknown>>>();

export function prepared<R>(db: Db, key: string, build: (db: Db) => { prepare(): Prepared<R> }, params: Record<string, unknown>): Promise<R> {
  const session = (db as unknown as { session: object }).session;
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = new Map()));
  let query = cache.get(key) as Prepared<R> | undefined;
  if (!query) {
    const builder = build(db) as unknown as { prepare(name?: string): Prepared<R> };
    // PostgreSQL's prepared statements are named (prepared once per pooled connection).
    query = sqliteBinding(db) ? builder.prepare() : builder.prepare(`hccd_${key}`);
    cache.set(key, query as Prepared<unknown>);
  }
  return query.execute(params);
}

/** An instant as a placeholder value: epoch milliseconds on SQLite, the Date on PostgreSQL. */
export function instantValue(db: Db, at: Date): number | Date {
  return sqliteBinding(db) ? at.getTime() : at;
}
