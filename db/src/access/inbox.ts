import { asc, eq, isNull, and } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { inbox } from "../schema.js";

export type InboxRow = typeof inbox.$inferSelect;

/** Stores an inbound event unless one with the same dedupe key was stored already. */
export function insertInboxEvent(db: Db, row: { id: string; source: InboxRow["source"]; dedupeKey: string; payload: unknown; now: Date }): { row: InboxRow; created: boolean } {
  const inserted = db
    .insert(inbox)
    .values({ id: row.id, source: row.source, dedupeKey: row.dedupeKey, payload: row.payload, receivedAt: row.now })
    .onConflictDoNothing()
    .returning()
    .get();
  if (inserted) return { row: inserted, created: true };
  const existing = db.select().from(inbox).where(and(eq(inbox.source, row.source), eq(inbox.dedupeKey, row.dedupeKey))).get();
  if (!existing) throw new Error(`inbox row ${row.source}/${row.dedupeKey} vanished`);
  return { row: existing, created: false };
}

export function markInboxProcessed(db: Db, id: string, now: Date, error: string | null = null): void {
  db.update(inbox).set({ processedAt: now, error }).where(eq(inbox.id, id)).run();
}

export function listUnprocessedInbox(db: Db, source: InboxRow["source"], limit = 100): InboxRow[] {
  return db.select().from(inbox).where(and(eq(inbox.source, source), isNull(inbox.processedAt))).orderBy(asc(inbox.receivedAt)).limit(limit).all();
}

export function getInboxRow(db: Db, id: string): InboxRow | undefined {
  return db.select().from(inbox).where(eq(inbox.id, id)).get();
}

/** Records a failed processing attempt; after `maxAttempts` the event is set aside with its error. */
/** Records a failed attempt; at `maxAttempts` the event is set aside (processed, with its error). Says which. */
export function recordInboxFailure(db: Db, id: string, error: string, now: Date, maxAttempts: number): { attempts: number; setAside: boolean } {
  const row = getInboxRow(db, id);
  if (!row) return { attempts: 0, setAside: false };
  const attempts = row.attempts + 1;
  const setAside = attempts >= maxAttempts;
  db.update(inbox)
    .set({ attempts, error, ...(setAside ? { processedAt: now } : {}) })
    .where(eq(inbox.id, id))
    .run();
  return { attempts, setAside };
}
