import { z } from "zod";
import { draftFieldSchema } from "../domain/draft.js";
import { CASE_STATUSES } from "./case-system.js";
import { CHANNELS } from "../domain/channels.js";

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
  // Sent on to Zalo in a header: a token is printable ASCII, and anything else could not be sent.
  phoneToken: z.string().min(1, "must not be empty").max(2000, "is too long").regex(/^[\x21-\x7e]+$/, "is not a token getPhoneNumber() returns (printable ASCII, no spaces)"),
});

export const DRAFT_STATUSES = ["open", "consented", "submitted", "closed"] as const;
export const SUBMISSION_STATUSES = ["queued", "sent", ...CASE_STATUSES, "cancelled"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Words in both languages, from the catalogue (the app shows the one the citizen reads). */
export const localisedTextSchema = z.object({ vi: z.string(), en: z.string() });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

export const draftViewFieldSchema = draftFieldSchema.extend({
  key: z.string(),
  group: z.string(),
  /** The catalogue's label; null where the app has its own words (the birth registration's fields). */
  label: localisedTextSchema.nullable(),
  /** For a `select`: each option's words. */
  optionLabels: z.record(z.string(), localisedTextSchema).optional(),
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
/** A paper the draft asks for, and the file the citizen added (if any). */
export const draftAttachmentViewSchema = z.object({
  key: z.string(),
  label: localisedTextSchema,
  required: z.boolean(),
  file: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() }).nullable(),
});
export type DraftAttachmentView = z.infer<typeof draftAttachmentViewSchema>;

/** Which consent wording a draft uses (the app words each one, under its own version). */
export const DRAFT_KINDS = ["birth-registration", "death-registration", "renewal"] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const draftViewSchema = z.object({
  id: z.string(),
  /** The catalogue's service key. */
  service: z.string(),
  serviceName: localisedTextSchema,
  kind: z.enum(DRAFT_KINDS),
  /** Who decides the dossier (the lead agency; for civil status, the ward the citizen chooses). */
  agency: localisedTextSchema,
  /** The national procedure it is filed under; null when the sources do not settle which. */
  procedureCode: z.string().nullable(),
  /**
   * Who files the dossier once the citizen confirms it (shared/domain/filing.ts): `system` — we
   * submit it to the case system (level 3, civil status); `citizen` — it is prepared for them to file
   * where the procedure guidance says (level 2). Older servers did not send it: they submitted.
   */
  filing: z.enum(["system", "citizen"]).default("system"),
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
    .object({
      submissionId: z.string(),
      status: z.enum(SUBMISSION_STATUSES),
      receiptNo: z.string().nullable(),
      resultRef: z.string().nullable(),
      /** Whether this citizen may rate the dossier now: the one who filed it, once it has its result. */
      mayRate: z.boolean(),
    })
    .nullable(),
  attachments: z.array(draftAttachmentViewSchema),
  timeline: z.array(timelineEntrySchema),
  /**
   * Present while the case system waits for more from the citizen (`need_more_info`): the
   * officer's request as sent (sanitised), and the last day to answer when the case system gave one.
   */
  moreInfo: z.object({ note: z.string().nullable(), respondBy: z.string().nullable(), requestedAt: z.string() }).optional(),
});
export type DraftView = z.infer<typeof draftViewSchema>;

export const draftSummarySchema = z.object({
  id: z.string(),
  service: z.string(),
  serviceName: localisedTextSchema,
  kind: z.enum(DRAFT_KINDS),
  status: z.enum(DRAFT_STATUSES),
  title: z.string().nullable(),
  dueBy: z.string(),
  submissionStatus: z.enum(SUBMISSION_STATUSES).nullable(),
  receiptNo: z.string().nullable(),
  updatedAt: z.string(),
  /** Who files it once confirmed (as `draft.filing`): a `consented` one the citizen files is confirmed, not sent. */
  filing: z.enum(["system", "citizen"]).optional(),
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
  /** Null when the citizen files the dossier themselves (`draft.filing` is `citizen`). */
  submissionId: z.string().nullable(),
  draft: draftViewSchema,
});
export type ConsentAccepted = z.infer<typeof consentAcceptedSchema>;

/** A ward the citizen may choose as the registration place. */
export const wardSchema = z.object({ code: z.string(), name: z.string() });
export const wardListSchema = z.object({ wards: z.array(wardSchema) });
export type Ward = z.infer<typeof wardSchema>;

/** What the citizen can do about an item on the home screen. */
export const upcomingActionSchema = z.discriminatedUnion("type", [
  /** A prepared draft: review and consent. */
  z.object({ type: z.literal("open_draft"), draftId: z.string() }),
  /** A document with a renewal the app prepares on request (`POST /api/me/documents/{id}/draft`). */
  z.object({ type: z.literal("prepare_renewal"), documentId: z.string() }),
  /** A level-1 reminder: the procedure is done elsewhere; the app shows the deadline. */
  z.object({ type: z.literal("none") }),
  /** A child's next vaccination: the child's calendar. */
  z.object({ type: z.literal("vaccination"), childId: z.string() }),
]);

export const UPCOMING_KINDS = ["draft", "document", "vaccination"] as const;
export const upcomingItemSchema = z.object({
  kind: z.enum(UPCOMING_KINDS),
  /** Stable per item: the draft id, the document id, or `child:dose`. */
  id: z.string(),
  serviceKey: z.string(),
  serviceName: localisedTextSchema,
  /** The child's name, the document's number, the deceased's name: what the item is about. */
  subject: z.string().nullable(),
  /** Whose it is: the citizen's own, their child's, or an organisation's they represent. */
  whose: z.enum(["me", "child", "organization"]),
  /** The deadline (`YYYY-MM-DD`): expiry, filing deadline, or a dose's earliest date. */
  dueOn: z.string(),
  /** The last day to act, when earlier than the deadline (e.g. file a renewal 30 days before expiry). */
  actBy: z.string().nullable(),
  status: z.enum(DRAFT_STATUSES).nullable(),
  /** A draft's filing (as `draft.filing`): a `consented` one the citizen files is confirmed, not sent. */
  filing: z.enum(["system", "citizen"]).optional(),
  action: upcomingActionSchema,
});
export type UpcomingItem = z.infer<typeof upcomingItemSchema>;

export const childSchema = z.object({ id: z.string(), name: z.string().nullable(), dateOfBirth: z.string() });
export type Child = z.infer<typeof childSchema>;

/** `GET /api/me/upcoming`: what is coming for the citizen, their children and their organisations, soonest first. */
export const upcomingSchema = z.object({ items: z.array(upcomingItemSchema), children: z.array(childSchema) });
export type Upcoming = z.infer<typeof upcomingSchema>;

/** `GET/PUT /api/me/settings`: language and what the citizen wants to be told, and how. */
export const settingsSchema = z.object({
  language: z.enum(["vi", "en"]),
  /** True: no reminders or campaigns at all (dossier status still comes: the citizen asked for it). */
  optedOut: z.boolean(),
  /** Service key → false to stop that service's reminders; absent means on. */
  services: z.record(z.string(), z.boolean()),
  /** Channel → false to not use it; absent means on. At least one channel stays on. */
  channels: z.partialRecord(z.enum(CHANNELS), z.boolean()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z
  .object({
    language: z.enum(["vi", "en"], { message: "must be vi or en" }).optional(),
    optedOut: z.boolean().optional(),
    services: z.record(z.string().regex(/^[a-z0-9-]+$/, "must be a service key"), z.boolean()).optional(),
    channels: z.partialRecord(z.enum(CHANNELS, { message: `must be ${CHANNELS.join(", ")}` }), z.boolean()).optional(),
  })
  .refine((s) => Object.keys(s).length > 0, "must change at least one setting");
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

/** `POST /api/me/submissions/{id}/rating`: satisfaction after a dossier completes (1 very unhappy … 5 very happy). */
export const ratingRequestSchema = z.object({
  score: z.number({ message: "must be a number from 1 to 5" }).int("must be a whole number from 1 to 5").min(1, "must be at least 1").max(5, "must be at most 5"),
  comment: z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(1000, "must be at most 1000 characters"))
    .optional(),
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;
export const ratingSchema = z.object({ submissionId: z.string(), score: z.number().int(), comment: z.string().nullable(), at: z.string() });

/** A consent the citizen gave, as they may review and withdraw it. */
export const consentRecordSchema = z.object({ id: z.string(), draftId: z.string(), consentedAt: z.string(), contentHash: z.string(), consentTextVersion: z.string(), voidedAt: z.string().nullable(), voidReason: z.string().nullable() });
/** `GET /api/me/consents`: every consent given, newest first. */
export const consentListSchema = z.object({ consents: z.array(consentRecordSchema) });

/** `GET /api/me/data`: everything the system holds about the citizen (Law 91/2025/QH15, the data subject's right to see their data). */
export const myDataSchema = z.object({
  exportedAt: z.string(),
  zaloUser: z.object({ id: z.string(), displayName: z.string().nullable(), phone: z.string().nullable(), contactPhone: z.string().nullable(), language: z.string(), follower: z.boolean(), optedOutAt: z.string().nullable(), linkedAt: z.string().nullable() }),
  persons: z.array(z.record(z.string(), z.unknown())),
  documents: z.array(z.record(z.string(), z.unknown())),
  drafts: z.array(z.record(z.string(), z.unknown())),
  consents: z.array(consentRecordSchema),
  messages: z.array(z.object({ id: z.string(), channel: z.string(), status: z.string(), createdAt: z.string(), type: z.string() })),
  ratings: z.array(ratingSchema),
});
export type MyData = z.infer<typeof myDataSchema>;

/** `DELETE /api/me/consents/{id}`: the consent is withdrawn; a dossier not yet sent is stopped. */
export const consentWithdrawnSchema = z.object({ consentId: z.string(), stoppedSubmission: z.boolean(), draft: draftViewSchema });
