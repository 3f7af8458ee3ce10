import type { DraftView, MyData } from "@hccd/shared";
import { consentsOfZaloUser, getConsent, getDraft, latestSubmissionForDraft, type Db, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { assertChangeable, buildDraftView, loadDraftForCitizen, withdrawConsent } from "../drafts/citizen-drafts.js";
import { audit } from "../staff/audit.js";

/** The consents a citizen gave, newest first (the same records "my data" holds). */
export async function consentsOfCitizen(db: Db, user: ZaloUser): Promise<MyData["consents"]> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (await consentsOfZaloUser(db, user.id)).map((c) => ({ id: c.id, draftId: c.draftId, consentedAt: c.consentedAt.toISOString(), contentHash: c.contentHash, consentTextVersion: c.consentTextVersion, voidedAt: iso(c.voidedAt), voidReason: c.voidReason }));
}

/** The citizen takes a consent back: a dossier still queued is stopped; one already sent cannot be recalled from here. */
export async function withdrawCitizenConsent(deps: ServiceDeps, user: ZaloUser, consentId: string, requestId?: string): Promise<{ consentId: string; stoppedSubmission: boolean; draft: DraftView }> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const consent = await getConsent(tx, consentId);
    if (!consent || consent.zaloUserId !== user.id) throw notFound("consent");
    const { draft } = await loadDraftForCitizen(tx, consent.draftId, user);
    if (consent.voidedAt) return { consentId, stoppedSubmission: false, draft: await buildDraftView(tx, draft, user) };
    await assertChangeable(tx, draft);
    const queued = (await latestSubmissionForDraft(tx, draft.id))?.status === "queued";
    await withdrawConsent(tx, draft.id, consent.id, "withdrawn", now);
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "consent.withdrawn", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { consentId } });
    return { consentId, stoppedSubmission: queued, draft: await buildDraftView(tx, (await getDraft(tx, draft.id)) ?? draft, user) };
  });
}
