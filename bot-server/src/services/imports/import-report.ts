import type { ImportProblemCount, ImportRejectedRow } from "@hccd/db";
import { cutText } from "./import-text.js";

/**
 * How much of an import's report is kept. Everything in a report comes from the uploaded file, so
 * everything is bounded: a crafted 460 KB workbook once stored a 472 MB report, and 200,000 bad rows
 * a 72 MB one, which listing imports then loaded whole.
 *
 * - The first 1,000 rejected rows are kept with their values. An officer fixes rejected rows from
 *   the download and uploads again, and the importer reports the rest then; past a few hundred
 *   problems a file almost always has one systematic mistake (a wrong date format, a shifted
 *   column), which the counts per column and reason show whatever the number of rows. 1,000 rows
 *   are ten pages of the console's report.
 * - Each value is kept as the reader passed it on: cut at MAX_CELL_CHARS (1,000) characters and
 *   marked, the row rejected for it, its length in `truncated` (import-text.ts: one cut, not a
 *   second one here). That is longer than any contract-4 field (the address, 300), so a cut value
 *   is still refused if it is uploaded again; 1,000 rows of ten columns stay under 10 M characters.
 * - Notes about the file (columns not imported, other worksheets) and problems of its header are
 *   kept with the header's row number and no values, and counted, but they are not rejected rows.
 * - Counts of every problem, kept or not, per column and reason.
 * - Everything else stored from the file (names, reasons quoting a header, a file name, why it
 *   failed) is cut the same way (`cutText`), at its own bound.
 */
export const KEPT_REJECTED_ROWS = 1000;
const STORED_NAME_MAX = 100;
/** An upload's file name, as stored and listed (the browser sends any length). */
export const STORED_FILE_NAME_MAX = 255;
/** Why an import failed, as stored: a reader's message may quote the file. */
export const STORED_ERROR_MAX = 1000;
const STORED_REASON_MAX = 300;
const PROBLEMS_PER_ROW_MAX = 20;
const VALUES_PER_ROW_MAX = 20;
const COUNT_GROUPS_MAX = 100;
/** The group counting the problems beyond COUNT_GROUPS_MAX distinct column-and-reason pairs. */
export const OTHER_PROBLEMS = { column: "*", reason: "other problems" } as const;

export type Problem = { column: string; reason: string };

/** The bounded report of one import, built while its file is read. */
export interface ReportCollector {
  /**
   * A rejected data row: its values as the reader passed them on (each bounded there), every
   * problem it has, and the length of each value the reader cut.
   */
  rejectRow(row: number, values: Record<string, string>, problems: readonly Problem[], truncated?: Record<string, number>): void;
  /** Problems of the file rather than of a row (its header), or notes about it: kept, counted, not a rejected row. */
  fileProblems(row: number, problems: readonly Problem[]): void;
  result(): BoundedReport;
}

export interface BoundedReport {
  /** Rejected data rows, all of them. */
  rejectedRows: number;
  /** Problems found, all of them (a row may have several). */
  problems: number;
  rejectedNotKept: number;
  /** Most frequent first. */
  problemCounts: ImportProblemCount[];
  /** The kept rows (the first KEPT_REJECTED_ROWS rejected rows, and any file-level problems), in row order. */
  kept: ImportRejectedRow[];
}

export function createReportCollector(): ReportCollector {
  const kept = new Map<number, ImportRejectedRow>();
  const counts = new Map<string, ImportProblemCount>();
  let rejectedRows = 0;
  let keptDataRows = 0;
  let problems = 0;

  let other: ImportProblemCount | undefined;
  const count = (p: Problem) => {
    problems++;
    const key = `${p.column}\u0000${p.reason}`;
    let group = counts.get(key);
    if (!group) {
      if (counts.size < COUNT_GROUPS_MAX) counts.set(key, (group = { ...p, count: 0 }));
      else group = other ??= { ...OTHER_PROBLEMS, count: 0 };
    }
    group.count++;
  };
  const bounded = (ps: readonly Problem[]): Problem[] => ps.map((p) => ({ column: cutText(p.column, STORED_NAME_MAX).text, reason: cutText(p.reason, STORED_REASON_MAX).text }));
  const keep = (row: number, values: Record<string, string>, ps: Problem[], truncated: Record<string, number> = {}) => {
    const entry = kept.get(row) ?? { row, values: {}, truncated: {}, problems: [] };
    for (const [k, v] of Object.entries(values).slice(0, VALUES_PER_ROW_MAX)) {
      const key = cutText(k, STORED_NAME_MAX).text;
      entry.values[key] = v;
      if (truncated[k] !== undefined) entry.truncated[key] = truncated[k];
    }
    entry.problems.push(...ps.slice(0, PROBLEMS_PER_ROW_MAX - entry.problems.length));
    kept.set(row, entry);
  };

  return {
    rejectRow(row, values, ps, truncated) {
      const b = bounded(ps);
      b.forEach(count);
      rejectedRows++;
      if (kept.has(row) || keptDataRows < KEPT_REJECTED_ROWS) {
        if (!kept.has(row)) keptDataRows++;
        keep(row, values, b, truncated);
      }
    },
    fileProblems(row, ps) {
      const b = bounded(ps);
      b.forEach(count);
      keep(row, {}, b);
    },
    result() {
      return {
        rejectedRows,
        problems,
        rejectedNotKept: rejectedRows - keptDataRows,
        problemCounts: [...counts.values(), ...(other ? [other] : [])].sort((a, b) => b.count - a.count),
        kept: [...kept.values()].sort((a, b) => a.row - b.row),
      };
    },
  };
}

/** Kept rows as the API gives them: one entry per problem, with the row's values (and which were cut). */
export function problemEntries(rows: readonly ImportRejectedRow[]) {
  return rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, column: p.column, reason: p.reason, values: r.values, ...(Object.keys(r.truncated).length > 0 ? { truncated: r.truncated } : {}) })));
}
