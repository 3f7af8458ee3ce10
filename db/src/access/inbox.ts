import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { engineOf, tablesOf, type Db } from "../engine.js";
import { instantParam, onSqlite, queryRows, toDate, toJson } from "../raw.js";
import type { inbox } from "../schema.js";

export type InboxRow = typeof inbox.$inferSelect;

/** Stores an inbound event unless one with the same dedupe key was stored already. */
export async function insertInboxEvent(db: Db, row: { id: string; source: InboxRow["source"]; dedupeKey: string; payload: unknown; now: Date; senderKey?: string | null }): Promise<{ row: InboxRow; created: boolean }> {
  const { inbox } = tablesOf(db);
  const [inserted] = await db
    .insert(inbox)
    .values({ id: row.id, source: row.source, dedupeKey: row.dedupeKey, payload: row.payload, receivedAt: row.now, senderKey: row.senderKey ?? null })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db.select().from(inbox).where(and(eq(inbox.source, row.source), eq(inbox.dedupeKey, row.dedupeKey))).limit(1);
  if (!existing) throw new Error(`inbox row ${row.source}/${row.dedupeKey} vanished`);
  return { row: existing, created: false };
}

/** An event to store: `setAside` (a reason) keeps it for staff as processed, never to be handled. */
export interface NewInboxEvent {
  id: string;
  source: InboxRow["source"];
  dedupeKey: string;
  payload: unknown;
  now: Date;
  setAside?: string | null;
  /** Whose event it is: one sender's events are processed one at a time, in the order stored (see `claimInboxEvents`). */
  senderKey?: string | null;
}

/** Rows per statement on PostgreSQL: 8 parameters a row, far below its 65,535. */
const INSERT_BATCH = 500;

const INSERT_INBOX_SQL = `insert into inbox (id, source, dedupe_key, payload, created_at, processed_at, error, sender_key)
  values (@id, @source, @dedupeKey, @payload, @at, @processedAt, @error, @senderKey) on conflict do nothing`;

/**
 * Stores many events in one commit (group commit: the webhook's intake batches the requests that
 * arrive together), each unless one with the same dedupe key is stored already or comes earlier in
 * the batch. Says, in order, which were stored. Durable when it resolves: on SQLite one
 * transaction of prepared statements, on PostgreSQL one multi-row INSERT … ON CONFLICT DO NOTHING.
 */
export async function insertInboxEvents(db: Db, rows: NewInboxEvent[]): Promise<boolean[]> {
  if (rows.length === 0) return [];
  if (engineOf(db) === "sqlite") {
    const insertAll = async (tx: Db) =>
      (await onSqlite(tx, "insertInboxEvent", INSERT_INBOX_SQL, (stmt) =>
        rows.map((r) => {
          const processedAt = r.setAside == null ? null : r.now.getTime();
          return stmt.run({ id: r.id, source: r.source, dedupeKey: r.dedupeKey, payload: JSON.stringify(r.payload), at: r.now.getTime(), processedAt, error: r.setAside ?? null, senderKey: r.senderKey ?? null }).changes === 1;
        }),
      ))!;
    // One row commits by itself; more are one transaction, one commit.
    return rows.length === 1 ? insertAll(db) : db.transaction(insertAll);
  }
  // PostgreSQL: one statement per slice (one commit each); a row is new when its id comes back.
  const { inbox } = tablesOf(db);
  const created = new Set<string>();
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const values = rows.slice(i, i + INSERT_BATCH).map((r) => ({ id: r.id, source: r.source, dedupeKey: r.dedupeKey, payload: r.payload, receivedAt: r.now, processedAt: r.setAside == null ? null : r.now, error: r.setAside ?? null, senderKey: r.senderKey ?? null }));
    for (const { id } of await db.insert(inbox).values(values).onConflictDoNothing().returning({ id: inbox.id })) created.add(id);
  }
  return rows.map((r) => created.has(r.id));
}

export async function markInboxProcessed(db: Db, id: string, now: Date, error: string | null = null): Promise<void> {
  const { inbox } = tablesOf(db);
  await db.update(inbox).set({ processedAt: now, error, lockedUntil: null }).where(eq(inbox.id, id));
}

export async function listUnprocessedInbox(db: Db, source: InboxRow["source"], limit = 100): Promise<InboxRow[]> {
  const { inbox } = tablesOf(db);
  return db.select().from(inbox).where(and(eq(inbox.source, source), isNull(inbox.processedAt))).orderBy(asc(inbox.receivedAt)).limit(limit);
}

export async function getInboxRow(db: Db, id: string): Promise<InboxRow | undefined> {
  const { inbox } = tablesOf(db);
  return (await db.select().from(inbox).where(eq(inbox.id, id)).limit(1))[0];
}

/** Records a failed attempt; at `maxAttempts` the event is set aside (processed, with its error). Says which. */
export async function recordInboxFailure(db: Db, id: string, error: string, now: Date, maxAttempts: number): Promise<{ attempts: number; setAside: boolean }> {
  const { inbox } = tablesOf(db);
  const row = await getInboxRow(db, id);
  if (!row) return { attempts: 0, setAside: false };
  const attempts = row.attempts + 1;
  const setAside = attempts >= maxAttempts;
  await db
    .update(inbox)
    .set({ attempts, error, lockedUntil: null, ...(setAside ? { processedAt: now } : {}) })
    .where(eq(inbox.id, id));
  return { attempts, setAside };
}

interface RawInboxRow {
  id: string; source: InboxRow["source"]; dedupe_key: string; payload: unknown; created_at: unknown; processed_at: unknown; attempts: number; error: string | null; locked_until: unknown; sender_key: string | null;
  /** The order stored (rowid), returned by the claim. */
  seq?: number | string;
}
const fromRaw = (r: RawInboxRow): InboxRow => ({
  id: r.id, source: r.source, dedupeKey: r.dedupe_key, payload: toJson<unknown>(r.payload), receivedAt: toDate(r.created_at)!, processedAt: toDate(r.processed_at),
  attempts: Number(r.attempts), error: r.error, lockedUntil: toDate(r.locked_until), senderKey: r.sender_key,
});

/**
 * When an unprocessed event `o` must wait: an earlier event of the same sender (rowid, the order
 * stored) is unprocessed and has not been tried yet, or is being processed (claimed, lease not
 * passed). So a sender has one event out at a time, the earliest: two instances claiming at once
 * never answer a citizen's second message before their first (on PostgreSQL, an earlier event
 * another instance is claiming at this moment is still untried in this statement's snapshot, so it
 * holds the later one back too). An event that failed and waits for its retry holds back nothing:
 * a broken event must not silence the sender. It reads the sender's unprocessed events only (a
 * partial index).
 */
const EARLIER_OF_THE_SENDER = `exists (select 1 from inbox e where e.sender_key = o.sender_key and e.processed_at is null and e.rowid < o.rowid
      and (e.attempts = 0 or e.locked_until > @now))`;

/**
 * Claims up to `limit` unprocessed events of a source, oldest first, for `leaseMs`: events nobody
 * holds, or whose holder's claim expired (that instance died). Claimed events are not claimed again
 * until `markInboxProcessed` or the lease passes, so two instances (or two workers) never process
 * the same event at once: on PostgreSQL the candidates are locked `FOR UPDATE SKIP LOCKED`; on
 * SQLite the one UPDATE … RETURNING runs alone (one writer). A sender's next event is handed out
 * once the one before it is processed (`EARLIER_OF_THE_SENDER`).
 */
export async function claimInboxEvents(db: Db, opts: { source: InboxRow["source"]; now: Date; limit: number; leaseMs: number }): Promise<InboxRow[]> {
  const now = opts.now.getTime();
  const rows =
    (await onSqlite(
      db,
      "claimInboxEvents",
      `update inbox set locked_until = @until
       where id in (select o.id from inbox o where o.processed_at is null and o.source = @source and (o.locked_until is null or o.locked_until <= @now) and not ${EARLIER_OF_THE_SENDER} order by o.created_at limit @limit)
       returning *, rowid as seq`,
      (stmt) => stmt.all({ until: now + opts.leaseMs, source: opts.source, now, limit: opts.limit }) as RawInboxRow[],
    )) ??
    (await queryRows<RawInboxRow>(
      db,
      sql`with picked as (
            select o.id from inbox o where o.processed_at is null and o.source = ${opts.source} and (o.locked_until is null or o.locked_until <= ${instantParam(db, opts.now)})
              and not ${sql.join(EARLIER_OF_THE_SENDER.split("@now").map((part) => sql.raw(part)), instantParam(db, opts.now))}
            order by o.created_at limit ${opts.limit} for update skip locked)
          update inbox i set locked_until = ${instantParam(db, new Date(now + opts.leaseMs))} from picked where i.id = picked.id
          returning i.*, i.rowid as seq`,
    ));
  // In the order stored: a sender's events in one claim (a retried one and the next) are processed in turn.
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map(fromRaw);
}
