import { restoreNeutralised } from "../spreadsheets/csv-file.js";
import { cellReasons, FileRefused, fileReasons } from "./import-reasons.js";

/**
 * The text of one cell of a department's list, as the importer may keep it, and the checks that
 * a file's text is Vietnamese as typed rather than damaged on its way here.
 */

/**
 * The longest cell the readers pass on. Contract 4's longest value is an address (300 characters,
 * shared/src/schemas/licence-row.ts); a thousand leaves room for a column the contract does not
 * know, and keeps a report quoting the cell small.
 */
export const MAX_CELL_CHARS = 1000;
/** What marks a cut cell, in the report and in the rejected rows' file. */
export const CUT_MARK = " […]";

/**
 * `text` cut to at most `max` characters (UTF-16 code units; never half a letter: a surrogate pair
 * is cut whole), the cut marked with CUT_MARK, and the length it had when it was cut. The one cut
 * of everything an import keeps from a file: its cells here, and what the report stores (a file
 * name, a reason quoting a header, a reader's message, a report from an earlier version).
 */
export function cutText(text: string, max: number): { text: string; cutFrom?: number } {
  if (text.length <= max) return { text };
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return { text: text.slice(0, end) + CUT_MARK, cutFrom: text.length };
}

/**
 * A cell's text: NFC, an export's formula mark read back, cut to `MAX_CELL_CHARS` (`cutFrom` its
 * length then); or why it cannot be kept as is.
 */
export function cellText(raw: string): { text: string; problem?: string; cutFrom?: number } {
  const { text, cutFrom } = cutText(restoreNeutralised(raw.normalize("NFC")), MAX_CELL_CHARS);
  let problem = cutFrom === undefined ? undefined : cellReasons.cut(cutFrom, MAX_CELL_CHARS, CUT_MARK);
  if (text.includes("\uFFFD")) problem = cellReasons.replacementCharacter();
  return { text, ...(problem ? { problem } : {}), ...(cutFrom === undefined ? {} : { cutFrom }) };
}

/**
 * Letters never used in Vietnamese that a Latin-1 view of the old font encodings is full of:
 * TCVN3 (.VnTime: "V¨n" for "Văn", "NguyÔn" for "Nguyễn") puts its letters on symbols and on
 * letters like Ç, Ë, ñ; VNI (VNI-Times: "Vieät" for "Việt") writes tone marks as ä, ø, ö, ï…
 * (Ð, the look-alike of Đ that some keyboards type, is not among them.)
 */
const LEGACY_SIGNAL = /\p{L}[\u00A1-\u00BF]|[\u00C4-\u00C7\u00CB\u00CE\u00CF\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/u;
/** A letter lost to "?" by a save in an encoding without Vietnamese ("Th? ?nh"). */
const LOST_LETTER = /\p{L}\?+\p{L}|(?:^|\s)\?+\p{L}|\p{L}\?+(?=\s|$)/u;
/** A cell worth judging: a letter beyond ASCII, or a "?" where a letter was. */
const NON_ASCII_LETTER = /[^\p{ASCII}]|\?/u;

/** Share of a file's non-ASCII cells that must look damaged before the file is refused. */
const DAMAGED_SHARE = 0.3;
/** How many non-ASCII cells to see before judging a file whose end is not reached yet. */
const EARLY_JUDGEMENT = 20;

/**
 * Watches a file's cells for text damaged before it reached us: an old Vietnamese font encoding,
 * or letters lost to "?". One foreign name ("Müller") is not damage; a third of the cells is.
 */
export class TextDamageCheck {
  private cells = 0;
  private legacy = 0;
  private lost = 0;

  /** The header row: two damaged labels are enough (a header of contract 4 is all Vietnamese or English). */
  header(cells: readonly unknown[]): void {
    const texts = cells.filter((c): c is string => typeof c === "string");
    if (texts.filter((t) => LEGACY_SIGNAL.test(t)).length >= 2) throw new FileRefused(fileReasons.legacyFont());
    if (texts.filter((t) => LOST_LETTER.test(t)).length >= 2) throw new FileRefused(fileReasons.lostLetters());
  }

  /** A data row; refuses the file as soon as enough of it is seen to be sure. */
  row(cells: readonly unknown[]): void {
    for (const c of cells) {
      if (typeof c !== "string" || !NON_ASCII_LETTER.test(c)) continue;
      this.cells++;
      if (LEGACY_SIGNAL.test(c)) this.legacy++;
      if (LOST_LETTER.test(c)) this.lost++;
    }
    if (this.cells >= EARLY_JUDGEMENT) this.judge(3);
  }

  /** At the end of the file: a short file is judged on what it has. */
  end(): void {
    this.judge(2);
  }

  private judge(minimum: number): void {
    const damaged = (n: number) => n >= minimum && n >= DAMAGED_SHARE * this.cells;
    if (damaged(this.legacy)) throw new FileRefused(fileReasons.legacyFont());
    if (damaged(this.lost)) throw new FileRefused(fileReasons.lostLetters());
  }
}
