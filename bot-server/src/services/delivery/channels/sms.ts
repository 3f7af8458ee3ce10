import { i18nFor } from "@hccd/shared";
import { smsText } from "../../../adapters/sms/types.js";
import { NotSendable } from "../../not-sendable.js";
import { documentExpiryText, paymentNoticeParams, renderOaMessage, type NotificationPayload } from "../notifications.js";
import { classifyFailure, type ChannelModule } from "./channel.js";

/** An SMS longer than this costs more than it is worth: a reminder says it in three parts or not at all. */
const MAX_SMS_SEGMENTS = 3;

/**
 * Brandname SMS to a phone, for people without Zalo or who refused ZNS: unaccented text (GSM-7,
 * `smsText`), no buttons and no links, at most MAX_SMS_SEGMENTS parts.
 */
export const smsChannel: ChannelModule<{ phone: string; text: string }> = {
  name: "sms",
  render(payload) {
    if (!payload.recipient.phone) throw new NotSendable("no phone number");
    if (payload.message.type === "chat") throw new NotSendable("a chat message cannot go by SMS");
    const sms = smsText(renderSmsText(payload));
    if (sms.segments > MAX_SMS_SEGMENTS) throw new NotSendable(`the SMS would take ${sms.segments} segments (at most ${MAX_SMS_SEGMENTS})`);
    return { phone: payload.recipient.phone, text: sms.text };
  },
  async send(request, clients, outboxId) {
    // The outbox row id is the gateway's client reference: a resend after a crash is not a second SMS.
    return { providerRef: (await clients.sms.send({ ...request, clientRef: outboxId })).messageId };
  },
  classify: classifyFailure,
  rate: (config) => ({ perSecond: config.THROTTLE_SMS_PER_SEC, }),
};

/**
 * The SMS text: the message's words without any button (an SMS has none, and carries no links:
 * operators block them and citizens are taught not to trust them), then where to act: on Zalo.
 */
export function renderSmsText(payload: NotificationPayload): string {
  // The catalogue's wording points at a button ("bấm nút «Xem hồ sơ»"): an SMS has none, so it takes the generic words.
  const m = payload.message;
  // A payment notice's OA text asks to press its button: an SMS says whom to tell instead.
  const lang = payload.recipient.language;
  const text =
    m.type === "document_expiry" ? documentExpiryText(m, lang, false)
    : m.type === "payment_notice" ? i18nFor(lang).t("notifications:paymentNotice.smsBody", paymentNoticeParams(m, lang))
    : renderOaMessage(payload).text;
  return `${text} ${i18nFor(payload.recipient.language).t("notifications:sms.whereToAct")}`;
}

