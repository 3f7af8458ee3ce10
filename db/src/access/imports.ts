import { and, asc, count, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { importRejectedRows, imports } from "../schema.js";

/** An import as followed: every column but the legacy `report`, which is never read whole. */
export type ImportRow = Omit<typeof imports.$inferSelect, "report">;
/** An import as listed: its summary, without the counts per column and reason either. */
export type ImportListRow = Omit<ImportRow, "problemCounts">;
export type NewImport = Omit<typeof imports.$inferInsert, "report">;
export type ImportRejectedRow = Omit<typeof importRejectedRows.$inferSelect, "importId">;

const { report: _legacyReport, ...SUMMARY } = getTableColumns(imports);
const { problemCounts: _counts, ...LISTED } = SUMMARY;

export function insertImport(db: Db, row: NewImport): void {
  db.insert(imports).values(row).run();
}

export function updateImport(db: Db, id: string, patch: Partial<Omit<NewImport, "id">>): void {
  db.update(imports).set(patch).where(eq(imports.id, id)).run();
}

/**
 * Updates a running import only while `holder` still runs it: false when another process has
 * taken it over (its lease ran out), so the caller stops and writes nothing more.
 */
export function updateImportIfHeld(db: Db, id: string, holder: string, patch: Partial<Omit<NewImport, "id">>): boolean {
  return db.update(imports).set(patch).where(and(eq(imports.id, id), eq(imports.leaseHolder, holder), eq(imports.status, "running"))).run().changes === 1;
}

/**
 * Takes over a running import from `from` (a process that died): only one process wins, and the
 * attempt is counted.
 */
export function claimImport(db: Db, id: string, from: string | null, holder: string, leaseUntil: Date): boolean {
  const sameHolder = from === null ? sql`${imports.leaseHolder} is null` : eq(imports.leaseHolder, from);
  return (
    db
      .update(imports)
      .set({ leaseHolder: holder, leaseUntil, attempts: sql`${imports.attempts} + 1` })
      .where(and(eq(imports.id, id), eq(imports.status, "running"), sameHolder))
      .run().changes === 1
  );
}

export function getImport(db: Db, id: string): ImportRow | undefined {
  return db.select(SUMMARY).from(imports).where(eq(imports.id, id)).get();
}

/** Recent imports, newest first: all, one officer's, or one agency's. Reports are not read. */
export function listImports(db: Db, opts: { limit: number; importedBy?: string; agency?: string }): ImportListRow[] {
  const q = db.select(LISTED).from(imports);
  const filtered = opts.agency ? q.where(eq(imports.agency, opts.agency)) : opts.importedBy ? q.where(eq(imports.importedBy, opts.importedBy)) : q;
  return filtered.orderBy(desc(imports.startedAt)).limit(opts.limit).all();
}

/** Imports still marked running (through the partial index of running ones). */
export function runningImports(db: Db): ImportListRow[] {
  return db.select(LISTED).from(imports).where(sql`${imports.status} = 'running'`).all();
}

/** Replaces an import's kept rejected rows (a resumed import reads its file again). */
export function replaceRejectedRows(db: Db, importId: string, rows: readonly ImportRejectedRow[]): void {
  db.delete(importRejectedRows).where(eq(importRejectedRows.importId, importId)).run();
  for (let i = 0; i < rows.length; i += 100) db.insert(importRejectedRows).values(rows.slice(i, i + 100).map((r) => ({ ...r, importId }))).run();
}

/** A page of an import's kept rejected rows, in row order (at most a thousand are kept: an offset is cheap). */
export function rejectedRowsPage(db: Db, importId: string, opts: { offset: number; limit: number }): ImportRejectedRow[] {
  return db
    .select({ row: importRejectedRows.row, values: importRejectedRows.values, truncated: importRejectedRows.truncated, problems: importRejectedRows.problems })
    .from(importRejectedRows)
    .where(eq(importRejectedRows.importId, importId))
    .orderBy(asc(importRejectedRows.row))
    .limit(opts.limit)
    .offset(opts.offset)
    .all();
}

export function countRejectedRows(db: Db, importId: string): number {
  return db.select({ n: count() }).from(importRejectedRows).where(eq(importRejectedRows.importId, importId)).get()?.n ?? 0;
}

// Reports stored whole by earlier versions (the `report` column). Hand-written SQL, on purpose:
// octet_length() tells a stored text's size without SQLite reading it, and substr() hands over
// only its beginning, so a 472 MB report never reaches the JavaScript heap.

/** Imports whose report is still stored whole, with its size in bytes. */
export function legacyImportReports(db: Db): { id: string; bytes: number; rejected: number }[] {
  return db.all<{ id: string; bytes: number; rejected: number }>(sql`select id, octet_length(report) as bytes, rejected from imports where octet_length(report) > 2`);
}

/** The first `chars` characters of an import's legacy report. */
export function legacyImportReportStart(db: Db, id: string, chars: number): string {
  return db.get<{ start: string }>(sql`select substr(report, 1, ${chars}) as start from imports where id = ${id}`)?.start ?? "[]";
}

/** Empties an import's legacy report once its beginning is in `import_rejected_rows`. */
export function clearLegacyImportReport(db: Db, id: string, patch: Partial<Omit<NewImport, "id">>): void {
  db.update(imports).set({ ...patch, report: [] }).where(eq(imports.id, id)).run();
}

/**
 * Cuts failure reasons longer than `chars` characters, marking the cut with `mark` (earlier
 * versions stored a reader's message whole, quoting the file).
 */
export function clipLegacyImportErrors(db: Db, chars: number, mark: string): number {
  return db.run(sql`update imports set error = substr(error, 1, ${chars}) || ${mark} where length(error) > ${chars}`).changes;
}
