import { Hono } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { randomUUID } from "node:crypto";
import { errorEnvelopeSchema, webhookDedupeKey, webhookSenderKey, zaloWebhookEventSchema, type ErrorEnvelope } from "@hccd/shared";
import type { ServiceDeps } from "../deps.js";
import { createZaloInbox } from "../services/chat/webhook-inbox.js";
import { receiveSmsReport, smsDeliveryReportSchema } from "../services/delivery/receipts.js";
import type { AppEnv } from "../env.js";
import type { Config } from "../config.js";
import { DomainError } from "../errors.js";
import { parseJsonStorable, refuseNulCharacters } from "../request-limits.js";
import { verifyWebhookMac, type MacVariant } from "../webhook/signature.js";
import { sha256Hex } from "../services/hashing.js";

/** Deeper than any webhook body we accept nests (Zalo's events: about five levels). */
const MAX_JSON_DEPTH = 32;

/**
 * Whether a JSON text nests arrays and objects deeper than `max`, read without parsing it (one
 * pass, brackets inside strings ignored): what is checked before JSON.parse sees the body.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

/** How far ahead of our clock an event may be dated: Zalo's clock and ours drift apart a little. */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

/**
 * Why an event's signed timestamp is outside the accepted window (older than `maxAgeMs`, or
 * dated more than WEBHOOK_MAX_SKEW_MS ahead), or null when it is inside.
 */
export function timestampOutsideWindow(timestampMs: number, now: Date, maxAgeMs: number): string | null {
  const ageMs = now.getTime() - timestampMs;
  if (ageMs <= maxAgeMs && -ageMs <= WEBHOOK_MAX_SKEW_MS) return null;
  const minutes = (ms: number) => `${Math.round(Math.abs(ms) / 60_000)} min`;
  const when = ageMs > 0 ? `${minutes(ageMs)} old` : `${minutes(ageMs)} ahead`;
  return `timestamp ${new Date(timestampMs).toISOString()} (${when}) is outside the accepted window of ${minutes(maxAgeMs)} back and ${minutes(WEBHOOK_MAX_SKEW_MS)} ahead`;
}

/**
 * `POST /webhooks/zalo`: verify the MAC over the raw body, store the event (deduplicated, committed
 * with the requests arriving alongside: `createZaloInbox`), answer 200, and let the processor
 * handle it after the response (`onStored`, called once per committed batch). A forged or missing
 * MAC is 401 and nothing is stored. A signed event dated outside the window (WEBHOOK_MAX_AGE_MS
 * back, a few minutes ahead) is a replay or a broken clock: kept set aside with the reason, never
 * processed.
 */
export function webhookRoutes(deps: Pick<ServiceDeps, "db" | "now"> & { config: Config; onStored: () => void }) {
  const app = new Hono<AppEnv>();
  const secrets = {
    appId: deps.config.ZALO_APP_ID ?? "",
    oaId: deps.config.ZALO_OA_ID ?? "",
    oaSecretKey: deps.config.ZALO_OA_SECRET_KEY ?? "",
    appSecret: deps.config.ZALO_APP_SECRET ?? "",
  };
  const matchedVariants = new Set<MacVariant>();
  // Requests arriving together are committed together; the processor is kicked once per batch.
  const inbox = createZaloInbox({ db: deps.db, onStored: deps.onStored });
  const limit = bodyLimit({
    maxSize: deps.config.WEBHOOK_MAX_BYTES,
    onError: () => {
      throw new DomainError(413, "payload_too_large", `webhook bodies are limited to ${deps.config.WEBHOOK_MAX_BYTES} bytes`);
    },
  });

  app.post(
    "/zalo",
    limit,
    async (c) => {
      // The MAC covers the bytes as received: read the text before anything parses it.
      const raw = await c.req.text();
      // Zalo's events nest a few levels; a body nested thousands deep is no event of Zalo's, and
      // storing it (JSON.stringify recurses) would overflow the stack: refused before parsing.
      if (nestedDeeperThan(raw, MAX_JSON_DEPTH)) throw new DomainError(400, "too_deep", `the body nests JSON deeper than ${MAX_JSON_DEPTH} levels`);
      let body: unknown;
      try {
        // No text of ours holds a NUL or a lone surrogate (PostgreSQL refuses both): replaced by
        // U+FFFD in what is stored and handled; the MAC below is checked over the bytes as received.
        body = parseJsonStorable(raw);
      } catch {
        throw new DomainError(400, "bad_request", "the body is not JSON");
      }
      const ts = typeof body === "object" && body !== null ? (body as { timestamp?: unknown }).timestamp : undefined;
      const timestamp = typeof ts === "string" || typeof ts === "number" ? String(ts) : "";
      const variant = verifyWebhookMac({ header: c.req.header("x-zevent-signature"), rawBody: raw, timestamp, secrets, variant: deps.config.ZALO_WEBHOOK_MAC });
      if (!variant) {
        c.var.log.warn({ hasHeader: Boolean(c.req.header("x-zevent-signature")) }, "webhook refused: signature does not match");
        return c.json<ErrorEnvelope>({ error: { code: "invalid_signature", message: "X-ZEvent-Signature does not match the body" } }, 401);
      }
      if (!matchedVariants.has(variant)) {
        matchedVariants.add(variant);
        c.var.log.info({ variant }, "webhook MAC variant seen in live traffic");
      }

      const now = deps.now();
      const parsed = zaloWebhookEventSchema.safeParse(body);
      // A signed event we cannot read is still Zalo's: keep it for staff, answer 200 so it is not resent forever.
      const dedupeKey = parsed.success ? webhookDedupeKey(parsed.data) : `unreadable:${sha256Hex(raw)}`;
      const outside = parsed.success ? timestampOutsideWindow(Number(parsed.data.timestamp), now, deps.config.WEBHOOK_MAX_AGE_MS) : null;
      // `null` is JSON, but no payload: kept as what it was, for staff to see.
      const setAside = !parsed.success ? "unreadable event" : outside ? `refused: ${outside}` : null;
      const stored = await inbox.store({ id: randomUUID(), dedupeKey, payload: body ?? { body: null }, now, setAside, senderKey: parsed.success ? webhookSenderKey(parsed.data) : null });
      if (outside) {
        // Refused, but answered 200: Zalo resends anything else with the same timestamp, which
        // stays outside the window on every retry, until it gives up or disables the webhook.
        c.var.log.warn({ event: parsed.data?.event_name, timestamp: parsed.data?.timestamp }, "webhook event refused: timestamp outside the window");
        return c.json({ ok: false, duplicate: !stored.created, refused: { code: "timestamp_outside_window", message: outside } }, 200);
      }
      return c.json({ ok: true, duplicate: !stored.created }, 200);
    },
  );
  /**
   * `POST /webhooks/sms`: the gateway's delivery reports. Signed with SMS_WEBHOOK_SECRET (401 and
   * nothing changed otherwise); a report we cannot read is 422 naming the field; `delivered` marks
   * the row delivered, `failed`/`expired` mark it failed with the reason, listed for staff. A report
   * for a row we do not know is answered 200 (the gateway would resend it forever) and logged.
   */
  app.post(
    "/sms",
    limit,
    refuseNulCharacters(),
    async (c) => {
      const signature = c.req.header("x-sms-signature");
      let report: Awaited<ReturnType<typeof receiveSmsReport>>;
      try {
        const raw = await c.req.text();
        report = await receiveSmsReport(deps.db, { raw, signature, secret: deps.config.SMS_WEBHOOK_SECRET ?? "" });
      } catch (err) {
        if (err instanceof DomainError && err.status === 401) c.var.log.warn({ hasHeader: Boolean(signature), configured: Boolean(deps.config.SMS_WEBHOOK_SECRET) }, "SMS report refused: signature does not match");
        throw err;
      }
      if (!report.updated) c.var.log.warn({ clientRef: report.clientRef, status: report.status }, "SMS report for no sent message of ours");
      return c.json({ ok: true, updated: report.updated }, 200);
    },
  );
  return app;
}

/**
 * The webhooks in the OpenAPI document (design.md: `POST /webhooks/zalo` is a stable interface).
 * The routes themselves read the raw body (the MAC covers its exact bytes), so they are plain
 * Hono routes and only their description is registered here.
 */
export function documentWebhooks(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "zaloWebhookMac", { type: "apiKey", in: "header", name: "X-ZEvent-Signature", description: "mac=<sha256 hex of app_id + raw body + timestamp + OA secret key> (zalo.md)" });
  app.openAPIRegistry.registerComponent("securitySchemes", "smsSignature", { type: "apiKey", in: "header", name: "X-SMS-Signature", description: "sha256=<HMAC-SHA256 of the raw body with SMS_WEBHOOK_SECRET>" });
  const err = (description: string) => ({ description, content: { "application/json": { schema: errorEnvelopeSchema } } });
  app.openAPIRegistry.registerPath({
    method: "post", path: "/webhooks/zalo", tags: ["webhooks"], security: [{ zaloWebhookMac: [] }],
    summary: "Zalo OA events: stored (deduplicated) and acknowledged at once, processed after the answer",
    request: { body: { required: true, content: { "application/json": { schema: zaloWebhookEventSchema } } } },
    responses: {
      200: { description: "Stored (or a duplicate, or refused for its timestamp: `ok: false`, answered 200 so Zalo does not resend it)" },
      400: err("The body is not JSON"), 401: err("X-ZEvent-Signature does not match the body"), 413: err("Larger than WEBHOOK_MAX_BYTES"),
    },
  });
  app.openAPIRegistry.registerPath({
    method: "post", path: "/webhooks/sms", tags: ["webhooks"], security: [{ smsSignature: [] }],
    summary: "The SMS gateway's delivery reports",
    request: { body: { required: true, content: { "application/json": { schema: smsDeliveryReportSchema } } } },
    responses: { 200: { description: "Recorded (or for no message of ours)" }, 400: err("The body is not JSON"), 401: err("X-SMS-Signature does not match the body"), 422: err("Not a delivery report") },
  });
}
