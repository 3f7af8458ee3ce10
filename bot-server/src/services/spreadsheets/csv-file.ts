/** Put first in every CSV we write: Excel reads the file as UTF-8 only when it starts with it. */
export const UTF8_BOM = "\uFEFF";

/**
 * A cell a spreadsheet would run as a formula: it starts with = + - @, or with a tab or carriage
 * return (OWASP "CSV injection"). Leading marks are included so that marking is reversible.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const MARKED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * Text a spreadsheet will show as text: a cell that would start a formula gets a leading `'`.
 * (Phones start with `+`: the importer reads the mark back, see `restoreNeutralised`.)
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The exact inverse of `neutraliseFormula`: a re-uploaded export reads as the values it was made from. */
export function restoreNeutralised(text: string): string {
  return MARKED_FORMULA_START.test(text) ? text.slice(1) : text;
}

export type CsvValue = string | number | null | undefined;

/** One field: text neutralised, then quoted when it holds a comma, semicolon, quote, line break or edge spaces; quotes doubled. */
export function csvField(value: CsvValue): string {
  // A number is written as a number (a negative one is not a formula).
  const s = value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly CsvValue[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/**
 * CSV files staff download (rejected rows, audit exports, indicators, the import template): RFC 4180
 * quoting, CRLF line ends and a UTF-8 byte-order mark, so Excel on a Vietnamese Windows opens the
 * diacritics correctly instead of reading the file as Windows-1258. Every text cell is neutralised
 * against formula injection: this is the one writer every export goes through.
 *
 * A whole file: BOM, header, rows; text stored NFC as everywhere else.
 */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = UTF8_BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out.normalize("NFC");
}
