import { describe, expect, it } from "vitest";
import { licenceRowSchema, NATIONAL_ID_PROBLEM_TEXT, zodIssuesToFields } from "@hccd/shared";
import { cellReasons, fileNotes, fileReasons, headerReasons } from "./import-reasons.js";
import { CUT_MARK, MAX_CELL_CHARS } from "./import-text.js";
import { XLSX_LIMITS } from "./xlsx-bounds.js";
import { importReasonText } from "./staff-imports.js";

/** Every reason the row schema gives for these rows (the real messages, so a reworded one shows up here). */
function reasonsFor(rows: Record<string, unknown>[]): string[] {
  return rows.flatMap((r) => {
    const parsed = licenceRowSchema.safeParse(r);
    return parsed.success ? [] : zodIssuesToFields(parsed.error.issues).map((f) => f.message);
  });
}

describe("the importer's reasons in the officer's language", () => {
  const good = { service_code: "tour-guide-card", document_no: "HDV-1", holder_kind: "person", holder_name: "Lê Văn Hùng", expires_on: "2027-01-01" };
  const schemaReasons = reasonsFor([
    { ...good, service_code: "" },
    { ...good, document_no: "x".repeat(101) },
    { ...good, holder_kind: "Ông" },
    { ...good, holder_name: "A" },
    { ...good, phone: "12345" },
    { ...good, expires_on: "31/02/2027" },
    { ...good, expires_on: "mai" },
    { ...good, expires_on: 0 },
    { ...good, ward_code: "123" },
    { ...good, holder_id: "999092004321" },
    { ...good, holder_id: "12345" },
    { ...good, holder_kind: "organization", holder_id: "123" },
    { ...good, issued_on: "2028-01-01" },
  ]);
  const importerReasons = ["is not a service of the catalogue", "belongs to another agency (Sở Công Thương), not Sở Văn hóa, Thể thao và Du lịch", ...Object.values(NATIONAL_ID_PROBLEM_TEXT).map((t) => `for a person, the ID number ${t}`)];

  it.each([...new Set([...schemaReasons, ...importerReasons])])("translates %j", (reason) => {
    const vi = importReasonText(reason, "vi");
    expect(vi).not.toBe(reason);
    expect(vi).not.toMatch(/imports\.reasons/);
    // English stays as the importer wrote it.
    expect(importReasonText(reason, "en")).toBe(reason);
  });

  it("fills in the numbers and agencies, and shows an unknown reason as given", () => {
    expect(schemaReasons).toHaveLength(13);
    expect(importReasonText("must be at most 100 characters", "vi")).toBe("dài quá 100 ký tự");
    expect(importReasonText("belongs to another agency (Sở Công Thương), not Sở Y tế", "vi")).toBe("là dịch vụ của Sở Công Thương, không thuộc phạm vi của Sở Y tế");
    expect(importReasonText("something new", "vi")).toBe("something new");
  });
});

// Finding 11 (issue 13): a refused file said "FILE_ENDED" or "Invalid string length"; every reason
// the readers and the header check give reaches the officer in their language.
describe("the readers' reasons in the officer's language", () => {
  const readerReasons = [
    ...[fileReasons.utf32, fileReasons.xlsxNamedCsv, fileReasons.oldExcel, fileReasons.notText, fileReasons.notXlsx, fileReasons.lostLetters, fileReasons.legacyFont, fileReasons.damaged, fileReasons.noWorksheet, fileReasons.listNotOnFirstSheet, fileReasons.headerNotContract, fileReasons.empty].map((f) => f()),
    ...[fileReasons.quoteNotClosed, fileReasons.strayQuote, fileReasons.csvUnreadable].map((f) => f(5002)),
    fileReasons.rowTooLong(5002, 1024 * 1024),
    fileReasons.partTooLarge("xl/sharedStrings.xml", XLSX_LIMITS.sharedStringsBytes),
    fileReasons.workbookTooLarge(XLSX_LIMITS.totalBytes),
    fileReasons.valueTooLarge("xl/worksheets/sheet1.xml", XLSX_LIMITS.textRunBytes),
    fileReasons.tooManyParts(XLSX_LIMITS.parts),
    cellReasons.cut(471_859_200, MAX_CELL_CHARS, CUT_MARK),
    cellReasons.replacementCharacter(),
    cellReasons.formulaWithoutResult(),
    cellReasons.excelError("#N/A"),
    cellReasons.unreadable(),
    cellReasons.notARealDate(),
    fileNotes.otherWorksheets(2),
    fileNotes.unknownColumn("Ghi chú"),
    headerReasons.lookalike("So dien thoa", "Số điện thoại", "phone"),
    headerReasons.missing("expires_on", "Ngày hết hạn"),
    headerReasons.twice(),
    headerReasons.noHeader(),
  ];

  it.each(readerReasons)("translates %j", (reason) => {
    const vi = importReasonText(reason, "vi");
    expect(vi).not.toBe(reason);
    expect(vi).not.toMatch(/imports\.reasons|\{\{/);
    expect(importReasonText(reason, "en")).toBe(reason);
  });

  it("keeps what the reason names: the line, the part, the column", () => {
    expect(importReasonText(fileReasons.quoteNotClosed(5002), "vi")).toMatch(/^dòng 5002: có dấu ngoặc kép/);
    expect(importReasonText(fileReasons.partTooLarge("xl/sharedStrings.xml", XLSX_LIMITS.sharedStringsBytes), "vi")).toBe("phần xl/sharedStrings.xml của bảng tính khi giải nén lớn hơn 64 MB, vượt xa mức một danh sách theo mẫu cần: tệp không được đọc");
    expect(importReasonText(headerReasons.lookalike("So dien thoa", "Số điện thoại", "phone"), "vi")).toBe("cột “So dien thoa” không có trong mẫu danh sách: nếu đó là cột “Số điện thoại” (phone), vui lòng đổi tên cột cho đúng rồi tải lên lại");
  });
});
