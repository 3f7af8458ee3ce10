/**
 * The PostgreSQL tables: a mirror of `schema.ts` (the SQLite tables, where every table and column
 * is documented) in PostgreSQL's own types. Each column has the same name and the same TypeScript
 * type as its SQLite twin, so the data-access functions written once serve both engines;
 * `schema-parity.test.ts` compares the two. Change both together, then `pnpm db:generate`.
 *
 * Instants are `timestamptz(3)` (JavaScript Dates hold milliseconds), flags `boolean`, JSON `jsonb`,
 * files `bytea`, serial ids `bigint` identities. `faq_entries`, `submissions`, `outbox` and
 * `inbox` also carry a `rowid` identity: SQLite's implicit insertion order, which their queries
 * sort by (the outbox: a recipient's messages go in the order queued; the inbox: a sender's events
 * are processed in the order stored).
 */
import { customType, bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { DRAFT_PARTY_ROLES, type CampaignFilterRow, type DraftFieldRow, type ImportProblemCount } from "./schema.js";

const instant = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
const createdAt = () => instant("created_at").notNull().defaultNow();
const json = <T>(name: string) => jsonb(name).$type<T>();
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
/** SQLite's implicit rowid, for the tables whose queries keep insertion order. */
const rowid = () => bigint("rowid", { mode: "number" }).generatedByDefaultAsIdentity().notNull();

export const persons = pgTable(
  "persons",
  {
    id: text("id").primaryKey(),
    nationalId: text("national_id"),
    fullName: text("full_name").notNull(),
    nameKey: text("name_key").notNull(),
    dateOfBirth: text("date_of_birth"),
    sex: text("sex", { enum: ["male", "female"] }),
    ethnicity: text("ethnicity"),
    nationality: text("nationality"),
    phone: text("phone"),
    residenceWardCode: text("residence_ward_code"),
    residenceAddress: text("residence_address"),
    hometown: text("hometown"),
    factsSource: text("facts_source", { enum: ["population_data"] }),
    factsSourceRef: text("facts_source_ref"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [uniqueIndex("persons_national_id_uq").on(t.nationalId), index("persons_phone_idx").on(t.phone)],
);

export const wards = pgTable("wards", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  provinceCode: text("province_code").notNull(),
});

export const zaloUsers = pgTable(
  "zalo_users",
  {
    id: text("id").primaryKey(),
    oaUserId: text("oa_user_id"),
    displayName: text("display_name"),
    phone: text("phone"),
    phoneLinkedAt: instant("phone_linked_at"),
    contactPhone: text("contact_phone"),
    contactPhoneAt: instant("contact_phone_at"),
    follower: boolean("follower").notNull().default(false),
    lastInteractionAt: instant("last_interaction_at"),
    optedOutAt: instant("opted_out_at"),
    notificationPrefs: json<{ services?: Record<string, boolean>; channels?: Record<string, boolean> }>("notification_prefs").notNull().default({}),
    language: text("language", { enum: ["vi", "en"] }).notNull().default("vi"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [index("zalo_users_phone_idx").on(t.phone), index("zalo_users_contact_phone_idx").on(t.contactPhone), uniqueIndex("zalo_users_oa_user_id_uq").on(t.oaUserId)],
);

export const machineClients = pgTable(
  "machine_clients",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    scopes: json<string[]>("scopes").notNull(),
    apiKeyHash: text("api_key_hash").notNull(),
    createdAt: createdAt(),
    disabledAt: instant("disabled_at"),
  },
  (t) => [uniqueIndex("machine_clients_key_uq").on(t.apiKeyHash)],
);

export const birthEvents = pgTable(
  "birth_events",
  {
    id: text("id").primaryKey(),
    certificateNo: text("certificate_no").notNull(),
    payloadHash: text("payload_hash").notNull(),
    payload: json<unknown>("payload").notNull(),
    facilityCode: text("facility_code").notNull(),
    childBornAt: instant("child_born_at").notNull(),
    motherPersonId: text("mother_person_id").notNull().references(() => persons.id),
    fatherPersonId: text("father_person_id").references(() => persons.id),
    clientId: text("client_id").notNull().references(() => machineClients.id),
    receivedAt: createdAt(),
  },
  (t) => [uniqueIndex("birth_events_certificate_uq").on(t.certificateNo), index("birth_events_mother_idx").on(t.motherPersonId), index("birth_events_father_idx").on(t.fatherPersonId)],
);

export const deathEvents = pgTable(
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
  (t) => [uniqueIndex("death_events_notice_uq").on(t.noticeNo), index("death_events_deceased_idx").on(t.deceasedPersonId)],
);

export const drafts = pgTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    service: text("service").notNull(),
    /** The national procedure it is filed under; null when the sources do not settle it (shared/domain/filing.ts). */
    procedureCode: text("procedure_code"),
    birthEventId: text("birth_event_id").references(() => birthEvents.id),
    deathEventId: text("death_event_id").references(() => deathEvents.id),
    documentId: text("document_id").references(() => documents.id),
    documentExpiresOn: text("document_expires_on"),
    subjectPersonId: text("subject_person_id").references(() => persons.id),
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
    index("drafts_service_status_due_idx").on(t.service, t.status, t.dueBy),
  ],
);

export const draftAttachments = pgTable(
  "draft_attachments",
  {
    id: text("id").primaryKey(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    key: text("key").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content"),
    blobKey: text("blob_key"),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  (t) => [uniqueIndex("draft_attachments_key_uq").on(t.draftId, t.key), index("draft_attachments_user_idx").on(t.zaloUserId)],
);

export const draftParties = pgTable(
  "draft_parties",
  {
    draftId: text("draft_id").notNull().references(() => drafts.id),
    personId: text("person_id").notNull().references(() => persons.id),
    role: text("role", { enum: DRAFT_PARTY_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.personId] }), index("draft_parties_person_idx").on(t.personId)],
);

export const draftEvents = pgTable(
  "draft_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    draftId: text("draft_id").notNull().references(() => drafts.id),
    kind: text("kind", { enum: ["draft_created", "notified", "opened", "consented", "consent_voided", "submitted", "status"] }).notNull(),
    at: instant("at").notNull(),
    data: json<Record<string, string>>("data").notNull().default({}),
  },
  (t) => [index("draft_events_draft_idx").on(t.draftId, t.id)],
);

export const consents = pgTable(
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
    uniqueIndex("consents_active_version_uq").on(t.draftId, t.draftVersion).where(sql`voided_at is null`),
  ],
);

export const submissions = pgTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    rowid: rowid(),
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
    supplementOf: text("supplement_of").references((): AnyPgColumn => submissions.id),
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

export const submissionStatusHistory = pgTable(
  "submission_status_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    submissionId: text("submission_id").notNull().references(() => submissions.id),
    status: text("status").notNull(),
    note: text("note"),
    at: instant("at").notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index("submission_history_idx").on(t.submissionId, t.id)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["notification", "case_submission"] }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    channel: text("channel").notNull(),
    fallbackChannels: json<string[]>("fallback_channels").notNull().default([]),
    personId: text("person_id").references(() => persons.id),
    recipientKey: text("recipient_key"),
    payload: json<Record<string, unknown>>("payload").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "delivered", "failed", "cancelled", "held"] }).notNull().default("pending"),
    priority: integer("priority").notNull().default(1),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull(),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    providerRef: text("provider_ref"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
    sentAt: instant("sent_at"),
    deliveredAt: instant("delivered_at"),
    seenAt: instant("seen_at"),
    rowid: rowid(),
  },
  (t) => [uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey), index("outbox_claim_idx").on(t.status, t.channel, t.priority, t.nextAttemptAt, t.recipientKey), index("outbox_recipient_idx").on(t.recipientKey, t.priority).where(sql`status in ('pending', 'sending')`), index("outbox_provider_ref_idx").on(t.providerRef), index("outbox_person_idx").on(t.personId), index("outbox_created_idx").on(t.createdAt)],
);

export const inbox = pgTable(
  "inbox",
  {
    id: text("id").primaryKey(),
    source: text("source", { enum: ["zalo_webhook", "case_status"] }).notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    payload: json<unknown>("payload").notNull(),
    receivedAt: createdAt(),
    processedAt: instant("processed_at"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    lockedUntil: instant("locked_until"),
    senderKey: text("sender_key"),
    rowid: rowid(),
  },
  (t) => [uniqueIndex("inbox_dedupe_uq").on(t.source, t.dedupeKey), index("inbox_unprocessed_idx").on(t.processedAt), index("inbox_sender_idx").on(t.senderKey).where(sql`processed_at is null`)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
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
    index("audit_actor_idx").on(t.actorKind, t.actorId, t.id),
    index("audit_request_idx").on(t.requestId),
  ],
);

export const botSessions = pgTable("bot_sessions", {
  zaloUserId: text("zalo_user_id").primaryKey().references(() => zaloUsers.id),
  data: json<Record<string, unknown>>("data").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

export const handoverTickets = pgTable(
  "handover_tickets",
  {
    id: text("id").primaryKey(),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    status: text("status", { enum: ["open", "closed"] }).notNull(),
    reason: text("reason"),
    openedAt: instant("opened_at").notNull(),
    firstResponseAt: instant("first_response_at"),
    closedAt: instant("closed_at"),
    closedBy: text("closed_by"),
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

export const handoverMessages = pgTable(
  "handover_messages",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    ticketId: text("ticket_id").notNull().references(() => handoverTickets.id),
    from: text("from", { enum: ["citizen", "bot", "staff"] }).notNull(),
    text: text("text").notNull(),
    at: instant("at").notNull(),
  },
  (t) => [index("handover_messages_ticket_idx").on(t.ticketId, t.id)],
);

export const faqUnanswered = pgTable(
  "faq_unanswered",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    question: text("question").notNull(),
    questionKey: text("question_key").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull(),
    topScore: integer("top_score_pct").notNull(),
    topEntryId: text("top_entry_id"),
    channel: text("channel", { enum: ["bot", "api", "mini_app"] }).notNull(),
    at: instant("at").notNull(),
    resolvedEntryId: text("resolved_entry_id"),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [index("faq_unanswered_key_idx").on(t.questionKey), index("faq_unanswered_open_idx").on(t.resolvedAt, t.questionKey)],
);

export const faqDailyCounts = pgTable(
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

export const faqEntries = pgTable(
  "faq_entries",
  {
    id: text("id").primaryKey(),
    rowid: rowid(),
    topic: text("topic").notNull(),
    questionVi: text("question_vi").notNull(),
    questionEn: text("question_en").notNull(),
    alternatives: json<{ vi: string[]; en: string[] }>("alternatives").notNull(),
    answerVi: text("answer_vi").notNull(),
    answerEn: text("answer_en").notNull(),
    sourceTitle: text("source_title").notNull(),
    sourceRef: text("source_ref").notNull(),
    service: text("service"),
    origin: text("origin", { enum: ["builtin", "staff"] }).notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: instant("updated_at").notNull(),
    updatedBy: text("updated_by"),
    retiredAt: instant("retired_at"),
  },
);

export const satisfactionRatings = pgTable(
  "satisfaction_ratings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    submissionId: text("submission_id").notNull().references(() => submissions.id),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    at: instant("at").notNull(),
  },
  (t) => [uniqueIndex("ratings_submission_user_uq").on(t.submissionId, t.zaloUserId), index("ratings_user_idx").on(t.zaloUserId)],
);

export const oaTokens = pgTable("oa_tokens", {
  oaId: text("oa_id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  expiresAt: instant("expires_at").notNull(),
  lockedBy: text("locked_by"),
  lockedUntil: instant("locked_until"),
  updatedAt: instant("updated_at").notNull(),
});

export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey(),
    serviceKey: text("service_key").notNull(),
    documentNo: text("document_no").notNull(),
    holderKind: text("holder_kind", { enum: ["person", "organization"] }).notNull(),
    holderName: text("holder_name").notNull(),
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
  (t) => [
    uniqueIndex("documents_service_no_uq").on(t.serviceKey, t.documentNo),
    index("documents_phone_idx").on(t.phone),
    index("documents_holder_id_idx").on(t.holderId),
    // The indicators count the documents that came in a period (people found by departments' lists).
    index("documents_created_at_idx").on(t.createdAt),
  ],
);

export const reminders = pgTable(
  "reminders",
  {
    id: text("id").primaryKey(),
    subject: text("subject", { enum: ["document", "vaccination", "person"] }).notNull().default("document"),
    documentId: text("document_id").references(() => documents.id),
    birthEventId: text("birth_event_id").references(() => birthEvents.id),
    doseKey: text("dose_key"),
    personId: text("person_id").references(() => persons.id),
    serviceKey: text("service_key").notNull(),
    dueOn: text("due_on").notNull(),
    step: text("step").notNull(),
    nextAt: instant("next_at").notNull(),
    status: text("status", { enum: ["planned", "queued", "cancelled", "skipped"] }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    outboxId: text("outbox_id"),
    reason: text("reason"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("reminders_idempotency_uq").on(t.idempotencyKey),
    index("reminders_planned_idx").on(t.nextAt).where(sql`status = 'planned'`),
    index("reminders_skipped_idx").on(t.updatedAt).where(sql`status = 'skipped'`),
    index("reminders_document_only_idx").on(t.documentId),
    index("reminders_birth_event_only_idx").on(t.birthEventId),
    index("reminders_person_only_idx").on(t.personId),
    index("reminders_next_at_idx").on(t.nextAt),
  ],
);

export const imports = pgTable(
  "imports",
  {
    id: text("id").primaryKey(),
    fileName: text("file_name").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    kind: text("kind", { enum: ["licences", "payment_beneficiaries"] }).notNull().default("licences"),
    importedBy: text("imported_by").notNull(),
    agency: text("agency"),
    status: text("status", { enum: ["running", "finished", "failed"] }).notNull().default("running"),
    stage: text("stage", { enum: ["reading", "applying"] }),
    error: text("error"),
    startedAt: instant("started_at").notNull(),
    finishedAt: instant("finished_at"),
    rows: integer("rows").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    problems: integer("problems").notNull().default(0),
    rejectedNotKept: integer("rejected_not_kept").notNull().default(0),
    problemCounts: json<ImportProblemCount[]>("problem_counts").notNull().default([]),
    filePath: text("file_path"),
    leaseHolder: text("lease_holder"),
    leaseUntil: instant("lease_until"),
    attempts: integer("attempts").notNull().default(1),
    report: json<{ row: number; column: string; reason: string; values: Record<string, string> }[]>("report").notNull().default([]),
    legacyReportBytes: integer("legacy_report_bytes"),
  },
  (t) => [index("imports_running_idx").on(t.status).where(sql`status = 'running'`)],
);

export const importFiles = pgTable("import_files", {
  importId: text("import_id").primaryKey().references(() => imports.id, { onDelete: "cascade" }),
  content: bytea("content").notNull(),
  bytes: integer("bytes").notNull(),
  sha256: text("sha256").notNull(),
});

export const attachmentBlobs = pgTable("attachment_blobs", {
  key: text("key").primaryKey(),
  content: bytea("content").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: instant("created_at").notNull(),
});

export const importRejectedRows = pgTable(
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

export const staffUsers = pgTable(
  "staff_users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "department", "ward_officer", "communicator", "viewer"] }).notNull(),
    agency: text("agency"),
    wardCode: text("ward_code"),
    createdAt: createdAt(),
    disabledAt: instant("disabled_at"),
  },
  (t) => [uniqueIndex("staff_users_username_uq").on(t.username)],
);

export const loginThrottle = pgTable(
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

export const staffSessions = pgTable(
  "staff_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    staffId: text("staff_id").notNull().references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    clientKey: text("client_key"),
  },
  (t) => [index("staff_sessions_staff_idx").on(t.staffId)],
);

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    bodyVi: text("body_vi").notNull(),
    bodyEn: text("body_en").notNull(),
    linkUrl: text("link_url"),
    filters: json<CampaignFilterRow>("filters").notNull().default({}),
    status: text("status", { enum: ["draft", "scheduled", "sending", "paused", "completed", "cancelled"] }).notNull().default("draft"),
    scheduledAt: instant("scheduled_at"),
    materialisedAt: instant("materialised_at"),
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

export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    campaignId: text("campaign_id").notNull().references(() => campaigns.id),
    zaloUserId: text("zalo_user_id").notNull().references(() => zaloUsers.id),
    status: text("status", { enum: ["pending", "queued", "opted_out", "unreachable", "cancelled"] }).notNull(),
    outboxId: text("outbox_id"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.zaloUserId] }), index("campaign_recipients_status_idx").on(t.campaignId, t.status), index("campaign_recipients_outbox_idx").on(t.outboxId), index("campaign_recipients_user_idx").on(t.zaloUserId)],
);


export const leases = pgTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: instant("expires_at").notNull(),
  acquiredAt: instant("acquired_at").notNull(),
});

export const channelBudget = pgTable(
  "channel_budget",
  {
    channel: text("channel").notNull(),
    window: text("period").notNull(),
    used: integer("used").notNull().default(0),
    cap: integer("cap").notNull(),
    granted: integer("granted").notNull().default(0),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.window] }), index("channel_budget_expires_idx").on(t.expiresAt)],
);

export const worklistContacts = pgTable(
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
    followUpOn: text("follow_up_on"),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [uniqueIndex("worklist_contacts_draft_seq_uq").on(t.draftId, t.seq), index("worklist_contacts_staff_idx").on(t.staffId)],
);

export const paymentLists = pgTable(
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

export const paymentListImports = pgTable("payment_list_imports", {
  importId: text("import_id").primaryKey().references(() => imports.id, { onDelete: "cascade" }),
  listId: text("list_id").notNull().references(() => paymentLists.id),
});

export const paymentBeneficiaries = pgTable(
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

export const populationRecords = pgTable(
  "population_records",
  {
    personId: text("person_id").primaryKey().references(() => persons.id),
    nationalId: text("national_id").notNull(),
    record: json<Record<string, unknown>>("record").notNull(),
    recordUpdatedAt: instant("record_updated_at").notNull(),
    deceased: boolean("deceased").notNull().default(false),
    batchId: text("batch_id").notNull(),
    clientId: text("client_id").notNull().references(() => machineClients.id),
    receivedAt: instant("received_at").notNull(),
    plannedRules: integer("planned_rules").notNull().default(0),
  },
  (t) => [uniqueIndex("population_records_national_id_uq").on(t.nationalId), index("population_records_planning_idx").on(t.plannedRules, t.personId)],
);

export const populationBatches = pgTable(
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
