import { createHash, timingSafeEqual } from "node:crypto";

export type MacVariant = "app_id+oa_secret" | "oa_id+oa_secret" | "app_id+app_secret" | "oa_id+app_secret";
export const MAC_VARIANTS: readonly MacVariant[] = ["app_id+oa_secret", "oa_id+oa_secret", "app_id+app_secret", "oa_id+app_secret"];

export interface MacSecrets {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  appSecret: string;
}

/**
 * Zalo's webhook MAC: plain SHA-256 (not HMAC) of `id + rawBody + timestamp + secret`, where
 * `timestamp` is the body's own field and the raw body is hashed exactly as received (zalo.md).
 */
export function webhookMac(variant: MacVariant, secrets: MacSecrets, rawBody: string, timestamp: string): string {
  const [idPart, secretPart] = variant.split("+") as ["app_id" | "oa_id", "oa_secret" | "app_secret"];
  const id = idPart === "app_id" ? secrets.appId : secrets.oaId;
  const secret = secretPart === "oa_secret" ? secrets.oaSecretKey : secrets.appSecret;
  return createHash("sha256").update(id + rawBody + timestamp + secret, "utf8").digest("hex");
}

/** `X-ZEvent-Signature: mac=<hex>` → the hex, or null when the header is missing or malformed. */
export function parseSignatureHeader(header: string | undefined): string | null {
  const m = /^\s*mac=([0-9a-fA-F]{64})\s*$/.exec(header ?? "");
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * Checks the MAC in constant time against the configured variant, or every variant for `any`.
 * Returns the variant that matched, or null.
 */
export function verifyWebhookMac(opts: { header: string | undefined; rawBody: string; timestamp: string; secrets: MacSecrets; variant: MacVariant | "any" }): MacVariant | null {
  const given = parseSignatureHeader(opts.header);
  if (!given) return null;
  const givenBytes = Buffer.from(given, "hex");
  const candidates = opts.variant === "any" ? MAC_VARIANTS : [opts.variant];
  let matched: MacVariant | null = null;
  for (const v of candidates) {
    // Every candidate is compared (no early exit), so timing does not tell which variant is in use.
    const expected = Buffer.from(webhookMac(v, opts.secrets, opts.rawBody, opts.timestamp), "hex");
    if (timingSafeEqual(expected, givenBytes) && matched === null) matched = v;
  }
  return matched;
}
