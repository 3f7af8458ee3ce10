import type { CaseDossier } from "@hccd/shared";
import { getConsent, getDraft, getDraftAttachmentById, getPerson, getSubmission, latestLiveSubmissionForDraft, listDraftAttachments, type Db, type DraftAttachment } from "@hccd/db";
import { notFound } from "../../errors.js";
import { contentHashOf } from "../drafts/citizen-drafts.js";
import { draftProfile } from "../drafts/draft-profile.js";
import { attachmentBytes } from "../drafts/draft-attachments.js";
import type { ServiceDeps } from "../../deps.js";
import { NotSendable } from "../not-sendable.js";

/**
 * Builds contract 3's dossier from a consented draft. Refuses (NotSendable) unless a consent is in
 * force for exactly the draft's current content: nothing is submitted without consent.
 */
export async function buildCaseDossier(db: Db, submissionId: string): Promise<CaseDossier> {
  const submission = await getSubmission(db, submissionId);
  if (!submission) throw new NotSendable(`submission ${submissionId} not found`);
  if (submission.status === "cancelled") throw new NotSendable("submission was cancelled");
  const consent = await getConsent(db, submission.consentId);
  const draft = await getDraft(db, submission.draftId);
  if (!consent || !draft || consent.voidedAt) throw new NotSendable("no consent in force");
  const attachments = await listDraftAttachments(db, draft.id);
  const hash = await contentHashOf(db, draft, consent.consentTextVersion, Object.fromEntries(attachments.map((a) => [a.key, a.sha256])));
  if (hash !== consent.contentHash || consent.consentTextVersion !== draftProfile(draft.service).consentTextVersion) throw new NotSendable("draft content differs from what was consented to");
  const person = await getPerson(db, consent.personId);
  if (!person) throw new NotSendable("consenting person not found");
  const fields: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(draft.fields)) fields[k] = f.value;
  return {
    submissionId: submission.id,
    procedureCode: submission.procedureCode,
    applicant: {
      fullName: person.fullName,
      ...(person.nationalId ? { nationalId: person.nationalId } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
      relationship: consent.role,
    },
    fields,
    consent: { consentId: consent.id, consentedAt: consent.consentedAt.toISOString(), contentHash: consent.contentHash },
    attachments: attachments.map((a) => ({ name: a.fileName, contentType: a.mediaType, url: `/api/integrations/attachments/${a.id}`, size: a.size, sha256: a.sha256 })),
  };
}

/**
 * A paper the case system fetches (the dossier's `attachments[].url`): only papers of a dossier
 * that was consented to and queued or sent leave the platform; anything else is 404. A paper added
 * since (while the citizen prepares a supplement) waits for its own consent.
 */
export async function submittedAttachment(deps: Pick<ServiceDeps, "db" | "now" | "config">, attachmentId: string): Promise<DraftAttachment & { bytes: Uint8Array }> {
  const file = await getDraftAttachmentById(deps.db, attachmentId);
  const submission = file ? await latestLiveSubmissionForDraft(deps.db, file.draftId) : undefined;
  if (!file || !submission || file.uploadedAt.getTime() > submission.createdAt.getTime()) throw notFound("attachment");
  return { ...file, bytes: await attachmentBytes(deps, file) };
}
