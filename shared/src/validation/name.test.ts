import { describe, expect, it } from "vitest";
import { foldVietnamese, nameKey, normalizeName, sameName } from "./name.js";

// domain/facts.md "Phones and names": NFC, both tone placements equal, Ð (U+00D0) read as Đ (U+0110).
describe("names", () => {
  it("stores NFC with single spaces", () => {
    const decomposed = "Nguye\u0302\u0303n  Thi\u0323 Lan ";
    expect(normalizeName(decomposed)).toBe("Nguyễn Thị Lan");
    expect(normalizeName(decomposed).normalize("NFC")).toBe(normalizeName(decomposed));
  });

  it("reads the Icelandic eth as Đ", () => {
    expect(normalizeName("\u00D0ặng Văn An")).toBe("Đặng Văn An");
  });

  it.each([
    ["Hòa", "Hoà"],
    ["Thúy", "Thuý"],
    ["Khỏe", "Khoẻ"],
    ["NGUYỄN THỊ LAN", "nguyễn thị lan"],
    ["Trần  Văn Minh", "Trần Văn Minh"],
  ])("%s and %s are the same name", (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ["Hòa", "Hoa"],
    ["Lan", "Lân"],
    ["Minh", "Mính"],
  ])("%s and %s are different names", (a, b) => {
    expect(sameName(a, b)).toBe(false);
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("folds diacritics for search", () => {
    expect(foldVietnamese("Đăng ký khai sinh")).toBe("dang ky khai sinh");
  });
});
