import { z } from "zod";
import { errorEnvelopeSchema, maskPhone } from "@hccd/shared";
import { nodeFetch } from "../node-fetch.js";
import { fetchFailure, fetchWithTimeout, PlatformError, RETRYABLE_4XX, TransportError, type FetchLike } from "../errors.js";
import type { SmsClient } from "./types.js";

const acceptedSchema = z.object({ message_id: z.string().min(1), accepted_at: z.string().min(1), segments: z.number().int().min(1) });


/**
 * The brandname SMS gateway's client: `POST {baseUrl}/v1/messages` with `Authorization: Bearer`,
 * body `{to, text, brandname, client_ref}`; `200/201/202` → the message id. A `409` for a
 * `client_ref` already accepted answers with the first message: success, not an error. 4xx →
 * PlatformError (code = HTTP status; 408/425/429 retryable, the rest not: a bad number or text
 * does not get better, a wrong key needs a person); 5xx, timeouts and unreadable bodies →
 * TransportError (retried).
 */
export function createHttpSmsClient(opts: { baseUrl: string; apiKey?: string; brandname: string; fetch?: FetchLike; timeoutMs?: number }): SmsClient {
  const doFetch = opts.fetch ?? nodeFetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const base = opts.baseUrl.replace(/\/+$/, "");
  return {
    async send(input) {
      let res: Response;
      try {
        res = await fetchWithTimeout(doFetch, `${base}/v1/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) },
          body: JSON.stringify({ to: input.phone, text: input.text, brandname: opts.brandname, client_ref: input.clientRef }),
        }, timeoutMs);
      } catch (err) {
        throw fetchFailure("sms", err, timeoutMs);
      }
      if (res.status >= 500) throw new TransportError("sms", `HTTP ${res.status}`);
      const body: unknown = await res.json().catch(() => undefined);
      if (res.status === 409 || res.ok) {
        const parsed = acceptedSchema.safeParse(body);
        if (parsed.success) return { messageId: parsed.data.message_id, acceptedAt: parsed.data.accepted_at, segments: parsed.data.segments };
        if (res.ok) {
          const field = parsed.error.issues[0]?.path.join(".") ?? "body";
          throw new TransportError("sms", `HTTP ${res.status} with an unexpected body (${field}: ${parsed.error.issues[0]?.message ?? "unreadable"})`);
        }
      }
      const env = errorEnvelopeSchema.safeParse(body);
      // The gateway may echo the number: never let it into our logs unmasked.
      const detail = env.success ? `${env.data.error.code}: ${env.data.error.message.split(input.phone).join(maskPhone(input.phone))}` : `HTTP ${res.status}`;
      const retryAfter = res.headers.get("retry-after");
      throw new PlatformError("sms", res.status, retryAfter ? `${detail} (retry after ${retryAfter} s)` : detail, RETRYABLE_4XX.has(res.status));
    },
  };
}
