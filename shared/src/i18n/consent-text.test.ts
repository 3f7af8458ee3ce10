import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { resources } from "./index.js";
import { BIRTH_CONSENT_TEXT_VERSION } from "../domain/birth-registration.js";

/**
 * A consent records the version of the text the citizen read (Law 91/2025/QH15: consent must be
 * informed and kept as evidence). Changing that text without a new version would make old consents
 * point at words nobody read. If this test fails: bump BIRTH_CONSENT_TEXT_VERSION, then update the
 * fingerprint below.
 */
const FINGERPRINTS: Record<string, string> = {
  "birth-registration-consent-v1": "03732f56770f3cd47644319cda7b23cd0a8048ac98e5d3fcbf967c09c06f5d28",
};

function fingerprint(): string {
  const texts = [resources.vi.app.whatHappens, resources.vi.app.consent.checkbox, resources.en.app.whatHappens, resources.en.app.consent.checkbox];
  return createHash("sha256").update(JSON.stringify(texts)).digest("hex");
}

describe("birth consent text", () => {
  it("is pinned to its version", () => {
    expect(fingerprint()).toBe(FINGERPRINTS[BIRTH_CONSENT_TEXT_VERSION]);
  });
});
