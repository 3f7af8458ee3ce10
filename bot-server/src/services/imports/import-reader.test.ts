import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { windows1258 } from "../../testing/encodings.js";
import { textRow, workbookParts, worksheetXml, writeZip, type ZipPart } from "../../testing/xlsx-files.js";
import { CUT_MARK, csvRows, MAX_CELL_CHARS, XLSX_LIMITS, xlsxRows, type SourceRow } from "./import-reader.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function path(name: string): string {
  dir ??= mkdtempSync(join(tmpdir(), "hccd-reader-"));
  return join(dir, name);
}

function file(name: string, bytes: string | Buffer): string {
  const p = path(name);
  writeFileSync(p, bytes);
  return p;
}

async function read(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** What a refusal says, or "read" when the file was read. */
async function refusal(rows: AsyncIterable<SourceRow>): Promise<string> {
  try {
    await read(rows);
    return "read";
  } catch (err) {
    expect(err).toMatchObject({ status: 422, code: "file_refused" });
    return (err as Error).message;
  }
}

const HEADER = "Mã dịch vụ,Tên tổ chức/cá nhân,Địa chỉ";
const ROW = "tour-guide-card,Lê Thị Ánh,Phường Trảng Bàng, tỉnh Tây Ninh";
const expected = [["Mã dịch vụ", "Tên tổ chức/cá nhân", "Địa chỉ"], ["tour-guide-card", "Lê Thị Ánh", "Phường Trảng Bàng", " tỉnh Tây Ninh"]];

describe("a CSV file's encoding (finding 6)", () => {
  it.each([
    ["UTF-8 with a BOM", Buffer.from(`\uFEFF${HEADER}\r\n${ROW}\r\n`, "utf8")],
    ["UTF-8 without a BOM", Buffer.from(`${HEADER}\n${ROW}\n`, "utf8")],
    ["UTF-8 with tone marks as combining characters (NFD)", Buffer.from(`${HEADER}\n${ROW}\n`.normalize("NFD"), "utf8")],
    ["UTF-16 LE with a BOM (Excel's 'Unicode Text')", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\r\n${ROW}\r\n`, "utf16le")])],
    ["UTF-16 LE without a BOM", Buffer.from(`${HEADER}\r\n${ROW}\r\n`, "utf16le")],
    ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${HEADER}\r\n${ROW}\r\n`, "utf16le").swap16()])],
    ["Windows-1258 (Excel's 'CSV' on a Vietnamese Windows)", windows1258(`${HEADER}\r\n${ROW}\r\n`)],
  ])("reads %s as the same NFC text", async (_name, bytes) => {
    const rows = await read(csvRows(file("list.csv", bytes)));
    expect(rows.map((r) => r.cells)).toEqual(expected);
    expect(rows.flatMap((r) => r.problems ?? [])).toEqual([]);
  });

  it("reads Excel's tab-separated UTF-16 and semicolon-separated files", async () => {
    const tabs = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER.replace(/,/g, "\t")}\r\n${ROW.replace(/,/g, "\t")}\r\n`, "utf16le")]);
    expect((await read(csvRows(file("tabs.csv", tabs))))[1]!.cells).toEqual(["tour-guide-card", "Lê Thị Ánh", "Phường Trảng Bàng", " tỉnh Tây Ninh"]);
    const semicolons = windows1258(`${HEADER.replace(/,/g, ";")}\r\n"tour-guide-card";"Lê Thị Ánh";"Phường Trảng Bàng, tỉnh Tây Ninh"\r\n`);
    expect((await read(csvRows(file("semi.csv", semicolons))))[1]!.cells).toEqual(["tour-guide-card", "Lê Thị Ánh", "Phường Trảng Bàng, tỉnh Tây Ninh"]);
  });

  it("skips rows with nothing in them, as Excel writes them after a list (',,,')", async () => {
    const rows = await read(csvRows(file("list.csv", `${HEADER}\n${ROW}\n,,\n ,,\n`)));
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it("refuses a file whose Vietnamese letters became '?' when it was saved, saying how to save it", async () => {
    // Notepad or an English Windows saving as ANSI: every letter outside Latin-1 is lost.
    const lossy = iconv.encode(`${HEADER}\r\ntour-guide-card,Lê Thị Ánh,Ấp Trường Đổi\r\ntour-guide-card,Nguyễn Văn Hùng,Phường Tân Ninh\r\ntour-guide-card,Trần Thị Mỹ,Xã Dương Minh Châu\r\n`, "windows-1252");
    expect(lossy.toString("latin1")).toContain("Th? ");
    expect(await refusal(csvRows(file("lossy.csv", lossy)))).toBe("lost its Vietnamese letters when it was saved (they became “?”): save it again as “CSV UTF-8” and upload it again");
  });

  it.each([
    ["TCVN3 (.VnTime) text saved as UTF-8", Buffer.from(`${HEADER}\ntour-guide-card,NguyÔn V¨n An,Céng hoµ x· héi chñ nghÜa ViÖt Nam\ntour-guide-card,TrÇn ThÞ Mai,§éc lËp - Tù do - H¹nh phóc\n`, "utf8")],
    ["VNI (VNI-Times) text saved as Windows-1258", windows1258(`${HEADER}\r\ntour-guide-card,Nguyeãn Vaên An,Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\r\ntour-guide-card,Traàn Thò Mai,Ñoäc laäp - Töï do - Haïnh phuùc\r\n`)],
  ])("refuses %s, naming the old font encoding and how to convert it", async (_name, bytes) => {
    expect(await refusal(csvRows(file("legacy.csv", bytes)))).toBe("is written in an old Vietnamese font encoding (TCVN3 for .VnTime fonts, or VNI): convert it to Unicode (for example with Unikey's converter), save it as “CSV UTF-8” and upload it again");
  });

  it("keeps a foreign name among Vietnamese ones", async () => {
    const rows = await read(csvRows(file("list.csv", `${HEADER}\ntour-guide-card,Müller Jürgen,Phường Tân Ninh\ntour-guide-card,Lê Thị Ánh,Phường Trảng Bàng\n`)));
    expect(rows[1]!.cells[1]).toBe("Müller Jürgen");
  });

  it("reports a cell holding the replacement character '�' instead of storing it", async () => {
    const rows = await read(csvRows(file("damaged.csv", `${HEADER}\ntour-guide-card,L\uFFFD Th\uFFFD \uFFFDnh,Phường Tân Ninh\n`)));
    expect(rows[1]!.problems).toEqual([{ cell: 1, reason: "contains “�”, a letter damaged by a wrong encoding before it reached this file: type it again" }]);
    // Bytes Windows-1258 does not define come out the same way.
    const undefinedBytes = Buffer.concat([windows1258(`${HEADER}\r\ntour-guide-card,Lê Thị Ánh,Ph`), Buffer.from([0x81]), windows1258("ường\r\n")]);
    expect((await read(csvRows(file("w1258.csv", undefinedBytes))))[1]!.problems).toEqual([{ cell: 2, reason: "contains “�”, a letter damaged by a wrong encoding before it reached this file: type it again" }]);
  });

  it.each([
    ["a UTF-32 file", Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from("a\0\0\0")]), "is written in UTF-32: save it as “CSV UTF-8” and upload it again"],
    ["an .xlsx workbook named .csv", Buffer.from("PK\x03\x04rest of a zip"), "is an .xlsx workbook with a .csv name: upload it with its .xlsx name"],
    ["an old .xls workbook named .csv", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "is an old Excel workbook (.xls) or a password-protected one: save it in Excel as “Excel Workbook (.xlsx)” without a password, or as “CSV UTF-8”"],
    ["a binary file", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), "is not a text file: save the list as “CSV UTF-8” or as an .xlsx workbook"],
  ])("refuses %s, saying what it is", async (_name, bytes, reason) => {
    expect(await refusal(csvRows(file("x.csv", bytes)))).toBe(reason);
  });
});

describe("a CSV file that cannot be parsed (finding 11)", () => {
  it.each([
    ["a quote never closed", `${HEADER}\n${ROW}\ntour-guide-card,"Lê Thị Ánh,Phường\n${ROW}\n`, "line 3: a value opens a quote (\") that is never closed: close it, or double a quote inside a value (\"\")"],
    ["a quote in the middle of a value", `${HEADER}\n${ROW}\ntour-guide-card,Lê "Bé" Ánh,Phường\n`, "line 3: a quote (\") inside a value that does not start with one: put the whole value in quotes and double the quotes inside it (\"\")"],
  ])("refuses %s, naming the line", async (_name, text, reason) => {
    expect(await refusal(csvRows(file("bad.csv", text)))).toBe(reason);
  });

  it("refuses a row longer than 1 MB instead of holding it in memory", async () => {
    const huge = `${HEADER}\n${ROW}\ntour-guide-card,"${"A".repeat(1_100_000)}",x\n`;
    expect(await refusal(csvRows(file("huge.csv", huge)))).toBe("line 3: a row is longer than 1 MB (is a quote left open?): no list of contract 4 has rows that long");
  });
});

describe("every cell is bounded (finding 1, reader side)", () => {
  it("cuts a CSV cell longer than any contract 4 value, marks the cut and reports it", async () => {
    const long = "Số 1 ".repeat(400); // 2,000 characters
    const rows = await read(csvRows(file("long.csv", `${HEADER}\ntour-guide-card,Lê Thị Ánh,${long}\n`)));
    const cell = rows[1]!.cells[2] as string;
    expect(cell).toBe(long.slice(0, MAX_CELL_CHARS) + CUT_MARK);
    expect(rows[1]!.problems).toEqual([{ cell: 2, cutFrom: 2000, reason: `has 2000 characters, more than the ${MAX_CELL_CHARS} a cell may have: cut, the cut marked ${CUT_MARK}` }]);
  });

  it("never cuts a letter in half", async () => {
    const long = `${"a".repeat(MAX_CELL_CHARS - 1)}😀😀`;
    const rows = await read(csvRows(file("emoji.csv", `${HEADER}\ntour-guide-card,Lê Thị Ánh,${long}\n`)));
    expect(rows[1]!.cells[2]).toBe(`${"a".repeat(MAX_CELL_CHARS - 1)}${CUT_MARK}`);
  });

  it("cuts an .xlsx cell the same way", async () => {
    const p = path("long.xlsx");
    writeZip(p, workbookParts([[worksheetXml(textRow(1, ["a", "b"]) + textRow(2, ["tour-guide-card", "x".repeat(5000)]))]]));
    const rows = await read(xlsxRows(p));
    expect(rows[1]!.cells[1]).toBe("x".repeat(MAX_CELL_CHARS) + CUT_MARK);
    expect(rows[1]!.problems).toEqual([{ cell: 1, cutFrom: 5000, reason: `has 5000 characters, more than the ${MAX_CELL_CHARS} a cell may have: cut, the cut marked ${CUT_MARK}` }]);
  });
});

const MiB = 1024 * 1024;
const sst = (content: ZipPart["content"]): ZipPart => ({
  name: "xl/sharedStrings.xml",
  content: ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>a</t></si><si><t>', ...content, "</t></si></sst>"],
});
const sharedRow = worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>');

describe("a workbook that unpacks beyond its bounds is refused before it is read (finding 1)", () => {
  it("refuses the 460 KB workbook with one 450 MiB shared string, naming the limit", async () => {
    const p = path("bomb.xlsx");
    writeZip(p, workbookParts([[sharedRow]], sst([{ repeat: Buffer.alloc(MiB, "A"), times: 450 }])));
    expect(statSync(p).size).toBeLessThan(500 * 1024);
    expect(await refusal(xlsxRows(p))).toBe(`its part xl/sharedStrings.xml holds a single value of more than ${XLSX_LIMITS.textRunBytes / MiB} MB, more than any list of contract 4 needs: it was not read`);
  });

  // 80 MiB of 1,000-character strings: no value is too long, the part is.
  const manyStrings = { repeat: Buffer.from(`${"A".repeat(1000)}</t></si><si><t>`), times: 80 * 1024 };

  it("refuses shared strings over their bound: exceljs holds them whole", async () => {
    const p = path("strings.xlsx");
    writeZip(p, workbookParts([[sharedRow]], sst([manyStrings])));
    expect(await refusal(xlsxRows(p))).toBe(`its part xl/sharedStrings.xml unpacks to more than ${XLSX_LIMITS.sharedStringsBytes / MiB} MB, more than any list of contract 4 needs: it was not read`);
  });

  it("refuses a part whose headers claim it is small", async () => {
    const p = path("liar.xlsx");
    writeZip(p, workbookParts([[sharedRow]], { ...sst([manyStrings]), claimedSize: 1000 }));
    expect(await refusal(xlsxRows(p))).toMatch(/^its part xl\/sharedStrings\.xml unpacks to more than 64 MB/);
  });

  it("refuses a worksheet over its bound, and a workbook over the total", async () => {
    const p = path("sheet.xlsx");
    const row = (r: number) => textRow(r, ["tour-guide-card", "Lê Thị Ánh"]);
    const rows = Array.from({ length: 2000 }, (_, i) => row(i + 1)).join("");
    writeZip(p, workbookParts([[worksheetXml(rows)]]));
    expect(await refusal(xlsxRows(p, { ...XLSX_LIMITS, worksheetBytes: 64 * 1024 }))).toBe("its part xl/worksheets/sheet1.xml unpacks to more than 0.0625 MB, more than any list of contract 4 needs: it was not read");
    writeZip(p, workbookParts([[worksheetXml(rows)], [worksheetXml(rows)]]));
    expect(await refusal(xlsxRows(p, { ...XLSX_LIMITS, totalBytes: 200 * 1024 }))).toBe("unpacks to more than 0.1953125 MB in all, more than any list of contract 4 needs: split the list into smaller files");
  });

  it("refuses a single value of more than 1 MiB in a worksheet (exceljs would build it whole)", async () => {
    const p = path("cell.xlsx");
    writeZip(p, workbookParts([[worksheetXml(textRow(1, ["a", "b"])), '<row r="2"><c r="A2" t="inlineStr"><is><t>', { repeat: Buffer.alloc(MiB, "B"), times: 3 }, "</t></is></c></row>", "</sheetData></worksheet>"]]));
    expect(await refusal(xlsxRows(p))).toBe("its part xl/worksheets/sheet1.xml holds a single value of more than 1 MB, more than any list of contract 4 needs: it was not read");
  });

  it("refuses a workbook of too many parts", async () => {
    const p = path("many.xlsx");
    const parts = workbookParts([[sharedRow]]);
    for (let i = 0; i < 40; i++) parts.push({ name: `xl/media/image${i}.png`, content: ["x"] });
    writeZip(p, parts);
    expect(await refusal(xlsxRows(p, { ...XLSX_LIMITS, parts: 30 }))).toBe("holds more than 30 parts, more than any list of contract 4 needs: it was not read");
  });

  it("refuses a workbook cut short, or not a workbook at all, in words an officer can act on", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Danh sách").addRow(["Mã dịch vụ", "Số giấy phép"]);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const damaged = "is damaged or incomplete (was the upload cut short?): open it in Excel, save it again and upload it again";
    expect(await refusal(xlsxRows(file("cut.xlsx", whole.subarray(0, Math.floor(whole.length / 2)))))).toBe(damaged);
    expect(await refusal(xlsxRows(file("fake.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]))))).toBe(damaged);
    const malformed = path("malformed.xlsx");
    writeZip(malformed, workbookParts([[worksheetXml(textRow(1, ["a", "b"])).replace("</worksheet>", "</workshee>")]]));
    expect(await refusal(xlsxRows(malformed))).toBe(damaged);
    const p = path("nosheet.xlsx");
    writeZip(p, workbookParts([]));
    expect(await refusal(xlsxRows(p))).toBe("has no worksheet: put the list on the first worksheet");
  });

  it("says so when the list is not on the first worksheet, and notes other worksheets it did not read", async () => {
    const p = path("second.xlsx");
    writeZip(p, workbookParts([[worksheetXml("")], [worksheetXml(textRow(1, ["a", "b"]))]]));
    expect(await refusal(xlsxRows(p))).toBe("has nothing on its first worksheet, and the list on another one: move the list to the first worksheet");
    // The note goes with the first row read, even when the sheet starts with a blank row.
    writeZip(p, workbookParts([[worksheetXml(textRow(1, ["", " "]) + textRow(2, ["a", "b"]))], [worksheetXml(textRow(1, ["c", "d"]))], [worksheetXml("")]]));
    const rows = await read(xlsxRows(p));
    expect(rows[0]!.notes).toEqual(["other worksheets have values that were not read (1): only the first worksheet is imported"]);
  });
});

describe("an .xlsx cell is read as Excel shows it, or reported (finding 6)", () => {
  it("reads cached formula results, rich text, hyperlinks, shared formulas, booleans and dates; reports formulas without a result and errors", async () => {
    const p = path("cells.xlsx");
    const row = [
      '<c r="A2"><f>1+1</f></c>', // a formula saved by a program, without its result
      '<c r="B2" t="e"><v>#N/A</v></c>',
      '<c r="C2" t="e"><f>VLOOKUP(A1,Z:Z,2,0)</f><v>#N/A</v></c>',
      '<c r="D2" t="inlineStr"><is><r><t xml:space="preserve">Lê </t></r><r><rPr><b/></rPr><t>Văn</t></r></is></c>',
      '<c r="E2" t="str"><f>"Trần "&amp;"Thị"</f><v>Trần Thị</v></c>',
      '<c r="F2" t="b"><v>1</v></c>',
      '<c r="G2"><f t="shared" ref="G2:H2" si="0">1+1</f><v>2</v></c>',
      '<c r="H2"><f t="shared" si="0"/><v>3</v></c>',
      '<c r="I2" t="b"><f>TRUE()</f><v>0</v></c>',
      '<c r="J2"><v>-3.5</v></c>',
      '<c r="K2" t="e"><v>#DIV/0!</v></c>',
      '<c r="L2"><f>0*1</f><v>0</v></c>', // results exceljs dropped as "no result"
      '<c r="M2" t="str"><f>IF(1,"","x")</f><v></v></c>',
    ].join("");
    writeZip(p, workbookParts([[worksheetXml(`${textRow(1, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m"])}<row r="2">${row}</row>`)]]));
    const rows = await read(xlsxRows(p));
    expect(rows[1]!.cells).toEqual(["=1+1", "#N/A", "#N/A", "Lê Văn", "Trần Thị", "TRUE", 2, 3, "FALSE", -3.5, "#DIV/0!", 0, ""]);
    expect(rows[1]!.problems).toEqual([
      { cell: 0, reason: "is a formula whose result was not saved with the file: open the file in Excel, save it and upload it again" },
      { cell: 1, reason: "holds the Excel error #N/A" },
      { cell: 2, reason: "holds the Excel error #N/A" },
      { cell: 10, reason: "holds the Excel error #DIV/0!" },
    ]);
    expect(JSON.stringify(rows)).not.toContain("[object Object]");
  });

  it("reads what exceljs writes: dates, hyperlinks, rich text in shared strings, error values", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Danh sách");
    sheet.addRow(["a", "b", "c", "d", "e"]);
    sheet.addRow([new Date(Date.UTC(2027, 2, 1)), { text: "Lê Văn Hùng", hyperlink: "https://example.vn" }, { richText: [{ text: "Trần " }, { font: { bold: true }, text: "Thị Mai" }] }, { error: "#REF!" }, { formula: "A2+1", result: 46448 }]);
    const p = path("exceljs.xlsx");
    await wb.xlsx.writeFile(p);
    const rows = await read(xlsxRows(p));
    expect(rows[1]!.cells).toEqual([new Date(Date.UTC(2027, 2, 1)), "Lê Văn Hùng", "Trần Thị Mai", "#REF!", 46448]);
    expect(rows[1]!.problems).toEqual([{ cell: 3, reason: "holds the Excel error #REF!" }]);
  });

  it("reads text neutralised by an export back as it was, and refuses TCVN3 text in a workbook", async () => {
    const p = path("text.xlsx");
    writeZip(p, workbookParts([[worksheetXml(textRow(1, ["a", "b"]) + textRow(2, ["'+84 912 345 678", "'=1+1"]))]]));
    expect((await read(xlsxRows(p)))[1]!.cells).toEqual(["+84 912 345 678", "=1+1"]);
    writeZip(p, workbookParts([[worksheetXml(textRow(1, ["a", "b"]) + textRow(2, ["NguyÔn V¨n An", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"]) + textRow(3, ["TrÇn ThÞ Mai", "§éc lËp - Tù do - H¹nh phóc"]))]]));
    expect(await refusal(xlsxRows(p))).toMatch(/^is written in an old Vietnamese font encoding \(TCVN3/);
  });
});
