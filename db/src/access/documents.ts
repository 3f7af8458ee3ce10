import { and, asc, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { documents, imports, reminders } from "../schema.js";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type ReminderRow = typeof reminders.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;

export function findDocument(db: Db, serviceKey: string, documentNo: string): DocumentRow | undefined {
  return db.select().from(documents).where(and(eq(documents.serviceKey, serviceKey), eq(documents.documentNo, documentNo))).get();
}

export function getDocument(db: Db, id: string): DocumentRow | undefined {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

export function insertDocument(db: Db, row: NewDocument): DocumentRow {
  return db.insert(documents).values(row).returning().get();
}

export function updateDocument(db: Db, id: string, patch: Partial<Omit<NewDocument, "id" | "serviceKey" | "documentNo">> & { updatedAt: Date }): void {
  db.update(documents).set(patch).where(eq(documents.id, id)).run();
}

/** Plans a reminder unless one with the same key exists (re-imports plan nothing twice). */
export function planReminder(db: Db, row: Omit<typeof reminders.$inferInsert, "status" | "createdAt">): boolean {
  const r = db.insert(reminders).values({ ...row, status: "planned" }).onConflictDoNothing({ target: reminders.idempotencyKey }).returning({ id: reminders.id }).get();
  return r !== undefined;
}

/** Cancels the planned reminders of a document (it was renewed: the old deadline no longer applies). */
export function cancelPlannedReminders(db: Db, documentId: string, reason: string, now: Date): number {
  return db
    .update(reminders)
    .set({ status: "cancelled", reason, updatedAt: now })
    .where(and(eq(reminders.documentId, documentId), eq(reminders.status, "planned")))
    .returning({ id: reminders.id })
    .all().length;
}

/** Planned reminders whose time has come, oldest first, through the (status, next_at) index. */
export function dueReminders(db: Db, now: Date, limit: number): ReminderRow[] {
  return db.select().from(reminders).where(and(eq(reminders.status, "planned"), lte(reminders.nextAt, now))).orderBy(asc(reminders.nextAt)).limit(limit).all();
}

/**
 * True when a later notice about the same deadline is also due by `now` (the sweep did not run for
 * a while, or the document was imported late): the earlier one is stale and is not sent.
 */
export function laterNoticeDue(db: Db, r: ReminderRow, now: Date): boolean {
  const sameDeadline = r.documentId
    ? eq(reminders.documentId, r.documentId)
    : r.birthEventId && r.doseKey
      ? and(eq(reminders.birthEventId, r.birthEventId), eq(reminders.doseKey, r.doseKey))
      : undefined;
  if (!sameDeadline) return false;
  const later = db
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(sameDeadline, eq(reminders.status, "planned"), eq(reminders.dueOn, r.dueOn), gt(reminders.nextAt, r.nextAt), lte(reminders.nextAt, now)))
    .limit(1)
    .get();
  return later !== undefined;
}

export function setReminderStatus(db: Db, id: string, patch: { status: ReminderRow["status"]; outboxId?: string | null; reason?: string | null; nextAt?: Date; now: Date }): void {
  const { now, ...rest } = patch;
  db.update(reminders).set({ ...rest, updatedAt: now }).where(eq(reminders.id, id)).run();
}

export function remindersForDocuments(db: Db, documentIds: string[]): ReminderRow[] {
  if (documentIds.length === 0) return [];
  return db.select().from(reminders).where(inArray(reminders.documentId, documentIds)).orderBy(asc(reminders.nextAt)).all();
}

export function insertImport(db: Db, row: typeof imports.$inferInsert): void {
  db.insert(imports).values(row).run();
}

export function finishImport(db: Db, id: string, patch: Omit<Partial<ImportRow>, "id">): void {
  db.update(imports).set(patch).where(eq(imports.id, id)).run();
}

export function getImport(db: Db, id: string): ImportRow | undefined {
  return db.select().from(imports).where(eq(imports.id, id)).get();
}

/** Recent imports, newest first; `importedBy` narrows to one staff member's. */
export function listImports(db: Db, opts: { limit: number; importedBy?: string }): ImportRow[] {
  const q = db.select().from(imports);
  const filtered = opts.importedBy ? q.where(eq(imports.importedBy, opts.importedBy)) : q;
  return filtered.orderBy(desc(imports.startedAt)).limit(opts.limit).all();
}

/** Reminders that could not be sent to anyone (skipped), newest first, for staff. */
export function listSkippedReminders(db: Db, opts: { limit: number; serviceKeys?: string[] }): ReminderRow[] {
  const where = opts.serviceKeys ? and(eq(reminders.status, "skipped"), inArray(reminders.serviceKey, opts.serviceKeys)) : eq(reminders.status, "skipped");
  return db.select().from(reminders).where(where).orderBy(desc(reminders.updatedAt)).limit(opts.limit).all();
}
