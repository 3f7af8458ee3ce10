import { describe, expect, it } from "vitest";
import { csvDocument, csvField, neutraliseFormula, restoreNeutralised } from "./csv-file.js";

describe("CSV files for staff", () => {
  it.each([
    ["plain", "plain"],
    ["Số 1, đường Hoa Sữa", '"Số 1, đường Hoa Sữa"'],
    ['đường "Hoa Sữa"', '"đường ""Hoa Sữa"""'],
    ["a; b", '"a; b"'],
    ["hai\ndòng", '"hai\ndòng"'],
    [" cách đầu", '" cách đầu"'],
    ["", ""],
  ])("writes %j as %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("starts with a BOM, ends lines with CRLF and stores NFC", () => {
    const decomposed = "Nguye\u0302\u0303n"; // "Nguyễn" written with combining marks
    expect(csvDocument(["a", "b"], [[1, null], [decomposed, undefined]])).toBe("\uFEFFa,b\r\n1,\r\nNguyễn,\r\n");
  });
});

// OWASP "CSV injection": a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
// return before one) as a formula. An uploaded list comes back in rejected.csv: its cells must not.
describe("cells a spreadsheet would run as formulas", () => {
  it.each([
    ["=HYPERLINK(\"http://x\",\"bấm\")", "'=HYPERLINK(\"http://x\",\"bấm\")"],
    ["+84 912 345 678", "'+84 912 345 678"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    // A value that already starts with the mark is marked once more, so reading it back is exact.
    ["'=1+1", "''=1+1"],
    ["'plain", "'plain"],
    ["a=b", "a=b"],
    ["0912345678", "0912345678"],
  ])("neutralises %j as %j and reads it back", (value, written) => {
    expect(neutraliseFormula(value)).toBe(written);
    expect(restoreNeutralised(written)).toBe(value);
  });

  it("writes every text field neutralised (quoted when needed), numbers as numbers", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("\r=1+1")).toBe("\"'\r=1+1\"");
    expect(csvField("+84 912, nhà riêng")).toBe("\"'+84 912, nhà riêng\"");
    expect(csvField(-5)).toBe("-5");
    expect(csvDocument(["=a", "b"], [["@x", -1]])).toBe("\uFEFF'=a,b\r\n'@x,-1\r\n");
  });
});
