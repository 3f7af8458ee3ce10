import { describe, expect, it } from "vitest";
import { csvDocument, csvField } from "./csv-file.js";

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
