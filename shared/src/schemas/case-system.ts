import { z } from "zod";
import { isoInstant } from "./common.js";

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

export const CASE_STATUSES = ["received", "processing", "need_more_info", "rejected", "completed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The case system's status callback, `POST /api/integrations/case-status`. */
export const caseStatusCallbackSchema = z.object({
  caseId: z.string().min(1, "must not be empty"),
  status: z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(", ")}` }),
  note: z.string().transform((s) => s.normalize("NFC")).optional(),
  resultRef: z.string().optional(),
  at: isoInstant,
});
export type CaseStatusCallback = z.infer<typeof caseStatusCallbackSchema>;
