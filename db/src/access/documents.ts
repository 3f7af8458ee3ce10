import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { prepared, rawStatement } from "../prepared.js";
import { documents, reminders } from "../schema.js";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type ReminderRow = typeof reminders.$inferSelect;

export function findDocument(db: Db, serviceKey: string, documentNo: string): DocumentRow | undefined {
  return prepared(db, "findDocument", (d) => d.select().from(documents).where(and(eq(documents.serviceKey, sql.placeholder("serviceKey")), eq(documents.documentNo, sql.placeholder("documentNo")))).prepare()).get({ serviceKey, documentNo });
}

export function getDocument(db: Db, id: string): DocumentRow | undefined {
  return prepared(db, "getDocument", (d) => d.select().from(documents).where(eq(documents.id, sql.placeholder("id"))).prepare()).get({ id });
}

const DOCUMENT_COLUMNS = ["id", "serviceKey", "documentNo", "holderKind", "holderName", "holderId", "phone", "issuedOn", "expiresOn", "wardCode", "address", "lastImportId", "updatedAt"] as const;

/** Stores a document (prepared once: an import inserts thousands). */
export function insertDocument(db: Db, row: NewDocument): DocumentRow {
  const insert = prepared(db, "insertDocument", (d) =>
    d.insert(documents).values(Object.fromEntries(DOCUMENT_COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as NewDocument).returning().prepare(),
  );
  // Insert placeholders go through the columns' encoders: Dates and nulls as they are.
  return insert.get(Object.fromEntries(DOCUMENT_COLUMNS.map((c) => [c, row[c] ?? null]))) as DocumentRow;
}

export function updateDocument(db: Db, id: string, patch: Partial<Omit<NewDocument, "id" | "serviceKey" | "documentNo">> & { updatedAt: Date }): void {
  db.update(documents).set(patch).where(eq(documents.id, id)).run();
}

/** Plans a reminder unless one with the same key exists (re-imports plan nothing twice). */
export function planReminder(db: Db, row: Omit<typeof reminders.$inferInsert, "status" | "createdAt">): boolean {
  const at = (row.updatedAt as Date).getTime();
  const r = rawStatement(
    db,
    "planReminder",
    "insert into reminders (id, subject, document_id, birth_event_id, dose_key, service_key, due_on, step, next_at, status, idempotency_key, outbox_id, reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, null, null, ?, ?) on conflict (idempotency_key) do nothing",
  ).run(row.id, row.subject ?? "document", row.documentId ?? null, row.birthEventId ?? null, row.doseKey ?? null, row.serviceKey, row.dueOn, row.step, (row.nextAt as Date).getTime(), row.idempotencyKey, at, at);
  return r.changes === 1;
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

/** Planned reminders whose time has come, oldest first, through the partial index of planned ones (status written literally so SQLite can use it). */
export function dueReminders(db: Db, now: Date, limit: number): ReminderRow[] {
  return prepared(db, "dueReminders", (d) =>
    d.select().from(reminders).where(and(sql`${reminders.status} = 'planned'`, lte(reminders.nextAt, sql.placeholder("now")))).orderBy(asc(reminders.nextAt)).limit(sql.placeholder("limit")).prepare(),
  ).all({ now: now.getTime(), limit });
}

/**
 * The due reminders overtaken by a later notice about the same deadline that is due too (the sweep
 * did not run for a while, or the document was imported late): the earlier ones are stale and are
 * not sent. One query per kind for the whole batch, through the document's (or birth's) own index
 * (`+next_at` keeps SQLite off the index of planned reminders, through which it would read every
 * reminder due today for each document asked about).
 */
export function supersededReminders(db: Db, due: readonly ReminderRow[], now: Date): Set<string> {
  const deadline = (r: ReminderRow) => (r.documentId ? `d:${r.documentId}:${r.dueOn}` : r.birthEventId && r.doseKey ? `b:${r.birthEventId}:${r.doseKey}:${r.dueOn}` : null);
  const documentIds = [...new Set(due.flatMap((r) => (r.documentId ? [r.documentId] : [])))];
  const birthIds = [...new Set(due.flatMap((r) => (r.birthEventId ? [r.birthEventId] : [])))];
  const dueBy = sql`+${reminders.nextAt} <= ${now.getTime()}`;
  const siblings = [
    ...(documentIds.length ? db.select({ documentId: reminders.documentId, birthEventId: reminders.birthEventId, doseKey: reminders.doseKey, dueOn: reminders.dueOn, nextAt: reminders.nextAt }).from(reminders).where(and(inArray(reminders.documentId, documentIds), eq(reminders.status, "planned"), dueBy)).all() : []),
    ...(birthIds.length ? db.select({ documentId: reminders.documentId, birthEventId: reminders.birthEventId, doseKey: reminders.doseKey, dueOn: reminders.dueOn, nextAt: reminders.nextAt }).from(reminders).where(and(inArray(reminders.birthEventId, birthIds), eq(reminders.status, "planned"), dueBy)).all() : []),
  ];
  const latest = new Map<string, number>();
  for (const s of siblings) {
    const key = deadline(s as ReminderRow);
    if (key) latest.set(key, Math.max(latest.get(key) ?? 0, s.nextAt.getTime()));
  }
  const out = new Set<string>();
  for (const r of due) {
    const key = deadline(r);
    if (key && (latest.get(key) ?? 0) > r.nextAt.getTime()) out.add(r.id);
  }
  return out;
}

/** Documents by id (a sweep batch's), in one query. */
export function getDocuments(db: Db, ids: readonly string[]): Map<string, DocumentRow> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map(db.select().from(documents).where(inArray(documents.id, unique)).all().map((d) => [d.id, d]));
}

/** Records what became of a due reminder: queued (with its outbox row), skipped or cancelled (with the reason). */
export function setReminderStatus(db: Db, id: string, patch: { status: ReminderRow["status"]; outboxId?: string | null; reason?: string | null; now: Date }): void {
  rawStatement(db, "setReminderStatus", "update reminders set status = ?, outbox_id = ?, reason = ?, updated_at = ? where id = ?").run(patch.status, patch.outboxId ?? null, patch.reason ?? null, patch.now.getTime(), id);
}

export function remindersForDocuments(db: Db, documentIds: string[]): ReminderRow[] {
  if (documentIds.length === 0) return [];
  return db.select().from(reminders).where(inArray(reminders.documentId, documentIds)).orderBy(asc(reminders.nextAt)).all();
}

/** Reminders that could not be sent to anyone (skipped), newest first, for staff. */
export function listSkippedReminders(db: Db, opts: { limit: number; serviceKeys?: string[] }): ReminderRow[] {
  const skipped = sql`${reminders.status} = 'skipped'`; // literal: the partial index of skipped reminders
  const where = opts.serviceKeys ? and(skipped, inArray(reminders.serviceKey, opts.serviceKeys)) : skipped;
  return db.select().from(reminders).where(where).orderBy(desc(reminders.updatedAt)).limit(opts.limit).all();
}

/**
 * Documents a citizen holds: listed with their phone, or under the ID number of a person with
 * their phone. Soonest expiry first.
 */
export function documentsHeldBy(db: Db, holder: { phone: string; nationalIds: readonly string[] }): DocumentRow[] {
  const byId = holder.nationalIds.length > 0 ? inArray(documents.holderId, [...holder.nationalIds]) : undefined;
  return db
    .select()
    .from(documents)
    .where(byId ? or(eq(documents.phone, holder.phone), byId) : eq(documents.phone, holder.phone))
    .orderBy(asc(documents.expiresOn))
    .all();
}
