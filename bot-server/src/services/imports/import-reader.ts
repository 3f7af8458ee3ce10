/**
 * How a department's uploaded list (contract 4, CSV or .xlsx) becomes rows: the file's format,
 * a first check of its bytes, and the row readers the importer consumes. What happens to the rows
 * (validation, storage, the report) is `licence-import.ts`.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { validationFailed } from "../../errors.js";
import { detectCsvEncoding, refuseNonText } from "./csv-encoding.js";
import { cellReasons, FileRefused, fileNotes, fileReasons } from "./import-reasons.js";
import { cellText, TextDamageCheck } from "./import-text.js";
import { checkXlsxParts, XLSX_LIMITS, type XlsxLimits } from "./xlsx-bounds.js";

export { CUT_MARK, MAX_CELL_CHARS } from "./import-text.js";
export { XLSX_LIMITS } from "./xlsx-bounds.js";

/** The formats a department's list arrives in. */
export type ImportFormat = "csv" | "xlsx";

/** The file's format, from its name (departments send `.csv` or `.xlsx`). */
export function importFormat(fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xlsx") return "xlsx";
  throw validationFailed([{ path: "file", message: `must be a .csv or .xlsx file (got ${ext ? `.${ext}` : "no extension"}); save older .xls files as .xlsx` }]);
}

/** Where an import keeps its file until it ends: `<importDir>/<import id>.<format>`, readable by this user only. */
export function keptFilePath(importDir: string, importId: string, format: ImportFormat): string {
  return join(importDir, `${importId}.${format}`);
}

/** How many first bytes `checkFileSignature` reads. */
export const SIGNATURE_BYTES = 8;

/**
 * A first look at the file's bytes, so that an upload is refused at once, saying what it is: an
 * .xlsx is a zip archive ("PK"); an old .xls (or any password-protected workbook) is an OLE2 file;
 * a CSV is neither.
 */
export function checkFileSignature(format: ImportFormat, firstBytes: Uint8Array): void {
  if (format === "csv") return refuseNonText(firstBytes);
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b) return;
  if (firstBytes[0] === 0xd0 && firstBytes[1] === 0xcf && firstBytes[2] === 0x11 && firstBytes[3] === 0xe0) throw new FileRefused(fileReasons.oldExcel());
  throw new FileRefused(fileReasons.notXlsx());
}

/** A cell as the importer receives it: text, or an Excel number, date or (as text) boolean. */
export type Cell = string | number | Date | undefined;

/** A cell the reader could not pass on as given: cut, damaged, a formula without a result, an Excel error. */
export interface CellProblem {
  /** The cell's index in `cells`. */
  cell: number;
  reason: string;
  /** The length of a cell the reader cut (to MAX_CELL_CHARS, marked CUT_MARK). */
  cutFrom?: number;
}

export interface SourceRow {
  /** The row number as the department sees it in their file (header = 1). */
  row: number;
  cells: Cell[];
  problems?: CellProblem[];
  /** What the reader says about the whole file (on the first row only). */
  notes?: string[];
}

/**
 * A row's text cells through `cellText`, blank rows dropped (Excel writes ",,,," lines after a
 * list), the text checked for damage; the header row first.
 */
async function* textRows(rows: AsyncIterable<{ row: number; cells: (Cell | { text: string; problem?: string })[] }>, notes?: string[]): AsyncGenerator<SourceRow> {
  const damage = new TextDamageCheck();
  let header = true;
  for await (const source of rows) {
    const problems: CellProblem[] = [];
    const cells = source.cells.map((c, i): Cell => {
      if (typeof c === "string" || (typeof c === "object" && c !== null && !(c instanceof Date))) {
        const read = cellText(typeof c === "string" ? c : c.text);
        const problem = typeof c === "string" ? read.problem : (c.problem ?? read.problem);
        if (problem) problems.push({ cell: i, reason: problem, ...(read.cutFrom === undefined ? {} : { cutFrom: read.cutFrom }) });
        return read.text;
      }
      return c;
    });
    if (cells.every((c) => c === undefined || (typeof c === "string" && c.trim() === ""))) continue;
    if (header) damage.header(cells);
    else damage.row(cells);
    yield { row: source.row, cells, ...(problems.length > 0 ? { problems } : {}), ...(header && notes ? { notes } : {}) };
    header = false;
  }
  damage.end();
}

/**
 * csv-parse's complaints, as a line of the file and what to do about it. A quote left open is
 * found at the end of the file: the row it opened starts after the last row read whole.
 */
function csvRefusal(err: unknown, lastRecordLine: number): never {
  const { code, lines } = err as { code?: unknown; lines?: unknown };
  if (typeof code !== "string" || !/^(CSV_|INVALID_)/.test(code)) throw err;
  const startLine = lastRecordLine + 1;
  if (code === "CSV_QUOTE_NOT_CLOSED") throw new FileRefused(fileReasons.quoteNotClosed(startLine));
  if (code === "CSV_MAX_RECORD_SIZE") throw new FileRefused(fileReasons.rowTooLong(startLine, MAX_CSV_RECORD_CHARS));
  const line = typeof lines === "number" ? lines : startLine;
  if (code === "INVALID_OPENING_QUOTE" || code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE") throw new FileRefused(fileReasons.strayQuote(line));
  throw new FileRefused(fileReasons.csvUnreadable(line));
}

/** A row a CSV parser holds before giving up: far over any row of contract 4, far under the heap. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

/**
 * Rows of a CSV file: UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1258 (see
 * `detectCsvEncoding`); comma, semicolon or tab separated, as the first line shows.
 */
export async function* csvRows(path: string): AsyncGenerator<SourceRow> {
  const encoding = await detectCsvEncoding(path);
  const head = await new Promise<string>((resolve, reject) => {
    const s = createReadStream(path, { start: 0, end: 4095 }).pipe(iconv.decodeStream(encoding));
    let text = "";
    s.on("data", (d: string) => (text += d));
    s.on("end", () => resolve(text));
    s.on("error", reject);
  });
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  const delimiter = [";", "\t", ","].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ",";
  // iconv-lite drops the byte-order mark.
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding))
    .pipe(
      parse({
        delimiter, relax_column_count: true, skip_empty_lines: true, trim: false, info: true, max_record_size: MAX_CSV_RECORD_CHARS,
        // Seen as the parser goes (rows it has parsed may not have been read yet when it fails).
        on_record: (record, context) => {
          lastRecordLine = context.lines;
          return record;
        },
      }),
    );
  let lastRecordLine = 0;
  async function* records() {
    try {
      for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { row: record.info.lines, cells: record.record };
    } catch (err) {
      csvRefusal(err, lastRecordLine);
    }
  }
  yield* textRows(records());
}

/** An Excel cell's value as the officer sees it in Excel, or why it cannot be read. */
function xlsxCell(v: unknown): Cell | { text: string; problem?: string } {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : { text: String(v), problem: cellReasons.unreadable() };
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { text: "", problem: cellReasons.notARealDate() } : v;
  if (typeof v === "object") {
    const o = v as { richText?: { text?: unknown }[]; formula?: unknown; sharedFormula?: unknown; result?: unknown; error?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => String(r.text ?? "")).join("");
    if (typeof o.error === "string") return { text: o.error, problem: cellReasons.excelError(o.error) };
    if ("formula" in o || "sharedFormula" in o) {
      // Excel saves each formula's last result with it; a file a program wrote may not have one.
      if (o.result === undefined || o.result === null) return { text: `=${String(o.formula ?? o.sharedFormula ?? "")}`, problem: cellReasons.formulaWithoutResult() };
      return xlsxCell(o.result);
    }
    if (typeof o.text === "string") return o.text; // a hyperlink: its text
  }
  return { text: "", problem: cellReasons.unreadable() };
}

/** exceljs's XML parser (saxes) reports a malformed part as "[file:]line:column: message". */
const SAX_ERROR = /^(?:[^\s:]*:)?\d+:\d+: /;

/**
 * Rows of the first worksheet of an .xlsx file, streamed (a 100,000-row file is not held in
 * memory), once `checkXlsxParts` has made sure nothing in it unpacks beyond its bounds.
 */
export async function* xlsxRows(path: string, limits: XlsxLimits = XLSX_LIMITS): AsyncGenerator<SourceRow> {
  const shape = await checkXlsxParts(path, limits);
  const notes = shape.otherWorksheetsWithValues > 0 ? [fileNotes.otherWorksheets(shape.otherWorksheetsWithValues)] : undefined;
  async function* rows() {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "ignore" });
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) yield { row: row.number, cells: (row.values as unknown[]).slice(1).map(xlsxCell) };
        return; // first worksheet only
      }
    } catch (err) {
      if (err instanceof Error && SAX_ERROR.test(err.message)) throw new FileRefused(fileReasons.damaged());
      throw err;
    }
  }
  yield* textRows(rows(), notes);
}

/** The rows of a file of either format. */
export function importFileRows(path: string, format: ImportFormat): AsyncGenerator<SourceRow> {
  return format === "csv" ? csvRows(path) : xlsxRows(path);
}
