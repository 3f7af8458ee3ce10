import { describe, expect, it } from "vitest";
import { catalogue } from "./index.js";
import { GUIDANCE_FACT_KEYS, NATIONAL_PORTAL_URL } from "./guidance.js";
import type { GuidanceLine } from "./schema.js";

const linesOf = (g: NonNullable<(typeof catalogue)[number]["guidance"]>): GuidanceLine[] =>
  [...g.papers, g.fee, ...g.where, g.duration, ...(g.deadline ? [g.deadline] : []), ...(g.result ? [g.result] : [])];

/** A line no source backs must defer to the agency, never state a rule of its own. */
const DEFERS = /theo hướng dẫn của|theo quy định của thủ tục/;
const NAMES_A_TEXT = /Luật|Nghị định|Kế hoạch|Danh mục/;

describe("procedure guidance", () => {
  it("every catalogue service has papers, fee, where and how, and how long, in Vietnamese and English", () => {
    for (const e of catalogue) {
      expect(e.guidance, e.key).toBeDefined();
      for (const l of linesOf(e.guidance!)) {
        expect(l.vi.length, e.key).toBeGreaterThan(10);
        expect(l.en.length, e.key).toBeGreaterThan(10);
        expect(l.vi, e.key).toBe(l.vi.normalize("NFC"));
      }
    }
  });

  it("states no fact without a source: unsourced lines defer to the receiving agency, sourced ones name their text", () => {
    for (const e of catalogue) {
      for (const l of linesOf(e.guidance!)) {
        if (l.source === null) expect(l.vi, `${e.key}: ${l.vi}`).toMatch(DEFERS);
        else expect(l.source, `${e.key}: ${l.vi}`).toMatch(NAMES_A_TEXT);
      }
    }
  });

  it("on-time birth and death registration carry no fee (Luật Hộ tịch art. 11) and their deadlines (art. 15, 33)", () => {
    const birth = catalogue.find((e) => e.key === "birth-registration")!.guidance!;
    expect(birth.fee).toMatchObject({ vi: expect.stringContaining("Miễn lệ phí"), source: expect.stringContaining("Điều 11") });
    expect(birth.deadline).toMatchObject({ vi: expect.stringContaining("60 ngày"), source: expect.stringContaining("Điều 15") });
    expect(catalogue.find((e) => e.key === "death-registration")!.guidance!.deadline?.vi).toContain("15 ngày");
  });

  it("names only catalogue services, and points at the national public service portal", () => {
    const keys = new Set(catalogue.map((e) => e.key));
    for (const k of GUIDANCE_FACT_KEYS) expect(keys.has(k), k).toBe(true);
    expect(NATIONAL_PORTAL_URL).toBe("https://dichvucong.gov.vn");
  });
});
