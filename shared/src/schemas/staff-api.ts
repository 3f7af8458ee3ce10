import { z } from "zod";
import { isoDate, nfcText } from "./common.js";
import { CHANNELS } from "../domain/channels.js";
import { CHILD_REMINDER_OUTCOMES, CITIZEN_SOURCES } from "../domain/indicators.js";

export const STAFF_ROLE_VALUES = ["admin", "department", "ward_officer", "communicator", "viewer"] as const;

/** `POST /api/staff/session`. */
export const staffLoginRequestSchema = z.object({
  username: z.string().trim().min(1, "must not be empty").max(64, "is too long"),
  password: z.string().min(1, "must not be empty").max(256, "is too long"),
});

export const staffProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLE_VALUES),
  agency: z.string().nullable(),
  wardCode: z.string().nullable(),
});
export type StaffProfile = z.infer<typeof staffProfileSchema>;

export const staffSessionSchema = z.object({ token: z.string(), expiresAt: z.string(), staff: staffProfileSchema });

/**
 * One problem of a rejected row, with the row's values as given (each cut at 1,000 characters by
 * the reader, see `truncated`), or a note about the file: `column` is `(file)` and `values` empty.
 */
export const importRejectedRowSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  values: z.record(z.string(), z.string()),
  /** Values cut because they were too long to keep (" […]" ends them), with the length each had. */
  truncated: z.record(z.string(), z.number().int()).optional(),
});

/** An import of a department's list as staff see it (`GET /api/staff/imports/{id}`). */
export const importSummarySchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(["csv", "xlsx"]),
  importedBy: z.string(),
  status: z.enum(["running", "finished", "failed"]),
  /** While running: `reading` (the whole file is checked first; nothing is stored yet), then `applying` (storing the valid rows). */
  stage: z.enum(["reading", "applying"]).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Rows read so far: the progress while `reading`. */
  rows: z.number().int(),
  /** Rows stored so far (created + updated + unchanged): the progress while `applying`. */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows rejected, all of them (one row may have several problems). */
  rejected: z.number().int(),
  /** Problems found, all of them, and notes about the file (columns not imported, other worksheets). */
  problems: z.number().int(),
  /** Rejected rows whose details the report does not keep: it keeps the first 1,000. */
  rejectedNotKept: z.number().int(),
  /** Set when the import's report, stored whole by an earlier version, was too large to keep whole (its size in bytes): only its first rows are kept. */
  legacyReportBytes: z.number().int().nullable(),
});
export const importProblemCountSchema = z.object({ column: z.string(), reason: z.string(), count: z.number().int() });
export const importDetailSchema = importSummarySchema.extend({
  /** Every problem (kept or not) counted per column and reason, most frequent first. */
  problemCounts: z.array(importProblemCountSchema),
  /** The problems of the page's rejected rows (100 rows a page), in row order. */
  report: z.array(importRejectedRowSchema),
  page: z.number().int(),
  pages: z.number().int(),
});
export const importListSchema = z.object({ imports: z.array(importSummarySchema) });
export const importAcceptedSchema = z.object({ importId: z.string(), status: z.literal("running") });

/** What finally failed, for staff to follow up (`GET /api/staff/reminders/failed`). */
export const failedDeliveriesSchema = z.object({
  /** Messages given up after retries and every channel. */
  messages: z.array(z.object({ id: z.string(), kind: z.string(), channel: z.string(), lastError: z.string().nullable(), attempts: z.number().int(), updatedAt: z.string(), personId: z.string().nullable() })),
  /** Reminders nobody could be told about (no reachable channel) or that the person opted out of. */
  skippedReminders: z.array(z.object({ id: z.string(), serviceKey: z.string(), subject: z.string(), dueOn: z.string(), step: z.string(), reason: z.string().nullable(), documentId: z.string().nullable(), birthEventId: z.string().nullable() })),
});

export const sweepResultSchema = z.object({ queued: z.number().int(), skipped: z.number().int(), cancelled: z.number().int() });
export type FailedDeliveries = z.infer<typeof failedDeliveriesSchema>;

// --- Handover inbox (`/api/staff/handover`) ---

export const HANDOVER_STATUS_VALUES = ["open", "closed"] as const;
/**
 * The longest staff reply: Zalo's customer-service text message (`message.text`) takes at most
 * 2,000 characters (zalo.md, OA sending).
 */
export const HANDOVER_REPLY_MAX = 2000;

export const handoverListQuerySchema = z.object({ status: z.enum(HANDOVER_STATUS_VALUES, { message: "must be open or closed" }).default("open") });
export const handoverReplyRequestSchema = z.object({
  text: z
    .string({ message: "must be text" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().min(1, "must not be empty").max(HANDOVER_REPLY_MAX, `must be at most ${HANDOVER_REPLY_MAX} characters (Zalo's limit for a message)`)),
});

/** The citizen as the inbox shows them: least data (display name, masked phone). */
export const handoverCitizenSchema = z.object({
  displayName: z.string().nullable(),
  /** `84*******678`, or null when no phone is linked. */
  maskedPhone: z.string().nullable(),
  /** Whether a reply can reach them through the OA now; otherwise why not. */
  reachable: z.boolean(),
  unreachableReason: z.enum(["no_oa_user", "outside_window"]).nullable(),
});
export const handoverTicketSummarySchema = z.object({
  id: z.string(),
  status: z.enum(HANDOVER_STATUS_VALUES),
  reason: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Since when the citizen waits for a person: their first message after the last staff reply (the opening when never answered); null when staff spoke last or the ticket is closed. */
  waitingSince: z.string().nullable(),
  waitingMs: z.number().int().nullable(),
  lastMessageAt: z.string().nullable(),
  messages: z.number().int(),
  citizen: handoverCitizenSchema,
  /** `ward`: a citizen of a known ward (its officers see it); `unknown_ward`: the shared queue every ward officer sees. */
  queue: z.enum(["ward", "unknown_ward"]),
  /** The citizen's ward, from the person our records hold for their linked phone. */
  ward: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The staff member who took the conversation on (claim or first reply), shown to everyone who sees it. */
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  claimedAt: z.string().nullable(),
  /**
   * The citizen's name, phone, question and messages are withheld from this staff member: a
   * conversation of the shared queue before they claim it, or claimed by another officer.
   */
  withheld: z.boolean(),
});
export const handoverListSchema = z.object({ tickets: z.array(handoverTicketSummarySchema) });
export const handoverMessageSchema = z.object({ from: z.enum(["citizen", "bot", "staff"]), text: z.string(), at: z.string() });
/**
 * A phone the citizen typed into the OA's information form (`user_submit_info`). Anyone can type
 * anyone's number there, so it is for calling them back and never says who they are: `verified`
 * is true only when it is the number Zalo verified in the Mini App. Given whole (`84…`) because
 * the citizen left it to be called on, and only in a conversation the staff member may read
 * (an audited read): never in the list, never while the conversation is withheld.
 */
export const handoverContactPhoneSchema = z.object({
  phone: z.string().describe("The number as typed, normalised to `84…`"),
  source: z.literal("oa_form").describe("Typed into the OA's information form (`user_submit_info`)"),
  verified: z.boolean().describe("True only when it is also the phone Zalo verified; otherwise the citizen's own claim, unchecked"),
  submittedAt: z.string().nullable().describe("When the citizen sent the form"),
});
export const handoverCitizenDetailSchema = handoverCitizenSchema.extend({
  contactPhone: handoverContactPhoneSchema
    .nullable()
    .describe("A phone the citizen typed into the OA's form, to call them back: self-declared and unverified unless `verified`. Null when none, or while the citizen is withheld from this staff member"),
});
export const handoverTicketDetailSchema = handoverTicketSummarySchema.extend({ citizen: handoverCitizenDetailSchema, history: z.array(handoverMessageSchema) });
export type HandoverTicketSummary = z.infer<typeof handoverTicketSummarySchema>;
export type HandoverTicketDetail = z.infer<typeof handoverTicketDetailSchema>;
export type HandoverContactPhone = z.infer<typeof handoverContactPhoneSchema>;

// --- FAQ upkeep (`/api/staff/faq`) ---

/** An answer is short enough to read in a chat bubble (bot-server/src/faq/types.ts). */
export const FAQ_ANSWER_MAX = 600;
/** A phone number other than the hotline: answers send people to 1022 or "gặp cán bộ", never to a personal number. */
export const FAQ_PHONE_PATTERN = /(?:\+?84|\b0)(?:[\s.]?\d){8,10}\b/;
const FAQ_ALTERNATIVES_MAX = 30;

const faqAnswerText = nfcText(FAQ_ANSWER_MAX).refine((s) => !FAQ_PHONE_PATTERN.test(s), "must not contain a phone number (only the hotline 1022)");
const faqAlternatives = z
  .array(nfcText(200), { message: "must be a list of texts" })
  .max(FAQ_ALTERNATIVES_MAX, `must have at most ${FAQ_ALTERNATIVES_MAX} phrasings`)
  .transform((list) => [...new Set(list)]);

/** What staff write for an entry (vi and en). */
export const faqEntryContentSchema = z.object({
  topic: z.string().trim().regex(/^[a-z]+(-[a-z]+)*$/, "must be a short key in lower-case letters and hyphens, e.g. birth or id-card").max(40, "must be at most 40 characters"),
  questionVi: nfcText(200),
  questionEn: nfcText(200),
  alternativesVi: faqAlternatives,
  alternativesEn: faqAlternatives,
  answerVi: faqAnswerText,
  answerEn: faqAnswerText,
  sourceTitle: nfcText(200),
  sourceRef: nfcText(200),
  service: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a service key of the catalogue, e.g. birth-registration")
    .max(80, "must be at most 80 characters")
    .nullable()
    .optional()
    .transform((s) => s || null),
});
export const faqEntryCreateSchema = faqEntryContentSchema.extend({
  /** Turning an unanswered question into this entry: every question with this key is marked answered by it. */
  fromQuestionKey: z.string().min(1).max(200).optional(),
});
export const faqEntryUpdateSchema = faqEntryContentSchema.extend({ version: z.coerce.number({ message: "must be a number" }).int().min(1) });
export const faqRetireRequestSchema = z.object({ version: z.coerce.number({ message: "must be a number" }).int().min(1) });
/** Attach an unanswered question to an existing entry as another phrasing. */
export const faqAttachRequestSchema = z.object({ questionKey: z.string().min(1, "must not be empty").max(200), entryId: z.string().min(1, "must not be empty").max(100), version: z.coerce.number({ message: "must be a number" }).int().min(1) });
export type FaqEntryContentInput = z.input<typeof faqEntryContentSchema>;

export const staffFaqEntrySchema = z.object({
  id: z.string(),
  topic: z.string(),
  questionVi: z.string(),
  questionEn: z.string(),
  alternativesVi: z.array(z.string()),
  alternativesEn: z.array(z.string()),
  answerVi: z.string(),
  answerEn: z.string(),
  sourceTitle: z.string(),
  sourceRef: z.string(),
  service: z.string().nullable(),
  origin: z.enum(["builtin", "staff"]),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export const staffFaqEntryListSchema = z.object({ entries: z.array(staffFaqEntrySchema) });
export const faqUnansweredGroupSchema = z.object({ questionKey: z.string(), example: z.string(), language: z.enum(["vi", "en"]), count: z.number().int(), firstAt: z.string(), lastAt: z.string() });
export const faqUnansweredListSchema = z.object({ questions: z.array(faqUnansweredGroupSchema) });
export const faqAttachResultSchema = z.object({ entry: staffFaqEntrySchema, resolved: z.number().int() });
export const faqCreateResultSchema = z.object({ entry: staffFaqEntrySchema, resolved: z.number().int() });
export type StaffFaqEntry = z.infer<typeof staffFaqEntrySchema>;

/** A blank form field is "not given" (an HTML form sends every field, empty or not). */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const AUDIT_ACTOR_KINDS = ["staff", "citizen", "machine", "system"] as const;

/**
 * An audit log search (`GET /api/staff/audit`, the console's `/staff/audit`). `actor` is a staff
 * username or any actor's id; `action` is exact, or a prefix when it ends with `.` or `*`
 * (`import.` finds every import action); `from`/`to` are calendar days in Vietnam time, both
 * included; `before` is the keyset cursor (the `nextBefore` of the previous page).
 */
export const auditSearchQuerySchema = z
  .object({
    actorKind: blankAsUnset(z.enum(AUDIT_ACTOR_KINDS, { message: "must be staff, citizen, machine or system" })),
    actor: blankAsUnset(z.string().trim().max(100, "must be at most 100 characters")),
    action: blankAsUnset(z.string().trim().max(100, "must be at most 100 characters").regex(/^[\w.*-]+$/, "may hold only letters, digits, dots, dashes, underscores and a final *")),
    targetKind: blankAsUnset(z.string().trim().max(64, "must be at most 64 characters")),
    targetId: blankAsUnset(z.string().trim().max(100, "must be at most 100 characters")),
    requestId: blankAsUnset(z.string().trim().max(100, "must be at most 100 characters")),
    from: blankAsUnset(isoDate),
    to: blankAsUnset(isoDate),
    before: blankAsUnset(z.coerce.number({ message: "must be a number" }).int("must be a whole number").positive("must be positive")),
    limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500").default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });
export type AuditSearchQuery = z.output<typeof auditSearchQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  actorId: z.string(),
  /** The staff member's username, when the actor is staff. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const auditSearchResultSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().int().nullable() });

/* campaigns (issue 6) */
import { AGE_BAND_KEYS, CAMPAIGN_PLACEHOLDERS, campaignBodyProblems, isCampaignLink } from "../domain/campaign.js";

/** Longest campaign body: Zalo takes 2,000 characters in an OA text message; placeholders and the test mark need room. */
export const CAMPAIGN_BODY_MAX = 1500;
const knownPlaceholders = Object.values(CAMPAIGN_PLACEHOLDERS).flat().map((p) => `{{${p}}}`).join(", ");
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());
const optionalCode = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), z.string().max(64, "is too long").optional());

/** Who a campaign is for; every filter left out matches everyone. */
export const campaignFiltersSchema = z.object({
  wardCode: optionalCode,
  serviceKey: optionalCode,
  ageBand: optionalChoice(AGE_BAND_KEYS as unknown as readonly [string, ...string[]]),
  holderKind: optionalChoice(["person", "organization"] as const),
  follower: z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v === true || v === "true" ? true : v === false || v === "false" ? false : v), z.boolean().optional()),
  language: optionalChoice(["vi", "en"] as const),
});

/**
 * A campaign as composed (`POST /api/staff/campaigns`, the console's form). Unknown placeholders are
 * refused naming the body and the token; `{{dichvu}}` needs a service in the target group.
 */
export const campaignInputSchema = z
  .object({
    name: nfcText(120),
    bodyVi: nfcText(CAMPAIGN_BODY_MAX),
    bodyEn: nfcText(CAMPAIGN_BODY_MAX),
    linkUrl: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), z.string().max(500, "is too long").refine(isCampaignLink, { message: "must be an https:// link", params: { i18n: "linkHttps" } }).optional()),
    filters: campaignFiltersSchema.default({}),
  })
  .superRefine((c, ctx) => {
    for (const field of ["bodyVi", "bodyEn"] as const) {
      const p = campaignBodyProblems(c[field], { hasService: Boolean(c.filters.serviceKey) });
      for (const token of p.unknown) ctx.addIssue({ code: "custom", path: [field], message: `uses an unknown placeholder {{${token}}} (known: ${knownPlaceholders})`, params: { i18n: "unknownPlaceholder", token } });
      if (p.needsService) ctx.addIssue({ code: "custom", path: [field], message: "uses {{dichvu}} but the target group names no service", params: { i18n: "serviceNeedsFilter" } });
      if (p.unbalanced) ctx.addIssue({ code: "custom", path: [field], message: "has an unclosed {{ or a stray }}", params: { i18n: "unbalanced" } });
    }
  });
export type CampaignInput = z.infer<typeof campaignInputSchema>;
export type CampaignFilters = z.infer<typeof campaignFiltersSchema>;

/** A time in Vietnam (`YYYY-MM-DDTHH:mm`, as a datetime-local field gives it). */
export const campaignScheduleSchema = z.object({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "must be a date and time as YYYY-MM-DDTHH:mm (Vietnam time)"),
  /** Required (true) when nobody in the target group can receive the campaign now: the list is fixed when it starts. */
  confirmEmptyAudience: z.boolean().optional(),
});
/** Test-send: the staff member's own phone, linked to a Zalo user who follows the OA. */
export const campaignTestSendSchema = z.object({ phone: z.string().trim().min(1, "must not be empty").max(20, "is too long") });
export const campaignPreviewRequestSchema = z.object({ zaloUserId: z.string().trim().min(1, "must not be empty").max(64, "is too long") });

export const CAMPAIGN_STATUS_VALUES = ["draft", "scheduled", "sending", "paused", "completed", "cancelled"] as const;
export const campaignCountsSchema = z.object({
  /** Audience members recorded when the campaign started. */
  recipients: z.number().int(),
  /** Waiting for their wave (not yet in the outbox). */
  waiting: z.number().int(),
  /** In the outbox, not yet handed to Zalo (held while paused). */
  queued: z.number().int(),
  /** Handed to Zalo (delivered ones included). */
  sent: z.number().int(),
  /** Zalo's receipt came back. */
  delivered: z.number().int(),
  failed: z.number().int(),
  /** Excluded: opted out of campaigns, of the OA channel, or of the campaign's service. */
  optedOut: z.number().int(),
  /** Excluded: not a follower, or outside Zalo's 7-day window for OA messages. */
  unreachable: z.number().int(),
  /** Not sent because the campaign was cancelled. */
  cancelled: z.number().int(),
});
export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  linkUrl: z.string().nullable(),
  filters: campaignFiltersSchema,
  status: z.enum(CAMPAIGN_STATUS_VALUES),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts: campaignCountsSchema,
});
export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) });
/** The audience as it stands now (recomputed on every ask). */
export const campaignAudienceSchema = z.object({
  matched: z.number().int(),
  willReceive: z.number().int(),
  optedOut: z.number().int(),
  /** Not reachable by an OA message: `notFollowing` + `outsideWindow`. */
  unreachable: z.number().int(),
  notFollowing: z.number().int(),
  /** Followers who have not written to the OA in the last 7 days (Zalo refuses OA messages to them). */
  outsideWindow: z.number().int(),
  /** When nobody would receive it: why (`no_match`, or the reasons that account for everyone); empty otherwise. */
  nobodyReachableBecause: z.array(z.enum(["no_match", "opted_out", "not_following", "outside_window"])),
});
export const campaignPreviewSchema = z.object({ zaloUserId: z.string(), language: z.enum(["vi", "en"]), text: z.string(), link: z.string().nullable() });
export const campaignTestSentSchema = z.object({ outboxId: z.string(), language: z.enum(["vi", "en"]), deferredUntil: z.string().nullable() });
export type CampaignSummary = z.infer<typeof campaignSchema>;
export type CampaignCounts = z.infer<typeof campaignCountsSchema>;
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/* indicators */

/** An empty form field ("Tất cả") means no filter. */
const blankAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const indicatorFilterShape = {
  from: z.preprocess(blankAsUndefined, isoDate.optional()),
  to: z.preprocess(blankAsUndefined, isoDate.optional()),
  service: z.preprocess(blankAsUndefined, z.string().trim().max(80, "is too long").optional()),
  agency: z.preprocess(blankAsUndefined, z.string().trim().max(120, "is too long").optional()),
  ward: z.preprocess(blankAsUndefined, z.string().trim().max(16, "is too long").optional()),
};

/** The indicators' filters (`GET /api/staff/indicators`, the console's filter form): period in Vietnam dates, default the last 30 days. */
export const indicatorQuerySchema = z.object(indicatorFilterShape);
export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;

export const INDICATOR_KEYS = ["reminders", "birthsReminded", "funnel", "noticeToConsent", "draftToSubmission", "processingTime", "citizenSources", "satisfaction", "faq", "handover", "delivery"] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export const INDICATOR_FILTERS = ["period", "service", "agency", "ward"] as const;

/** Satisfaction comments, newest first, in pages of this many. */
export const RATING_COMMENTS_PAGE_SIZE = 20;
/** `GET /api/staff/satisfaction-comments`: the indicators' filters and a page. */
export const ratingCommentsQuerySchema = z.object({ ...indicatorFilterShape, page: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(500).default(1)) });
export type RatingCommentsQuery = z.infer<typeof ratingCommentsQuerySchema>;
/** Citizens' comments with their ratings, ID numbers and phones masked; no one's identity. */
export const ratingCommentsSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  comments: z.array(z.object({ score: z.number().int(), comment: z.string(), at: z.string(), service: z.string() })),
});
export type RatingComments = z.infer<typeof ratingCommentsSchema>;

/** `GET /api/staff/indicators/csv`: the filters, which indicator, and the language of the column names. */
export const indicatorExportQuerySchema = z.object({ ...indicatorFilterShape, indicator: z.enum(INDICATOR_KEYS), lang: z.enum(["vi", "en"]).default("vi") });

const shareValue = z.number().min(0).max(1).nullable();
const appliesTo = z.array(z.enum(INDICATOR_FILTERS));
export const reminderCountsSchema = z.object({
  /** Reminders whose planned moment came in the period. */
  due: z.number().int(),
  onTime: z.number().int(),
  sentLate: z.number().int(),
  waiting: z.number().int(),
  missed: z.number().int(),
  failed: z.number().int(),
  unreachable: z.number().int(),
  optedOut: z.number().int(),
  cancelled: z.number().int(),
  /** The reminders the on-time share is taken over (decided, owed, wanted). */
  counted: z.number().int(),
  onTimeShare: shareValue,
});
export const FUNNEL_STEPS = ["prepared", "notified", "opened", "consented", "submitted", "completed"] as const;

/** Every indicator for one set of filters (`GET /api/staff/indicators`). Aggregates only: no person appears. */
export const indicatorReportSchema = z.object({
  filters: z.object({
    from: z.string(),
    to: z.string(),
    service: z.string().nullable(),
    agency: z.string().nullable(),
    ward: z.string().nullable(),
    /** Set by the staff member's scope (a department officer's agency, a ward officer's ward): cannot be changed. */
    fixed: z.object({ agency: z.boolean(), ward: z.boolean() }),
  }),
  generatedAt: z.string(),
  reminders: z.object({ appliesTo, target: z.number(), total: reminderCountsSchema, byService: z.array(reminderCountsSchema.extend({ service: z.string() })) }),
  funnel: z.object({
    appliesTo,
    /** Drafts prepared in the period that reached each step (`opened`: an `opened` event or a consent). */
    steps: z.array(z.object({ step: z.enum(FUNNEL_STEPS), count: z.number().int() })),
  }),
  noticeToConsent: z.object({ appliesTo, drafts: z.number().int(), medianMs: z.number().nullable() }),
  satisfaction: z.object({ appliesTo, target: z.number(), ratings: z.number().int(), satisfied: z.number().int(), share: shareValue, byScore: z.array(z.object({ score: z.number().int(), count: z.number().int() })) }),
  faq: z.object({
    appliesTo,
    /** Questions put to the FAQ on the period's days; answered: its top match was confident (a "did you mean" is not answered). */
    asked: z.number().int(),
    answered: z.number().int(),
    /** `answered / asked`, null when nothing was asked. */
    answeredShare: shareValue,
    /** Requests for a person (typed in any words, or the button): counted apart, in neither `asked` nor `answered`. */
    personRequests: z.number().int(),
    /** Unanswered questions logged with their text (for staff to turn into entries), distinct by folded form, and since answered by staff. */
    unanswered: z.number().int(),
    distinctUnanswered: z.number().int(),
    resolvedByStaff: z.number().int(),
    byChannel: z.array(
      z.object({
        channel: z.enum(["bot", "api", "mini_app"]),
        asked: z.number().int(),
        answered: z.number().int(),
        answeredShare: shareValue,
        personRequests: z.number().int(),
        logged: z.number().int(),
        distinct: z.number().int(),
        resolved: z.number().int(),
      }),
    ),
  }),
  handover: z.object({
    appliesTo,
    targetWorkingMs: z.number(),
    opened: z.number().int(),
    answered: z.number().int(),
    unanswered: z.number().int(),
    medianMs: z.number().nullable(),
    medianWorkingMs: z.number().nullable(),
    withinTarget: z.number().int(),
    withinTargetShare: shareValue,
  }),
  delivery: z.object({
    appliesTo,
    channels: z.array(z.object({ channel: z.enum(CHANNELS), queued: z.number().int(), sent: z.number().int(), delivered: z.number().int(), failed: z.number().int(), cancelled: z.number().int() })),
  }),
  /** Plan 920 row 1: children reminded at the right milestone, over every birth received in the period. */
  birthsReminded: z.object({
    appliesTo,
    target: z.number(),
    births: z.number().int(),
    onTime: z.number().int(),
    /** `onTime / births`: the denominator is the births received, not the reminders planned. */
    share: shareValue,
    byOutcome: z.array(z.object({ outcome: z.enum(CHILD_REMINDER_OUTCOMES), count: z.number().int() })),
  }),
  /** Sơn La 169 (2026): from opening the prepared draft to the consent that files it, under 5 minutes on average. */
  draftToSubmission: z.object({
    appliesTo,
    targetMs: z.number(),
    drafts: z.number().int(),
    meanMs: z.number().nullable(),
    medianMs: z.number().nullable(),
    p90Ms: z.number().nullable(),
    withinTarget: z.number().int(),
  }),
  /** The case system's processing time: from `received` to the result (`completed` or `rejected`), for results in the period. */
  processingTime: z.object({
    appliesTo,
    total: z.object({ cases: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() }),
    byService: z.array(z.object({ service: z.string(), cases: z.number().int(), completed: z.number().int(), rejected: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() })),
  }),
  /** People found in the period, by the source that found them (population data, departments' lists, certificates). */
  citizenSources: z.object({ appliesTo, sources: z.array(z.object({ source: z.enum(CITIZEN_SOURCES), people: z.number().int() })) }),
});
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;
export type ReminderCounts = z.infer<typeof reminderCountsSchema>;
