import { describe, expect, it } from "vitest";
import { citizenCaseNote } from "./case-note.js";

describe("citizenCaseNote: the officer's request as the citizen reads it", () => {
  it.each([
    ["plain text stays", "Bổ sung bản sao giấy đăng ký kết hôn.", "Bổ sung bản sao giấy đăng ký kết hôn."],
    ["decomposed Vietnamese becomes NFC", "Bo\u0302\u0309 sung", "Bổ sung"],
    ["markup is dropped", "<b>Bổ sung</b> <a href='x'>giấy tờ</a>", "Bổ sung giấy tờ"],
    ["controls, zero-width and bidi marks are dropped", "Bổ\u0007 sung\u200b\u202e giấy\u0000", "Bổ sung giấy"],
    ["whitespace and new lines collapse", "  Bổ sung\n\n\tgiấy   tờ  ", "Bổ sung giấy tờ"],
    ["nothing readable is null", " <br/> \u200b ", null],
    ["absent is null", undefined, null],
  ])("%s", (_what, input, expected) => {
    expect(citizenCaseNote(input, 200)).toBe(expected);
  });

  it("cuts a long note at a word, within the bound, marked with …", () => {
    const long = "Ông/Bà vui lòng bổ sung bản sao giấy đăng ký kết hôn của cha mẹ cháu bé ".repeat(10);
    const out = citizenCaseNote(long, 60)!;
    expect([...out].length).toBeLessThanOrEqual(60);
    expect(out.endsWith("…")).toBe(true);
    expect(long.startsWith(out.slice(0, -1))).toBe(true);
    expect(out.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("never splits a character made of two UTF-16 units", () => {
    expect(citizenCaseNote("😀".repeat(10), 5)).toBe("😀😀😀😀…");
  });
});
