/**
 * What every kind of list import runs on (contract 4's licences, a payment programme's
 * beneficiaries): the claim an instance holds on an import while it runs it, the header row mapped
 * to the list's columns, the whole file read and checked before anything is stored, its report
 * stored, and the end of the import. Each importer brings its columns, its row check and how it
 * stores a batch of valid rows.
 */
import { createHash, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { hostname } from "node:os";
import type { mapSheetHeaders, SheetColumn } from "@hccd/shared";
import { deleteImportFile, getImport, insertImport, putImportFile, replaceRejectedRows, updateImportIfHeld, type Db, type NewImport } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError } from "../../errors.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { importFileRows, type ImportFormat } from "./import-reader.js";
import { createReportCollector, STORED_ERROR_MAX, STORED_FILE_NAME_MAX, type BoundedReport, type Problem } from "./import-report.js";
import { FILE_COLUMN, fileNotes, fileReasons, headerReasons } from "./import-reasons.js";
import { cutText } from "./import-text.js";

/**
 * How long a process's claim on an import holds without news (it renews it every thousand rows).
 * On this host a dead process is seen at once (its pid); the lease is for other hosts (issue 14).
 */
export const IMPORT_LEASE_MS = 5 * 60_000;
/** This process as the holder of the imports it runs: host, pid, and a boot id (a restarted container may reuse its pid). */
export const THIS_PROCESS = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Another process took the import over (this one's lease ran out): this one stops and writes nothing more. */
export class ImportTakenOver extends Error {
  constructor(importId: string) {
    super(`import ${importId} was taken over by another process`);
  }
}

/** The header row is not the list's, or there is none: a problem of the file, nothing is imported. */
export class BadHeader extends DomainError {
  constructor(
    readonly row: number,
    message: string,
    fields: { path: string; message: string }[],
  ) {
    super(422, "validation_failed", message, fields);
  }
}

export type ImportProgress = { stage: "reading"; rows: number } | { stage: "applying"; done: number; total: number };

/** An import whose row exists: a new one, or one taken over from a process that died. */
export interface ImportJob {
  importId: string;
  path: string;
  format: ImportFormat;
  catalogue: ReminderCatalogue;
  /** A department officer imports only their agency's services: other rows are reported. */
  agency: string | null;
  /** The process running it (THIS_PROCESS; tests play other processes). */
  holder: string;
  /**
   * `path` is this instance's working copy of the import's file (the file itself is kept in the
   * database, `import_files`, or for an import the CLI started, at `path` on its host): the copy
   * and the kept file are removed when the import ends.
   */
  kept: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Overrides BUFFERED_ROWS_MAX (tests). */
  bufferedRowsMax?: number;
}

export interface NewImportInput {
  path: string; fileName: string; format: ImportFormat; importedBy: string; catalogue: ReminderCatalogue;
  onProgress?: (p: ImportProgress) => void;
  /** The import's id, when the caller must know it before the import ends (the staff API answers at once). */
  importId?: string;
  /** A department officer imports only their agency's services: other rows are reported. */
  agency?: string | null;
  /** `path` is the import's own copy, kept under the data directory so the import can be resumed; removed when it ends. */
  kept?: boolean;
  bufferedRowsMax?: number;
  /** The instance running it (THIS_PROCESS; tests play other instances). */
  holder?: string;
  /** What the list is (a payment programme's beneficiaries are imported by services/payments): licences when not said. */
  kind?: NewImport["kind"];
  /**
   * The file's bytes, kept in the database with the import (`import_files`) so that any instance
   * can resume or fail it; without them only this host can (from `path`).
   */
  content?: Uint8Array;
}

/**
 * Records a new import, running and held by this process, and gives the job that runs it
 * (`runImport`): a caller that answers before the import ends records it first, so the import
 * can be read as soon as its id is given out.
 */
export async function beginImport(deps: Pick<ServiceDeps, "db" | "now" | "newId">, input: NewImportInput): Promise<ImportJob> {
  const importId = input.importId ?? deps.newId();
  const now = deps.now();
  const row: NewImport = {
    id: importId, kind: input.kind ?? "licences", fileName: cutText(input.fileName, STORED_FILE_NAME_MAX).text, format: input.format, importedBy: input.importedBy, agency: input.agency ?? null, startedAt: now, status: "running", stage: "reading",
    filePath: input.kept ? input.path : null, leaseHolder: input.holder ?? THIS_PROCESS, leaseUntil: new Date(now.getTime() + IMPORT_LEASE_MS),
  };
  await insertImport(deps.db, row);
  if (input.content) await putImportFile(deps.db, { importId, content: Buffer.from(input.content), bytes: input.content.byteLength, sha256: createHash("sha256").update(input.content).digest("hex") });
  return {
    importId, path: input.path, format: input.format, catalogue: input.catalogue, agency: input.agency ?? null, holder: input.holder ?? THIS_PROCESS, kept: input.kept ?? false,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}), ...(input.bufferedRowsMax ? { bufferedRowsMax: input.bufferedRowsMax } : {}),
  };
}

type ImportPatch = Parameters<typeof updateImportIfHeld>[3];
/** Writes to the import row while this process still holds it; throws ImportTakenOver when it does not. */
export type Held = (db: Db, patch: ImportPatch) => Promise<void>;

/**
 * Runs an import whose row exists with the importer's `readAndStore`, which writes to the row only
 * through `held` (renewing the lease each time). A failure is recorded on the row (bounded: a
 * reader's words may quote the file) unless another process took the import over; a kept file is
 * removed once the import has ended either way.
 */
export async function runHeldImport<R>(deps: Pick<ServiceDeps, "db" | "now">, job: ImportJob, readAndStore: (held: Held) => Promise<R>): Promise<R> {
  const lease = () => new Date(deps.now().getTime() + IMPORT_LEASE_MS);
  const held: Held = async (db, patch) => {
    if (!(await updateImportIfHeld(db, job.importId, job.holder, { ...patch, leaseUntil: lease() }))) throw new ImportTakenOver(job.importId);
  };
  try {
    const report = await readAndStore(held);
    if (job.kept) rmSync(job.path, { force: true });
    return report;
  } catch (err) {
    if (err instanceof ImportTakenOver) throw err;
    // Why the file was refused (import-reasons.ts), or a reader's own words, which may quote the
    // file: bounded like everything else stored from it.
    const error = cutText(err instanceof Error ? err.message : String(err), STORED_ERROR_MAX).text;
    await deps.db.transaction(async (tx) => {
      if (await updateImportIfHeld(tx, job.importId, job.holder, { status: "failed", stage: null, finishedAt: deps.now(), error, filePath: null, leaseHolder: null, leaseUntil: null })) await deleteImportFile(tx, job.importId);
    });
    if (job.kept) rmSync(job.path, { force: true });
    throw err;
  }
}

/** A list's columns and how its header row maps to them (shared `mapSheetHeaders`, with the list's common names). */
export interface SheetList<K extends string> {
  columns: readonly SheetColumn<K>[];
  mapHeaders(headers: readonly string[]): ReturnType<typeof mapSheetHeaders<K>>;
  /** Columns this file must have besides the list's required ones (a programme whose amounts come from the list). */
  alsoRequired?: readonly K[];
}

/** A data row under the list's column keys, with what the reader found wrong with a cell of a list column and the length of a cut one. */
export interface SheetRow {
  row: number;
  values: Record<string, unknown>;
  problems: Problem[];
  truncated: Record<string, number>;
}

/**
 * The file's data rows under the list's column keys. The header row must name every required
 * column once, and no unknown header may look like a column the file lacks (that column's every
 * value would be lost): else BadHeader, naming each. What the file holds that is not imported (the
 * reader's notes, columns the list does not know) is told once to `onNotes`, before the rows.
 */
export async function* sheetRows<K extends string>(job: Pick<ImportJob, "path" | "format">, list: SheetList<K>, onNotes?: (row: number, notes: string[]) => void): AsyncGenerator<SheetRow> {
  let columns: (K | null)[] | undefined;
  for await (const source of importFileRows(job.path, job.format)) {
    if (!columns) {
      const mapped = list.mapHeaders(source.cells.map((c) => String(c ?? "")));
      const label = (k: string) => list.columns.find((c) => c.key === k)?.label ?? k;
      const lookalikes = mapped.lookalike.filter((l) => !mapped.columns.includes(l.column));
      const missing = [...mapped.missing, ...(list.alsoRequired ?? []).filter((k) => !mapped.columns.includes(k) && !mapped.missing.includes(k))];
      if (missing.length > 0 || mapped.duplicate.length > 0 || lookalikes.length > 0) {
        throw new BadHeader(source.row, fileReasons.headerNotContract(), [
          ...lookalikes.map((l) => ({ path: l.column, message: headerReasons.lookalike(l.header, label(l.column), l.column) })),
          ...missing.filter((k) => !lookalikes.some((l) => l.column === k)).map((k) => ({ path: k, message: headerReasons.missing(k, label(k)) })),
          ...mapped.duplicate.map((k) => ({ path: k, message: headerReasons.twice() })),
        ]);
      }
      columns = mapped.columns;
      const notes = [...(source.notes ?? []), ...mapped.unknown.map(fileNotes.unknownColumn)];
      if (notes.length > 0) onNotes?.(source.row, notes);
      continue;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((key, i) => {
      if (key) values[key] = source.cells[i];
    });
    const problems: Problem[] = [];
    const truncated: Record<string, number> = {};
    for (const p of source.problems ?? []) {
      const key = columns[p.cell];
      if (!key) continue;
      problems.push({ column: key, reason: p.reason });
      if (p.cutFrom !== undefined) truncated[key] = p.cutFrom;
    }
    yield { row: source.row, values, problems, truncated };
  }
  if (!columns) throw new BadHeader(1, fileReasons.empty(), [{ path: FILE_COLUMN, message: headerReasons.noHeader() }]);
}

/** A data row checked by its importer: the value to store, or every problem it has. */
export type CheckedRow<T> = { row: number; ok: true; value: T } | { row: number; ok: false; values: Record<string, unknown>; problems: Problem[]; truncated: Record<string, number> };

/** A rejected row's values as the officer gave them: text verbatim, an Excel date as YYYY-MM-DD. */
const shown = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")]));

/**
 * Stage `reading`: reads and checks the whole file, storing nothing but the progress every `chunk`
 * rows; each valid row goes to `onValid`. A bad header stores the report naming it and throws; else
 * the report is stored and the import moves to stage `applying`.
 */
export async function readAndReport<T>(
  db: Db,
  job: ImportJob,
  held: Held,
  input: { chunk: number; rows: (onNotes: (row: number, notes: string[]) => void) => AsyncIterable<CheckedRow<T>>; onValid: (value: T) => void },
): Promise<{ rows: number; report: BoundedReport }> {
  const collector = createReportCollector();
  let rows = 0;
  try {
    // Notes about the file are kept with the report, not counted as rejected rows.
    const notes = (row: number, texts: string[]) => collector.fileProblems(row, texts.map((reason) => ({ column: FILE_COLUMN, reason })));
    for await (const c of input.rows(notes)) {
      rows++;
      if (!c.ok) collector.rejectRow(c.row, shown(c.values), c.problems, c.truncated);
      else input.onValid(c.value);
      if (rows % input.chunk === 0) {
        await held(db, { rows });
        job.onProgress?.({ stage: "reading", rows });
      }
    }
  } catch (err) {
    if (err instanceof BadHeader) {
      collector.fileProblems(err.row, (err.fields ?? []).map((f) => ({ column: f.path, reason: f.message })));
      await storeReport(db, job.importId, collector.result(), held, { rows });
    }
    throw err;
  }
  const report = collector.result();
  await storeReport(db, job.importId, report, held, { rows, stage: "applying" });
  return { rows, report };
}

export type ImportCounts = { created: number; updated: number; unchanged: number };

/** The counts stored with the last batch committed: where an import resumes (0 for a new one). */
export async function storedCounts(db: Db, importId: string): Promise<ImportCounts> {
  const { created, updated, unchanged } = (await getImport(db, importId))!;
  return { created, updated, unchanged };
}

/** Ends an import that stored its rows: the kept file goes with the last write (its rejected rows are kept). */
export async function finishImport(deps: Pick<ServiceDeps, "db" | "now">, importId: string, held: Held): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await held(tx, { status: "finished", stage: null, finishedAt: deps.now(), filePath: null, leaseHolder: null });
    await deleteImportFile(tx, importId);
  });
}

export async function storeReport(db: Db, importId: string, report: BoundedReport, held: Held, patch: { rows: number; stage?: "applying" }): Promise<void> {
  await db.transaction(async (tx) => {
    await replaceRejectedRows(tx, importId, report.kept);
    await held(tx, { ...patch, rejected: report.rejectedRows, problems: report.problems, rejectedNotKept: report.rejectedNotKept, problemCounts: report.problemCounts });
  });
}
