import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { affectedRows, engineOf, statementSlices, tablesOf, type Db } from "../engine.js";
import { instantValue, prepared } from "../prepared.js";
import { executeStatement, instantParam, onSqlite } from "../raw.js";
import type { documents, reminders } from "../schema.js";

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type ReminderRow = typeof reminders.$inferSelect;

export async function findDocument(db: Db, serviceKey: string, documentNo: string): Promise<DocumentRow | undefined> {
  const rows = await prepared(
    db,
    "findDocument",
    (d) => {
      const { documents } = tablesOf(d);
      return d.select().from(documents).where(and(eq(documents.serviceKey, sql.placeholder("serviceKey")), eq(documents.documentNo, sql.placeholder("documentNo")))).limit(1);
    },
    { serviceKey, documentNo },
  );
  return rows[0];
}

/**
 * The stored documents among `keys` (service and number), in one query per service (through the
 * documents' unique index): an import's batch looks up its documents at once.
 */
export async function findDocumentsByNumber(db: Db, keys: readonly { serviceKey: string; documentNo: string }[]): Promise<DocumentRow[]> {
  const { documents } = tablesOf(db);
  const byService = new Map<string, string[]>();
  for (const k of keys) (byService.get(k.serviceKey) ?? byService.set(k.serviceKey, []).get(k.serviceKey)!).push(k.documentNo);
  const found: DocumentRow[] = [];
  for (const [serviceKey, numbers] of byService) {
    for (const slice of statementSlices(db, [...new Set(numbers)], 1, 1)) {
      found.push(...(await db.select().from(documents).where(and(eq(documents.serviceKey, serviceKey), inArray(documents.documentNo, slice)))));
    }
  }
  return found;
}

export async function getDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const rows = await prepared(db, "getDocument", (d) => d.select().from(tablesOf(d).documents).where(eq(tablesOf(d).documents.id, sql.placeholder("id"))).limit(1), { id });
  return rows[0];
}

/** Stores a document. */
export async function insertDocument(db: Db, row: NewDocument): Promise<DocumentRow> {
  const { documents } = tablesOf(db);
  return (await db.insert(documents).values(row).returning())[0]!;
}

const INSERT_DOCUMENT_SQL = `insert into documents (id, service_key, document_no, holder_kind, holder_name, holder_id, phone, issued_on, expires_on, ward_code, address, last_import_id, created_at, updated_at)
  values (@id, @serviceKey, @documentNo, @holderKind, @holderName, @holderId, @phone, @issuedOn, @expiresOn, @wardCode, @address, @lastImportId, @createdAt, @updatedAt)`;
/** Columns of a documents row: the parameters one row of a multi-row INSERT carries. */
const DOCUMENT_COLUMNS = 14;

/**
 * Stores many documents (an import's batch): on SQLite one prepared statement run for each row at
 * once, on PostgreSQL as few multi-row INSERTs as its parameter limit allows.
 */
export async function insertDocuments(db: Db, rows: readonly (NewDocument & { createdAt: Date })[]): Promise<void> {
  if (rows.length === 0) return;
  const fast = onSqlite(db, "insertDocument", INSERT_DOCUMENT_SQL, (stmt) => {
    for (const r of rows) {
      stmt.run({
        id: r.id, serviceKey: r.serviceKey, documentNo: r.documentNo, holderKind: r.holderKind, holderName: r.holderName, holderId: r.holderId ?? null, phone: r.phone ?? null, issuedOn: r.issuedOn ?? null,
        expiresOn: r.expiresOn, wardCode: r.wardCode ?? null, address: r.address ?? null, lastImportId: r.lastImportId ?? null, createdAt: r.createdAt.getTime(), updatedAt: r.updatedAt.getTime(),
      });
    }
  });
  if (fast) return fast;
  const { documents } = tablesOf(db);
  for (const slice of statementSlices(db, rows, DOCUMENT_COLUMNS)) await db.insert(documents).values(slice);
}

export async function updateDocument(db: Db, id: string, patch: Partial<Omit<NewDocument, "id" | "serviceKey" | "documentNo">> & { updatedAt: Date }): Promise<void> {
  const { documents } = tablesOf(db);
  await db.update(documents).set(patch).where(eq(documents.id, id));
}

export type NewReminder = Omit<typeof reminders.$inferInsert, "status" | "createdAt">;
const PLAN_REMINDER_SQL =
  "insert into reminders (id, subject, document_id, birth_event_id, dose_key, person_id, service_key, due_on, step, next_at, status, idempotency_key, outbox_id, reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, null, null, ?, ?) on conflict (idempotency_key) do nothing";
/** Columns a planned reminder's row gives (its status and what comes later are written as they start). */
const REMINDER_COLUMNS = 16;

/**
 * Plans many reminders, each unless one with its key exists (or comes earlier in `rows`), and says
 * how many were planned: on SQLite one prepared statement run for each row at once, on PostgreSQL
 * multi-row INSERT … ON CONFLICT DO NOTHING within its parameter limit.
 */
export async function planReminders(db: Db, rows: readonly NewReminder[]): Promise<number> {
  if (rows.length === 0) return 0;
  const fast = onSqlite(db, "planReminder", PLAN_REMINDER_SQL, (stmt) => {
    let planned = 0;
    for (const row of rows) {
      const at = (row.updatedAt as Date).getTime();
      planned += stmt.run(row.id, row.subject ?? "document", row.documentId ?? null, row.birthEventId ?? null, row.doseKey ?? null, row.personId ?? null, row.serviceKey, row.dueOn, row.step, (row.nextAt as Date).getTime(), row.idempotencyKey, at, at).changes;
    }
    return planned;
  });
  if (fast) return fast;
  const { reminders } = tablesOf(db);
  let planned = 0;
  for (const slice of statementSlices(db, rows, REMINDER_COLUMNS)) {
    const values = slice.map((row) => ({
      id: row.id, subject: row.subject ?? "document", documentId: row.documentId ?? null, birthEventId: row.birthEventId ?? null, doseKey: row.doseKey ?? null, personId: row.personId ?? null, serviceKey: row.serviceKey, dueOn: row.dueOn,
      step: row.step, nextAt: row.nextAt, status: "planned" as const, idempotencyKey: row.idempotencyKey, outboxId: null, reason: null, createdAt: row.updatedAt as Date, updatedAt: row.updatedAt,
    }));
    planned += (await db.insert(reminders).values(values).onConflictDoNothing({ target: reminders.idempotencyKey }).returning({ id: reminders.id })).length;
  }
  return planned;
}

/** Plans a reminder unless one with the same key exists (re-imports plan nothing twice). */
export async function planReminder(db: Db, row: NewReminder): Promise<boolean> {
  return (await planReminders(db, [row])) === 1;
}

/** Cancels the planned reminders of a document (it was renewed: the old deadline no longer applies). */
export async function cancelPlannedReminders(db: Db, documentId: string, reason: string, now: Date): Promise<number> {
  return cancelPlannedRemindersOfDocuments(db, [documentId], reason, now);
}

/** Cancels the planned reminders of many documents for one reason (population data outranks a batch's listed documents). */
export async function cancelPlannedRemindersOfDocuments(db: Db, documentIds: readonly string[], reason: string, now: Date): Promise<number> {
  const { reminders } = tablesOf(db);
  let cancelled = 0;
  for (const slice of statementSlices(db, documentIds, 1, 3)) {
    cancelled += affectedRows(await db.update(reminders).set({ status: "cancelled", reason, updatedAt: now }).where(and(inArray(reminders.documentId, slice), eq(reminders.status, "planned"))));
  }
  return cancelled;
}

/** Planned reminders whose time has come, oldest first, through the partial index of planned ones (status written literally so SQLite can use it). */
export async function dueReminders(db: Db, now: Date, limit: number): Promise<ReminderRow[]> {
  return prepared(
    db,
    "dueReminders",
    (d) => {
      const { reminders } = tablesOf(d);
      return d.select().from(reminders).where(and(sql`${reminders.status} = 'planned'`, lte(reminders.nextAt, sql.placeholder("now")))).orderBy(asc(reminders.nextAt)).limit(sql.placeholder("limit"));
    },
    { now: instantValue(db, now), limit },
  );
}

/**
 * The due reminders overtaken by a later notice about the same deadline that is due too (the sweep
 * did not run for a while, or the document was imported late): the earlier ones are stale and are
 * not sent. One query per kind for the whole batch, through the document's (or birth's) own index
 * (`+next_at` keeps SQLite off the index of planned reminders, through which it would read every
 * reminder due today for each document asked about; PostgreSQL's planner needs no such hint).
 */
export async function supersededReminders(db: Db, due: readonly ReminderRow[], now: Date): Promise<Set<string>> {
  const { reminders } = tablesOf(db);
  const deadline = (r: Pick<ReminderRow, "documentId" | "birthEventId" | "doseKey" | "personId" | "serviceKey" | "dueOn">) =>
    r.documentId ? `d:${r.documentId}:${r.dueOn}` : r.birthEventId && r.doseKey ? `b:${r.birthEventId}:${r.doseKey}:${r.dueOn}` : r.personId ? `p:${r.personId}:${r.serviceKey}:${r.dueOn}` : null;
  const documentIds = [...new Set(due.flatMap((r) => (r.documentId ? [r.documentId] : [])))];
  const birthIds = [...new Set(due.flatMap((r) => (r.birthEventId ? [r.birthEventId] : [])))];
  const personIds = [...new Set(due.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const dueBy = engineOf(db) === "sqlite" ? sql`+${reminders.nextAt} <= ${now.getTime()}` : lte(reminders.nextAt, now);
  const columns = { documentId: reminders.documentId, birthEventId: reminders.birthEventId, doseKey: reminders.doseKey, personId: reminders.personId, serviceKey: reminders.serviceKey, dueOn: reminders.dueOn, nextAt: reminders.nextAt };
  const siblings = [
    ...(documentIds.length ? await db.select(columns).from(reminders).where(and(inArray(reminders.documentId, documentIds), eq(reminders.status, "planned"), dueBy)) : []),
    ...(birthIds.length ? await db.select(columns).from(reminders).where(and(inArray(reminders.birthEventId, birthIds), eq(reminders.status, "planned"), dueBy)) : []),
    ...(personIds.length ? await db.select(columns).from(reminders).where(and(inArray(reminders.personId, personIds), eq(reminders.status, "planned"), dueBy)) : []),
  ];
  const latest = new Map<string, number>();
  for (const s of siblings) {
    const key = deadline(s);
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
export async function getDocuments(db: Db, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { documents } = tablesOf(db);
  return new Map((await db.select().from(documents).where(inArray(documents.id, unique))).map((d) => [d.id, d]));
}

/** What became of a due reminder: queued (with its outbox row), skipped or cancelled (with the reason). */
export interface ReminderOutcome {
  id: string;
  status: ReminderRow["status"];
  outboxId?: string | null;
  reason?: string | null;
}

/** Records what became of a due reminder. */
export async function setReminderStatus(db: Db, id: string, patch: Omit<ReminderOutcome, "id"> & { now: Date }): Promise<void> {
  await setReminderStatuses(db, [{ id, ...patch }], patch.now);
}

/**
 * Records what became of many due reminders (a sweep's batch): on SQLite one prepared statement
 * run for each at once, on PostgreSQL one UPDATE … FROM unnest(…) of the outcomes' columns.
 */
export async function setReminderStatuses(db: Db, outcomes: readonly ReminderOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const fast = onSqlite(db, "setReminderStatus", "update reminders set status = ?, outbox_id = ?, reason = ?, updated_at = ? where id = ?", (stmt) => {
    for (const o of outcomes) stmt.run(o.status, o.outboxId ?? null, o.reason ?? null, now.getTime(), o.id);
  });
  if (fast) return fast;
  const column = (pick: (o: ReminderOutcome) => string | null) => sql.param(outcomes.map(pick));
  await executeStatement(
    db,
    sql`update reminders set status = v.status, outbox_id = v.outbox_id, reason = v.reason, updated_at = ${instantParam(db, now)}
        from unnest(${column((o) => o.id)}::text[], ${column((o) => o.status)}::text[], ${column((o) => o.outboxId ?? null)}::text[], ${column((o) => o.reason ?? null)}::text[]) as v(id, status, outbox_id, reason)
        where reminders.id = v.id`,
  );
}

export async function remindersForDocuments(db: Db, documentIds: string[]): Promise<ReminderRow[]> {
  if (documentIds.length === 0) return [];
  const { reminders } = tablesOf(db);
  return db.select().from(reminders).where(inArray(reminders.documentId, documentIds)).orderBy(asc(reminders.nextAt), asc(reminders.id));
}

/** Reminders that could not be sent to anyone (skipped), newest first, for staff. */
export async function listSkippedReminders(db: Db, opts: { limit: number; serviceKeys?: string[] }): Promise<ReminderRow[]> {
  const { reminders } = tablesOf(db);
  const skipped = sql`${reminders.status} = 'skipped'`; // literal: the partial index of skipped reminders
  const where = opts.serviceKeys ? and(skipped, inArray(reminders.serviceKey, opts.serviceKeys)) : skipped;
  return db.select().from(reminders).where(where).orderBy(desc(reminders.updatedAt), desc(reminders.id)).limit(opts.limit);
}

/**
 * Documents a citizen holds: listed with their phone, or under the ID number of a person with
 * their phone. Soonest expiry first.
 */
export async function documentsHeldBy(db: Db, holder: { phone: string; nationalIds: readonly string[] }): Promise<DocumentRow[]> {
  const { documents } = tablesOf(db);
  const byId = holder.nationalIds.length > 0 ? inArray(documents.holderId, [...holder.nationalIds]) : undefined;
  return db
    .select()
    .from(documents)
    .where(byId ? or(eq(documents.phone, holder.phone), byId) : eq(documents.phone, holder.phone))
    .orderBy(asc(documents.expiresOn), asc(documents.id));
}
