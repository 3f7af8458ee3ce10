import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { stripVietnameseMarks } from "@hccd/shared";

/**
 * A brandname SMS gateway: the last channel, for people who cannot be reached on Zalo. `clientRef`
 * is our idempotency key: the gateway answers a repeated reference with the first message and
 * does not send it again.
 */
export interface SmsClient {
  send(input: { phone: string; text: string; clientRef: string }): Promise<{ messageId: string; acceptedAt: string; segments: number }>;
}

/** The GSM 03.38 basic alphabet (one septet each) and its extension table (two septets each). */
const GSM_BASIC = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");
/** Typography that has a plain GSM equivalent. */
const PLAIN: Record<string, string> = { "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " " };

export interface SmsText {
  text: string;
  encoding: "gsm7" | "ucs2";
  segments: number;
}

/**
 * The text as it will be sent: Vietnamese marks removed (brandname SMS are sent unaccented so that
 * they fit GSM-7's 160 characters; with marks every message is UCS-2 at 70), typographic quotes and
 * dashes made plain. Segments: 160 septets alone or 153 per part when concatenated (GSM-7), 70/67
 * (UCS-2, when a character outside GSM remains).
 */
export function smsText(input: string): SmsText {
  const text = [...stripVietnameseMarks(input)].map((ch) => PLAIN[ch] ?? ch).join("").replace(/\s+/g, " ").trim();
  const chars = [...text];
  const gsm = chars.every((ch) => GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch));
  if (gsm) {
    const septets = chars.reduce((n, ch) => n + (GSM_EXTENDED.has(ch) ? 2 : 1), 0);
    return { text, encoding: "gsm7", segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  }
  const units = text.length; // UTF-16 code units, as UCS-2/UTF-16 counts them
  return { text, encoding: "ucs2", segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/**
 * A delivery report the gateway posts to `POST /webhooks/sms` once the operator has delivered, or
 * given up on, a message we sent. `client_ref` is our outbox row id. Signed: header
 * `X-SMS-Signature: sha256=<hex HMAC-SHA256 of the raw body with SMS_WEBHOOK_SECRET>`.
 */
export const smsDeliveryReportSchema = z.object({
  message_id: z.string().min(1),
  client_ref: z.string().min(1).max(100),
  status: z.enum(["delivered", "failed", "expired"]),
  error: z.string().max(500).optional(),
  at: z.iso.datetime({ offset: true }),
});
export type SmsDeliveryReport = z.infer<typeof smsDeliveryReportSchema>;

export function signSmsReport(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

export function verifySmsReport(rawBody: string, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = Buffer.from(signSmsReport(rawBody, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
