import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { randomUUID } from "node:crypto";
import { webhookDedupeKey, zaloWebhookEventSchema, type ErrorEnvelope } from "@hccd/shared";
import { insertInboxEvent, markInboxProcessed, type Db } from "@hccd/db";
import type { AppEnv } from "../env.js";
import type { Config } from "../config.js";
import { DomainError } from "../errors.js";
import { verifyWebhookMac, type MacVariant } from "../webhook/signature.js";
import { sha256Hex } from "../services/hashing.js";

/**
 * `POST /webhooks/zalo`: verify the MAC over the raw body, store the event (deduplicated), answer
 * 200, and let the processor handle it after the response. A forged or missing MAC is 401 and
 * nothing is stored.
 */
export function webhookRoutes(deps: { db: Db; config: Config; now: () => Date; onStored: () => void }) {
  const app = new Hono<AppEnv>();
  const secrets = {
    appId: deps.config.ZALO_APP_ID ?? "",
    oaId: deps.config.ZALO_OA_ID ?? "",
    oaSecretKey: deps.config.ZALO_OA_SECRET_KEY ?? "",
    appSecret: deps.config.ZALO_APP_SECRET ?? "",
  };
  const matchedVariants = new Set<MacVariant>();

  app.post(
    "/zalo",
    bodyLimit({
      maxSize: deps.config.WEBHOOK_MAX_BYTES,
      onError: () => {
        throw new DomainError(413, "payload_too_large", `webhook bodies are limited to ${deps.config.WEBHOOK_MAX_BYTES} bytes`);
      },
    }),
    async (c) => {
      // The MAC covers the bytes as received: read the text before anything parses it.
      const raw = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(raw);
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
      const stored = insertInboxEvent(deps.db, { id: randomUUID(), source: "zalo_webhook", dedupeKey, payload: body, now });
      if (!parsed.success && stored.created) markInboxProcessed(deps.db, stored.row.id, now, "unreadable event");
      if (stored.created && parsed.success) setImmediate(deps.onStored);
      return c.json({ ok: true, duplicate: !stored.created }, 200);
    },
  );
  return app;
}
