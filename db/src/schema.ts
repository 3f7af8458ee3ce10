/**
 * The one place the database schema lives. Migrations are generated from it with
 * `pnpm --filter @hccd/db generate` (drizzle-kit) and committed; they run at start-up.
 * Instants are stored as integer milliseconds (UTC); calendar dates as `YYYY-MM-DD` text.
 */
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

const instant = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () => instant("created_at").notNull().default(sql`(unixepoch('subsec') * 1000)`);
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/** People the province knows: from birth certificates, population data and imports. */
export const persons = sqliteTable(
  "persons",
  {
    id: text("id").primaryKey(),
    nationalId: text("national_id"),
    fullName: text("full_name").notNull(),
    /** Tone placement, case and spacing folded: see `nameKey` in @hccd/shared. */
    nameKey: text("name_key").notNull(),
    dateOfBirth: text("date_of_birth"),
    sex: text("sex", { enum: ["male", "female"] }),
    ethnicity: text("ethnicity"),
    nationality: text("nationality"),
    /** Mobile number in the `84…` form. */
    phone: text("phone"),
    residenceWardCode: text("residence_ward_code"),
    residenceAddress: text("residence_address"),
    /**
     * Quê quán as the population database holds it (Luật Căn cước 2023 art. 9(1) lists it among
     * that database's data): the only source we have for it; certificates and lists do not carry it.
     */
    hometown: text("hometown"),
    /**
     * Where the person's name, date of birth, sex, phone and residence come from: `population_data`
     * (contract 5, which outranks the others, Đề án 06) with `facts_source_ref` its batch; null for a
     * person recorded from a certificate, a notice or a citizen's own input.
     */
    factsSource: text("facts_source", { enum: ["population_data"] }),
    factsSourceRef: text("facts_source_ref"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("persons_national_id_uq").on(t.nationalId), index("persons_phone_idx").on(t.phone)],
);

/** Wards (xã/phường) of the province: registration places and residence. */
export const wards = sqliteTable("wards", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  provinceCode: text("province_code").notNull(),
});

/** Zalo users who opened the Mini App or talked to the OA. `id` is the app-scoped Zalo user id (a string: ids exceed 2^53). */
export const zaloUsers = sqliteTable(
  "zalo_users",
  {
    id: text("id").primaryKey(),
    /** The OA-scoped id (`idByOA`), the one OA messages are addressed to. */
    oaUserId: text("oa_user_id"),
    displayName: text("display_name"),
    /**
     * The phone Zalo verified (the Mini App's one-time phone token, exchanged server-side): the only
     * phone that says who the user is, so the only one that opens drafts, documents and notices.
     */
    phone: text("phone"),
    phoneLinkedAt: instant("phone_linked_at"),
    /**
     * A phone the user typed into the OA's information form (`user_submit_info`): anyone can type
     * anyone's number there, so it is contact data only — to reach the user, never to authorise.
     */
    contactPhone: text("contact_phone"),
    contactPhoneAt: instant("contact_phone_at"),
    follower: integer("follower", { mode: "boolean" }).notNull().default(false),
    /** Last message or action from the user to the OA: decides whether a customer-service message is allowed (7 days). */
    lastInteractionAt: instant("last_interaction_at"),
    /** Set when the user opted out of reminders and campaigns; null when they receive them. */
    optedOutAt: instant("opted_out_at"),
    /** Per-service and per-channel choices (`{services:{key:false}, channels:{sms:false}}`); absent means "yes". */
    notificationPrefs: json<{ services?: Record<string, boolean>; channels?: Record<string, boolean> }>("notification_prefs").notNull().default({}),
    language: text("language", { enum: ["vi", "en"] }).notNull().default("vi"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("zalo_users_phone_idx").on(t.phone), index("zalo_users_contact_phone_idx").on(t.contactPhone), uniqueIndex("zalo_users_oa_user_id_uq").on(t.oaUserId)],
);

/** Machine clients (hospitals, the case system): each API key is bound to one client. Only a hash of the key is kept. */
export const machineClients = sqliteTable(
  "machine_clients",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** Which integration endpoints the client may call. */
    scopes: json<string[]>("scopes").notNull(),
    apiKeyHash: text("api_key_hash").notNull(),
    createdAt: createdAt(),
    disabledAt: instant("disabled_at"),
  },
  (t) => [uniqueIndex("machine_clients_key_uq").on(t.apiKeyHash)],
);

/** Electronic birth certificates received (contract 1), kept as received. */
export const birthEvents = sqliteTable(
  "birth_events",
  {
    id: text("id").primaryKey(),
    certificateNo: text("certificate_no").notNull(),
    /** SHA-256 of the canonical payload: a repeat with the same hash is idempotent, another is a conflict. */
    payloadHash: text("payload_hash").notNull(),
    payload: json<unknown>("payload").notNull(),
    facilityCode: text("facility_code").notNull(),
    childBornAt: instant("child_born_at").notNull(),
    motherPersonId: text("mother_person_id").notNull().references(() => persons.id),
    fatherPersonId: text("father_person_id").references(() => persons.id),
    clientId: text("client_id").notNull().references(() => machineClients.id),
    receivedAt: createdAt(),
  },
  // A parent's children (the citizen's home, the bot's deadlines) are read by either parent.
  (t) => [uniqueIndex("birth_events_certificate_uq").on(t.certificateNo), index("birth_events_mother_idx").on(t.motherPersonId), index("birth_events_father_idx").on(t.fatherPersonId)],
);

export type DraftFieldRow = {
  value: string | number | null;
  source: "birth_certificate" | "death_notice" | "population_data" | "business_registry" | "department_list" | "derived" | "default" | "citizen" | null;
  sourceRef?: string;
  sourceOf?: "father" | "mother" | "parents";
  proposals?: { value: string; source: "birth_certificate" | "death_notice" | "population_data" | "business_registry" | "department_list" | "derived" | "default" | "citizen"; sourceOf: "father" | "mother" | "parents" }[];
  editable: boolean;
  required: boolean;
  kind: "text" | "name" | "date" | "datetime" | "sex" | "ward" | "count" | "phone" | "select";
  options?: string[];
};

/** Who a draft is for and who may act on it: parents of a birth, the informant of a death, a document's holder. */
export const DRAFT_PARTY_ROLES = ["mother", "father", "informant", "holder"] as const;

/** Death notices received (contract 2), kept as received. */
export const deathEvents = sqliteTable(
  "death_events",
  {
    id: text("id").primaryKey(),
    noticeNo: text("notice_no").notNull(),
    payloadHash: text("payload_hash").notNull(),
    payload: json<unknown>("payload").notNull(),
    facilityCode: text("facility_code").notNull(),
    diedAt: instant("died_at").notNull(),
    deceasedPersonId: text("deceased_person_id").notNull().references(() => persons.id),
    informantPersonId: text("informant_person_id").notNull().references(() => persons.id),
    clientId: text("client_id").notNull().references(() => machineClients.id),
    receivedAt: createdAt(),
  },
  // The deceased's index: reminders from population data stop for a person with a death notice.
  (t) => [uniqueIndex("death_events_notice_uq").on(t.noticeNo), index("death_events_deceased_idx").on(t.deceasedPersonId)],
);

/** Prefilled draft dossiers waiting for a citizen's review and consent. */
export const drafts = sqliteTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    /** The catalogue's service key (`birth-registration`, `tour-guide-card`, …). */
    service: text("service").notNull(),
    /** The national procedure it is filed under; null when the sources do not settle it (the citizen files it, see shared/domain/filing.ts). */
    procedureCode: text("procedure_code"),
    birthEventId: text("birth_event_id").references(() => birthEvents.id),
    deathEventId: text("death_event_id").references(() => deathEvents.id),
    /** For a renewal: the document it renews, and the expiry it renews from (a re-import with a new expiry is a new draft). */
    documentId: text("document_id").references(() => documents.id),
    documentExpiresOn: text("document_expires_on"),
    /** For a draft population data prepared about a person (a child's ID card, plan 920 row 2): who it is about; one draft per person and service. */
    subjectPersonId: text("subject_person_id").references(() => persons.id),
    /** Bumped on every change; edits must quote the version they saw. */
    version: integer("version").notNull().default(1),
    fields: json<Record<string, DraftFieldRow>>("fields").notNull(),
    status: text("status", { enum: ["open", "consented", "submitted", "closed"] }).notNull().default("open"),
    dueBy: text("due_by").notNull(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("drafts_birth_event_uq").on(t.birthEventId),
    uniqueIndex("drafts_death_event_uq").on(t.deathEventId),
    uniqueIndex("drafts_document_expiry_uq").on(t.documentId, t.documentExpiresOn),
    uniqueIndex("drafts_subject_person_uq").on(t.service, t.subjectPersonId),
    index("drafts_created_idx").on(t.createdAt),
    // The ward officers' worklist reads the open drafts of a service, most urgent deadline first.
    index("drafts_service_status_due_idx").on(t.service, t.status, t.dueBy),
  ],
);

/** Papers a citizen adds to a draft because no register holds them (e.g. a health certificate). */
export const draftAttachments = sqliteTable(
  "draft_attachments",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    /** The catalogue's attachment key; one file per key (a new upload replaces the old one). */
    key: text("key").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** The bytes of a paper stored before the blob store (issue 14); null once they live in it (`blobKey`). */
    content: blob("content", { mode: "buffer" }),
    /** Where the bytes live in the blob store (`attachment_blobs` or ATTACHMENTS_DIR); null for a row whose bytes are in `content`. */
    blobKey: text("blob_key"),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  // Indexed by user as well: a foreign key to zalo_users, checked when a user row is written.
  (t) => [uniqueIndex("draft_attachments_key_uq").on(t.draftId, t.key), index("draft_attachments_user_idx").on(t.zaloUserId)],
);

/** Who may see and act on a draft (for a birth: the child's mother and father). */
export const draftParties = sqliteTable(
  "draft_parties",
  {
    draftId: text("draft_id").notNull().references(() => drafts.id),
    personId: text("person_id").notNull().references(() => persons.id),
    role: text("role", { enum: DRAFT_PARTY_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.personId] }), index("draft_parties_person_idx").on(t.personId)],
);

/** The draft's history as the citizen sees it (timeline). */
export const draftEvents = sqliteTable(
  "draft_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: text("draft_id").notNull().references(() => drafts.id),
        /** `opened`: a party of the draft first opened it (once per draft; the funnel's "opened" step). */
    kind: text("kind", { enum: ["draft_created", "notified", "opened", "consented", "consent_voided", "submitted", "status"] }).notNull(),
    at: instant("at").notNull(),
    data: json<Record<string, string>>("data").notNull().default({}),
  },
  (t) => [index("draft_events_draft_idx").on(t.draftId, t.id)],
);

/**
 * Consents: who, when, the content hash of exactly what was shown, and the consent text version
 * (Law 91/2025/QH15 on personal data: consent must be specific and kept as evidence).
 */
export const consents = sqliteTable(
  "consents",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    draftVersion: integer("draft_version").notNull(),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    personId: text("person_id").notNull().references(() => persons.id),
    role: text("role", { enum: DRAFT_PARTY_ROLES }).notNull(),
    contentHash: text("content_hash").notNull(),
    consentTextVersion: text("consent_text_version").notNull(),
    consentedAt: instant("consented_at").notNull(),
    voidedAt: instant("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [
    index("consents_draft_idx").on(t.draftId),
    index("consents_user_idx").on(t.zaloUserId, t.consentedAt),
    // One consent in force per draft version: of two requests consenting at once, one stores it.
    uniqueIndex("consents_active_version_uq").on(t.draftId, t.draftVersion).where(sql`voided_at is null`),
  ],
);

/** A consented dossier on its way to, and through, the provincial case system. */
export const submissions = sqliteTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    consentId: text("consent_id").notNull().references(() => consents.id),
    procedureCode: text("procedure_code").notNull(),
    status: text("status", { enum: ["queued", "sent", "received", "processing", "need_more_info", "rejected", "completed", "cancelled"] }).notNull(),
    caseId: text("case_id"),
    receiptNo: text("receipt_no"),
    resultRef: text("result_ref"),
    /**
     * For a supplement (the citizen's answer to `need_more_info`): the submission it answers. A
     * supplement carries the same `caseId` from the start: it goes to that case, not a new one.
     */
    supplementOf: text("supplement_of").references((): AnySQLiteColumn => submissions.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  // One case per first submission (supplements share their case); one live supplement answers a request.
  (t) => [
    uniqueIndex("submissions_case_id_uq").on(t.caseId).where(sql`supplement_of is null`),
    // A callback finds its case's submissions through this one (the partial index serves only first submissions).
    index("submissions_case_id_idx").on(t.caseId),
    uniqueIndex("submissions_supplement_uq").on(t.supplementOf).where(sql`supplement_of is not null and status <> 'cancelled'`),
    // The self-reference's own index: without it SQLite scans the table on every insert to check the key.
    index("submissions_supplement_of_idx").on(t.supplementOf),
    index("submissions_draft_idx").on(t.draftId),
    // One submission per consent (and so per consented draft version): also the index the foreign
    // key to consents is checked through.
    uniqueIndex("submissions_consent_uq").on(t.consentId),
  ],
);

export const submissionStatusHistory = sqliteTable(
  "submission_status_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: text("submission_id").notNull().references(() => submissions.id),
    status: text("status").notNull(),
    note: text("note"),
    at: instant("at").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index("submission_history_idx").on(t.submissionId, t.id)],
);

/**
 * Outbox: every outbound message and submission is stored here before it is sent, sent at most
 * once per idempotency key, retried with backoff (GOV.UK Notify's model: persist, queue the id,
 * the worker reloads by id).
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["notification", "case_submission"] }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /**
     * A channel's name (`OUTBOX_CHANNELS` in @hccd/shared; bot-server's channel registry knows
     * each): plain text here, so that adding a channel changes no schema.
     */
    channel: text("channel").notNull(),
    /** Channels still to try after this one, for failover on permanent errors. */
    fallbackChannels: json<string[]>("fallback_channels").notNull().default([]),
    personId: text("person_id").references(() => persons.id),
    /**
     * Who the message goes to, whatever the channel (`oa:<OA user id>`, else `phone:<number>`): a
     * recipient's messages of one priority are handed out in the order they were queued (rowid),
     * one at a time (see `claimDueOutbox`). Null (a dossier for the case system): no order kept.
     */
    recipientKey: text("recipient_key"),
    payload: json<Record<string, unknown>>("payload").notNull(),
    /** `held`: a paused campaign's message, not claimed until the campaign resumes (or is cancelled). */
    status: text("status", { enum: ["pending", "sending", "sent", "delivered", "failed", "cancelled", "held"] }).notNull().default("pending"),
    /**
     * Which rows of a channel are claimed first: 0 transactional (notices, dossier status, case
     * submissions, chat replies), 1 reminders, 2 campaign traffic. See `OUTBOX_PRIORITIES`.
     */
    priority: integer("priority").notNull().default(1),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    /** While `sending`, the lease: after it passes, a crashed send is picked up again. */
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    providerRef: text("provider_ref"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
    sentAt: instant("sent_at"),
    /** From Zalo's receipts (`user_received_message`, `user_seen_message`). */
    deliveredAt: instant("delivered_at"),
    seenAt: instant("seen_at"),
  },
  // The claim walks (status, channel, priority, next_attempt_at) once per priority of a channel:
  // each walk reads only the index (the recipient is in it) and stops at the batch, so its cost
  // follows what is due. The recipient's index holds only rows still waiting or being sent: the
  // claim asks it whether an earlier message to the same recipient is still in the way.
  (t) => [uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey), index("outbox_claim_idx").on(t.status, t.channel, t.priority, t.nextAttemptAt, t.recipientKey), index("outbox_recipient_idx").on(t.recipientKey, t.priority).where(sql`status in ('pending', 'sending')`), index("outbox_provider_ref_idx").on(t.providerRef), index("outbox_person_idx").on(t.personId), index("outbox_created_idx").on(t.createdAt)],
);

/** Inbox: every inbound event is stored (deduplicated) before it is acknowledged. */
export const inbox = sqliteTable(
  "inbox",
  {
    id: text("id").primaryKey(),
    source: text("source", { enum: ["zalo_webhook", "case_status"] }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    payload: json<unknown>("payload").notNull(),
    receivedAt: createdAt(),
    processedAt: instant("processed_at"),
    /** Processing attempts; an event that keeps failing is set aside (processed with its error) for staff. */
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** While an instance processes the event, its claim: another instance takes it after this passes (that one died). */
    lockedUntil: instant("locked_until"),
    /**
     * Whose event it is (`zalo:<OA user id>`): one sender's events are handed out one at a time,
     * in the order stored (rowid), so that two instances never answer a citizen's second message
     * before their first (see `claimInboxEvents`). Null: no order kept (receipts, case statuses).
     */
    senderKey: text("sender_key"),
  },
  (t) => [uniqueIndex("inbox_dedupe_uq").on(t.source, t.dedupeKey), index("inbox_unprocessed_idx").on(t.processedAt), index("inbox_sender_idx").on(t.senderKey).where(sql`processed_at is null`)],
);

/** Audit log: every machine call, citizen action on personal data and staff read. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: instant("at").notNull(),
    actorKind: text("actor_kind", { enum: ["machine", "citizen", "staff", "system"] }).notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    targetKind: text("target_kind"),
    targetId: text("target_id"),
    requestId: text("request_id"),
    details: json<Record<string, unknown>>("details").notNull().default({}),
  },
  (t) => [
    index("audit_target_idx").on(t.targetKind, t.targetId),
    index("audit_at_idx").on(t.at),
    // The console's audit search by actor and by request id (keyset pages by id).
    index("audit_actor_idx").on(t.actorKind, t.actorId, t.id),
    index("audit_request_idx").on(t.requestId),
  ],
);

/** Conversation state per Zalo user (grammY-style session storage). */
export const botSessions = sqliteTable("bot_sessions", {
  zaloUserId: text("zalo_user_id").primaryKey().references(() => zaloUsers.id),
  data: json<Record<string, unknown>>("data").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/** A conversation the bot handed to a person. While open, the bot stays quiet for that user. */
export const handoverTickets = sqliteTable(
  "handover_tickets",
  {
    id: text("id").primaryKey(),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    /** What the citizen last asked before asking for a person. */
    reason: text("reason"),
    openedAt: instant("opened_at").notNull(),
    firstResponseAt: instant("first_response_at"),
    closedAt: instant("closed_at"),
    closedBy: text("closed_by"),
    /**
     * The staff member who took the conversation on (a claim, or the first reply): shown to every
     * officer who sees the ticket; set once, by a conditional update (`claimTicket`).
     */
    claimedBy: text("claimed_by"),
    claimedAt: instant("claimed_at"),
  },
  (t) => [
    index("handover_user_status_idx").on(t.zaloUserId, t.status),
    index("handover_status_idx").on(t.status, t.openedAt),
    // One open ticket per citizen, across instances: the loser of a race answers with the winner's (`openHandover`).
    uniqueIndex("handover_one_open_uq").on(t.zaloUserId).where(sql`status = 'open'`),
  ],
);

export const handoverMessages = sqliteTable(
  "handover_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: text("ticket_id").notNull().references(() => handoverTickets.id),
    from: text("from", { enum: ["citizen", "bot", "staff"] }).notNull(),
    text: text("text").notNull(),
    at: instant("at").notNull(),
  },
  (t) => [index("handover_messages_ticket_idx").on(t.ticketId, t.id)],
);

/** Questions the FAQ could not answer confidently, for staff to turn into entries. */
export const faqUnanswered = sqliteTable(
  "faq_unanswered",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    question: text("question").notNull(),
    /** Folded form, to count the same question typed differently. */
    questionKey: text("question_key").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull(),
    topScore: integer("top_score_pct").notNull(),
    topEntryId: text("top_entry_id"),
    channel: text("channel", { enum: ["bot", "api", "mini_app"] }).notNull(),
    at: instant("at").notNull(),
    /** Set when staff answered it: the entry written (or chosen) for this question. */
    resolvedEntryId: text("resolved_entry_id"),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [index("faq_unanswered_key_idx").on(t.questionKey), index("faq_unanswered_open_idx").on(t.resolvedAt, t.questionKey)],
);

/**
 * How many questions the FAQ was asked and how many it answered, per Vietnam day, channel and
 * language: the denominator of the answered rate (indicators). Counts only, no question text.
 * A request for a person ("gặp cán bộ", typed in any words, or the button) is not a question the
 * FAQ answers: it is counted apart, in `person_requests`, and in neither `asked` nor `answered`.
 */
export const faqDailyCounts = sqliteTable(
  "faq_daily_counts",
  {
    day: text("day").notNull(),
    channel: text("channel", { enum: ["bot", "api", "mini_app"] }).notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull(),
    asked: integer("asked").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    personRequests: integer("person_requests").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.channel, t.language] })],
);

/**
 * The FAQ as staff keep it: the built-in entries (bot-server/src/faq/content) are copied in at
 * start-up when missing, and staff edit, add and retire entries here; the bot answers from this table.
 */
export const faqEntries = sqliteTable(
  "faq_entries",
  {
    id: text("id").primaryKey(),
    topic: text("topic").notNull(),
    questionVi: text("question_vi").notNull(),
    questionEn: text("question_en").notNull(),
    alternatives: json<{ vi: string[]; en: string[] }>("alternatives").notNull(),
    answerVi: text("answer_vi").notNull(),
    answerEn: text("answer_en").notNull(),
    sourceTitle: text("source_title").notNull(),
    sourceRef: text("source_ref").notNull(),
    service: text("service"),
    /** `builtin`: copied from the shipped content (staff may still edit it); `staff`: written in the console. */
    origin: text("origin", { enum: ["builtin", "staff"] }).notNull(),
    /** Optimistic locking for the console's edit form. */
    version: integer("version").notNull().default(1),
    updatedAt: instant("updated_at").notNull(),
    updatedBy: text("updated_by"),
    /** Retired entries are kept (the unanswered log and audit refer to them) but not answered from. */
    retiredAt: instant("retired_at"),
  },
);

/** Satisfaction after a completed dossier: one rating per submission and user. */
export const satisfactionRatings = sqliteTable(
  "satisfaction_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: text("submission_id").notNull().references(() => submissions.id),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    at: instant("at").notNull(),
  },
  (t) => [uniqueIndex("ratings_submission_user_uq").on(t.submissionId, t.zaloUserId), index("ratings_user_idx").on(t.zaloUserId)],
);

/**
 * The OA's token pair (live mode). Refresh tokens are single-use: the new pair is stored before
 * it is used, under a lease so only one process refreshes at a time.
 */
export const oaTokens = sqliteTable("oa_tokens", {
  oaId: text("oa_id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  expiresAt: instant("expires_at").notNull(),
  /** Who holds the refresh lease, and until when. */
  lockedBy: text("locked_by"),
  lockedUntil: instant("locked_until"),
  updatedAt: instant("updated_at").notNull(),
});

/** Licences and certificates with an expiry, from departments' lists (contract 4). */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    serviceKey: text("service_key").notNull(),
    documentNo: text("document_no").notNull(),
    holderKind: text("holder_kind", { enum: ["person", "organization"] }).notNull(),
    holderName: text("holder_name").notNull(),
    /** 12-digit ID number of a person or the tax code of an organization. */
    holderId: text("holder_id"),
    phone: text("phone"),
    issuedOn: text("issued_on"),
    expiresOn: text("expires_on").notNull(),
    wardCode: text("ward_code"),
    address: text("address"),
    lastImportId: text("last_import_id"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  // A citizen's documents are found by phone or by the ID number behind it (the home screen):
  // without the holder index that was a scan of every document, 40 ms at 241,000.
  (t) => [
    uniqueIndex("documents_service_no_uq").on(t.serviceKey, t.documentNo),
    index("documents_phone_idx").on(t.phone),
    index("documents_holder_id_idx").on(t.holderId),
    // The indicators count the documents that came in a period (people found by departments' lists).
    index("documents_created_at_idx").on(t.createdAt),
  ],
);

/**
 * Planned reminders: each document knows its next reminder time, so the sweep reads what is due
 * through an index and its cost grows with what is due, not with the size of the tables.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: text("id").primaryKey(),
    /** What the reminder is about: an expiring document, or a child's vaccination dose (planned from a birth). */
    subject: text("subject", { enum: ["document", "vaccination", "person"] }).notNull().default("document"),
    documentId: text("document_id").references(() => documents.id),
    birthEventId: text("birth_event_id").references(() => birthEvents.id),
    /** For a vaccination: which dose (`vaccine#dose`, e.g. `opv#2`). */
    doseKey: text("dose_key"),
    /** For a deadline from population data (subject `person`): whose card or registration it is. */
    personId: text("person_id").references(() => persons.id),
    serviceKey: text("service_key").notNull(),
    /** The deadline the reminder is about (the expiry, or the dose's earliest recommended date). */
    dueOn: text("due_on").notNull(),
    /** The notice step (ISO 8601 duration before the deadline). */
    step: text("step").notNull(),
    nextAt: instant("next_at").notNull(),
    status: text("status", { enum: ["planned", "queued", "cancelled", "skipped"] }).notNull(),
    /** Document, deadline and step: never sent twice, across restarts and re-imports. */
    idempotencyKey: text("idempotency_key").notNull(),
    outboxId: text("outbox_id"),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  // Status is kept out of the indexes: the sweep changes it on every reminder it takes, and each
  // indexed status is one more random page written per reminder. Partial indexes find what is
  // planned (the sweep) and what was skipped (staff) — queries must say the status literally.
  (t) => [
    uniqueIndex("reminders_idempotency_uq").on(t.idempotencyKey),
    index("reminders_planned_idx").on(t.nextAt).where(sql`status = 'planned'`),
    index("reminders_skipped_idx").on(t.updatedAt).where(sql`status = 'skipped'`),
    index("reminders_document_only_idx").on(t.documentId),
    index("reminders_birth_event_only_idx").on(t.birthEventId),
    index("reminders_person_only_idx").on(t.personId),
    // Indicators read reminders by the moment they were due (a period), whatever their status.
    index("reminders_next_at_idx").on(t.nextAt),
  ],
);

/** What an import's report counts per column and reason (every problem, kept or not). */
export type ImportProblemCount = { column: string; reason: string; count: number };

/**
 * One import of a department's file. The file is read and checked to its end first (stage
 * `reading`: nothing is stored, so a file that cannot be read commits nothing), then its valid rows
 * are stored in batches (stage `applying`), each batch with the counts so far: an import whose
 * instance died is resumed by any instance once its lease runs out, from its file kept in
 * `import_files`, skipping the rows already stored.
 * Its rejected rows are kept, bounded, in `import_rejected_rows`.
 */
export const imports = sqliteTable(
  "imports",
  {
    id: text("id").primaryKey(),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    /** What the list is: contract 4's licences, or a payment programme's beneficiaries (services/payments). The resumer runs each kind's importer. */
    kind: text("kind", { enum: ["licences", "payment_beneficiaries"] }).notNull().default("licences"),
    importedBy: text("imported_by").notNull(),
    /** The importing officer's agency (department officers see their agency's imports); null for admins. */
    agency: text("agency"),
    /** `running` while rows are read (the `rows` count is the progress), then `finished`, or `failed` with `error`. */
    status: text("status", { enum: ["running", "finished", "failed"] }).notNull().default("running"),
    /** While `running`: `reading` (checking the whole file, nothing stored yet) or `applying` (storing valid rows). */
    stage: text("stage", { enum: ["reading", "applying"] }),
    error: text("error"),
    startedAt: instant("started_at").notNull(),
    finishedAt: instant("finished_at"),
    rows: integer("rows").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    /** Rows rejected (all of them, kept in the report or not). */
    rejected: integer("rejected").notNull().default(0),
    /** Problems found (a row may have several; all of them, kept or not). */
    problems: integer("problems").notNull().default(0),
    /** Rejected rows whose details were not kept (the report keeps the first ones). */
    rejectedNotKept: integer("rejected_not_kept").notNull().default(0),
    /** Problems per column and reason, most frequent first (bounded). */
    problemCounts: json<ImportProblemCount[]>("problem_counts").notNull().default([]),
    /**
     * The working copy of the file on the host that started the import (removed when it ends). The
     * file itself is kept in `import_files` for every instance; an import the CLI started is kept here only.
     */
    filePath: text("file_path"),
    /** Who runs it (`host:pid:boot`) and until when that claim holds without news: an import of a dead process is resumed. */
    leaseHolder: text("lease_holder"),
    leaseUntil: instant("lease_until"),
    /** How many processes have started on it: one that died twice is failed, not resumed a third time. */
    attempts: integer("attempts").notNull().default(1),
    /**
     * Before issue 13 the whole report was one JSON value here (472 MB for one crafted file). Never
     * read whole: emptied at start-up into `import_rejected_rows` (boundLegacyImportReports), with
     * the stored size recorded in `legacyReportBytes` when only its beginning could be kept.
     */
    report: json<{ row: number; column: string; reason: string; values: Record<string, string> }[]>("report").notNull().default([]),
    legacyReportBytes: integer("legacy_report_bytes"),
  },
  (t) => [index("imports_running_idx").on(t.status).where(sql`status = 'running'`)],
);

/**
 * The uploaded file of a running import, kept in the database (bounded by IMPORT_MAX_BYTES) so that
 * any instance can resume or fail the import when the one running it dies; removed when it ends.
 */
export const importFiles = sqliteTable("import_files", {
  importId: text("import_id").primaryKey().references(() => imports.id, { onDelete: "cascade" }),
  content: blob("content", { mode: "buffer" }).notNull(),
  bytes: integer("bytes").notNull(),
  sha256: text("sha256").notNull(),
});

/**
 * The rejected rows of an import, first ones first and at most a bounded number per import: the
 * row as given (each value cut to a bounded length, `truncated` saying which and how long it was),
 * and each of its problems. File-level problems (the header row) have no values.
 */
export const importRejectedRows = sqliteTable(
  "import_rejected_rows",
  {
    importId: text("import_id").notNull().references(() => imports.id, { onDelete: "cascade" }),
    row: integer("row").notNull(),
    values: json<Record<string, string>>("values").notNull().default({}),
    truncated: json<Record<string, number>>("truncated").notNull().default({}),
    problems: json<{ column: string; reason: string }[]>("problems").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.row] })],
);

/**
 * Staff accounts (province centre, departments, ward officers). Passwords are kept only as scrypt
 * hashes. A department officer acts only on their agency's services, a ward officer only on their
 * ward's people.
 */
export const staffUsers = sqliteTable(
  "staff_users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "department", "ward_officer", "communicator", "viewer"] }).notNull(),
    /** Department officers: the lead agency (its Vietnamese name, as in the catalogue). */
    agency: text("agency"),
    /** Ward officers: their ward. */
    wardCode: text("ward_code"),
    createdAt: createdAt(),
    disabledAt: instant("disabled_at"),
  },
  (t) => [uniqueIndex("staff_users_username_uq").on(t.username)],
);

/**
 * Failed staff logins, counted in windows, in the database so that every instance sees the same
 * counts. Three kinds of bucket: `user_client` (one username from one client: what an attacker at
 * one address can try), `client` (one client, any usernames: spraying) and `user` (one username
 * from every client: guessing from many addresses; it does not apply to a client the user logged
 * in from before, so nobody can keep a staff member out of their usual office). A bucket over its
 * limit is blocked until `blockedUntil`; the count starts again when its window or block is over.
 * Keys are the username as typed and the client's address (IPv6: its /64); '' where not part of the key.
 */
export const loginThrottle = sqliteTable(
  "login_throttle",
  {
    scope: text("scope", { enum: ["user_client", "client", "user"] }).notNull(),
    username: text("username").notNull(),
    client: text("client").notNull(),
    windowStart: instant("window_start").notNull(),
    failures: integer("failures").notNull(),
    blockedUntil: instant("blocked_until"),
  },
  (t) => [primaryKey({ columns: [t.scope, t.username, t.client] }), index("login_throttle_window_idx").on(t.windowStart)],
);

/** Staff sessions: only a hash of the session token is kept. */
export const staffSessions = sqliteTable(
  "staff_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    staffId: text("staff_id").notNull().references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    /** The client (address, IPv6 /64) the session was opened from: a staff member's known places. */
    clientKey: text("client_key"),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);

/** Who a campaign is for: every filter left out matches everyone. */
export type CampaignFilterRow = {
  wardCode?: string;
  /** Holders of a document of this catalogue service (documents table, by phone). */
  serviceKey?: string;
  ageBand?: string;
  holderKind?: "person" | "organization";
  follower?: boolean;
  language?: "vi" | "en";
};

/**
 * A broadcast to a target group (seed 000, plan 2049: messages by target group, the communication
 * week, invitations to follow the OA). Composed in vi and en; sent through the outbox.
 */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    /** Optional https link under the message (an OA button). */
    linkUrl: text("link_url"),
    filters: json<CampaignFilterRow>("filters").notNull().default({}),
    /** `sending`: the audience is being materialised and fed to the outbox in waves; `completed` when nothing is left to send. */
    status: text("status", { enum: ["draft", "scheduled", "sending", "paused", "completed", "cancelled"] }).notNull().default("draft"),
    scheduledAt: instant("scheduled_at"),
    /** Set once every audience member has a recipient row: from then on only waves are fed. */
    materialisedAt: instant("materialised_at"),
    /** The last Zalo user id materialised (the audience is walked in id order, in batches). */
    cursor: text("cursor"),
    createdBy: text("created_by").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
    startedAt: instant("started_at"),
    completedAt: instant("completed_at"),
    cancelledAt: instant("cancelled_at"),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.scheduledAt)],
);

/**
 * One row per audience member of a sent campaign. The primary key (campaign, Zalo user) is what
 * makes "never twice in one campaign" a constraint; excluded members are kept with the reason so
 * the counts are exact.
 */
export const campaignRecipients = sqliteTable(
  "campaign_recipients",
  {
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    /** `pending`: waiting for its wave; `queued`: in the outbox (`outbox_id`); the others were excluded. */
    status: text("status", { enum: ["pending", "queued", "opted_out", "unreachable", "cancelled"] }).notNull(),
    outboxId: text("outbox_id"),
    createdAt: instant("created_at").notNull(),
  },
  // By user too: a foreign key to zalo_users, checked when a user row is written.
  (t) => [primaryKey({ columns: [t.campaignId, t.zaloUserId] }), index("campaign_recipients_status_idx").on(t.campaignId, t.status), index("campaign_recipients_outbox_idx").on(t.outboxId), index("campaign_recipients_user_idx").on(t.zaloUserId)],
);

/**
 * Leases for what must run once across instances (the reminder sweep, campaign waves, a
 * scheduler's leader): whoever holds an unexpired lease runs it; an instance that dies hands over
 * when its lease expires. Taken and renewed only by conditional writes (access/leases.ts).
 */
/**
 * Files kept by the database blob store (attachments when ATTACHMENTS_DIR is not set): the key the
 * owning row names, the bytes and their SHA-256, checked when read.
 */
export const attachmentBlobs = sqliteTable("attachment_blobs", {
  key: text("key").primaryKey(),
  content: blob("content", { mode: "buffer" }).notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: instant("created_at").notNull(),
});

export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: instant("expires_at").notNull(),
  acquiredAt: instant("acquired_at").notNull(),
});

/**
 * What a channel may still send in a window, shared by every instance: one row per channel and
 * window (`s<epoch second>` for the per-second throttle, `d<Vietnam date>` for a daily quota such
 * as ZNS's). `used` only grows, by conditional writes that never pass `cap` (access/channel-budget.ts);
 * a provider saying the quota is spent lowers `cap` to `used`. Rows past `expires_at` are removed.
 */
export const channelBudget = sqliteTable(
  "channel_budget",
  {
    channel: text("channel").notNull(),
    window: text("period").notNull(),
    used: integer("used").notNull().default(0),
    cap: integer("cap").notNull(),
    /** Granted by the last claim (set with `used`, read back by RETURNING: the grant is `min(n, cap - used)`). */
    granted: integer("granted").notNull().default(0),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.window] }), index("channel_budget_expires_idx").on(t.expiresAt)],
);

/**
 * A ward officer's contact with a family about a birth or death registration draft on the ward's
 * worklist (when, how, what came of it). The latest contact (highest `seq`) decides whether the item
 * is put off to `followUpOn` or ended (`registered_directly`); consent or submission ends it on its own.
 * `seq` counts a draft's contacts: two officers saving on the same state at once store one (unique).
 */
export const worklistContacts = sqliteTable(
  "worklist_contacts",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    seq: integer("seq").notNull(),
    staffId: text("staff_id").notNull().references(() => staffUsers.id),
    contactedAt: instant("contacted_at").notNull(),
    method: text("method", { enum: ["phone_call", "home_visit", "at_ward_office", "message", "other"] }).notNull(),
    outcome: text("outcome", { enum: ["reached", "no_answer", "wrong_contact", "registered_directly"] }).notNull(),
    note: text("note"),
    /** The day the item comes back on the list (null when the outcome ends the follow-up). */
    followUpOn: text("follow_up_on"),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [uniqueIndex("worklist_contacts_draft_seq_uq").on(t.draftId, t.seq), index("worklist_contacts_staff_idx").on(t.staffId)],
);

/**
 * A payment list of a proactive payment programme (shared/src/domain/payment-programmes.ts) for one
 * payment date: built from the department's imported lists while `draft`, approved once by a staff
 * member (`approved`: no import changes it any more), then every beneficiary told (`notified`).
 * One list per programme and date: importing again adds to or corrects the same draft.
 */
export const paymentLists = sqliteTable(
  "payment_lists",
  {
    id: text("id").primaryKey(),
    programmeKey: text("programme_key").notNull(),
    paymentDate: text("payment_date").notNull(),
    status: text("status", { enum: ["draft", "approved", "notified"] }).notNull().default("draft"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
    approvedBy: text("approved_by"),
    approvedAt: instant("approved_at"),
    notifiedAt: instant("notified_at"),
  },
  (t) => [uniqueIndex("payment_lists_programme_date_uq").on(t.programmeKey, t.paymentDate), index("payment_lists_status_idx").on(t.status)],
);

/** Which payment list an import of beneficiaries fills (so that any instance resuming the import knows). */
export const paymentListImports = sqliteTable("payment_list_imports", {
  importId: text("import_id").primaryKey().references(() => imports.id, { onDelete: "cascade" }),
  listId: text("list_id").notNull().references(() => paymentLists.id),
});

/**
 * A person on a payment list, as the department's list gives them (one per ID number per list), and
 * what became of their notice: `pending` until the list is approved, then `queued` (the outbox row),
 * or `unreachable` / `opted_out` (staff see them: nobody is dropped silently). A mistake they report
 * opens a handover ticket (`mistakeTicketId`).
 */
export const paymentBeneficiaries = sqliteTable(
  "payment_beneficiaries",
  {
    id: text("id").primaryKey(),
    listId: text("list_id").notNull().references(() => paymentLists.id),
    nationalId: text("national_id").notNull(),
    fullName: text("full_name").notNull(),
    dateOfBirth: text("date_of_birth"),
    category: text("category").notNull(),
    amountVnd: integer("amount_vnd").notNull(),
    accountNo: text("account_no"),
    bank: text("bank"),
    phone: text("phone"),
    wardCode: text("ward_code"),
    address: text("address"),
    lastImportId: text("last_import_id"),
    noticeStatus: text("notice_status", { enum: ["pending", "queued", "unreachable", "opted_out"] }).notNull().default("pending"),
    noticeOutboxId: text("notice_outbox_id"),
    mistakeReportedAt: instant("mistake_reported_at"),
    mistakeTicketId: text("mistake_ticket_id"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("payment_beneficiaries_list_person_uq").on(t.listId, t.nationalId), index("payment_beneficiaries_notice_idx").on(t.listId, t.noticeStatus), index("payment_beneficiaries_phone_idx").on(t.phone)],
);

/**
 * Residents as the province's data-sharing platform pushed them (contract 5): the latest record held
 * per person, kept whole as the source of the facts copied to `persons` and of the deadlines planned
 * from it. A record older than the one held (`record_updated_at`) changes nothing.
 */
export const populationRecords = sqliteTable(
  "population_records",
  {
    personId: text("person_id").primaryKey().references(() => persons.id),
    nationalId: text("national_id").notNull(),
    record: json<Record<string, unknown>>("record").notNull(),
    /** The record's own `updatedAt` (the platform's instant): what decides newer, unchanged or stale. */
    recordUpdatedAt: instant("record_updated_at").notNull(),
    deceased: integer("deceased", { mode: "boolean" }).notNull().default(false),
    /** The batch that brought this version, and the client that sent it. */
    batchId: text("batch_id").notNull(),
    clientId: text("client_id").notNull().references(() => machineClients.id),
    receivedAt: instant("received_at").notNull(),
    /**
     * The version of the rules from population data (`POPULATION_RULES_VERSION`) last run over
     * this record: lower, and the planner runs them (again). 0 when stored: a record is planned
     * outside the request that brought it; every record held once new rules are deployed.
     */
    plannedRules: integer("planned_rules").notNull().default(0),
  },
  (t) => [uniqueIndex("population_records_national_id_uq").on(t.nationalId), index("population_records_planning_idx").on(t.plannedRules, t.personId)],
);

/**
 * Population batches received (contract 5): the same batch id again answers the stored result and
 * changes nothing. The row is written first in the batch's transaction, so two instances given the
 * same batch at once store it once: the second waits on the key, then answers as the repeat.
 */
export const populationBatches = sqliteTable(
  "population_batches",
  {
    clientId: text("client_id").notNull().references(() => machineClients.id),
    batchId: text("batch_id").notNull(),
    result: json<{ accepted: number; unchanged: number; stale: number; rejected: { index: number; fields: { path: string; message: string }[] }[] }>("result").notNull(),
    /**
     * The batch's valid records not stored yet (in ID-number order): a batch is stored a slice per
     * transaction, so a webhook waits for a slice, not for a batch; `result` holds the counts so far.
     * A repeat of an unfinished batch (the first request died, or another instance is at it) stores
     * the slices left; 0 once done (and for the batches stored whole before).
     */
    remaining: integer("remaining").notNull().default(0),
    receivedAt: instant("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.batchId] })],
);
