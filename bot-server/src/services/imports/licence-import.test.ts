import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { windows1258 } from "../../testing/encodings.js";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { textRow, workbookParts, worksheetXml, writeZip } from "../../testing/xlsx-files.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { fileReasons } from "./import-reasons.js";
import { importLicences } from "./licence-import.js";

const catalogue = tourGuideCatalogue;

let w: TestWorld;
let dir: string | undefined;
afterEach(async () => {
  await w?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function file(name: string, text: string | Buffer) {
  dir ??= mkdtempSync(join(tmpdir(), "hccd-import-"));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const HEADER = "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ";

describe("importing a department's list (contract 4)", () => {
  it("imports good rows, reports each bad one by row, column and reason, and changes nothing the second time", async () => {
    w = await createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const path = file("hdv.csv", `\uFEFF${HEADER}
tour-guide-card,HDV-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
tour-guide-card,HDV-002,Cá nhân,Trần Thị Mai,,84987654321,,2027-02-01,,
tour-guide-card,HDV-003,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
unknown-service,X-1,Tổ chức,Công ty A,3901234567,,,2027-01-01,,
`);
    const r = await importLicences(w.services, { path, fileName: "hdv.csv", format: "csv", importedBy: "officer-1", catalogue });
    expect(r).toMatchObject({ rows: 4, created: 2, updated: 0, unchanged: 0 });
    expect(r.rejected.map((x) => [x.row, x.column])).toEqual([[4, "holder_kind"], [4, "phone"], [4, "expires_on"], [5, "service_code"]]);
    expect(r.rejected[0]!.reason).toContain("person or organization");
    expect(await w.rows(sql`select document_no, phone, expires_on from documents order by document_no`)).toEqual([
      { document_no: "HDV-001", phone: "84912345678", expires_on: "2027-03-01" },
      { document_no: "HDV-002", phone: "84987654321", expires_on: "2027-02-01" },
    ]);
    // 60/30/7 days before each expiry, at 08:00 Vietnam time.
    expect(await w.rows(sql`select step, due_on, status from reminders order by due_on, next_at`)).toHaveLength(6);
    const again = await importLicences(w.services, { path, fileName: "hdv.csv", format: "csv", importedBy: "officer-1", catalogue });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await w.rows(sql`select count(*) as n from reminders`)).toEqual([{ n: 6 }]);
    expect(await w.rows(sql`select rows, created, unchanged, rejected from imports order by created desc`)).toEqual([
      { rows: 4, created: 2, unchanged: 0, rejected: 2 },
      { rows: 4, created: 0, unchanged: 2, rejected: 2 },
    ]);
  });

  it("a renewed document cancels its pending reminders and plans the new deadline's", async () => {
    w = await createTestWorld();
    const first = file("a.csv", `${HEADER}\ntour-guide-card,HDV-9,person,Lê Văn Hùng,,0912345678,,2027-01-10,,\n`);
    await importLicences(w.services, { path: first, fileName: "a.csv", format: "csv", importedBy: "o", catalogue });
    const renewed = file("b.csv", `${HEADER}\ntour-guide-card,HDV-9,person,Lê Văn Hùng,,0912345678,,2032-01-10,,\n`);
    const r = await importLicences(w.services, { path: renewed, fileName: "b.csv", format: "csv", importedBy: "o", catalogue });
    expect(r.updated).toBe(1);
    expect(await w.rows(sql`select due_on, status, count(*) as n from reminders group by due_on, status order by due_on`)).toEqual([
      { due_on: "2027-01-10", status: "cancelled", n: 2 }, // the 60-day step (11/11/2026) was already past on import
      { due_on: "2032-01-10", status: "planned", n: 3 },
    ]);
  });

  it("stores a document listed twice in one file as its rows say in turn: created, then renewed, its first deadline's reminders cancelled", async () => {
    w = await createTestWorld();
    // The batch's documents are read and stored together: the second HDV-7 row must find the first.
    const path = file("twice.csv", `${HEADER}
tour-guide-card,HDV-7,person,Lê Văn Hùng,,0912345678,,2027-01-10,,
tour-guide-card,HDV-8,person,Trần Thị Mai,,0987654321,,2027-02-10,,
tour-guide-card,HDV-7,person,Lê Văn Hùng,,0912345678,,2032-01-10,,
tour-guide-card,HDV-8,person,Trần Thị Mai,,0987654321,,2027-02-10,,
`);
    const r = await importLicences(w.services, { path, fileName: "twice.csv", format: "csv", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 1, rejectedRows: 0 });
    expect(await w.rows(sql`select document_no, expires_on from documents order by document_no`)).toEqual([
      { document_no: "HDV-7", expires_on: "2032-01-10" },
      { document_no: "HDV-8", expires_on: "2027-02-10" },
    ]);
    expect(await w.rows(sql`select d.document_no, r.due_on, r.status, r.reason, count(*) as n from reminders r join documents d on d.id = r.document_id group by d.document_no, r.due_on, r.status, r.reason order by d.document_no, r.due_on`)).toEqual([
      { document_no: "HDV-7", due_on: "2027-01-10", status: "cancelled", reason: "deadline changed from 2027-01-10 to 2032-01-10", n: 2 },
      { document_no: "HDV-7", due_on: "2032-01-10", status: "planned", reason: null, n: 3 },
      { document_no: "HDV-8", due_on: "2027-02-10", status: "planned", reason: null, n: 3 },
    ]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    w = await createTestWorld();
    const path = file("bad.csv", "service_code;holder_name\ntour-guide-card;A\n");
    await expect(importLicences(w.services, { path, fileName: "bad.csv", format: "csv", importedBy: "o", catalogue })).rejects.toMatchObject({
      status: 422,
      fields: [{ path: "document_no" }, { path: "holder_kind" }, { path: "expires_on" }],
    });
  });

  it("commits nothing from a file that cannot be read to its end (a bad quote at line 5,002)", async () => {
    w = await createTestWorld();
    const rows = Array.from({ length: 6000 }, (_, i) => (i === 5000 ? `tour-guide-card,HDV-${i},person,Lê Văn "Hùng" ",,0912345678,,2027-01-10,,` : `tour-guide-card,HDV-${i},person,Lê Văn Hùng,,0912345678,,2027-01-10,,`));
    const path = file("hong.csv", `${HEADER}\n${rows.join("\n")}\n`);
    await expect(importLicences(w.services, { path, fileName: "hong.csv", format: "csv", importedBy: "o", catalogue })).rejects.toThrow();
    expect(await w.rows(sql`select count(*) as n from documents`)).toEqual([{ n: 0 }]);
    expect(await w.rows(sql`select count(*) as n from reminders`)).toEqual([{ n: 0 }]);
    expect(await w.rows(sql`select status, created from imports`)).toEqual([{ status: "failed", created: 0 }]);
  });

  // Read first, then store (issue 13): a file refused part-way for its encoding once kept the
  // thousand-row batches stored before the refusal; now nothing of it is.
  it.each([
    ["an old font encoding (TCVN3)", "NguyÔn V¨n An", "Céng hoµ x· héi chñ nghÜa", fileReasons.legacyFont()],
    ["letters lost to '?'", "Nguy?n V?n An", "Ph??ng T?n Ninh", fileReasons.lostLetters()],
  ])("commits nothing from a file refused at row 1,500 for %s", async (_name, name, address, reason) => {
    w = await createTestWorld();
    const rows = Array.from({ length: 1600 }, (_, i) => (i < 1500 ? `tour-guide-card,HDV-${i},person,Le Van Hung,,0912345678,,2027-01-10,,Tan Ninh` : `tour-guide-card,HDV-${i},person,${name},,0912345678,,2027-01-10,,${address}`));
    const path = file("cu.csv", `${HEADER}\n${rows.join("\n")}\n`);
    await expect(importLicences(w.services, { path, fileName: "cu.csv", format: "csv", importedBy: "o", catalogue })).rejects.toMatchObject({ code: "file_refused", message: reason });
    expect(await w.rows(sql`select count(*) as n from documents`)).toEqual([{ n: 0 }]);
    expect(await w.rows(sql`select count(*) as n from reminders`)).toEqual([{ n: 0 }]);
    expect(await w.rows(sql`select count(*) as n from import_rejected_rows`)).toEqual([{ n: 0 }]);
    expect(await w.rows(sql`select status, error, created, rejected from imports`)).toEqual([{ status: "failed", error: reason, created: 0, rejected: 0 }]);
  });

  it("reads .xlsx files with date cells, serials and text dates", async () => {
    w = await createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Danh sách");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["tour-guide-card", "HDV-X1", "Cá nhân", "Lê Văn Hùng", "072092004321", "0912345678", new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2027, 2, 1)), "25453", "Tân Ninh"]);
    sheet.addRow(["tour-guide-card", "HDV-X2", "Tổ chức", "Công ty Du lịch Tây Ninh", "3901234567", "", "", 46477, "", ""]);
    sheet.addRow(["tour-guide-card", "HDV-X3", "Tổ chức", "Công ty B", "39012", "", "", "15/06/2027", "", ""]);
    const path = join(dir, "list.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await importLicences(w.services, { path, fileName: "list.xlsx", format: "xlsx", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 3, created: 2 });
    expect(r.rejected).toEqual([expect.objectContaining({ row: 4, column: "holder_id" })]);
    expect(await w.rows(sql`select document_no, issued_on, expires_on from documents order by document_no`)).toEqual([
      { document_no: "HDV-X1", issued_on: "2022-03-01", expires_on: "2027-03-01" },
      { document_no: "HDV-X2", issued_on: null, expires_on: "2027-03-31" },
    ]);
  });

  // exceljs's streaming reader decoded each chunk of XML on its own, cutting Vietnamese letters
  // (two or three bytes in UTF-8) at chunk boundaries: "Tổ ch���c" was rejected, a name in the
  // middle of a chunk boundary would have been stored damaged. patches/exceljs@4.4.0.patch fixes it.
  it("keeps every Vietnamese letter of a large .xlsx intact across the reader's chunks", async () => {
    w = await createTestWorld();
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
    const r = await importLicences(w.services, { path, fileName: "big.xlsx", format: "xlsx", importedBy: "o", catalogue });
    expect(r.rejected).toEqual([]);
    expect(r.created).toBe(N);
    const stored = await w.rows<{ document_no: string; holder_name: string; address: string }>(sql`select document_no, holder_name, address from documents`);
    const damaged = stored.filter((d) => d.holder_name !== name(Number(d.document_no.slice(4))) || d.address.includes("\uFFFD"));
    expect(damaged).toEqual([]);
  }, 60_000);

  // Finding 6 (issue 13): a Windows-1258 CSV was stored as "L� Th? �nh" with nothing rejected.
  it("imports a Windows-1258 CSV (Excel's plain 'CSV' on a Vietnamese Windows) with its letters intact, NFC", async () => {
    w = await createTestWorld();
    // Excel writes a toned letter as its base letter and a combining tone mark (ị = i + U+0323).
    const text = `${HEADER}\r\ntour-guide-card,HDV-1258,Cá nhân,Lê Thị Ánh,,,,2027-03-01,,Ấp Trường Đổi, Trảng Bàng\r\n`;
    const bytes = windows1258(text);
    expect(bytes.includes(0xf2)).toBe(true); // the dot below as its own byte
    const r = await importLicences(w.services, { path: file("w1258.csv", bytes), fileName: "w1258.csv", format: "csv", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 1, created: 1, rejected: [] });
    expect(await w.rows(sql`select holder_name, address from documents`)).toEqual([{ holder_name: "Lê Thị Ánh", address: "Ấp Trường Đổi" }]);
  });

  // Finding 6 (issue 13): formula cells without a saved result and error cells were stored as "[object Object]".
  it("rejects an .xlsx row whose cell is an Excel error or a formula without its result, and cuts what it quotes", async () => {
    w = await createTestWorld();
    dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
    const path = join(dir, "cells.xlsx");
    const labels = ["Mã dịch vụ", "Số giấy phép", "Loại chủ thể", "Tên tổ chức/cá nhân", "Số điện thoại", "Ngày hết hạn", "Địa chỉ", "Ghi chú"];
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const base = (r: number, no: string) => textRow(r, ["tour-guide-card", no, "Cá nhân"]).replace(/<\/?row[^>]*>/g, "");
    writeZip(path, workbookParts([[worksheetXml([
      textRow(1, labels),
      row(2, `${base(2, "HDV-F")}<c r="D2" t="inlineStr"><is><t>Lê Văn Hùng</t></is></c><c r="E2"><f>TEXT(A1,"0")</f></c><c r="F2" t="inlineStr"><is><t>2027-03-01</t></is></c>`),
      row(3, `${base(3, "HDV-E")}<c r="D3" t="e"><f>VLOOKUP(B3,Z:Z,2,0)</f><v>#N/A</v></c><c r="F3" t="inlineStr"><is><t>2027-03-01</t></is></c>`),
      row(4, `${base(4, "HDV-L")}<c r="D4" t="inlineStr"><is><t>Trần Thị Mai</t></is></c><c r="F4" t="inlineStr"><is><t>2027-03-01</t></is></c><c r="G4" t="inlineStr"><is><t>${"Số 1 ".repeat(1000)}</t></is></c>`),
      // An error in a column contract 4 does not know is not the row's problem.
      row(5, `${base(5, "HDV-OK")}<c r="D5" t="inlineStr"><is><t>Phạm Thị Hoa</t></is></c><c r="F5" t="inlineStr"><is><t>2027-03-01</t></is></c><c r="H5" t="e"><v>#REF!</v></c>`),
    ].join(""))]]));
    const r = await importLicences(w.services, { path, fileName: "cells.xlsx", format: "xlsx", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 4, created: 1 });
    expect(r.rejected.map((x) => [x.row, x.column, x.reason, x.values[x.column]])).toEqual([
      [1, "(file)", 'column "Ghi chú" is not a column of contract 4: its values were not imported', undefined],
      [2, "phone", "is a formula whose result was not saved with the file: open the file in Excel, save it and upload it again", '=TEXT(A1,"0")'],
      [3, "holder_name", "holds the Excel error #N/A", "#N/A"],
      [4, "address", "has 5000 characters, more than the 1000 a cell may have: cut, the cut marked  […]", `${"Số 1 ".repeat(200)} […]`],
    ]);
    expect(JSON.stringify(r.rejected)).not.toContain("[object Object]");
    expect(await w.rows(sql`select document_no from documents`)).toEqual([{ document_no: "HDV-OK" }]);
  });

  // Finding 6 (issue 13): a misspelled "So dien thoai" header silently lost every phone of the file.
  it("refuses a file whose header looks like a contract column misspelled, naming the column it looks like", async () => {
    w = await createTestWorld();
    const path = file("typo.csv", "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,So dien thoa,Ngày hết hạn\ntour-guide-card,HDV-1,Cá nhân,Lê Văn Hùng,0912345678,2027-03-01\n");
    await expect(importLicences(w.services, { path, fileName: "typo.csv", format: "csv", importedBy: "o", catalogue })).rejects.toMatchObject({
      status: 422,
      fields: [{ path: "phone", message: 'column "So dien thoa" is not a column of contract 4: if it is "Số điện thoại" (phone), give it that name and upload the file again' }],
    });
    expect(await w.rows(sql`select count(*) as n from documents`)).toEqual([{ n: 0 }]);
  });

  it("reads a label typed without diacritics, and notes the columns it did not import, without counting them as rejected rows", async () => {
    w = await createTestWorld();
    const path = file("extra.csv", "STT,Ma dich vu,So giay phep,Loai chu the,Ten to chuc/ca nhan,So dien thoai,Ngay het han,Ghi chú,Lý do\n1,tour-guide-card,HDV-1,Cá nhân,Lê Văn Hùng,0912345678,2027-03-01,đã gọi,\n");
    const r = await importLicences(w.services, { path, fileName: "extra.csv", format: "csv", importedBy: "o", catalogue });
    expect(r).toMatchObject({ rows: 1, created: 1 });
    expect(r.rejected).toEqual([
      { row: 1, column: "(file)", reason: 'column "STT" is not a column of contract 4: its values were not imported', values: {} },
      { row: 1, column: "(file)", reason: 'column "Ghi chú" is not a column of contract 4: its values were not imported', values: {} },
    ]);
    expect(await w.rows(sql`select phone, rejected from documents, imports`)).toEqual([{ phone: "84912345678", rejected: 0 }]);
  });
});
