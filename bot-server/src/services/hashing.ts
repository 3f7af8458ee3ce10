import { createHash } from "node:crypto";
import { canonicalJson, consentContent } from "@hccd/shared";
import type { DraftFields } from "@hccd/shared";

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Hash of a payload's canonical JSON: equal content, equal hash, whatever the key order or spacing. */
export const payloadHash = (value: unknown): string => sha256Hex(canonicalJson(value));

/** The content hash a citizen consents to: exactly what the Mini App shows (see `consentContent`). */
export function draftContentHash(draft: { id: string; procedureCode: string | null; version: number; fields: DraftFields; consentTextVersion: string; attachments?: Readonly<Record<string, string>> }): string {
  return sha256Hex(consentContent(draft));
}
