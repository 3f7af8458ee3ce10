import { zodIssuesToFields } from "@hccd/shared";
import { markOutboxReceipt, markOutboxUndelivered, type Db } from "@hccd/db";
import { smsDeliveryReportSchema, verifySmsReport } from "../../adapters/sms/types.js";
import { DomainError, validationFailed } from "../../errors.js";

/** The report `receiveSmsReport` reads (the gateway's wire format), for the OpenAPI document. */
export { smsDeliveryReportSchema };

/**
 * Zalo's `user_received_message` / `user_seen_message`: the message they name (by our tracking id
 * for ZNS, by Zalo's message ids for OA messages) is marked delivered or seen.
 */
export async function recordZaloReceipt(db: Db, message: { tracking_id?: string | undefined; msg_id?: string | undefined; msg_ids?: readonly string[] | undefined } | undefined, kind: "delivered" | "seen", at: Date): Promise<void> {
  if (message?.tracking_id) await markOutboxReceipt(db, { trackingId: message.tracking_id }, kind, at);
  for (const msgId of [message?.msg_id, ...(message?.msg_ids ?? [])]) if (msgId) await markOutboxReceipt(db, { msgId }, kind, at);
}

/**
 * The SMS gateway's delivery report (`POST /webhooks/sms`), signed with SMS_WEBHOOK_SECRET: 401 and
 * nothing changed otherwise, 400 for a body that is not JSON, 422 naming the field for a report we
 * cannot read. `delivered` marks the row delivered; `failed`/`expired` mark it failed with the
 * reason, listed for staff. `updated` is false for a row we do not know (or not sent).
 */
export async function receiveSmsReport(db: Db, input: { raw: string; signature: string | undefined; secret: string }): Promise<{ updated: boolean; clientRef: string; status: string }> {
  if (!verifySmsReport(input.raw, input.signature, input.secret)) throw new DomainError(401, "invalid_signature", "X-SMS-Signature does not match the body");
  let body: unknown;
  try {
    body = JSON.parse(input.raw);
  } catch {
    throw new DomainError(400, "bad_request", "the body is not JSON");
  }
  const parsed = smsDeliveryReportSchema.safeParse(body);
  if (!parsed.success) throw validationFailed(zodIssuesToFields(parsed.error.issues), "The delivery report is not valid");
  const r = parsed.data;
  const at = new Date(r.at);
  const updated =
    r.status === "delivered"
      ? await markOutboxReceipt(db, { trackingId: r.client_ref }, "delivered", at)
      : await markOutboxUndelivered(db, r.client_ref, `sms ${r.status}${r.error ? `: ${r.error}` : ""}`, at);
  return { updated, clientRef: r.client_ref, status: r.status };
}
