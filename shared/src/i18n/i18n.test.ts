import { describe, expect, it } from "vitest";
import { createI18n, resources } from "./index.js";

function leaves(obj: unknown, prefix = ""): string[] {
  if (typeof obj === "string") return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe("i18n resources", () => {
  it("English mirrors every Vietnamese key", () => {
    expect(leaves(resources.en).sort()).toEqual(leaves(resources.vi).sort());
  });

  it("Vietnamese text is NFC and uses the same placeholders as English", () => {
    const vi = leaves(resources.vi);
    const get = (root: unknown, path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root) as string;
    for (const key of vi) {
      const v = get(resources.vi, key);
      expect(v.normalize("NFC"), key).toBe(v);
      const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(ph(get(resources.en, key)), key).toEqual(ph(v));
    }
  });

  it("renders Vietnamese by default and English on request, with fallback to Vietnamese", () => {
    expect(createI18n().t("common:sex.female")).toBe("Nữ");
    expect(createI18n("en").t("common:sex.female")).toBe("Female");
  });

  it("keeps the birth-draft notice within ZNS's 400 characters with long names", () => {
    const text = createI18n("vi").t("notifications:birthDraftReady.body", {
      parentName: "Nguyễn Thị Phương Thảo Nguyên",
      birthDate: "20/11/2026",
      facilityName: "Bệnh viện Đa khoa tỉnh Tây Ninh cơ sở 2",
      dueBy: "19/01/2027",
    });
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text).not.toMatch(/https?:|\d{10}/); // no raw links or phone numbers in a ZNS body (zalo.md)
  });
});
