import { channelsFor, restrictChannels, i18nFor, nextSendableAt, type CaseStatus, type Channel, type Language } from "@hccd/shared";
import { enqueueOutbox, findZaloUsersByPhones, type Db, type OutboxPriority } from "@hccd/db";
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
  | {
      type: "dossier_status";
      draftId: string;
      status: CaseStatus;
      /** `dossierName`: which procedure, lower-case as it reads after "hồ sơ" (rows queued before it existed are birth registrations). */
      params: { parentName: string; receiptNo: string; note: string | null; dossierName?: { vi: string; en: string } };
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
    case "document_expiry": return m.serviceKey ?? null;
    case "vaccination_due": return "child-vaccination";
    default: return null;
  }
}

/**
 * Which of a channel's due messages go first (the outbox claims by it): what the citizen is
 * waiting for now — a draft prepared for them, their dossier's status — before reminders of what
 * falls due later. Chat replies are transactional too (`enqueueChatMessage`), campaigns last.
 */
export function priorityOf(m: NotificationMessage): OutboxPriority {
  return m.type === "document_expiry" || m.type === "vaccination_due" ? "reminder" : "transactional";
}

export type EnqueueResult = { queued: true; channel: Channel; outboxId: string } | { queued: false; reason: "unreachable" | "opted_out" };

/**
 * Why a message is sent. Reminders and campaigns respect the user's opt-out; transactional messages
 * (the status of a dossier the citizen filed) are part of the service they asked for and always go.
 */
export type MessagePurpose = "reminder" | "transactional";

/**
 * Queues a message to a person through the channel policy (design.md): an OA message when they
 * follow the OA and talked to it within 7 days, else ZNS to their phone, else SMS; narrowed to the
 * channels the service allows (`allowedChannels`, from the catalogue). Later channels are kept as
 * fallbacks for permanent failures. Quiet hours defer, never drop. Call inside the transaction that
 * records why the message is sent; the idempotency key keeps it to one message per reason.
 */
export async function enqueueNotification(
  db: Db,
  input: { config: Config; now: Date; newId: () => string; recipient: { personId: string | null; phone: string | null }; idempotencyKey: string; message: NotificationMessage; purpose: MessagePurpose; allowedChannels?: readonly Channel[] },
): Promise<EnqueueResult> {
  const phone = input.recipient.phone;
  const zaloUsers = phone ? await findZaloUsersByPhones(db, [phone]) : [];
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
    ...("draftId" in input.message ? { link: draftLink(input.config, input.message.draftId) } : input.message.type === "document_expiry" ? { link: renewalLink(input.config, input.message.serviceKey, input.message.documentId) } : input.message.type === "vaccination_due" ? { link: appLink(input.config) } : {}),
    recipient: { oaUserId: zaloUser?.oaUserId ?? null, phone, language: zaloUser?.language ?? "vi" },
  };
  const { row } = await enqueueOutbox(db, {
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
  });
  return { queued: true, channel: row.channel as Channel, outboxId: row.id };
}

/** A document reminder's words: the service's own (catalogue) where it has them and `own` is allowed. */
export function documentExpiryText(m: Extract<NotificationMessage, { type: "document_expiry" }>, lang: Language, own: boolean): string {
  const t = i18nFor(lang).t;
  const serviceName = m.params.serviceName[lang];
  const params = { ...m.params, serviceName, documentName: serviceName, expiresOn: vnDate(m.params.expiresOn), fileBy: vnDate(m.params.fileBy) };
  const key = own && m.serviceKey ? `catalogue:${m.serviceKey}.reminder` : undefined;
  return key && i18nFor(lang).exists(key) ? t(key, params) : t("notifications:documentExpiry.body", params);
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
    return { text: documentExpiryText(m, payload.recipient.language, true), buttons: link ? [{ type: "oa.open.url", title: t("notifications:documentExpiry.button"), url: link }] : [] };
  }
  if (m.type === "vaccination_due") {
    const lang = payload.recipient.language;
    const params = { ...m.params, doseName: m.params.doseName[lang], dueOn: vnDate(m.params.dueOn), birthDate: vnDate(m.params.birthDate) };
    return { text: t("notifications:vaccinationDue.body", params), buttons: link ? [{ type: "oa.open.url", title: t("notifications:vaccinationDue.button"), url: link }] : [] };
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
  const note = m.params.note ?? t("notifications:noteMissing");
  return {
    text: t(`notifications:dossierStatus.${m.status}`, { ...m.params, note, dossierName: dossierNameOf(m, payload.recipient.language) }),
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
