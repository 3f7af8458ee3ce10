import type { CaseDossier, CaseDossierAccepted, DraftView } from "@hccd/shared";
import { activeConsentForDraft, getDraft, getSubmission, listDraftEvents, updateDraftFields, voidConsent, type Db, type Submission } from "@hccd/db";
import type { CaseSystemClient } from "../../adapters/case-system/types.js";
import { NotSendable } from "../not-sendable.js";

/**
 * When the case system asks for more (`need_more_info`), the dossier goes back to the citizen as a
 * new draft version: the consent to the version sent is set aside (it was used by that submission
 * and covers nothing new), and nothing leaves again until the citizen consents to the new version.
 * That consent queues a supplement to the same case (see `supplementTarget`).
 */
export async function reopenForSupplement(tx: Db, draftId: string, now: Date): Promise<void> {
  const draft = await getDraft(tx, draftId);
  if (!draft) return;
  const consent = await activeConsentForDraft(tx, draftId);
  if (consent) await voidConsent(tx, consent.id, "more_info_requested", now);
  await updateDraftFields(tx, draft.id, draft.version, draft.fields, "open", now);
}

/**
 * What a new submission of this draft must carry: when its live submission waits on
 * `need_more_info`, the submission it answers and that case (a supplement, never a new case).
 */
export function supplementTarget(live: Submission | undefined): Pick<Submission, "supplementOf" | "caseId" | "receiptNo"> | Record<string, never> {
  if (live?.status !== "need_more_info") return {};
  return { supplementOf: live.id, caseId: live.caseId, receiptNo: live.receiptNo };
}

/** The officer's request as the Mini App shows it, while the case waits on the citizen. */
export async function moreInfoOf(db: Db, draftId: string, live: Submission | undefined): Promise<DraftView["moreInfo"]> {
  if (live?.status !== "need_more_info") return undefined;
  const asked = (await listDraftEvents(db, draftId)).filter((e) => e.kind === "status" && e.data.status === "need_more_info").at(-1);
  return { note: asked?.data.note ?? null, respondBy: asked?.data.respondBy ?? null, requestedAt: (asked?.at ?? live.updatedAt).toISOString() };
}

/**
 * Sends a consented dossier: a first submission opens a case (`submitDossier`), a supplement goes
 * to the case it answers (`submitSupplement`). Idempotent on the submission id either way.
 */
export async function sendCaseDossier(db: Db, caseSystem: CaseSystemClient, dossier: CaseDossier): Promise<CaseDossierAccepted> {
  const submission = await getSubmission(db, dossier.submissionId);
  if (!submission?.supplementOf) return caseSystem.submitDossier(dossier, dossier.submissionId);
  if (!submission.caseId) throw new NotSendable(`supplement ${submission.id} names no case`);
  return caseSystem.submitSupplement(submission.caseId, dossier, dossier.submissionId);
}
