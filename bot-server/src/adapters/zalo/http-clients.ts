import { z } from "zod";
import { normalizeVnPhone } from "@hccd/shared";
import { nodeFetch } from "../node-fetch.js";
import { fetchFailure, fetchWithTimeout, PlatformError, TransportError, type FetchLike } from "../errors.js";
import type { OaButton, ZaloGraphClient, ZaloOaClient, ZnsClient } from "./types.js";

/** -133/-234: Zalo refuses messages 22:00–06:00 Vietnam time; the same message goes through in the morning. */
export const NIGHT_BLOCK_CODES: ReadonlySet<number> = new Set([-133, -234]);
/** -216/-220/-124: the access token is bad or expired; retry once the token manager has refreshed it. */
export const TOKEN_CODES: ReadonlySet<number> = new Set([-216, -220, -124]);
/** -144/-147: the OA's daily ZNS quota is spent; it comes back the next day. */
export const QUOTA_CODES: ReadonlySet<number> = new Set([-144, -147]);
/** -32: rate limited. */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([-32]);

/**
 * Zalo error codes worth retrying (zalo.md): rate limit, night block, token, daily quota.
 * Everything else (-230 outside the 7-day window, -213 not a follower, -108 bad phone, -109 bad
 * template, -1121/-1122 bad parameters, -139/-141 user refused…) is permanent for that channel:
 * the outbox worker falls over to the next channel instead of retrying.
 */
export const RETRYABLE_ZALO_CODES: ReadonlySet<number> = new Set([...RATE_LIMIT_CODES, ...NIGHT_BLOCK_CODES, ...TOKEN_CODES, ...QUOTA_CODES]);

/** Whether a Zalo `error` code is worth trying again later. */
export function isRetryableZaloCode(code: number): boolean {
  return RETRYABLE_ZALO_CODES.has(code);
}

/**
 * Zalo's own error text goes into our error messages (and so into logs): keep it short and strip
 * long digit runs, which could be a phone number or a token echoed back.
 */
function redact(message: string): string {
  return message.replace(/\d{8,}/g, "[redacted]").slice(0, 200);
}

/** Zalo's envelope: errors arrive with HTTP 200 and a non-zero `error`. */
const envelope = z.object({ error: z.coerce.number(), message: z.string().optional(), data: z.unknown().optional() });

interface CallOptions {
  platform: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/**
 * One Zalo call: transport failures and 5xx become TransportError, a non-zero `error` becomes
 * PlatformError. Returns `data`, or the whole body for Graph `/me`, which answers at the top level.
 */
async function callZalo(o: CallOptions, url: string, init: RequestInit, answer: "data" | "body" = "data"): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchWithTimeout(o.fetch, url, init, o.timeoutMs);
  } catch (err) {
    throw fetchFailure(o.platform, err, o.timeoutMs);
  }
  if (res.status >= 500) throw new TransportError(o.platform, `HTTP ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    throw new TransportError(o.platform, `HTTP ${res.status} with a body that is not JSON`, { cause: err });
  }
  const env = (answer === "body" ? envelope.partial({ error: true }) : envelope).safeParse(body);
  if (!env.success) {
    if (res.status >= 400) throw new PlatformError(o.platform, res.status, `HTTP ${res.status}`, res.status === 429);
    throw new TransportError(o.platform, "unexpected response shape");
  }
  const code = env.data.error ?? 0;
  if (code !== 0) throw new PlatformError(o.platform, code, redact(env.data.message ?? "error"), isRetryableZaloCode(code));
  // Zalo normally answers 200 even for errors; a 4xx that claims success is still a refusal.
  if (res.status >= 400) throw new PlatformError(o.platform, res.status, `HTTP ${res.status}`, res.status === 429);
  return answer === "body" ? body : env.data.data;
}

function parseData<T>(platform: string, schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new TransportError(platform, "unexpected data in a successful answer");
  return r.data;
}

function toZaloButton(b: OaButton) {
  switch (b.type) {
    case "oa.open.url":
      return { title: b.title, type: b.type, payload: { url: b.url } };
    case "oa.open.phone":
      return { title: b.title, type: b.type, payload: { phone_code: b.phone } };
    default:
      return { title: b.title, type: b.type, payload: b.payload };
  }
}

/** OA customer-service messages, `POST /v3.0/oa/message/cs` (header `access_token`, not Bearer). */
export function createHttpZaloOaClient(opts: { baseUrl?: string; getAccessToken: () => Promise<string>; fetch?: FetchLike; timeoutMs?: number }): ZaloOaClient {
  const o: CallOptions = { platform: "zalo", fetch: opts.fetch ?? nodeFetch, timeoutMs: opts.timeoutMs ?? 10_000 };
  const base = (opts.baseUrl ?? "https://openapi.zalo.me").replace(/\/+$/, "");
  return {
    async sendText({ userId, text, buttons }) {
      const message = buttons && buttons.length > 0
        ? { attachment: { type: "template", payload: { template_type: "button", text, buttons: buttons.slice(0, 5).map(toZaloButton) } } }
        : { text };
      const data = await callZalo(o, `${base}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { access_token: await opts.getAccessToken(), "content-type": "application/json" },
        body: JSON.stringify({ recipient: { user_id: userId }, message }),
      });
      const parsed = parseData(o.platform, z.object({ message_id: z.string() }), data);
      return { messageId: parsed.message_id };
    },
  };
}

/** ZNS template messages to a phone, `POST /message/template` on the business host. */
export function createHttpZnsClient(opts: { baseUrl?: string; getAccessToken: () => Promise<string>; fetch?: FetchLike; timeoutMs?: number }): ZnsClient {
  const o: CallOptions = { platform: "zns", fetch: opts.fetch ?? nodeFetch, timeoutMs: opts.timeoutMs ?? 10_000 };
  const base = (opts.baseUrl ?? "https://business.openapi.zalo.me").replace(/\/+$/, "");
  const answer = z.object({
    msg_id: z.string(),
    sent_time: z.coerce.string(),
    quota: z.object({ dailyQuota: z.coerce.number(), remainingQuota: z.coerce.number() }).optional(),
  });
  return {
    async sendTemplate({ phone, templateId, templateData, trackingId }) {
      const data = await callZalo(o, `${base}/message/template`, {
        method: "POST",
        headers: { access_token: await opts.getAccessToken(), "content-type": "application/json" },
        body: JSON.stringify({ phone, template_id: templateId, template_data: templateData, tracking_id: trackingId }),
      });
      const parsed = parseData(o.platform, answer, data);
      return { msgId: parsed.msg_id, sentTime: parsed.sent_time, quota: parsed.quota ?? null };
    },
  };
}

/** Graph API: who holds a Mini App access token, and the phone behind a one-time token. The app secret stays here. */
export function createHttpZaloGraphClient(opts: { baseUrl?: string; appSecret: string; fetch?: FetchLike; timeoutMs?: number }): ZaloGraphClient {
  const o: CallOptions = { platform: "zalo_graph", fetch: opts.fetch ?? nodeFetch, timeoutMs: opts.timeoutMs ?? 10_000 };
  const base = (opts.baseUrl ?? "https://graph.zalo.me").replace(/\/+$/, "");
  return {
    async getMe(accessToken) {
      const body = await callZalo(o, `${base}/v2.0/me?fields=id,name`, { method: "GET", headers: { access_token: accessToken } }, "body");
      const me = parseData(o.platform, z.object({ id: z.coerce.string(), name: z.string().nullish() }), body);
      return { id: me.id, name: me.name ?? null };
    },
    async exchangePhoneToken({ accessToken, code }) {
      const data = await callZalo(o, `${base}/v2.0/me/info`, { method: "GET", headers: { access_token: accessToken, code, secret_key: opts.appSecret } });
      const { number } = parseData(o.platform, z.object({ number: z.coerce.string() }), data);
      const phone = normalizeVnPhone(number);
      if (!phone.ok) throw new PlatformError(o.platform, -1, "Zalo returned a number that is not a Vietnamese mobile", false);
      return { phone: phone.value };
    },
  };
}
