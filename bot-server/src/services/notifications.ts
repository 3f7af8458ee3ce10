import { channelsFor, createI18n, nextSendableAt, type CaseStatus, type Channel, type Language } from "@hccd/shared";
import { enqueueOutbox, findZaloUsersByPhones, type Db, type Person } from "@hccd/db";
import type { Config } from "../config.js";
import type { OaButton } from "../adapters/zalo/types.js";

/** What we tell a citizen. Parameters are plain text; rendering happens per channel at send time. */
export type NotificationMessage =
  | {
      type: "birth_draft_ready";
      draftId: string;
      params: { parentName: string; birthDate: string; facilityName: string; dueBy: string };
    }
  | {
      type: "dossier_status";
      draftId: string;
      status: CaseStatus;
      params: { parentName: string; receiptNo: string; note: string | null };
    };

/** Stored in the outbox row: enough to send on any channel without reading other tables. */
export interface NotificationPayload {
  [key: string]: unknown;
  message: NotificationMessage;
  link: string;
  recipient: { oaUserId: string | null; phone: string | null; language: Language };
}

/** The Mini App link that opens a draft: the dev server in sim mode, `zalo.me/s/<app id>` live. */
export function draftLink(config: Config, draftId: string): string {
  const base = config.MINI_APP_URL ?? (config.ZALO_MODE === "live" ? `https://zalo.me/s/${config.ZALO_APP_ID}` : "http://localhost:5173");
  return `${base.replace(/\/+$/, "")}/?draft=${encodeURIComponent(draftId)}`;
}

/** `2026-11-20` → `20/11/2026`, the way dates are written in Vietnamese documents. */
export function vnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

export type EnqueueResult = { queued: true; channel: Channel; outboxId: string } | { queued: false; reason: "unreachable" };

/**
 * Queues a message to a person through the channel policy (design.md): an OA message when they
 * follow the OA and talked to it within 7 days, else ZNS to their phone. Later channels are kept as
 * fallbacks for permanent failures. Quiet hours defer, never drop. Call inside the transaction that
 * records why the message is sent; the idempotency key keeps it to one message per reason.
 */
export function enqueueNotification(
  db: Db,
  input: { config: Config; now: Date; newId: () => string; person: Person; idempotencyKey: string; message: NotificationMessage },
): EnqueueResult {
  const phone = input.person.phone;
  const zaloUser = phone ? findZaloUsersByPhones(db, [phone]).sort((a, b) => (b.lastInteractionAt?.getTime() ?? 0) - (a.lastInteractionAt?.getTime() ?? 0))[0] : undefined;
  const channels = channelsFor(
    {
      zaloUserId: zaloUser?.oaUserId ?? null,
      follower: zaloUser?.follower ?? false,
      lastInteractionAt: zaloUser?.lastInteractionAt ?? null,
      phone,
    },
    input.now,
  );
  const [first, ...rest] = channels;
  if (!first) return { queued: false, reason: "unreachable" };
  const payload: NotificationPayload = {
    message: input.message,
    link: draftLink(input.config, input.message.draftId),
    recipient: { oaUserId: zaloUser?.oaUserId ?? null, phone, language: zaloUser?.language ?? "vi" },
  };
  const { row } = enqueueOutbox(db, {
    id: input.newId(),
    kind: "notification",
    idempotencyKey: input.idempotencyKey,
    channel: first,
    fallbackChannels: rest,
    personId: input.person.id,
    payload,
    nextAttemptAt: nextSendableAt(input.now, input.config.QUIET_HOURS),
    now: input.now,
  });
  return { queued: true, channel: row.channel as Channel, outboxId: row.id };
}

/** The OA message (free text within the 7-day window) in the recipient's language. */
export function renderOaMessage(payload: NotificationPayload): { text: string; buttons: OaButton[] } {
  const t = createI18n(payload.recipient.language).t;
  const m = payload.message;
  if (m.type === "birth_draft_ready") {
    const params = { ...m.params, birthDate: vnDate(m.params.birthDate), dueBy: vnDate(m.params.dueBy) };
    return {
      text: t("notifications:birthDraftReady.body", params),
      buttons: [{ type: "oa.open.url", title: t("notifications:birthDraftReady.button"), url: payload.link }],
    };
  }
  const note = m.params.note ?? t("notifications:noteMissing");
  return {
    text: t(`notifications:dossierStatus.${m.status}`, { ...m.params, note }),
    buttons: [{ type: "oa.open.url", title: t("notifications:dossierStatus.button"), url: payload.link }],
  };
}

/**
 * ZNS template parameters. Templates are approved in Vietnamese in advance (zalo.md): their text
 * lives with Zalo, we only fill the parameters; the link goes to the template's button.
 */
export function renderZnsTemplate(config: Config, payload: NotificationPayload): { templateId: string; templateData: Record<string, string> } {
  const m = payload.message;
  if (m.type === "birth_draft_ready") {
    return {
      templateId: config.ZNS_TEMPLATE_BIRTH_DRAFT,
      templateData: {
        parentName: m.params.parentName,
        birthDate: vnDate(m.params.birthDate),
        facilityName: m.params.facilityName,
        dueBy: vnDate(m.params.dueBy),
        link: payload.link,
      },
    };
  }
  const t = createI18n("vi").t;
  return {
    templateId: config.ZNS_TEMPLATE_DOSSIER_STATUS,
    templateData: {
      parentName: m.params.parentName,
      receiptNo: m.params.receiptNo,
      statusText: t(`common:submissionStatus.${m.status}`),
      detail: m.params.note ?? "",
      link: payload.link,
    },
  };
}
