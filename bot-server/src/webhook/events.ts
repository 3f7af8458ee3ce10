/**
 * Builds OA webhook events shaped as Zalo sends them (zalo.md), for the chat simulator and tests.
 * Ids and timestamps are strings.
 */
import { randomBytes } from "node:crypto";
import type { MacSecrets, MacVariant } from "./signature.js";
import { webhookMac } from "./signature.js";

/** Who an event is from: the OA-scoped id and, when known, the app-scoped one. */
export interface EventUser {
  /** OA-scoped id (`sender.id`). */
  oaUserId: string;
  /** App-scoped id (`user_id_by_app`), the one the Mini App sees. */
  appUserId?: string;
}

const msgId = () => randomBytes(16).toString("hex");

export function userEvent(secrets: Pick<MacSecrets, "appId" | "oaId">, user: EventUser, eventName: string, at: Date, message?: Record<string, unknown>, extra?: Record<string, unknown>) {
  return {
    app_id: secrets.appId,
    ...(user.appUserId ? { user_id_by_app: user.appUserId } : {}),
    event_name: eventName,
    timestamp: String(at.getTime()),
    sender: { id: user.oaUserId },
    recipient: { id: secrets.oaId },
    ...(message ? { message } : {}),
    ...extra,
  };
}

export const textEvent = (s: Pick<MacSecrets, "appId" | "oaId">, user: EventUser, text: string, at: Date, id = msgId()) => userEvent(s, user, "user_send_text", at, { text, msg_id: id });

export function followEvent(s: Pick<MacSecrets, "appId" | "oaId">, user: EventUser, at: Date, follow = true) {
  return {
    app_id: s.appId,
    oa_id: s.oaId,
    ...(user.appUserId ? { user_id_by_app: user.appUserId } : {}),
    event_name: follow ? "follow" : "unfollow",
    timestamp: String(at.getTime()),
    source: "oa_profile",
    follower: { id: user.oaUserId },
  };
}

/** Serialises an event and signs it as Zalo would: `mac=sha256(app_id + body + timestamp + secret)`. */
export function signEvent(event: { timestamp: string }, secrets: MacSecrets, variant: MacVariant = "app_id+oa_secret"): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: `mac=${webhookMac(variant, secrets, body, event.timestamp)}` };
}
