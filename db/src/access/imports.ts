import { and, asc, count, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { affectedRows, engineOf, tablesOf, type Db } from "../engine.js";
import { executeStatement, queryRows } from "../raw.js";
import type { importFiles, importRejectedRows, imports } from "../schema.js";

/** An import as followed: every column but the legacy `report`, which is never read whole. */
export type ImportRow = Omit<typeof imports.$inferSelect, "report">;
/** An import as listed: its summary, without the counts per column and reason either. */
export type ImportListRow = Omit<ImportRow, "problemCounts">;
export type NewImport = Omit<typeof imports.$inferInsert, "report">;
export type ImportRejectedRow = Omit<typeof importRejectedRows.$inferSelect, "importId">;

/** The columns of an import but the legacy report (and, for lists, the counts per column and reason). */
function summaryColumns(db: Db) {
  const { report: _legacyReport, ...summary } = getTableColumns(tablesOf(db).imports);
  const { problemCounts: _counts, ...listed } = summary;
  return { summary, listed };
}

export async function insertImport(db: Db, row: NewImport): Promise<void> {
  const { imports } = tablesOf(db);
  await db.insert(imports).values(row);
}

export async function updateImport(db: Db, id: string, patch: Partial<Omit<NewImport, "id">>): Promise<void> {
  const { imports } = tablesOf(db);
  await db.update(imports).set(patch).where(eq(imports.id, id));
}

/**
 * Updates a running import only while `holder` still runs it: false when another process has
 * taken it over (its lease ran out), so the caller stops and writes nothing more.
 */
export async function updateImportIfHeld(db: Db, id: string, holder: string, patch: Partial<Omit<NewImport, "id">>): Promise<boolean> {
  const { imports } = tablesOf(db);
  return affectedRows(await db.update(imports).set(patch).where(and(eq(imports.id, id), eq(imports.leaseHolder, holder), eq(imports.status, "running")))) === 1;
}

/**
 * Takes over a running import from `from` (a process that died): only one process wins, and the
 * attempt is counted.
 */
export async function claimImport(db: Db, id: string, from: string | null, holder: string, leaseUntil: Date): Promise<boolean> {
  const { imports } = tablesOf(db);
  const sameHolder = from === null ? sql`${imports.leaseHolder} is null` : eq(imports.leaseHolder, from);
  const claimed = await db
    .update(imports)
    .set({ leaseHolder: holder, leaseUntil, attempts: sql`${imports.attempts} + 1` })
    .where(and(eq(imports.id, id), eq(imports.status, "running"), sameHolder));
  return affectedRows(claimed) === 1;
}

export async function getImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const { imports } = tablesOf(db);
  return (await db.select(summaryColumns(db).summary).from(imports).where(eq(imports.id, id)).limit(1))[0];
}

/** Recent imports, newest first: all, one officer's, or one agency's. Reports are not read. */
export async function listImports(db: Db, opts: { limit: number; importedBy?: string; agency?: string }): Promise<ImportListRow[]> {
  const { imports } = tablesOf(db);
  const q = db.select(summaryColumns(db).listed).from(imports);
  const filtered = opts.agency ? q.where(eq(imports.agency, opts.agency)) : opts.importedBy ? q.where(eq(imports.importedBy, opts.importedBy)) : q;
  return filtered.orderBy(desc(imports.startedAt), desc(imports.id)).limit(opts.limit);
}

/** Imports still marked running (through the partial index of running ones). */
export async function runningImports(db: Db): Promise<ImportListRow[]> {
  const { imports } = tablesOf(db);
  return db.select(summaryColumns(db).listed).from(imports).where(sql`${imports.status} = 'running'`);
}

export type ImportFile = typeof importFiles.$inferSelect;

/** Keeps a running import's uploaded file where every instance reads it (one per import). */
export async function putImportFile(db: Db, file: ImportFile): Promise<void> {
  const { importFiles } = tablesOf(db);
  await db.insert(importFiles).values(file);
}

/** A running import's kept file, or undefined when none is kept (ended, or started before files were kept in the database). */
export async function getImportFile(db: Db, importId: string): Promise<ImportFile | undefined> {
  const { importFiles } = tablesOf(db);
  return (await db.select().from(importFiles).where(eq(importFiles.importId, importId)).limit(1))[0];
}

/** Removes an import's kept file (it has ended). */
export async function deleteImportFile(db: Db, importId: string): Promise<void> {
  const { importFiles } = tablesOf(db);
  await db.delete(importFiles).where(eq(importFiles.importId, importId));
}

/** Replaces an import's kept rejected rows (a resumed import reads its file again). */
export async function replaceRejectedRows(db: Db, importId: string, rows: readonly ImportRejectedRow[]): Promise<void> {
  const { importRejectedRows } = tablesOf(db);
  await db.delete(importRejectedRows).where(eq(importRejectedRows.importId, importId));
  for (let i = 0; i < rows.length; i += 100) await db.insert(importRejectedRows).values(rows.slice(i, i + 100).map((r) => ({ ...r, importId })));
}

/** A page of an import's kept rejected rows, in row order (at most a thousand are kept: an offset is cheap). */
export async function rejectedRowsPage(db: Db, importId: string, opts: { offset: number; limit: number }): Promise<ImportRejectedRow[]> {
  const { importRejectedRows } = tablesOf(db);
  return db
    .select({ row: importRejectedRows.row, values: importRejectedRows.values, truncated: importRejectedRows.truncated, problems: importRejectedRows.problems })
    .from(importRejectedRows)
    .where(eq(importRejectedRows.importId, importId))
    .orderBy(asc(importRejectedRows.row))
    .limit(opts.limit)
    .offset(opts.offset);
}

export async function countRejectedRows(db: Db, importId: string): Promise<number> {
  const { importRejectedRows } = tablesOf(db);
  return (await db.select({ n: count() }).from(importRejectedRows).where(eq(importRejectedRows.importId, importId)))[0]?.n ?? 0;
}

// Reports stored whole by earlier versions (the `report` column). Hand-written SQL, on purpose:
// octet_length() tells a stored text's size without SQLite reading it, and substr() hands over
// only its beginning, so a 472 MB report never reaches the JavaScript heap. (On PostgreSQL the
// column is jsonb, read as its text.)

const reportText = (db: Db) => (engineOf(db) === "postgres" ? sql.raw("report::text") : sql.raw("report"));

/** Imports whose report is still stored whole, with its size in bytes. */
export async function legacyImportReports(db: Db): Promise<{ id: string; bytes: number; rejected: number }[]> {
  return queryRows<{ id: string; bytes: number; rejected: number }>(db, sql`select id, octet_length(${reportText(db)}) as bytes, rejected from imports where octet_length(${reportText(db)}) > 2`);
}

/** The first `chars` characters of an import's legacy report. */
export async function legacyImportReportStart(db: Db, id: string, chars: number): Promise<string> {
  return (await queryRows<{ start: string }>(db, sql`select substr(${reportText(db)}, 1, ${chars}) as start from imports where id = ${id}`))[0]?.start ?? "[]";
}

/** Empties an import's legacy report once its beginning is in `import_rejected_rows`. */
export async function clearLegacyImportReport(db: Db, id: string, patch: Partial<Omit<NewImport, "id">>): Promise<void> {
  const { imports } = tablesOf(db);
  await db.update(imports).set({ ...patch, report: [] }).where(eq(imports.id, id));
}

/**
 * Cuts failure reasons longer than `chars` characters, marking the cut with `mark` (earlier
 * versions stored a reader's message whole, quoting the file).
 */
export async function clipLegacyImportErrors(db: Db, chars: number, mark: string): Promise<number> {
  return executeStatement(db, sql`update imports set error = substr(error, 1, ${chars}) || ${mark} where length(error) > ${chars}`);
}
