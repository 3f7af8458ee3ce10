import { createReadStream } from "node:fs";
import unzipper from "unzipper";
import { FileRefused, fileReasons } from "./import-reasons.js";

const MiB = 1024 * 1024;

/**
 * How far an .xlsx may unpack before the reader refuses it. exceljs streams a worksheet row by row
 * but holds the shared strings, the styles and the workbook part whole, and builds each value as
 * one string: a 460 KB file whose one shared string unpacks to 450 MiB took the heap. A list of
 * contract 4 needs far less: 100,000 rows are about 30 MB of worksheet and 20 MB of shared
 * strings as Excel writes them, so these bounds leave room for 300,000 rows and more.
 */
export const XLSX_LIMITS = {
  /** Held whole (every distinct text of the list). */
  sharedStringsBytes: 64 * MiB,
  /** Streamed, but read through once per import. */
  worksheetBytes: 256 * MiB,
  /** Any other part (workbook, styles, images…). */
  otherPartBytes: 16 * MiB,
  /** Everything unpacked, the parts exceljs skips included (it unpacks them to skip them). */
  totalBytes: 512 * MiB,
  /** One value, tag or attribute (bytes between two `<`): a cell of contract 4 is 300 characters. */
  textRunBytes: MiB,
  parts: 10_000,
};
export type XlsxLimits = typeof XLSX_LIMITS;

/** exceljs's own test for a worksheet part (workbook-reader.js): the first one in the archive is the one read. */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
const LT = 0x3c;

/** A worksheet with values: a cell with a value (`<v>`) or an inline string (`<is>`). */
const VALUE_TAGS = [Buffer.from("<v>"), Buffer.from("<is>")];

export interface XlsxShape {
  /** Worksheets after the first one that hold values (they are not read). */
  otherWorksheetsWithValues: number;
}

/**
 * Unpacks every part of the workbook once, counting, before exceljs reads it: the same zip
 * parser exceljs uses (unzipper's, reading local headers in order), so what is counted is what
 * exceljs would read, whatever sizes the headers claim. Refuses, naming the bound, as soon as one
 * is passed; a file that is not a whole zip archive is refused as damaged.
 */
export async function checkXlsxParts(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxShape> {
  const input = createReadStream(path);
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  // A file that ends inside a part fails the archive's stream, not the part's: end the part too.
  let current: unzipper.Entry | undefined;
  let failed: Error | undefined;
  zip.on("error", (err) => {
    failed = err;
    current?.destroy(err);
  });
  let parts = 0;
  let total = 0;
  let firstWorksheet: boolean | undefined;
  let otherWorksheetsWithValues = 0;
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      if (++parts > limits.parts) throw new FileRefused(fileReasons.tooManyParts(limits.parts));
      // Parts already parsed may still come after the archive failed: they would never end.
      if (failed) throw failed;
      current = entry;
      const name = entry.path;
      const worksheet = WORKSHEET.test(name);
      const max = name === "xl/sharedStrings.xml" ? limits.sharedStringsBytes : worksheet ? limits.worksheetBytes : limits.otherPartBytes;
      const xml = /\.(xml|rels)$/i.test(name);
      let size = 0;
      let run = 0;
      let values = false;
      let tail: Buffer = Buffer.alloc(0);
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length;
        total += chunk.length;
        if (size > max) throw new FileRefused(fileReasons.partTooLarge(name, max));
        if (total > limits.totalBytes) throw new FileRefused(fileReasons.workbookTooLarge(limits.totalBytes));
        if (xml) {
          run = longestRunEnd(chunk, run, limits.textRunBytes, name);
          if (worksheet && !values) {
            const window = Buffer.concat([tail, chunk]);
            values = VALUE_TAGS.some((t) => window.includes(t));
            tail = chunk.subarray(Math.max(0, chunk.length - 3));
          }
        }
      }
      if (worksheet) {
        if (firstWorksheet === undefined) firstWorksheet = values;
        else if (values) otherWorksheetsWithValues++;
      }
    }
  } catch (err) {
    if (err instanceof FileRefused) throw err;
    // The zip reader's own words ("FILE_ENDED", "invalid signature: 0x…", zlib's) mean nothing to an officer.
    throw new FileRefused(fileReasons.damaged());
  } finally {
    input.destroy();
    zip.destroy();
  }
  if (firstWorksheet === undefined) throw new FileRefused(fileReasons.noWorksheet());
  if (!firstWorksheet && otherWorksheetsWithValues > 0) throw new FileRefused(fileReasons.listNotOnFirstSheet());
  return { otherWorksheetsWithValues };
}

/** The length of the run of bytes without `<` at the chunk's end, refusing a run over `max`. */
function longestRunEnd(chunk: Buffer, runBefore: number, max: number, part: string): number {
  let run = runBefore;
  let from = 0;
  for (;;) {
    const lt = chunk.indexOf(LT, from);
    const end = lt === -1 ? chunk.length : lt;
    run += end - from;
    if (run > max) throw new FileRefused(fileReasons.valueTooLarge(part, max));
    if (lt === -1) return run;
    run = 0;
    from = lt + 1;
  }
}
