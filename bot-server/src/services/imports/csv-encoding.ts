import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { FileRefused, fileReasons } from "./import-reasons.js";

/** The encodings a department's CSV arrives in, by the name iconv-lite knows them. */
export type CsvEncoding = "utf8" | "utf16le" | "utf16be" | "windows-1258";

/**
 * Refuses a "CSV" whose first bytes say it is no text, whatever its name says: an .xlsx (a zip
 * archive) or an old Excel or password-protected Office file (OLE2).
 */
export function refuseNonText(head: Uint8Array): void {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) throw new FileRefused(fileReasons.xlsxNamedCsv());
  // OLE2 compound file: Excel 97–2003 .xls, and any password-protected Office file.
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) throw new FileRefused(fileReasons.oldExcel());
}

/**
 * How a CSV file is encoded. Excel saves "CSV UTF-8" (with a BOM), "Unicode Text" (UTF-16 LE with
 * a BOM, tab-separated) and, on a Vietnamese Windows, plain "CSV" in the ANSI code page,
 * Windows-1258. Without a BOM the file is UTF-8 if every byte of it is valid UTF-8 (Vietnamese in
 * Windows-1258 practically never is), Windows-1258 otherwise; a NUL byte means UTF-16 without its
 * BOM, or not text at all.
 */
export async function detectCsvEncoding(path: string): Promise<CsvEncoding> {
  const head = Buffer.alloc(4096);
  const fd = await open(path, "r");
  let n: number;
  try {
    ({ bytesRead: n } = await fd.read(head, 0, head.length, 0));
  } finally {
    await fd.close();
  }
  const b = head.subarray(0, n);
  refuseNonText(b);
  if ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)) throw new FileRefused(fileReasons.utf32());
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf8";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf16le";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf16be";
  if (b.includes(0)) {
    // UTF-16 without a BOM: the ASCII of a CSV (digits, commas, line ends) puts a NUL in every other byte.
    const zeros = (parity: number) => b.filter((x, i) => i % 2 === parity && x === 0).length / Math.ceil(b.length / 2);
    if (zeros(1) > 0.7 && zeros(0) < 0.1) return "utf16le";
    if (zeros(0) > 0.7 && zeros(1) < 0.1) return "utf16be";
    throw new FileRefused(fileReasons.notText());
  }
  return (await isUtf8(path)) ? "utf8" : "windows-1258";
}

async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      if ((chunk as Buffer).includes(0)) throw new FileRefused(fileReasons.notText());
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (err) {
    if (err instanceof FileRefused) throw err;
    return false;
  }
}
