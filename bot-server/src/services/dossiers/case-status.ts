import type { CaseStatus, CaseStatusCallback } from "@hccd/shared";
import { eq } from "drizzle-orm";
import {
  forUpdate,
  tablesOf,
  findSubmissionByCaseId,
  getConsent,
  cancelPendingOutboxByKeyPrefix,
  getDraft,
  getPerson,
  insertDraftEvent,
  insertInboxEvent,
  insertStatusHistory,
  markInboxProcessed,
  setDraftStatus,
  updateSubmission,
  findZaloUsersByPhones,
  type Db,
  type Person,
  type Submission,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { enqueueChatMessage, enqueueNotification } from "../delivery/notifications.js";
import { CASE_NOTE_NOTICE_CHARS, CASE_NOTE_VIEW_CHARS, channelsFor, citizenCaseNote, i18nFor } from "@hccd/shared";
import { draftProfile } from "../drafts/draft-profile.js";
import { audit } from "../staff/audit.js";
import { RATED_OUTCOMES } from "./rating.js";
import { reopenForSupplement } from "./supplements.js";

/**
 * How far along a case is. A callback that would move a case backwards (a late `processing` after
 * `completed`) is recorded in the history but changes nothing and tells nobody.
 */
const RANK: Record<Submission["status"], number> = {
  cancelled: -1,
  queued: 0,
  sent: 1,
  received: 2,
  processing: 3,
  need_more_info: 3,
  completed: 4,
  rejected: 4,
};

export type CaseStatusResult = { duplicate: boolean; applied: boolean; submissionId: string };

/**
 * Applies a status callback from the case system (contract 3): stored once (deduplicated on case,
 * status and time), the dossier updated, and the parent who consented told through the channel
 * policy, all in one transaction. The case's row is locked first: callbacks for one case reaching
 * two instances at once are applied one after the other, each against the status the other left.
 */
export async function applyCaseStatus(deps: ServiceDeps, cb: CaseStatusCallback, ctx: { clientId: string; requestId?: string }): Promise<CaseStatusResult> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { submissions } = tablesOf(tx);
    await forUpdate(tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.caseId, cb.caseId)));
    const submission = await findSubmissionByCaseId(tx, cb.caseId);
    if (!submission) throw notFound(`case ${cb.caseId}`);
    const stored = await insertInboxEvent(tx, { id: deps.newId(), source: "case_status", dedupeKey: `${cb.caseId}|${cb.status}|${Date.parse(cb.at)}`, payload: cb, now });
    if (!stored.created) return { duplicate: true, applied: false, submissionId: submission.id };

    const at = new Date(cb.at);
    await insertStatusHistory(tx, { submissionId: submission.id, status: cb.status, note: cb.note ?? null, at });
    const forward = RANK[cb.status] >= RANK[submission.status] && cb.status !== submission.status;
    if (forward) {
      await updateSubmission(tx, submission.id, { status: cb.status, ...(cb.resultRef ? { resultRef: cb.resultRef } : {}), updatedAt: now });
      if (cb.status === "completed" || cb.status === "rejected") await setDraftStatus(tx, submission.draftId, "closed", now);
      if (cb.status === "need_more_info") await reopenForSupplement(tx, submission.draftId, now);
      // The history keeps the note as sent; the citizen reads it without markup or hidden characters.
      const shown = citizenCaseNote(cb.note, CASE_NOTE_VIEW_CHARS);
      await insertDraftEvent(tx, { draftId: submission.draftId, kind: "status", at, data: { status: cb.status, ...(shown ? { note: shown } : {}), ...(cb.respondBy && cb.status === "need_more_info" ? { respondBy: cb.respondBy } : {}) } });
      // A status notice still waiting is out of date now: the parent is told where the dossier is,
      // once, rather than a burst of past steps that several instances could send out of order.
      await cancelPendingOutboxByKeyPrefix(tx, `dossier-status:${submission.id}:`, now);
      await notifyParent(deps, tx, submission, cb, now, `dossier-status:${submission.id}:${cb.status}:${Date.parse(cb.at)}`);
    }
    await markInboxProcessed(tx, stored.row.id, now);
    await audit(tx, { at: now, actor: { kind: "machine", id: ctx.clientId }, action: "case_status.received", target: { kind: "submission", id: submission.id }, ...(ctx.requestId ? { requestId: ctx.requestId } : {}), details: { status: cb.status, applied: forward } });
    return { duplicate: false, applied: forward, submissionId: submission.id };
  });
}

async function notifyParent(deps: ServiceDeps, tx: Db, submission: Submission, cb: CaseStatusCallback, now: Date, idempotencyKey: string): Promise<void> {
  const status = cb.status;
  const note = citizenCaseNote(cb.note, CASE_NOTE_NOTICE_CHARS);
  const consent = await getConsent(tx, submission.consentId);
  const person = consent ? await getPerson(tx, consent.personId) : undefined;
  const draft = await getDraft(tx, submission.draftId);
  if (!person || !draft) return;
  const r = await enqueueNotification(tx, {
    config: deps.config,
    now,
    newId: deps.newId,
    recipient: { personId: person.id, phone: person.phone },
    idempotencyKey,
    purpose: "transactional",
    message: { type: "dossier_status", draftId: submission.draftId, status, params: { parentName: person.fullName, receiptNo: submission.receiptNo ?? submission.id, note, ...(status === "need_more_info" && cb.respondBy ? { respondBy: cb.respondBy } : {}), dossierName: draftProfile(draft.service).serviceName } },
  });
  if (!r.queued) deps.logger.warn({ submissionId: submission.id, status }, "status change could not be sent: the parent cannot be reached on Zalo");
  if (RATED_OUTCOMES.includes(status)) await askForRating(deps, tx, submission, person, now);
}

/**
 * Once a dossier has its result (completed or rejected: see rating.ts), the parent who filed it is
 * asked to rate the service with 1–5 buttons, in the OA chat only: ZNS templates cannot carry quick
 * replies (the Mini App asks there instead).
 */
async function askForRating(deps: ServiceDeps, tx: Db, submission: Submission, person: Person, now: Date): Promise<void> {
  if (!person.phone) return;
  const user = (await findZaloUsersByPhones(tx, [person.phone])).find((u) => u.oaUserId && channelsFor({ zaloUserId: u.oaUserId, follower: u.follower, lastInteractionAt: u.lastInteractionAt, phone: null }, now).includes("oa"));
  if (!user?.oaUserId) return;
  const t = i18nFor(user.language).t;
  await enqueueChatMessage(tx, {
    now,
    newId: deps.newId,
    oaUserId: user.oaUserId,
    personId: person.id,
    language: user.language,
    text: t("bot:rating.ask", { receiptNo: submission.receiptNo ?? submission.id }),
    buttons: [1, 2, 3, 4, 5].map((n) => ({ type: "oa.query.hide" as const, title: String(n), payload: `#rate:${submission.id}:${n}` })),
    idempotencyKey: `rating-prompt:${submission.id}`,
  });
}
