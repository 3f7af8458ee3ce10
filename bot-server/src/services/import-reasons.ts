import { DomainError } from "../errors.js";

/**
 * What the readers of a department's list say, in English as the API gives it: a file refused
 * whole, a cell reported, a note about the file. Officers read them in their language through
 * `importReasonText` (services/staff-imports.ts), which knows each of these sentences; keep the
 * two in step (staff-imports.test.ts translates every one).
 */

/** A file the readers will not read, and why: not a bug, so logged without a stack. */
export class FileRefused extends DomainError {
  constructor(reason: string) {
    super(422, "file_refused", reason, [{ path: "file", message: reason }]);
  }
}

const mb = (bytes: number) => `${bytes / (1024 * 1024)} MB`;
const count = (n: number) => n.toLocaleString("en-US");
const SAVE_AS_UTF8 = "save it again as “CSV UTF-8” and upload it again";

/** Why a file is refused. */
export const fileReasons = {
  utf32: () => "is written in UTF-32: save it as “CSV UTF-8” and upload it again",
  xlsxNamedCsv: () => "is an .xlsx workbook with a .csv name: upload it with its .xlsx name",
  oldExcel: () => "is an old Excel workbook (.xls) or a password-protected one: save it in Excel as “Excel Workbook (.xlsx)” without a password, or as “CSV UTF-8”",
  notText: () => "is not a text file: save the list as “CSV UTF-8” or as an .xlsx workbook",
  notXlsx: () => "is not an .xlsx workbook (an .xlsx file is a zip archive)",
  lostLetters: () => `lost its Vietnamese letters when it was saved (they became “?”): ${SAVE_AS_UTF8}`,
  legacyFont: () => "is written in an old Vietnamese font encoding (TCVN3 for .VnTime fonts, or VNI): convert it to Unicode (for example with Unikey's converter), save it as “CSV UTF-8” and upload it again",
  quoteNotClosed: (line: number) => `line ${line}: a value opens a quote (") that is never closed: close it, or double a quote inside a value ("")`,
  strayQuote: (line: number) => `line ${line}: a quote (") inside a value that does not start with one: put the whole value in quotes and double the quotes inside it ("")`,
  rowTooLong: (line: number, chars: number) => `line ${line}: a row is longer than ${count(chars)} characters (is a quote left open?): no list of contract 4 has rows that long`,
  csvUnreadable: (line: number) => `line ${line}: the row cannot be read as CSV: check its commas and quotes`,
  partTooLarge: (part: string, bytes: number) => `its part ${part} unpacks to more than ${mb(bytes)}, more than any list of contract 4 needs: it was not read`,
  workbookTooLarge: (bytes: number) => `unpacks to more than ${mb(bytes)} in all, more than any list of contract 4 needs: split the list into smaller files`,
  valueTooLarge: (part: string, bytes: number) => `its part ${part} holds a single value of more than ${mb(bytes)}, more than any list of contract 4 needs: it was not read`,
  tooManyParts: (parts: number) => `holds more than ${count(parts)} parts, more than any list of contract 4 needs: it was not read`,
  damaged: () => "is damaged or incomplete (was the upload cut short?): open it in Excel, save it again and upload it again",
  noWorksheet: () => "has no worksheet: put the list on the first worksheet",
  listNotOnFirstSheet: () => "has nothing on its first worksheet, and the list on another one: move the list to the first worksheet",
} as const;

/** Why a cell is reported (the row is rejected when the cell is in one of contract 4's columns). */
export const cellReasons = {
  cut: (chars: number, max: number, mark: string) => `has ${chars} characters, more than the ${max} a cell may have: cut, the cut marked ${mark}`,
  replacementCharacter: () => "contains “�”, a letter damaged by a wrong encoding before it reached this file: type it again",
  formulaWithoutResult: () => "is a formula whose result was not saved with the file: open the file in Excel, save it and upload it again",
  excelError: (error: string) => `holds the Excel error ${error}`,
  unreadable: () => "holds a value that cannot be read: type it again as text",
  notARealDate: () => "is not a real date",
} as const;

/** What the readers note about a file they read (shown with the report, not rejections). */
export const fileNotes = {
  otherWorksheets: (n: number) => `${n} other worksheet${n === 1 ? " has" : "s have"} values that were not read: only the first worksheet is imported`,
  unknownColumn: (header: string) => `column "${header}" is not a column of contract 4: its values were not imported`,
} as const;

/**
 * Why a header row is refused. A header that looks like a contract column (misspelled, or a common
 * name for it) refuses the file when that column is absent: importing would drop every value of
 * it (a misspelled phone column lost every phone) while the fix is renaming one cell.
 */
export const headerReasons = {
  lookalike: (header: string, label: string, key: string) => `column "${header}" is not a column of contract 4: if it is "${label}" (${key}), give it that name and upload the file again`,
  missing: (key: string, label: string) => `required column missing (header "${key}" or "${label}")`,
  twice: () => "column appears twice",
  noHeader: () => "has no header row",
} as const;

/** The report's column for a problem or note of the whole file, not of a row. */
export const FILE_COLUMN = "(file)";
