import { z } from "zod";
import { draftFieldSchema } from "../domain/draft.js";
import { CASE_STATUSES } from "./case-system.js";

/** The signed-in citizen, `GET /api/me`. */
export const profileSchema = z.object({
  zaloUserId: z.string(),
  displayName: z.string().nullable(),
  phoneLinked: z.boolean(),
  /** Only the last digits, e.g. `0912 *** 678`: the app never needs the full number back. */
  phoneMasked: z.string().nullable(),
  language: z.enum(["vi", "en"]),
});
export type Profile = z.infer<typeof profileSchema>;

/** `POST /api/me/phone`: the one-time token from zmp-sdk `getPhoneNumber()` (valid 2 minutes). */
export const linkPhoneRequestSchema = z.object({
  phoneToken: z.string().min(1, "must not be empty").max(2000, "is too long"),
});

export const DRAFT_STATUSES = ["open", "consented", "submitted", "closed"] as const;
export const SUBMISSION_STATUSES = ["queued", "sent", ...CASE_STATUSES, "cancelled"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const draftViewFieldSchema = draftFieldSchema.extend({
  key: z.string(),
  group: z.string(),
});
export type DraftViewField = z.infer<typeof draftViewFieldSchema>;

export const TIMELINE_KINDS = ["draft_created", "notified", "consented", "consent_voided", "submitted", "status"] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  note: z.string().optional(),
  receiptNo: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A draft as the citizen sees it, `GET /api/me/drafts/{id}`. */
export const draftViewSchema = z.object({
  id: z.string(),
  service: z.enum(["birth_registration"]),
  procedureCode: z.string(),
  status: z.enum(DRAFT_STATUSES),
  version: z.number().int(),
  /** SHA-256 of exactly what is shown; consent must quote it. */
  contentHash: z.string(),
  consentTextVersion: z.string(),
  /** Last day to file on time. */
  dueBy: z.string(),
  /** The child's name as planned, for titles; null when not chosen yet. */
  title: z.string().nullable(),
  fields: z.array(draftViewFieldSchema),
  openFields: z.array(z.string()),
  consent: z
    .object({ consentId: z.string(), consentedAt: z.string(), contentHash: z.string(), consentTextVersion: z.string() })
    .nullable(),
  submission: z
    .object({ submissionId: z.string(), status: z.enum(SUBMISSION_STATUSES), receiptNo: z.string().nullable(), resultRef: z.string().nullable() })
    .nullable(),
  timeline: z.array(timelineEntrySchema),
});
export type DraftView = z.infer<typeof draftViewSchema>;

export const draftSummarySchema = z.object({
  id: z.string(),
  service: z.enum(["birth_registration"]),
  status: z.enum(DRAFT_STATUSES),
  title: z.string().nullable(),
  dueBy: z.string(),
  submissionStatus: z.enum(SUBMISSION_STATUSES).nullable(),
  receiptNo: z.string().nullable(),
  updatedAt: z.string(),
});
export const draftListSchema = z.object({ drafts: z.array(draftSummarySchema) });
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** `PATCH /api/me/drafts/{id}`: edits to open fields, against the version the citizen saw. */
export const editDraftRequestSchema = z.object({
  version: z.number().int().min(1),
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).refine((c) => Object.keys(c).length > 0, "must change at least one field"),
});
export type EditDraftRequest = z.infer<typeof editDraftRequestSchema>;

/** `POST /api/me/drafts/{id}/consent`: the hash of exactly what was shown, and the text version read. */
export const consentRequestSchema = z.object({
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "must be the 64-character content hash shown with the draft"),
  consentTextVersion: z.string().min(1, "must not be empty"),
});
export type ConsentRequest = z.infer<typeof consentRequestSchema>;

export const consentAcceptedSchema = z.object({
  consentId: z.string(),
  submissionId: z.string(),
  draft: draftViewSchema,
});
export type ConsentAccepted = z.infer<typeof consentAcceptedSchema>;

/** A ward the citizen may choose as the registration place. */
export const wardSchema = z.object({ code: z.string(), name: z.string() });
export const wardListSchema = z.object({ wards: z.array(wardSchema) });
export type Ward = z.infer<typeof wardSchema>;
