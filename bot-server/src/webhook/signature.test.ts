import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { MAC_VARIANTS, parseSignatureHeader, verifyWebhookMac, webhookMac } from "./signature.js";

const secrets = { appId: "111", oaId: "222", oaSecretKey: "oa-secret", appSecret: "app-secret" };
const body = '{"event_name":"user_send_text","timestamp":"1732412345678"}';

describe("webhook MAC (zalo.md: sha256(app_id + raw body + timestamp + secret))", () => {
  it("is plain SHA-256 over the documented concatenation", () => {
    const expected = createHash("sha256").update(`111${body}1732412345678oa-secret`).digest("hex");
    expect(webhookMac("app_id+oa_secret", secrets, body, "1732412345678")).toBe(expected);
  });

  it.each(MAC_VARIANTS)("accepts variant %s when configured or with any", (variant) => {
    const mac = webhookMac(variant, secrets, body, "1732412345678");
    expect(verifyWebhookMac({ header: `mac=${mac}`, rawBody: body, timestamp: "1732412345678", secrets, variant })).toBe(variant);
    expect(verifyWebhookMac({ header: `mac=${mac.toUpperCase()}`, rawBody: body, timestamp: "1732412345678", secrets, variant: "any" })).toBe(variant);
  });

  it("refuses a MAC of another variant, a changed body or timestamp, and malformed headers", () => {
    const mac = webhookMac("oa_id+oa_secret", secrets, body, "1732412345678");
    expect(verifyWebhookMac({ header: `mac=${mac}`, rawBody: body, timestamp: "1732412345678", secrets, variant: "app_id+oa_secret" })).toBeNull();
    const good = webhookMac("app_id+oa_secret", secrets, body, "1732412345678");
    expect(verifyWebhookMac({ header: `mac=${good}`, rawBody: `${body} `, timestamp: "1732412345678", secrets, variant: "app_id+oa_secret" })).toBeNull();
    expect(verifyWebhookMac({ header: `mac=${good}`, rawBody: body, timestamp: "1732412345679", secrets, variant: "app_id+oa_secret" })).toBeNull();
    for (const h of [undefined, "", good, "mac=", "mac=xyz", `sha256=${good}`]) expect(parseSignatureHeader(h)).toBeNull();
  });
});
