import type { Db } from "./create-db.js";

/**
 * Prepared queries, built once per connection. Without this drizzle builds the SQL and SQLite
 * prepares it on every call: about 250 µs a query, most of what the reminder sweep and the
 * delivery worker spent per message. A transaction shares its database's session, so a query
 * prepared on either runs on the same connection, inside the transaction when there is one.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  const session = (db as unknown as { session: object }).session;
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) cache.set(key, (query = build(db)));
  return query;
}

// Placeholders and encoders: in `insert().values()` a placeholder goes through its column's encoder
// (pass a Date, an object for JSON); in `where()` and in `set()` (written sql`${placeholder}`) it
// reaches SQLite as given (pass epoch ms, JSON text).

interface RawStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * A raw SQLite statement on the connection behind `db` (a database or a transaction on it), for
 * the few hot paths where drizzle's own per-call work — encoding placeholders, mapping the
 * returned row — costs more than the query: an outbox insert took 89 µs through drizzle and
 * 17 µs raw. The SQL names columns exactly as schema.ts does.
 */
export function rawStatement(db: Db, key: string, sqlText: string): RawStatement {
  return prepared(db, `raw:${key}`, (d) => (d as unknown as { session: { client: { prepare(s: string): RawStatement } } }).session.client.prepare(sqlText));
}
