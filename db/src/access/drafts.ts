import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { draftAttachments, draftEvents, draftParties, drafts, DraftFieldRow } from "../schema.js";

export type Draft = typeof drafts.$inferSelect;
export type DraftParty = typeof draftParties.$inferSelect;
export type DraftEvent = typeof draftEvents.$inferSelect;

export async function insertDraft(db: Db, row: typeof drafts.$inferInsert): Promise<Draft> {
  const { drafts } = tablesOf(db);
  return (await db.insert(drafts).values(row).returning())[0]!;
}

export async function getDraft(db: Db, id: string): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (await db.select().from(drafts).where(eq(drafts.id, id)).limit(1))[0];
}

export async function findDraftByBirthEvent(db: Db, birthEventId: string): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (await db.select().from(drafts).where(eq(drafts.birthEventId, birthEventId)).limit(1))[0];
}

/**
 * Replaces the fields if the draft is still at `expectedVersion` (optimistic concurrency).
 * Returns the new row, or undefined when someone else changed it first.
 */
export async function updateDraftFields(db: Db, id: string, expectedVersion: number, fields: Record<string, DraftFieldRow>, status: Draft["status"], now: Date): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (
    await db
      .update(drafts)
      .set({ fields, status, version: expectedVersion + 1, updatedAt: now })
      .where(and(eq(drafts.id, id), eq(drafts.version, expectedVersion)))
      .returning()
  )[0];
}

export async function setDraftStatus(db: Db, id: string, status: Draft["status"], now: Date): Promise<void> {
  const { drafts } = tablesOf(db);
  await db.update(drafts).set({ status, updatedAt: now }).where(eq(drafts.id, id));
}

export async function addDraftParty(db: Db, party: DraftParty): Promise<void> {
  const { draftParties } = tablesOf(db);
  await db.insert(draftParties).values(party).onConflictDoNothing();
}

export async function getDraftParties(db: Db, draftId: string): Promise<DraftParty[]> {
  const { draftParties } = tablesOf(db);
  return db.select().from(draftParties).where(eq(draftParties.draftId, draftId));
}

/** Drafts any of these persons is a party to, newest first. */
export async function listDraftsForPersons(db: Db, personIds: string[]): Promise<Draft[]> {
  if (personIds.length === 0) return [];
  const { draftParties, drafts } = tablesOf(db);
  const ids = (await db.selectDistinct({ id: draftParties.draftId }).from(draftParties).where(inArray(draftParties.personId, personIds))).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(drafts).where(inArray(drafts.id, ids)).orderBy(desc(drafts.createdAt), desc(drafts.id));
}

export async function insertDraftEvent(db: Db, event: { draftId: string; kind: DraftEvent["kind"]; at: Date; data?: Record<string, string> }): Promise<void> {
  const { draftEvents } = tablesOf(db);
  await db.insert(draftEvents).values({ draftId: event.draftId, kind: event.kind, at: event.at, data: event.data ?? {} });
}

/** Whether the draft has an event of this kind (e.g. `opened`, recorded once). */
export async function hasDraftEvent(db: Db, draftId: string, kind: DraftEvent["kind"]): Promise<boolean> {
  const { draftEvents } = tablesOf(db);
  return (await db.select({ id: draftEvents.id }).from(draftEvents).where(and(eq(draftEvents.draftId, draftId), eq(draftEvents.kind, kind))).limit(1)).length > 0;
}

export async function listDraftEvents(db: Db, draftId: string): Promise<DraftEvent[]> {
  const { draftEvents } = tablesOf(db);
  return db.select().from(draftEvents).where(eq(draftEvents.draftId, draftId)).orderBy(asc(draftEvents.id));
}

export async function findDraftByDeathEvent(db: Db, deathEventId: string): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (await db.select().from(drafts).where(eq(drafts.deathEventId, deathEventId)).limit(1))[0];
}

/** The renewal draft of a document for the expiry it renews from (one per document and expiry). */
export async function findDraftByDocument(db: Db, documentId: string, expiresOn: string): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (await db.select().from(drafts).where(and(eq(drafts.documentId, documentId), eq(drafts.documentExpiresOn, expiresOn))).limit(1))[0];
}

export type DraftAttachment = typeof draftAttachments.$inferSelect;
export type DraftAttachmentMeta = Omit<DraftAttachment, "content">;

/** Stores (or replaces) the file under one attachment key of a draft. */
export async function upsertDraftAttachment(db: Db, row: typeof draftAttachments.$inferInsert): Promise<DraftAttachmentMeta> {
  const { draftAttachments } = tablesOf(db);
  const [stored] = await db
    .insert(draftAttachments)
    .values(row)
    .onConflictDoUpdate({
      target: [draftAttachments.draftId, draftAttachments.key],
      set: { id: row.id, fileName: row.fileName, mediaType: row.mediaType, size: row.size, sha256: row.sha256, content: row.content ?? null, blobKey: row.blobKey ?? null, zaloUserId: row.zaloUserId, uploadedAt: row.uploadedAt },
    })
    .returning(attachmentMeta(db));
  return stored!;
}

/** The columns of an attachment but its bytes (what views and hashes need). */
function attachmentMeta(db: Db) {
  const { draftAttachments: a } = tablesOf(db);
  return { id: a.id, draftId: a.draftId, key: a.key, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, blobKey: a.blobKey, zaloUserId: a.zaloUserId, uploadedAt: a.uploadedAt };
}

/** A draft's attachments without their bytes. */
export async function listDraftAttachments(db: Db, draftId: string): Promise<DraftAttachmentMeta[]> {
  const { draftAttachments } = tablesOf(db);
  return db.select(attachmentMeta(db)).from(draftAttachments).where(eq(draftAttachments.draftId, draftId)).orderBy(asc(draftAttachments.key));
}

export async function getDraftAttachment(db: Db, draftId: string, key: string): Promise<DraftAttachment | undefined> {
  const { draftAttachments } = tablesOf(db);
  return (await db.select().from(draftAttachments).where(and(eq(draftAttachments.draftId, draftId), eq(draftAttachments.key, key))).limit(1))[0];
}

export async function getDraftAttachmentById(db: Db, id: string): Promise<DraftAttachment | undefined> {
  const { draftAttachments } = tablesOf(db);
  return (await db.select().from(draftAttachments).where(eq(draftAttachments.id, id)).limit(1))[0];
}

/** The draft of `service` population data prepared about a person (`drafts_subject_person_uq`: at most one). */
export async function findDraftBySubject(db: Db, service: string, personId: string): Promise<Draft | undefined> {
  const { drafts } = tablesOf(db);
  return (await db.select().from(drafts).where(and(eq(drafts.service, service), eq(drafts.subjectPersonId, personId))).limit(1))[0];
}

/** Takes a draft off its parties' lists (it stays on record for the audit trail). */
export async function removeDraftParties(db: Db, draftId: string): Promise<void> {
  const { draftParties } = tablesOf(db);
  await db.delete(draftParties).where(eq(draftParties.draftId, draftId));
}
