import ExcelJS from "exceljs";
import { neutraliseFormula, type CsvValue } from "./csv-file.js";

/** One column of a workbook: its header, and how Excel shows and checks what is typed under it. */
export interface XlsxColumn {
  header: string;
  /** Characters. */
  width?: number;
  /** Excel's number format for the whole column: "@" keeps typed digits as text (leading zeros), "dd/mm/yyyy" makes dates. */
  numFmt?: string;
  /** A note on the header cell (what to write there). */
  note?: string;
}

/**
 * Workbooks staff download (the import template): the same cells as `csv-file.ts` writes, in an
 * .xlsx. Every cell is a value, never a formula, and text that a spreadsheet would start a formula
 * with is marked as in the CSV files (retyping such a cell in Excel would otherwise run it); the
 * importer reads the mark back. One worksheet: a bold, frozen header row, then the rows; text
 * stored NFC.
 */
export async function xlsxDocument(sheetName: string, columns: readonly XlsxColumn[], rows: Iterable<readonly CsvValue[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const cell = (v: CsvValue) => (v === null || v === undefined ? null : typeof v === "number" ? v : neutraliseFormula(v.normalize("NFC")));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width ?? Math.max(12, c.header.length + 2);
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  const header = sheet.addRow(columns.map((c) => cell(c.header)));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const h = header.getCell(i + 1);
    // The header is text whatever its column's format.
    h.numFmt = "General";
    if (c.note) h.note = c.note.normalize("NFC");
  });
  for (const r of rows) sheet.addRow(r.map(cell));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
