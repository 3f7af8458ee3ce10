/**
 * The database blob store's table: files kept by key with their SHA-256 (bot-server's
 * `services/storage/blob-store.ts` decides where attachments live; this is one of its places).
 */
import { eq } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { attachmentBlobs } from "../schema.js";

export type AttachmentBlob = typeof attachmentBlobs.$inferSelect;

/** Stores the bytes under `key`, replacing what was there (the same key written twice holds the last). */
export async function putAttachmentBlob(db: Db, blob: AttachmentBlob): Promise<void> {
  const { attachmentBlobs } = tablesOf(db);
  await db
    .insert(attachmentBlobs)
    .values(blob)
    .onConflictDoUpdate({ target: attachmentBlobs.key, set: { content: blob.content, size: blob.size, sha256: blob.sha256, createdAt: blob.createdAt } });
}

export async function getAttachmentBlob(db: Db, key: string): Promise<AttachmentBlob | undefined> {
  const { attachmentBlobs } = tablesOf(db);
  return (await db.select().from(attachmentBlobs).where(eq(attachmentBlobs.key, key)).limit(1))[0];
}

export async function deleteAttachmentBlob(db: Db, key: string): Promise<void> {
  const { attachmentBlobs } = tablesOf(db);
  await db.delete(attachmentBlobs).where(eq(attachmentBlobs.key, key));
}
