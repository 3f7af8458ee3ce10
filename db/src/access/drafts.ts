import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { draftAttachments, draftEvents, draftParties, drafts, type DraftFieldRow } from "../schema.js";

export type Draft = typeof drafts.$inferSelect;
export type DraftParty = typeof draftParties.$inferSelect;
export type DraftEvent = typeof draftEvents.$inferSelect;

export function insertDraft(db: Db, row: typeof drafts.$inferInsert): Draft {
  return db.insert(drafts).values(row).returning().get();
}

export function getDraft(db: Db, id: string): Draft | undefined {
  return db.select().from(drafts).where(eq(drafts.id, id)).get();
}

export function findDraftByBirthEvent(db: Db, birthEventId: string): Draft | undefined {
  return db.select().from(drafts).where(eq(drafts.birthEventId, birthEventId)).get();
}

/**
 * Replaces the fields if the draft is still at `expectedVersion` (optimistic concurrency).
 * Returns the new row, or undefined when someone else changed it first.
 */
export function updateDraftFields(db: Db, id: string, expectedVersion: number, fields: Record<string, DraftFieldRow>, status: Draft["status"], now: Date): Draft | undefined {
  return db
    .update(drafts)
    .set({ fields, status, version: expectedVersion + 1, updatedAt: now })
    .where(and(eq(drafts.id, id), eq(drafts.version, expectedVersion)))
    .returning()
    .get();
}

export function setDraftStatus(db: Db, id: string, status: Draft["status"], now: Date): void {
  db.update(drafts).set({ status, updatedAt: now }).where(eq(drafts.id, id)).run();
}

export function addDraftParty(db: Db, party: DraftParty): void {
  db.insert(draftParties).values(party).onConflictDoNothing().run();
}

export function getDraftParties(db: Db, draftId: string): DraftParty[] {
  return db.select().from(draftParties).where(eq(draftParties.draftId, draftId)).all();
}

/** Drafts any of these persons is a party to, newest first. */
export function listDraftsForPersons(db: Db, personIds: string[]): Draft[] {
  if (personIds.length === 0) return [];
  const ids = db.selectDistinct({ id: draftParties.draftId }).from(draftParties).where(inArray(draftParties.personId, personIds)).all().map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(drafts).where(inArray(drafts.id, ids)).orderBy(desc(drafts.createdAt)).all();
}

export function insertDraftEvent(db: Db, event: { draftId: string; kind: DraftEvent["kind"]; at: Date; data?: Record<string, string> }): void {
  db.insert(draftEvents).values({ draftId: event.draftId, kind: event.kind, at: event.at, data: event.data ?? {} }).run();
}

/** Whether the draft has an event of this kind (e.g. `opened`, recorded once). */
export function hasDraftEvent(db: Db, draftId: string, kind: DraftEvent["kind"]): boolean {
  return db.select({ id: draftEvents.id }).from(draftEvents).where(and(eq(draftEvents.draftId, draftId), eq(draftEvents.kind, kind))).limit(1).get() !== undefined;
}

export function listDraftEvents(db: Db, draftId: string): DraftEvent[] {
  return db.select().from(draftEvents).where(eq(draftEvents.draftId, draftId)).orderBy(asc(draftEvents.id)).all();
}

export function findDraftByDeathEvent(db: Db, deathEventId: string): Draft | undefined {
  return db.select().from(drafts).where(eq(drafts.deathEventId, deathEventId)).get();
}

/** The renewal draft of a document for the expiry it renews from (one per document and expiry). */
export function findDraftByDocument(db: Db, documentId: string, expiresOn: string): Draft | undefined {
  return db.select().from(drafts).where(and(eq(drafts.documentId, documentId), eq(drafts.documentExpiresOn, expiresOn))).get();
}

export type DraftAttachment = typeof draftAttachments.$inferSelect;
export type DraftAttachmentMeta = Omit<DraftAttachment, "content">;

/** Stores (or replaces) the file under one attachment key of a draft. */
export function upsertDraftAttachment(db: Db, row: typeof draftAttachments.$inferInsert): DraftAttachmentMeta {
  const { content: _content, ...meta } = db
    .insert(draftAttachments)
    .values(row)
    .onConflictDoUpdate({
      target: [draftAttachments.draftId, draftAttachments.key],
      set: { id: row.id, fileName: row.fileName, mediaType: row.mediaType, size: row.size, sha256: row.sha256, content: row.content, zaloUserId: row.zaloUserId, uploadedAt: row.uploadedAt },
    })
    .returning()
    .get();
  return meta;
}

/** A draft's attachments without their bytes (what views and hashes need). */
export function listDraftAttachments(db: Db, draftId: string): DraftAttachmentMeta[] {
  return db
    .select({
      id: draftAttachments.id, draftId: draftAttachments.draftId, key: draftAttachments.key, fileName: draftAttachments.fileName,
      mediaType: draftAttachments.mediaType, size: draftAttachments.size, sha256: draftAttachments.sha256,
      zaloUserId: draftAttachments.zaloUserId, uploadedAt: draftAttachments.uploadedAt,
    })
    .from(draftAttachments)
    .where(eq(draftAttachments.draftId, draftId))
    .orderBy(asc(draftAttachments.key))
    .all();
}

export function getDraftAttachment(db: Db, draftId: string, key: string): DraftAttachment | undefined {
  return db.select().from(draftAttachments).where(and(eq(draftAttachments.draftId, draftId), eq(draftAttachments.key, key))).get();
}

export function getDraftAttachmentById(db: Db, id: string): DraftAttachment | undefined {
  return db.select().from(draftAttachments).where(eq(draftAttachments.id, id)).get();
}
