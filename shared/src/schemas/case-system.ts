import { z } from "zod";
import { isoDate, isoInstant } from "./common.js";

/**
 * Contract 3: a consented dossier sent to the provincial case system (Hệ thống thông tin giải
 * quyết TTHC): `POST {CASE_SYSTEM_URL}/dossiers` with `Idempotency-Key: <submission id>`.
 */
export const caseDossierSchema = z.object({
  submissionId: z.string(),
  procedureCode: z.string(),
  applicant: z.object({
    fullName: z.string(),
    nationalId: z.string().optional(),
    phone: z.string().optional(),
    relationship: z.string().optional(),
  }),
  fields: z.record(z.string(), z.unknown()),
  consent: z.object({
    consentId: z.string(),
    consentedAt: isoInstant,
    contentHash: z.string(),
  }),
  /**
   * Papers the citizen added. `url` is a path on our API (`/api/integrations/attachments/{id}`),
   * fetched with the same API key the case system uses for its status callbacks; `sha256` lets it
   * check it got exactly the file the citizen consented to.
   */
  attachments: z.array(z.object({ name: z.string(), contentType: z.string(), url: z.string(), size: z.number().int().optional(), sha256: z.string().optional() })),
});
export type CaseDossier = z.infer<typeof caseDossierSchema>;

export const caseDossierAcceptedSchema = z.object({
  caseId: z.string().min(1),
  receiptNo: z.string().min(1),
});
export type CaseDossierAccepted = z.infer<typeof caseDossierAcceptedSchema>;

/**
 * Our extension of contract 3 for a case waiting on `need_more_info`: the citizen's new consented
 * version of the dossier goes to the same case, `POST {CASE_SYSTEM_URL}/dossiers/{caseId}/supplements`
 * with `Idempotency-Key: <submission id of the supplement>` and a body shaped as `caseDossierSchema`
 * (a new `submissionId` and `consent`). The answer is the same case: `201 {caseId, receiptNo}`,
 * `200` for a repeat; `404` for an unknown case, `409` when the case is not waiting for more.
 */
export const caseSupplementPath = (caseId: string) => `/dossiers/${encodeURIComponent(caseId)}/supplements`;

export const CASE_STATUSES = ["received", "processing", "need_more_info", "rejected", "completed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The longest officer's note we take: a paragraph, not a document (longer is refused, naming `note`). */
export const CASE_NOTE_MAX_CHARS = 2000;

/** The case system's status callback, `POST /api/integrations/case-status`. */
export const caseStatusCallbackSchema = z.object({
  caseId: z.string().min(1, "must not be empty"),
  status: z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(", ")}` }),
  note: z.string().max(CASE_NOTE_MAX_CHARS, `must be at most ${CASE_NOTE_MAX_CHARS} characters`).transform((s) => s.normalize("NFC")).optional(),
  resultRef: z.string().optional(),
  /**
   * With `need_more_info`: the last day to send the supplement, when the case system sets one.
   * An optional field we added to contract 3 (README "Supplements"); absent means no deadline given.
   */
  respondBy: isoDate.optional(),
  at: isoInstant,
});
export type CaseStatusCallback = z.infer<typeof caseStatusCallbackSchema>;
