import type { SubmissionStatus } from "@hccd/shared";
import { getConsent, getDraftParties, getSubmission, upsertRating, type Db, type Submission, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict, DomainError, notFound } from "../../errors.js";
import { personsOfZaloUser } from "../citizens/citizen-identity.js";

/** The case system's final results: a dossier is rated on its outcome, favourable or not. */
export const RATED_OUTCOMES: readonly SubmissionStatus[] = ["completed", "rejected"];

export type RatingRefusal = "not_found" | "not_filer" | "not_finished";

/**
 * Who may rate a dossier, and when: the citizen who filed it (the one whose consent sent it, from
 * any Zalo account of theirs), once it has its final result — accepted or rejected. Others who
 * may see it (the other parent) did not go through the procedure; to anyone else it does not exist.
 */
export function ratingRefusal(input: { status: SubmissionStatus; filer: boolean; party: boolean }): RatingRefusal | null {
  if (!input.filer && !input.party) return "not_found";
  if (!input.filer) return "not_filer";
  if (!RATED_OUTCOMES.includes(input.status)) return "not_finished";
  return null;
}

/** Whether `user` filed the dossier and whether they are a party of its draft at all. */
async function relationTo(db: Db, user: ZaloUser, submission: Submission): Promise<{ filer: boolean; party: boolean }> {
  const own = new Set((await personsOfZaloUser(db, user)).map((p) => p.id));
  const consent = await getConsent(db, submission.consentId);
  const filer = consent !== undefined && (consent.zaloUserId === user.id || own.has(consent.personId));
  const party = filer || (await getDraftParties(db, submission.draftId)).some((p) => own.has(p.personId));
  return { filer, party };
}

/** Whether the citizen may rate the dossier now (the Mini App shows the rating only then). */
export async function mayRate(db: Db, user: ZaloUser, submission: Submission): Promise<boolean> {
  return ratingRefusal({ status: submission.status, ...(await relationTo(db, user, submission)) }) === null;
}

const REFUSALS: Record<RatingRefusal, () => DomainError> = {
  not_found: () => notFound("submission"),
  not_filer: () => new DomainError(403, "not_filer", "only the citizen who filed the dossier can rate it"),
  not_finished: () => conflict("not_finished", "a dossier can be rated once it has a result"),
};

/**
 * A satisfaction rating of a dossier, from the chat's buttons or the Mini App (one per dossier and
 * Zalo account; a new one replaces it). A comment left `undefined` keeps the one given before.
 */
export async function rateDossier(deps: Pick<ServiceDeps, "db" | "now">, user: ZaloUser, submissionId: string, input: { score: number; comment?: string | null }): Promise<{ submissionId: string; score: number; comment: string | null; at: string }> {
  const now = deps.now();
  const submission = await getSubmission(deps.db, submissionId);
  const refusal = submission ? ratingRefusal({ status: submission.status, ...(await relationTo(deps.db, user, submission)) }) : "not_found";
  if (refusal) throw REFUSALS[refusal]();
  await upsertRating(deps.db, { submissionId, zaloUserId: user.id, score: input.score, ...(input.comment !== undefined ? { comment: input.comment } : {}), at: now });
  return { submissionId, score: input.score, comment: input.comment ?? null, at: now.toISOString() };
}
