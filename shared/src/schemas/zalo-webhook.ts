import { z } from "zod";

/** Zalo ids are strings and exceed 2^53: never numbers (zalo.md). */
const zaloId = z.string().min(1, "must not be empty");

/**
 * An OA webhook event (zalo.md "OA webhook"). Only what we read is described; everything else is
 * kept as received (passthrough) and stored in the inbox as is. Unknown event names are valid:
 * they are stored and ignored, not refused.
 */
export const zaloWebhookEventSchema = z.looseObject({
  app_id: z.string().optional(),
  oa_id: z.string().optional(),
  user_id_by_app: z.string().optional(),
  event_name: z.string().min(1, "must not be empty"),
  /** Milliseconds since the epoch, as a string (a number is accepted and read as its digits). */
  timestamp: z.union([z.string().regex(/^\d{1,16}$/, "must be milliseconds"), z.number().int().nonnegative()]).transform(String),
  sender: z.looseObject({ id: zaloId }).optional(),
  recipient: z.looseObject({ id: zaloId }).optional(),
  follower: z.looseObject({ id: zaloId }).optional(),
  source: z.string().optional(),
  message: z
    .looseObject({
      msg_id: z.string().optional(),
      text: z.string().optional(),
      tracking_id: z.string().optional(),
      delivery_time: z.union([z.string(), z.number()]).optional(),
      msg_ids: z.array(z.string()).optional(),
      attachments: z.array(z.unknown()).optional(),
    })
    .optional(),
  info: z.looseObject({ name: z.string().optional(), phone: z.string().optional() }).optional(),
});
export type ZaloWebhookEvent = z.output<typeof zaloWebhookEventSchema>;

/** User → OA messages that are not text: the bot answers that it reads text. */
export const ZALO_MEDIA_EVENTS = [
  "user_send_image",
  "user_send_link",
  "user_send_audio",
  "user_send_video",
  "user_send_sticker",
  "user_send_gif",
  "user_send_location",
  "user_send_file",
  "user_send_business_card",
] as const;

/**
 * The key an event is deduplicated on: the message id when there is one, else the event name,
 * the user and the timestamp (zalo.md: Zalo retries deliveries it thinks failed).
 */
export function webhookDedupeKey(e: ZaloWebhookEvent): string {
  if (e.message?.msg_id) return `msg:${e.event_name}:${e.message.msg_id}`;
  const who = e.sender?.id ?? e.follower?.id ?? e.user_id_by_app ?? "-";
  return `evt:${e.event_name}:${who}:${e.timestamp}`;
}

/** Delivery and seen receipts: about a message, not from a person (a ZNS receipt's sender may be the OA itself). */
export const RECEIPT_EVENTS: ReadonlySet<string> = new Set(["user_received_message", "user_seen_message"]);

/**
 * The OA user an event is from or about: the sender of `user_*` events, the follower of follow
 * events; none for the OA's own echoes (`oa_send_*`).
 */
export function webhookOaUserId(e: ZaloWebhookEvent): string | null {
  if (e.event_name.startsWith("oa_send_")) return null;
  return e.follower?.id ?? e.sender?.id ?? null;
}

/**
 * The key a person's events are kept in order by (the inbox processes them one at a time, in the
 * order received): `zalo:<OA user id>`. None for receipts and the OA's echoes: they answer nobody.
 */
export function webhookSenderKey(e: ZaloWebhookEvent): string | null {
  const id = RECEIPT_EVENTS.has(e.event_name) ? null : webhookOaUserId(e);
  return id ? `zalo:${id}` : null;
}
