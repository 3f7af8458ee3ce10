import { z } from "zod";
import { draftViewSchema } from "./citizen-api.js";
import { procedureGuidanceSchema } from "./guidance.js";

/**
 * `GET /api/me/drafts/{id}/copy`: the copy of a confirmed dossier the citizen files themselves
 * (level 2, shared/domain/filing.ts) — to keep, print, or show at the counter. The dossier as
 * confirmed (fields, papers), the procedure's guidance (where and how to file it), and a reference
 * that ties the copy to the recorded consent: the draft id and the first characters of the
 * content hash the citizen confirmed. Only the draft's own parties get it.
 */
export const dossierCopySchema = z.object({
  /** `<draft id>-<first 12 hex digits of the confirmed content hash>`, upper case. */
  reference: z.string(),
  draft: draftViewSchema,
  guidance: procedureGuidanceSchema,
  /** When the copy was made (the page prints it). */
  generatedAt: z.string(),
});
export type DossierCopy = z.infer<typeof dossierCopySchema>;
