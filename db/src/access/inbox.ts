import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { instantParam, onSqlite, queryRows, toDate, toJson } from "../raw.js";
import type { inbox } from "../schema.js";

export type InboxRow = typeof inbox.$inferSelect;

/** Stores an inbound event unless one with the same dedupe key was stored already. */
export async function insertInboxEvent(db: Db, row: { id: string; source: InboxRow["source"]; dedupeKey: string; payload: unknown; now: Date }): Promise<{ row: InboxRow; created: boolean }> {
  const { inbox } = tablesOf(db);
  const [inserted] = await db
    .insert(inbox)
    .values({ id: row.id, source: row.source, dedupeKey: row.dedupeKey, payload: row.payload, receivedAt: row.now })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db.select().from(inbox).where(and(eq(inbox.source, row.source), eq(inbox.dedupeKey, row.dedupeKey))).limit(1);
  if (!existing) throw new Error(`inbox row ${row.source}/${row.dedupeKey} vanished`);
  return { row: existing, created: false };
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
  id: string; source: InboxRow["source"]; dedupe_key: string; payload: unknown; created_at: unknown; processed_at: unknown; attempts: number; error: string | null; locked_until: unknown;
}
const fromRaw = (r: RawInboxRow): InboxRow => ({
  id: r.id, source: r.source, dedupeKey: r.dedupe_key, payload: toJson<unknown>(r.payload), receivedAt: toDate(r.created_at)!, processedAt: toDate(r.processed_at),
  attempts: Number(r.attempts), error: r.error, lockedUntil: toDate(r.locked_until),
});

/**
 * Claims up to `limit` unprocessed events of a source, oldest first, for `leaseMs`: events nobody
 * holds, or whose holder's claim expired (that instance died). Claimed events are not claimed again
 * until `markInboxProcessed` or the lease passes, so two instances (or two workers) never process
 * the same event at once: on PostgreSQL the candidates are locked `FOR UPDATE SKIP LOCKED`; on
 * SQLite the one UPDATE … RETURNING runs alone (one writer).
 */
export async function claimInboxEvents(db: Db, opts: { source: InboxRow["source"]; now: Date; limit: number; leaseMs: number }): Promise<InboxRow[]> {
  const now = opts.now.getTime();
  const rows =
    (await onSqlite(
      db,
      "claimInboxEvents",
      `update inbox set locked_until = @until
       where id in (select id from inbox where processed_at is null and source = @source and (locked_until is null or locked_until <= @now) order by created_at limit @limit)
       returning *`,
      (stmt) => stmt.all({ until: now + opts.leaseMs, source: opts.source, now, limit: opts.limit }) as RawInboxRow[],
    )) ??
    (await queryRows<RawInboxRow>(
      db,
      sql`with picked as (
            select id from inbox where processed_at is null and source = ${opts.source} and (locked_until is null or locked_until <= ${instantParam(db, opts.now)})
            order by created_at limit ${opts.limit} for update skip locked)
          update inbox i set locked_until = ${instantParam(db, new Date(now + opts.leaseMs))} from picked where i.id = picked.id
          returning i.*`,
    ));
  return rows.map(fromRaw).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
