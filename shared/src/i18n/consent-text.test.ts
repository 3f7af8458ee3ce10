import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { resources } from "./index.js";
import { BIRTH_CONSENT_TEXT_VERSION } from "../domain/birth-registration.js";
import { DEATH_CONSENT_TEXT_VERSION } from "../domain/death-registration.js";
import { RENEWAL_CONSENT_TEXT_VERSION, SELF_FILING_CONSENT_TEXT_VERSION } from "../domain/renewal-draft.js";

/**
 * A consent records the version of the text the citizen read (Law 91/2025/QH15: consent must be
 * informed and kept as evidence). Changing that text without a new version would make old consents
 * point at words nobody read. If this test fails: bump the consent text version of the draft kind
 * whose words changed, then update its fingerprint below.
 */
const FINGERPRINTS: Record<string, string> = {
  "birth-registration-consent-v1": "03732f56770f3cd47644319cda7b23cd0a8048ac98e5d3fcbf967c09c06f5d28",
  "death-registration-consent-v1": "5070bc83e41b4c11d9e5665d245caa276f4e6018d021a50c6ef91a4d5b5c50d9",
  "renewal-consent-v2": "213c40b51343c883bbc06173bd03355d04ac44b2a59d9d6c6f9d1a47ed9470d1",
  "self-filing-confirmation-v2": "e50fed5f8561f296d1832c737ab6d2c8746665c8a4adfb363aa46f91ddfa15ad",
};

const { vi, en } = resources;
const TEXTS: Record<string, unknown[]> = {
  [BIRTH_CONSENT_TEXT_VERSION]: [vi.app.whatHappens, vi.app.consent.checkbox, en.app.whatHappens, en.app.consent.checkbox],
  [DEATH_CONSENT_TEXT_VERSION]: [vi.app.whatHappensDeath, vi.app.consentDeath, en.app.whatHappensDeath, en.app.consentDeath],
  [RENEWAL_CONSENT_TEXT_VERSION]: [vi.app.whatHappensRenewal, vi.app.consentRenewal, en.app.whatHappensRenewal, en.app.consentRenewal],
  [SELF_FILING_CONSENT_TEXT_VERSION]: [vi.app.whatHappensSelfFiling, vi.app.consentSelfFiling, en.app.whatHappensSelfFiling, en.app.consentSelfFiling],
};

const fingerprint = (texts: unknown[]) => createHash("sha256").update(JSON.stringify(texts)).digest("hex");

describe("consent texts", () => {
  it.each(Object.keys(TEXTS))("%s is pinned to its version", (version) => {
    expect(fingerprint(TEXTS[version]!)).toBe(FINGERPRINTS[version]);
  });
});
