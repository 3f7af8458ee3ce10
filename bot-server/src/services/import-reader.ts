import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { validationFailed } from "../errors.js";
import { restoreNeutralised } from "./csv-file.js";

/**
 * How a department's uploaded list (contract 4, CSV or .xlsx) becomes rows: the file's format,
 * a first check of its bytes, and the row readers the importer consumes. What happens to the rows
 * (validation, storage, the report) is `licence-import.ts`.
 */

export type ImportFormat = "csv" | "xlsx";

/** The file's format, from its name (departments send `.csv` or `.xlsx`). */
export function importFormat(fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xlsx") return "xlsx";
  throw validationFailed([{ path: "file", message: `must be a .csv or .xlsx file (got ${ext ? `.${ext}` : "no extension"}); save older .xls files as .xlsx` }]);
}

/** An .xlsx file is a zip archive ("PK"): anything else is refused before the reader chokes on it. */
export function checkXlsxSignature(format: ImportFormat, firstBytes: Uint8Array): void {
  if (format === "xlsx" && !(firstBytes[0] === 0x50 && firstBytes[1] === 0x4b)) {
    throw validationFailed([{ path: "file", message: "is not an .xlsx workbook (an .xlsx file is a zip archive)" }]);
  }
}

type Cell = unknown;
export interface SourceRow {
  /** The row number as the department sees it in their file (header = 1). */
  row: number;
  cells: Cell[];
}

/** Rows of a CSV file (UTF-8, BOM allowed; comma, semicolon or tab separated). */
export async function* csvRows(path: string): AsyncGenerator<SourceRow> {
  const head = await new Promise<string>((resolve, reject) => {
    const s = createReadStream(path, { encoding: "utf8", start: 0, end: 4095 });
    let text = "";
    s.on("data", (d) => (text += String(d)));
    s.on("end", () => resolve(text));
    s.on("error", reject);
  });
  const firstLine = head.split(/\r?\n/)[0] ?? "";
  const delimiter = [";", "\t", ","].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ",";
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: false, info: true }));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { row: record.info.lines, cells: record.record.map(restoreNeutralised) };
  }
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === "string") return restoreNeutralised(v);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellValue(o.result);
    if (typeof o.text === "string") return o.text;
  }
  return v;
}

/** Rows of the first worksheet of an .xlsx file, streamed (a 100,000-row file is not held in memory). */
export async function* xlsxRows(path: string): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "ignore" });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellValue);
      if (values.every((v) => v === undefined || String(v).trim() === "")) continue;
      yield { row: row.number, cells: values };
    }
    return; // first worksheet only
  }
}

/** The rows of a file of either format. */
export function importFileRows(path: string, format: ImportFormat): AsyncGenerator<SourceRow> {
  return format === "csv" ? csvRows(path) : xlsxRows(path);
}
