import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { tourGuideCatalogue } from "../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { csvRows, xlsxRows } from "./import-reader.js";
import { importLicences } from "./licence-import.js";

const catalogue = tourGuideCatalogue;

let w: TestWorld;
let dir: string | undefined;
afterEach(async () => {
  await w?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function file(name: string, text: string) {
  dir ??= mkdtempSync(join(tmpdir(), "hccd-import-"));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const HEADER = "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ";
const rowsOf = (w: TestWorld, sql: string) => w.handle.sqlite.prepare(sql).all();

describe("importing a department's list (contract 4)", () => {
  it("imports good rows, reports each bad one by row, column and reason, and changes nothing the second time", async () => {
    w = createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const path = file("hdv.csv", `\uFEFF${HEADER}
tour-guide-card,HDV-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
tour-guide-card,HDV-002,Cá nhân,Trần Thị Mai,,84987654321,,2027-02-01,,
tour-guide-card,HDV-003,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
unknown-service,X-1,Tổ chức,Công ty A,3901234567,,,2027-01-01,,
`);
    const r = await importLicences(w.services, { rows: csvRows(path), fileName: "hdv.csv", format: "csv", importedBy: "officer-1", catalogue });
    expect(r).toMatchObject({ rows: 4, created: 2, updated: 0, unchanged: 0 });
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[4, "holder_kind"], [4, "phone"], [4, "expires_on"], [5, "service_code"]]);
    expect(r.rejected[0]!.reason).toContain("person or organization");
    expect(rowsOf(w, "select document_no, phone, expires_on from documents order by document_no")).toEqual([
      { document_no: "HDV-001", phone: "84912345678", expires_on: "2027-03-01" },
      { document_no: "HDV-002", phone: "84987654321", expires_on: "2027-02-01" },
    ]);
    // 60/30/7 days before each expiry, at 08:00 Vietnam time.
    expect(rowsOf(w, "select step, due_on, status from reminders order by due_on, next_at")).toHaveLength(6);
    const again = await importLicences(w.services, { rows: csvRows(path), fileName: "hdv.csv", format: "csv", importedBy: "officer-1", catalogue });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(rowsOf(w, "select count(*) as n from reminders")).toEqual([{ n: 6 }]);
    expect(rowsOf(w, "select rows, created, unchanged, rejected from imports order by started_at, rowid")).toEqual([
      { rows: 4, created: 2, unchanged: 0, rejected: 2 },
      { rows: 4, created: 0, unchanged: 2, rejected: 2 },
    ]);
  });

  it("a renewed document cancels its pending reminders and plans the new deadline's", async () => {
    w = createTestWorld();
    const first = file("a.csv", `${HEADER}\ntour-guide-card,HDV-9,person,Lê Văn Hùng,,0912345678,,2027-01-10,,\n`);
    await importLicences(w.services, { rows: csvRows(first), fileName: "a.csv", format: "csv", importedBy: "o", catalogue });
    const renewed = file("b.csv", `${HEADER}\ntour-guide-card,HDV-9,person,Lê Văn Hùng,,0912345678,,2032-01-10,,\n`);
    const r = await importLicences(w.services, { rows: csvRows(renewed), fileName: "b.csv", format: "csv", importedBy: "o", catalogue });
    expect(r.updated).toBe(1);
    expect(rowsOf(w, "select due_on, status, count(*) as n from reminders group by due_on, status order by due_on")).toEqual([
      { due_on: "2027-01-10", status: "cancelled", n: 2 }, // the 60-day step (11/11/2026) was already past on import
      { due_on: "2032-01-10", status: "planned", n: 3 },
    ]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    w = createTestWorld();
    const path = file("bad.csv", "service_code;holder_name\ntour-guide-card;A\n");
    await expect(importLicences(w.services, { rows: csvRows(path), fileName: "bad.csv", format: "csv", importedBy: "o", catalogue })).rejects.toMatchObject({
      status: 422,
      fields: [{ path: "document_no" }, { path: "holder_kind" }, { path: "expires_on" }],
    });
  });

  it("reads .xlsx files with date cells, serials and text dates", async () => {
    w = createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Danh sách");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["tour-guide-card", "HDV-X1", "Cá nhân", "Lê Văn Hùng", "072092004321", "0912345678", new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2027, 2, 1)), "25453", "Tân Ninh"]);
    sheet.addRow(["tour-guide-card", "HDV-X2", "Tổ chức", "Công ty Du lịch Tây Ninh", "3901234567", "", "", 46477, "", ""]);
    sheet.addRow(["tour-guide-card", "HDV-X3", "Tổ chức", "Công ty B", "39012", "", "", "15/06/2027", "", ""]);
    const path = join(dir, "list.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await importLicences(w.services, { rows: xlsxRows(path), fileName: "list.xlsx", format: "xlsx", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 3, created: 2 });
    expect(r.rejected).toEqual([expect.objectContaining({ row: 4, column: "holder_id" })]);
    expect(rowsOf(w, "select document_no, issued_on, expires_on from documents order by document_no")).toEqual([
      { document_no: "HDV-X1", issued_on: "2022-03-01", expires_on: "2027-03-01" },
      { document_no: "HDV-X2", issued_on: null, expires_on: "2027-03-31" },
    ]);
  });

  // exceljs's streaming reader decoded each chunk of XML on its own, cutting Vietnamese letters
  // (two or three bytes in UTF-8) at chunk boundaries: "Tổ ch���c" was rejected, a name in the
  // middle of a chunk boundary would have been stored damaged. patches/exceljs@4.4.0.patch fixes it.
  it("keeps every Vietnamese letter of a large .xlsx intact across the reader's chunks", async () => {
    w = createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Danh sách");
    sheet.addRow(HEADER.split(","));
    const name = (i: number) => `Nguyễn Thị Ngọc Ánh Hưởng Đức Ưng ${i}`;
    const N = 3000;
    for (let i = 0; i < N; i++) {
      sheet.addRow(["tour-guide-card", `HDV-${i}`, i % 2 ? "Cá nhân" : "Tổ chức", name(i), "", "0912345678", "", "2027-03-01", "", `Ấp Trường Đổi, phường Trảng Bàng, tỉnh Tây Ninh — số ${i}`]);
    }
    const path = join(dir, "big.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await importLicences(w.services, { rows: xlsxRows(path), fileName: "big.xlsx", format: "xlsx", importedBy: "o", catalogue });
    expect(r.rejected).toEqual([]);
    expect(r.created).toBe(N);
    const stored = rowsOf(w, "select document_no, holder_name, address from documents") as { document_no: string; holder_name: string; address: string }[];
    const damaged = stored.filter((d) => d.holder_name !== name(Number(d.document_no.slice(4))) || d.address.includes("\uFFFD"));
    expect(damaged).toEqual([]);
  }, 60_000);
});
