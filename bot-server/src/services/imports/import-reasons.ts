import { i18nFor } from "@hccd/shared";
import { DomainError } from "../../errors.js";

/**
 * What the readers of a department's list and the header check say, in English as the API and the
 * stored report give it: a file refused whole, a cell reported, a note about the file. The English
 * text is the `en` resource (`imports.reasons.file|cell|header|note`); officers read the same
 * reason in their language through `importReasonText` (services/imports/staff-imports.ts).
 */

/** A file the readers will not read, and why: not a bug, so logged without a stack. */
export class FileRefused extends DomainError {
  constructor(reason: string) {
    super(422, "file_refused", reason, [{ path: "file", message: reason }]);
  }
}

const en = i18nFor("en").getFixedT("en", "staff");
/** A reason's English text, from the `en` resource: the one place it is written (importReasonText reads it back). */
const say = (key: string, vars?: Record<string, string | number>) => en(`imports.reasons.${key}`, vars);
const mb = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/** Why a file is refused. */
export const fileReasons = {
  utf32: () => say("file.utf32"),
  xlsxNamedCsv: () => say("file.xlsxNamedCsv"),
  oldExcel: () => say("file.oldExcel"),
  notText: () => say("file.notText"),
  notXlsx: () => say("file.notXlsx"),
  lostLetters: () => say("file.lostLetters"),
  legacyFont: () => say("file.legacyFont"),
  quoteNotClosed: (line: number) => say("file.quoteNotClosed", { line }),
  strayQuote: (line: number) => say("file.strayQuote", { line }),
  rowTooLong: (line: number, chars: number) => say("file.rowTooLong", { line, size: mb(chars) }),
  csvUnreadable: (line: number) => say("file.csvUnreadable", { line }),
  partTooLarge: (part: string, bytes: number) => say("file.partTooLarge", { part, size: mb(bytes) }),
  workbookTooLarge: (bytes: number) => say("file.workbookTooLarge", { size: mb(bytes) }),
  valueTooLarge: (part: string, bytes: number) => say("file.valueTooLarge", { part, size: mb(bytes) }),
  tooManyParts: (parts: number) => say("file.tooManyParts", { parts }),
  damaged: () => say("file.damaged"),
  noWorksheet: () => say("file.noWorksheet"),
  listNotOnFirstSheet: () => say("file.listNotOnFirstSheet"),
  headerNotContract: () => say("file.headerNotContract"),
  empty: () => say("file.empty"),
};

/** Why a cell is reported (the row is rejected when the cell is in one of contract 4's columns). */
export const cellReasons = {
  cut: (chars: number, max: number, mark: string) => say("cell.cut", { chars, max, mark }),
  replacementCharacter: () => say("cell.replacementCharacter"),
  formulaWithoutResult: () => say("cell.formulaWithoutResult"),
  excelError: (error: string) => say("cell.excelError", { error }),
  unreadable: () => say("cell.unreadable"),
  notARealDate: () => say("notARealDate"),
};

/** What the readers note about a file they read (shown with the report, not rejections). */
export const fileNotes = {
  otherWorksheets: (count: number) => say("note.otherWorksheets", { count }),
  unknownColumn: (header: string) => say("note.unknownColumn", { header }),
};

/**
 * Why a header row is refused. A header that looks like a contract column (misspelled, or a common
 * name for it) refuses the file when that column is absent: importing would drop every value of
 * it (a misspelled phone column lost every phone) while the fix is renaming one cell.
 */
export const headerReasons = {
  lookalike: (header: string, label: string, key: string) => say("header.lookalike", { header, label, key }),
  missing: (key: string, label: string) => say("header.missing", { key, label }),
  twice: () => say("header.twice"),
  noHeader: () => say("header.noHeader"),
};

/** The report's column for a problem or note of the whole file, not of a row. */
export const FILE_COLUMN = "(file)";
