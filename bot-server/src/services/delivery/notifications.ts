import { channelsFor, restrictChannels, i18nFor, nextSendableAt, serviceByKey, type CaseStatus, type Channel, type Language, type PopulationService } from "@hccd/shared";
import { enqueueOutbox, enqueueOutboxRows, findZaloUsersByPhones, type Db, type NewOutboxRow, type OutboxPriority, type ZaloUser } from "@hccd/db";
import type { Config } from "../../config.js";
import type { OaButton } from "../../adapters/zalo/types.js";

export type { OaButton };

/** What we tell a citizen. Parameters are plain text; rendering happens per channel at send time. */
export type NotificationMessage =
  | {
      type: "birth_draft_ready";
      draftId: string;
      params: { parentName: string; birthDate: string; facilityName: string; dueBy: string };
    }
  | {
      type: "death_draft_ready";
      draftId: string;
      params: { informantName: string; deceasedName: string; dueBy: string };
    }
  /**
   * Plan 920 row 2: a child under 6 has no ID card in population data; the application is prepared
   * for the parent to check and file themselves (level 2). `dueBy`: the last day the child is under 6.
   */
  | {
      type: "child_id_card_draft_ready";
      draftId: string;
      params: { parentName: string; childName: string; dueBy: string };
    }
  | {
      type: "dossier_status";
      draftId: string;
      status: CaseStatus;
      /** `dossierName`: which procedure, lower-case as it reads after "hồ sơ" (rows queued before it existed are birth registrations). */
      /** `note`: the case system's, already made fit for a citizen (citizenCaseNote); `respondBy`: the last day to answer `need_more_info`. */
      params: { parentName: string; receiptNo: string; note: string | null; respondBy?: string; dossierName?: { vi: string; en: string } };
    }
  /** A document (licence, certificate) nears its expiry (reminder engine). */
  | {
      type: "document_expiry";
      documentId: string;
      /** The catalogue service: its own reminder text is used when it has one. */
      serviceKey?: string;
      params: { holderName: string; serviceName: { vi: string; en: string }; documentNo: string; expiresOn: string; fileBy: string };
    }
  /** A child's vaccination dose is coming (reminder to a parent, planned from the birth). */
  | {
      type: "vaccination_due";
      birthEventId: string;
      params: { parentName: string; doseName: { vi: string; en: string }; dueOn: string; birthDate: string };
    }
  /**
   * A proactive payment (services/payments): the person is on an approved payment list and is told
   * what they will receive, when and how; the OA message's button reports a mistake.
   */
  | {
      type: "payment_notice";
      beneficiaryId: string;
      serviceKey: string;
      params: { fullName: string; programmeName: { vi: string; en: string }; amountVnd: number; paymentDate: string; channel: "bank_account" | "cash_at_ward"; payer: string };
    }
  /**
   * A deadline found in population data (contract 5): an ID card to renew, a temporary residence
   * or a household health insurance card about to end. To the person, or to a minor's parent
   * (`childName` set). `documentNo` is masked: the message names the card, it does not carry it.
   */
  | {
      type: "population_deadline";
      serviceKey: PopulationService;
      params: { recipientName: string; childName: string | null; documentNo: string | null; dueOn: string; fileBy: string };
    }
  /** A chat reply or prompt from the bot, already in the user's language. OA only. */
  | { type: "chat"; text: string; buttons: OaButton[] };

/** Stored in the outbox row: enough to send on any channel without reading other tables. */
export interface NotificationPayload {
  [key: string]: unknown;
  message: NotificationMessage;
  /** The Mini App link the message's button opens (none for chat messages). */
  link?: string;
  recipient: { oaUserId: string | null; phone: string | null; language: Language };
}

/**
 * Whom a message reaches, whatever the channel carrying it: their Zalo user when we know it, else
 * their phone. The outbox sends one recipient's messages (of one priority) in the order queued,
 * including over a fallback from OA to ZNS or SMS, which keeps the recipient.
 */
export function recipientKeyOf(recipient: NotificationPayload["recipient"]): string | null {
  return recipient.oaUserId ? `oa:${recipient.oaUserId}` : recipient.phone ? `phone:${recipient.phone}` : null;
}

/** The Mini App's base: the dev server in sim mode, `zalo.me/s/<app id>` live. */
function miniAppBase(config: Config): string {
  const base = config.MINI_APP_URL ?? (config.ZALO_MODE === "live" ? `https://zalo.me/s/${config.ZALO_APP_ID}` : "http://localhost:5173");
  return base.replace(/\/+$/, "");
}

/** The Mini App link that opens a draft. */
export function draftLink(config: Config, draftId: string): string {
  return `${miniAppBase(config)}/?draft=${encodeURIComponent(draftId)}`;
}

/** The Mini App's home (where a citizen sees what is coming and what to do). */
export function appLink(config: Config): string {
  return `${miniAppBase(config)}/`;
}

/**
 * The renewal link of a reminder: the Mini App opened on that document of that service (renewal,
 * and for household health insurance the online payment, seed 000 row 6), so the button lands
 * where the citizen acts, not on a search.
 */
export function renewalLink(config: Config, serviceKey: string | undefined, documentId: string): string {
  const query = new URLSearchParams({ ...(serviceKey ? { service: serviceKey } : {}), document: documentId });
  return `${miniAppBase(config)}/?${query}`;
}

/** The Mini App link of a service's procedure guidance (papers, fee, where and how to file). */
export function guidanceLink(config: Config, serviceKey: string): string {
  return `${miniAppBase(config)}/?${new URLSearchParams({ guide: serviceKey })}`;
}

/**
 * Where a document reminder's button leads: the renewal draft, for a service that prepares one for
 * an expiring document; else the service's procedure guidance (level 1: the reminder is all the
 * system does, so the button must say how to do the rest, never "no draft here").
 */
export function documentReminderLink(config: Config, serviceKey: string | undefined, documentId: string): string {
  const entry = serviceKey ? serviceByKey(serviceKey) : undefined;
  if (entry && !(entry.draft && entry.trigger.kind === "document-expiry")) return guidanceLink(config, entry.key);
  return renewalLink(config, serviceKey, documentId);
}

/** `2026-11-20` → `20/11/2026`, the way dates are written in Vietnamese documents. */
export function vnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

/** The catalogue service a message is about (the citizen's per-service choices apply to it), or null for chat and status. */
export function serviceKeyOf(m: NotificationMessage): string | null {
  switch (m.type) {
    case "birth_draft_ready": return "birth-registration";
    case "death_draft_ready": return "death-registration";
    case "child_id_card_draft_ready": return "child-id-card";
    case "document_expiry": return m.serviceKey ?? null;
    case "vaccination_due": return "child-vaccination";
    case "payment_notice": return m.serviceKey;
    case "population_deadline": return m.serviceKey;
    default: return null;
  }
}

/**
 * Which of a channel's due messages go first (the outbox claims by it): what the citizen is
 * waiting for now — a draft prepared for them, their dossier's status — before reminders of what
 * falls due later. Chat replies are transactional too (`enqueueChatMessage`), campaigns last.
 */
export function priorityOf(m: NotificationMessage): OutboxPriority {
  return m.type === "document_expiry" || m.type === "vaccination_due" || m.type === "population_deadline" ? "reminder" : "transactional";
}

export type EnqueueResult = { queued: true; channel: Channel; outboxId: string } | { queued: false; reason: "unreachable" | "opted_out" };

/**
 * Why a message is sent. Reminders and campaigns respect the user's opt-out; transactional messages
 * (the status of a dossier the citizen filed) are part of the service they asked for and always go.
 */
export type MessagePurpose = "reminder" | "transactional";

/** What `enqueueNotification` is asked to queue. */
export interface NotificationRequest {
  config: Config;
  now: Date;
  newId: () => string;
  recipient: { personId: string | null; phone: string | null };
  idempotencyKey: string;
  message: NotificationMessage;
  purpose: MessagePurpose;
  allowedChannels?: readonly Channel[];
}

/** A notification decided (`planNotifications`), not yet stored: the outbox row to store, or why none. */
export type NotificationPlan = { queued: true; row: NewOutboxRow } | { queued: false; reason: "unreachable" | "opted_out" };

/**
 * Queues a message to a person through the channel policy (design.md): an OA message when they
 * follow the OA and talked to it within 7 days, else ZNS to their phone, else SMS; narrowed to the
 * channels the service allows (`allowedChannels`, from the catalogue). Later channels are kept as
 * fallbacks for permanent failures. Quiet hours defer, never drop. Call inside the transaction that
 * records why the message is sent; the idempotency key keeps it to one message per reason.
 */
export async function enqueueNotification(db: Db, input: NotificationRequest): Promise<EnqueueResult> {
  return (await enqueueNotifications(db, await planNotifications(db, [input])))[0]!;
}

/**
 * Decides many notifications (a sweep's batch) as `enqueueNotification` does, reading the
 * recipients' Zalo accounts in one query; stores nothing.
 */
export async function planNotifications(db: Db, inputs: readonly NotificationRequest[]): Promise<NotificationPlan[]> {
  const phones = [...new Set(inputs.flatMap((i) => (i.recipient.phone ? [i.recipient.phone] : [])))];
  const byPhone = new Map<string, ZaloUser[]>();
  for (const u of await findZaloUsersByPhones(db, phones)) if (u.phone) (byPhone.get(u.phone) ?? byPhone.set(u.phone, []).get(u.phone)!).push(u);
  return inputs.map((input) => planNotification(input, input.recipient.phone ? [...(byPhone.get(input.recipient.phone) ?? [])] : []));
}

/** Stores decided notifications (`planNotifications`) in the outbox at once: each one's result, in order. */
export async function enqueueNotifications(db: Db, plans: readonly NotificationPlan[]): Promise<EnqueueResult[]> {
  const stored = await enqueueOutboxRows(db, plans.flatMap((p) => (p.queued ? [p.row] : [])));
  let next = 0;
  return plans.map((p) => {
    if (!p.queued) return p;
    const { row } = stored[next++]!;
    return { queued: true, channel: row.channel as Channel, outboxId: row.id };
  });
}

/** The channel policy for one message, given the Zalo accounts at the recipient's phone. */
function planNotification(input: NotificationRequest, zaloUsers: ZaloUser[]): NotificationPlan {
  const phone = input.recipient.phone;
  const serviceKey = serviceKeyOf(input.message);
  if (input.purpose === "reminder" && zaloUsers.some((u) => u.optedOutAt !== null || (serviceKey !== null && u.notificationPrefs.services?.[serviceKey] === false))) {
    return { queued: false, reason: "opted_out" };
  }
  const zaloUser = zaloUsers.sort((a, b) => (b.lastInteractionAt?.getTime() ?? 0) - (a.lastInteractionAt?.getTime() ?? 0))[0];
  // Channels the citizen turned off are not used for reminders; a dossier's status still finds a way.
  const refused = input.purpose === "reminder" ? new Set(zaloUsers.flatMap((u) => Object.entries(u.notificationPrefs.channels ?? {}).filter(([, on]) => on === false).map(([c]) => c))) : new Set<string>();
  const channels = restrictChannels(channelsFor(
    {
      zaloUserId: zaloUser?.oaUserId ?? null,
      follower: zaloUser?.follower ?? false,
      lastInteractionAt: zaloUser?.lastInteractionAt ?? null,
      phone,
    },
    input.now,
  ), input.allowedChannels).filter((c) => !refused.has(c));
  const [first, ...rest] = channels;
  if (!first) return { queued: false, reason: "unreachable" };
  const payload: NotificationPayload = {
    message: input.message,
    ...("draftId" in input.message ? { link: draftLink(input.config, input.message.draftId) } : input.message.type === "document_expiry" ? { link: documentReminderLink(input.config, input.message.serviceKey, input.message.documentId) } : input.message.type === "population_deadline" ? { link: guidanceLink(input.config, input.message.serviceKey) } : input.message.type === "vaccination_due" ? { link: appLink(input.config) } : {}),
    recipient: { oaUserId: zaloUser?.oaUserId ?? null, phone, language: zaloUser?.language ?? "vi" },
  };
  return {
    queued: true,
    row: {
      id: input.newId(),
      kind: "notification",
      idempotencyKey: input.idempotencyKey,
      channel: first,
      fallbackChannels: rest,
      personId: input.recipient.personId,
      recipientKey: recipientKeyOf(payload.recipient),
      priority: priorityOf(input.message),
      payload,
      nextAttemptAt: nextSendableAt(input.now, input.config.QUIET_HOURS),
      now: input.now,
    },
  };
}

/** The hidden payload of a payment notice's "report a mistake" button, followed by the beneficiary's id. */
export const PAYMENT_MISTAKE_PAYLOAD = "#payment-mistake:";

/** `1500000` → `1.500.000 đồng` (Vietnamese groups thousands with dots), `1,500,000 VND` in English. */
export function vndAmount(amountVnd: number, lang: Language): string {
  return lang === "vi" ? `${amountVnd.toLocaleString("de-DE")} đồng` : `${amountVnd.toLocaleString("en-US")} VND`;
}

/** The parameters of a payment notice as every channel words them. */
export function paymentNoticeParams(m: Extract<NotificationMessage, { type: "payment_notice" }>, lang: Language) {
  const t = i18nFor(lang).t;
  return { fullName: m.params.fullName, programmeName: m.params.programmeName[lang], amount: vndAmount(m.params.amountVnd, lang), paymentDate: vnDate(m.params.paymentDate), how: t(`notifications:paymentNotice.channel.${m.params.channel}`, { payer: m.params.payer }) };
}

/** A payment notice's words. */
export function paymentNoticeText(m: Extract<NotificationMessage, { type: "payment_notice" }>, lang: Language): string {
  return i18nFor(lang).t("notifications:paymentNotice.body", paymentNoticeParams(m, lang));
}

/** A document reminder's words: the service's own (catalogue) where it has them and `own` is allowed. */
export function documentExpiryText(m: Extract<NotificationMessage, { type: "document_expiry" }>, lang: Language, own: boolean): string {
  const t = i18nFor(lang).t;
  const serviceName = m.params.serviceName[lang];
  const params = { ...m.params, serviceName, documentName: serviceName, expiresOn: vnDate(m.params.expiresOn), fileBy: vnDate(m.params.fileBy) };
  const key = own && m.serviceKey ? `catalogue:${m.serviceKey}.reminder` : undefined;
  return key && i18nFor(lang).exists(key) ? t(key, params) : t("notifications:documentExpiry.body", params);
}

/** A population-data reminder's words (OA, SMS) and its ZNS template parameters: one subject and one action per service, to the person or to a minor's parent. */
export function populationDeadlineParams(m: Extract<NotificationMessage, { type: "population_deadline" }>, lang: Language): { recipientName: string; subject: string; action: string; dueOn: string; fileBy: string } {
  const t = i18nFor(lang).t;
  const whose = m.params.childName ? "child" : "own";
  return {
    recipientName: m.params.recipientName,
    subject: t(`notifications:populationDeadline.subject.${m.serviceKey}.${whose}`, { documentNo: m.params.documentNo ?? "", childName: m.params.childName ?? "" }),
    action: t(`notifications:populationDeadline.action.${m.serviceKey}`),
    dueOn: vnDate(m.params.dueOn),
    fileBy: vnDate(m.params.fileBy),
  };
}

/** "Please send it by …" after a `need_more_info` notice that has a deadline, else empty. */
export function respondByText(m: Extract<NotificationMessage, { type: "dossier_status" }>, lang: Language): string {
  return m.status === "need_more_info" && m.params.respondBy ? i18nFor(lang).t("notifications:dossierStatus.respondBy", { respondBy: vnDate(m.params.respondBy) }) : "";
}

/** "đăng ký khai sinh", as the procedure reads inside "hồ sơ … số …". */
export function dossierNameOf(m: Extract<NotificationMessage, { type: "dossier_status" }>, lang: Language): string {
  const name = m.params.dossierName?.[lang] ?? (lang === "vi" ? "Đăng ký khai sinh" : "Birth registration");
  return lang === "vi" ? name.charAt(0).toLowerCase() + name.slice(1) : name.toLowerCase();
}

/** The OA message (free text within the 7-day window) in the recipient's language. */
export function renderOaMessage(payload: NotificationPayload): { text: string; buttons: OaButton[] } {
  const m = payload.message;
  if (m.type === "chat") return { text: m.text, buttons: m.buttons };
  const t = i18nFor(payload.recipient.language).t;
  const link = payload.link ?? "";
  if (m.type === "document_expiry") {
    // The service's own reminder text (catalogue), else the generic one.
    const buttons: OaButton[] = link ? [{ type: "oa.open.url", title: t("notifications:documentExpiry.button"), url: link }] : [];
    // The procedure guide in the chat itself, for whoever would rather not open the app.
    if (m.serviceKey && serviceByKey(m.serviceKey)) buttons.push({ type: "oa.query.hide", title: t("notifications:documentExpiry.guideInChat"), payload: `#guide:${m.serviceKey}` });
    return { text: documentExpiryText(m, payload.recipient.language, true), buttons };
  }
  if (m.type === "vaccination_due") {
    const lang = payload.recipient.language;
    const params = { ...m.params, doseName: m.params.doseName[lang], dueOn: vnDate(m.params.dueOn), birthDate: vnDate(m.params.birthDate) };
    return { text: t("notifications:vaccinationDue.body", params), buttons: link ? [{ type: "oa.open.url", title: t("notifications:vaccinationDue.button"), url: link }] : [] };
  }
  if (m.type === "payment_notice") {
    const lang = payload.recipient.language;
    return {
      text: paymentNoticeText(m, lang),
      // A hidden query: the chat receives it as the beneficiary's own message, and the bot opens a ticket (bot/features/payment-mistake.ts).
      buttons: [{ type: "oa.query.hide", title: t("notifications:paymentNotice.button"), payload: `${PAYMENT_MISTAKE_PAYLOAD}${m.beneficiaryId}` }],
    };
  }
  if (m.type === "population_deadline") {
    return { text: t("notifications:populationDeadline.body", populationDeadlineParams(m, payload.recipient.language)), buttons: link ? [{ type: "oa.open.url", title: t("notifications:populationDeadline.button"), url: link }] : [] };
  }
  if (m.type === "birth_draft_ready") {
    const params = { ...m.params, birthDate: vnDate(m.params.birthDate), dueBy: vnDate(m.params.dueBy) };
    return {
      text: t("notifications:birthDraftReady.body", params),
      buttons: [{ type: "oa.open.url", title: t("notifications:birthDraftReady.button"), url: link }],
    };
  }
  if (m.type === "death_draft_ready") {
    return {
      text: t("notifications:deathDraftReady.body", { ...m.params, dueBy: vnDate(m.params.dueBy) }),
      buttons: [{ type: "oa.open.url", title: t("notifications:deathDraftReady.button"), url: link }],
    };
  }
  if (m.type === "child_id_card_draft_ready") {
    return {
      text: t("notifications:childIdCardDraftReady.body", { ...m.params, dueBy: vnDate(m.params.dueBy) }),
      buttons: [{ type: "oa.open.url", title: t("notifications:childIdCardDraftReady.button"), url: link }],
    };
  }
  // The text puts its own full stop after the note.
  const note = m.params.note?.replace(/[.\s]+$/, "") || t("notifications:noteMissing");
  const text = t(`notifications:dossierStatus.${m.status}`, { ...m.params, note, dossierName: dossierNameOf(m, payload.recipient.language) });
  return {
    text: [text, respondByText(m, payload.recipient.language)].filter(Boolean).join(" "),
    buttons: [{ type: "oa.open.url", title: t("notifications:dossierStatus.button"), url: link }],
  };
}

/**
 * Queues a chat message from the bot to a Zalo user (OA customer-service message: they just wrote
 * to the OA, so the 7-day window is open). Stored first like every outbound message; the key makes
 * a re-processed event produce no second reply.
 */
export async function enqueueChatMessage(db: Db, input: { now: Date; newId: () => string; oaUserId: string; personId?: string | null; language: Language; text: string; buttons?: OaButton[]; idempotencyKey: string }): Promise<string> {
  const payload: NotificationPayload = {
    message: { type: "chat", text: input.text, buttons: input.buttons ?? [] },
    recipient: { oaUserId: input.oaUserId, phone: null, language: input.language },
  };
  const { row } = await enqueueOutbox(db, {
    id: input.newId(),
    kind: "notification",
    idempotencyKey: input.idempotencyKey,
    channel: "oa",
    fallbackChannels: [],
    personId: input.personId ?? null,
    recipientKey: recipientKeyOf(payload.recipient),
    // A reply to someone who just wrote, or an officer's answer: they are waiting for it.
    priority: "transactional",
    payload,
    nextAttemptAt: input.now,
    now: input.now,
  });
  return row.id;
}
