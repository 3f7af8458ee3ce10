import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { xlsxRows } from "../imports/import-reader.js";
import { xlsxDocument } from "./xlsx-file.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

// Finding 5 (issue 13): every Excel file the server writes is neutralised like its CSV files.
describe("workbooks for staff", () => {
  it("writes values, never formulas, marks text a spreadsheet would run, and reads back as written", async () => {
    const body = await xlsxDocument("Danh sách", [{ header: "=HYPERLINK(\"x\")" }, { header: "Số điện thoại", numFmt: "@", note: "0912345678" }], [["@SUM(1)", -1], ["Nguye\u0302\u0303n", "+84 912 345 678"]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect([1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1))).toEqual([
      ["'=HYPERLINK(\"x\")", "Số điện thoại"],
      ["'@SUM(1)", -1],
      ["Nguyễn", "'+84 912 345 678"],
    ]);
    expect(sheet.getCell("B1").note).toBe("0912345678");
    expect(sheet.getColumn(2).numFmt).toBe("@");
    dir = mkdtempSync(join(tmpdir(), "hccd-xlsx-"));
    const p = join(dir, "out.xlsx");
    writeFileSync(p, body);
    const rows = [];
    for await (const r of xlsxRows(p)) rows.push(r.cells);
    expect(rows).toEqual([["=HYPERLINK(\"x\")", "Số điện thoại"], ["@SUM(1)", -1], ["Nguyễn", "+84 912 345 678"]]);
  });
});
