import { createHash } from "node:crypto";
import type { DraftView } from "@hccd/shared";
import { activeConsentForDraft, getDraft, getDraftAttachment, upsertDraftAttachment, type DraftAttachment, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError, notFound } from "../../errors.js";
import { assertChangeable, buildDraftView, loadDraftForCitizen, withdrawConsent } from "./citizen-drafts.js";
import { draftProfile } from "./draft-profile.js";
import { audit } from "../staff/audit.js";
import { attachmentStore, BlobDamaged } from "../storage/blob-store.js";

/** A photo or a scan from a phone: large enough for a clear page, small enough for a rural 3G upload. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/** What the file is, from its first bytes (the name and the browser's type are only claims). */
export function sniffMediaType(bytes: Uint8Array): "application/pdf" | "image/jpeg" | "image/png" | null {
  if (bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) return "application/pdf";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "image/png";
  return null;
}

/**
 * Adds (or replaces) the paper a draft asks for under `key`. Only PDF, JPEG or PNG up to 5 MB.
 * A new paper after consent voids it, like an edit: the consent covered the old file's hash.
 *
 * The bytes go to the attachment store (storage/blob-store.ts) under the new row's id before the
 * transaction (no file I/O while it holds the database), the row names them; a refused upload's
 * bytes are deleted, and so are a replaced paper's once the new row is committed.
 */
export async function uploadAttachment(deps: ServiceDeps, user: ZaloUser, draftId: string, key: string, file: { fileName: string; bytes: Uint8Array }, requestId?: string): Promise<DraftView> {
  const now = deps.now();
  const mediaType = sniffMediaType(file.bytes);
  const problems: { path: string; message: string }[] = [];
  if (file.bytes.length === 0) problems.push({ path: "file", message: "is empty" });
  else if (file.bytes.length > ATTACHMENT_MAX_BYTES) problems.push({ path: "file", message: `is ${file.bytes.length} bytes; at most ${ATTACHMENT_MAX_BYTES} (5 MB)` });
  else if (!mediaType) problems.push({ path: "file", message: "must be a PDF, a JPEG or a PNG" });
  // Who may and what is refused is known before any byte is stored (and checked again in the transaction).
  const { draft: before } = await loadDraftForCitizen(deps.db, draftId, user);
  if (!draftProfile(before.service).attachments.some((a) => a.key === key)) throw notFound("attachment slot");
  if (problems.length > 0 || !mediaType) throw new DomainError(422, "validation_failed", "The file cannot be used", problems);
  const store = attachmentStore(deps);
  const id = deps.newId();
  const { sha256 } = await store.put(id, file.bytes);
  let replaced: string | null = null;
  try {
    const view = await deps.db.transaction(async (tx) => {
      const { draft } = await loadDraftForCitizen(tx, draftId, user);
      const spec = draftProfile(draft.service).attachments.find((a) => a.key === key);
      if (!spec) throw notFound("attachment slot");
      if (problems.length > 0 || !mediaType) throw new DomainError(422, "validation_failed", "The file cannot be used", problems);
      await assertChangeable(tx, draft);
      const fileName = file.fileName.normalize("NFC").replace(/[\\/\u0000-\u001f]/g, "_").slice(0, 200) || key;
      replaced = (await getDraftAttachment(tx, draft.id, key))?.blobKey ?? null;
      await upsertDraftAttachment(tx, {
        id, draftId: draft.id, key, fileName, mediaType, size: file.bytes.length,
        sha256, content: null, blobKey: id, zaloUserId: user.id, uploadedAt: now,
      });
      const consent = await activeConsentForDraft(tx, draft.id);
      if (consent) await withdrawConsent(tx, draft.id, consent.id, "attachment_changed", now);
      await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "draft.attachment_added", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { key, size: file.bytes.length, mediaType, consentVoided: Boolean(consent) } });
      return buildDraftView(tx, (await getDraft(tx, draft.id)) ?? draft, user);
    });
    if (replaced) await store.delete(replaced);
    return view;
  } catch (err) {
    await store.delete(id);
    throw err;
  }
}

/**
 * An attachment's bytes, wherever they live: in the attachment store (`blobKey`), or in the row
 * for papers uploaded before the store (issue 14). Stored bytes that do not match the row's hash
 * are never handed out.
 */
export async function attachmentBytes(deps: Pick<ServiceDeps, "db" | "now" | "config">, file: DraftAttachment): Promise<Uint8Array> {
  const bytes = file.blobKey ? await attachmentStore(deps).get(file.blobKey) : file.content ? new Uint8Array(file.content) : undefined;
  if (!bytes) throw new Error(`attachment ${file.id}: its file is missing from the ${file.blobKey ? attachmentStore(deps).kind : "database"} store`);
  if (!file.blobKey && createHash("sha256").update(bytes).digest("hex") !== file.sha256) throw new BlobDamaged(file.id);
  return bytes;
}
