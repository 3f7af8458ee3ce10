import { and, asc, eq, isNull } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
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
  await db.update(inbox).set({ processedAt: now, error }).where(eq(inbox.id, id));
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
    .set({ attempts, error, ...(setAside ? { processedAt: now } : {}) })
    .where(eq(inbox.id, id));
  return { attempts, setAside };
}
