/**
 * CSV files staff download (rejected rows, audit exports): RFC 4180 quoting, CRLF line ends and a
 * UTF-8 byte-order mark, so Excel on a Vietnamese Windows opens the diacritics correctly instead
 * of reading the file as Windows-1258.
 */
export const UTF8_BOM = "\uFEFF";

/** One field: quoted when it holds a comma, semicolon, quote, line break or edge spaces; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** A whole file: BOM, header, rows; text stored NFC as everywhere else. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  let out = UTF8_BOM + csvLine(header);
  for (const r of rows) out += csvLine(r);
  return out.normalize("NFC");
}
