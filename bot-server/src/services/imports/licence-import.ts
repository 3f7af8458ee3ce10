import { rmSync } from "node:fs";
import { createHash, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { LICENCE_COLUMNS, licenceRowSchema, mapLicenceHeaders, zodIssuesToFields, type LicenceRow } from "@hccd/shared";
import { cancelPlannedReminders, deleteImportFile, findDocumentsByNumber, getImport, insertDocuments, insertImport, isUniqueViolation, planReminders, putImportFile, replaceRejectedRows, updateDocument, updateImportIfHeld, type Db, type DocumentRow, type ImportProblemCount, type NewDocument, type NewImport, type NewReminder } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError } from "../../errors.js";
import { importFileRows, type ImportFormat } from "./import-reader.js";
import { createReportCollector, problemEntries, STORED_ERROR_MAX, STORED_FILE_NAME_MAX, type BoundedReport, type Problem } from "./import-report.js";
import { FILE_COLUMN, fileNotes, fileReasons, headerReasons } from "./import-reasons.js";
import { cutText } from "./import-text.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { documentReminderRows } from "../reminders/reminder-planning.js";
import { listOutrankedByPopulation, OUTRANKED_BY_POPULATION } from "../population/population-precedence.js";

export type { ReminderCatalogue };

export interface ImportReport {
  importId: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rejected rows, all of them. */
  rejectedRows: number;
  /** Problems found, all of them (a row may have several), and notes about the file. */
  problems: number;
  /** Rejected rows whose details were not kept (see import-report.ts). */
  rejectedNotKept: number;
  problemCounts: ImportProblemCount[];
  /**
   * The kept problems, one entry per problem, first rows first: notes about the file (column
   * `(file)`, no values) before the rows'; `truncated` names values the reader cut and their length.
   */
  rejected: { row: number; column: string; reason: string; values: Record<string, string>; truncated?: Record<string, number> }[];
}

function sameDocument(d: DocumentRow, r: LicenceRow): boolean {
  return (
    d.holderKind === r.holder_kind && d.holderName === r.holder_name && (d.holderId ?? undefined) === r.holder_id && (d.phone ?? undefined) === r.phone &&
    (d.issuedOn ?? undefined) === r.issued_on && d.expiresOn === r.expires_on && (d.wardCode ?? undefined) === r.ward_code && (d.address ?? undefined) === r.address
  );
}

/** Rows stored per transaction: SQLite has one writer, and a webhook waits for the batch in hand, not for the file. */
const CHUNK = 1000;
/** How often a batch is done again when another import stored one of its documents meanwhile. */
const BATCH_TRIES = 3;
/**
 * Valid rows held in memory between reading the file and storing them (about 100 MB at most); a
 * longer file is read a second time to store its rows rather than held whole.
 */
export const BUFFERED_ROWS_MAX = 200_000;
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

/**
 * Imports a department's list (contract 4): good rows are stored, bad rows are reported with their
 * row, column and reason; importing the same file again changes nothing; a renewed document (new
 * expiry) has its pending reminders cancelled and new ones planned.
 *
 * All or nothing per file: the whole file is read and checked before anything is stored, so a file
 * that cannot be read to its end (a bad quote at line 5,002, a damaged workbook, text the reader
 * finds in an old font encoding part-way: import-reader.ts) or has a wrong header stores nothing. Rows are then stored in batches, each with the counts so far: when the
 * process dies the import is `running` with its file kept (`kept`), and the next start resumes it
 * from the first row not stored (import-recovery.ts).
 */
export async function importLicences(deps: ServiceDeps, input: NewImportInput): Promise<ImportReport> {
  return runImport(deps, await beginImport(deps, input));
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

/**
 * Runs an import whose row exists, from its file: reads and checks it whole (stage `reading`,
 * nothing stored), stores the report, then stores the valid rows after those already stored
 * (stage `applying`). Records the outcome, and removes a kept file once the import has ended.
 */
export async function runImport(deps: ServiceDeps, job: ImportJob): Promise<ImportReport> {
  const lease = () => new Date(deps.now().getTime() + IMPORT_LEASE_MS);
  const held: Held = async (db, patch) => {
    if (!(await updateImportIfHeld(db, job.importId, job.holder, { ...patch, leaseUntil: lease() }))) throw new ImportTakenOver(job.importId);
  };
  try {
    const report = await readAndStore(deps, job, held);
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

type ImportPatch = Parameters<typeof updateImportIfHeld>[3];
/** Writes to the import row while this process still holds it; throws ImportTakenOver when it does not. */
export type Held = (db: Db, patch: ImportPatch) => Promise<void>;

type Checked =
  | { row: number; ok: true; value: LicenceRow }
  | { row: number; ok: false; values: Record<string, unknown>; problems: Problem[]; truncated: Record<string, number> };

/**
 * The file's rows, each checked against contract 4, the catalogue and the officer's agency. What
 * the file holds that is not imported (the reader's notes, columns contract 4 does not know) is
 * told once to `onNotes`, before the rows.
 */
async function* checkedRows(job: ImportJob, onNotes?: (row: number, notes: string[]) => void): AsyncGenerator<Checked> {
  let columns: ReturnType<typeof mapLicenceHeaders>["columns"] | undefined;
  for await (const source of importFileRows(job.path, job.format)) {
    if (!columns) {
      const mapped = mapLicenceHeaders(source.cells.map((c) => String(c ?? "")));
      const label = (k: string) => LICENCE_COLUMNS.find((c) => c.key === k)?.label ?? k;
      // A header that looks like a column the file lacks would lose that column's every value.
      const lookalikes = mapped.lookalike.filter((l) => !mapped.columns.includes(l.column));
      if (mapped.missing.length > 0 || mapped.duplicate.length > 0 || lookalikes.length > 0) {
        throw new BadHeader(source.row, fileReasons.headerNotContract(), [
          ...lookalikes.map((l) => ({ path: l.column, message: headerReasons.lookalike(l.header, label(l.column), l.column) })),
          ...mapped.missing.filter((k) => !lookalikes.some((l) => l.column === k)).map((k) => ({ path: k, message: headerReasons.missing(k, label(k)) })),
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
    // What the reader found wrong with a cell of a contract column (cut, an Excel error…), and the length of a cut one.
    const cellProblems: Problem[] = [];
    const truncated: Record<string, number> = {};
    for (const p of source.problems ?? []) {
      const key = columns[p.cell];
      if (!key) continue;
      cellProblems.push({ column: key, reason: p.reason });
      if (p.cutFrom !== undefined) truncated[key] = p.cutFrom;
    }
    yield checkRow(source.row, values, cellProblems, truncated, job);
  }
  if (!columns) throw new BadHeader(1, fileReasons.empty(), [{ path: FILE_COLUMN, message: headerReasons.noHeader() }]);
}

function checkRow(row: number, values: Record<string, unknown>, cellProblems: Problem[], truncated: Record<string, number>, job: ImportJob): Checked {
  const parsed = licenceRowSchema.safeParse(values);
  if (!parsed.success || cellProblems.length > 0) {
    // A cell the reader reported is rejected for that reason, not for what its stand-in text fails.
    const schemaProblems = parsed.success ? [] : zodIssuesToFields(parsed.error.issues).filter((f) => !cellProblems.some((c) => c.column === f.path));
    return { row, ok: false, values, truncated, problems: [...cellProblems, ...schemaProblems.map((f) => ({ column: f.path, reason: f.message }))] };
  }
  const r = parsed.data;
  const rejected = (reason: string): Checked => ({ row, ok: false, values, truncated, problems: [{ column: "service_code", reason }] });
  if (!job.catalogue.has(r.service_code)) return rejected("is not a service of the catalogue");
  if (job.agency && job.catalogue.agency?.(r.service_code) !== job.agency) return rejected(`belongs to another agency (${job.catalogue.agency?.(r.service_code) ?? "unknown"}), not ${job.agency}`);
  return { row, ok: true, value: r };
}

/** A rejected row's values as the officer gave them: text verbatim, an Excel date as YYYY-MM-DD. */
const shown = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")]));

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function readAndStore(deps: ServiceDeps, job: ImportJob, held: Held): Promise<ImportReport> {
  const { importId } = job;
  const bufferMax = job.bufferedRowsMax ?? BUFFERED_ROWS_MAX;

  // 1. Read and check the whole file; store nothing but the progress.
  const collector = createReportCollector();
  let rows = 0;
  let buffered: LicenceRow[] | null = [];
  try {
    // Notes about the file are kept with the report, not counted as rejected rows.
    const notes = (row: number, texts: string[]) => collector.fileProblems(row, texts.map((reason) => ({ column: FILE_COLUMN, reason })));
    for await (const c of checkedRows(job, notes)) {
      rows++;
      if (!c.ok) collector.rejectRow(c.row, shown(c.values), c.problems, c.truncated);
      else if (buffered) {
        buffered.push(c.value);
        if (buffered.length > bufferMax) buffered = null;
      }
      if (rows % CHUNK === 0) {
        await held(deps.db, { rows });
        job.onProgress?.({ stage: "reading", rows });
      }
    }
  } catch (err) {
    if (err instanceof BadHeader) {
      collector.fileProblems(err.row, (err.fields ?? []).map((f) => ({ column: f.path, reason: f.message })));
      await storeReport(deps.db, importId, collector.result(), held, { rows });
    }
    throw err;
  }
  const report = collector.result();
  await storeReport(deps.db, importId, report, held, { rows, stage: "applying" });

  // 2. Store the valid rows after those a previous run stored, a batch per transaction.
  const counts = (({ created, updated, unchanged }) => ({ created, updated, unchanged }))((await getImport(deps.db, importId))!);
  let skip = counts.created + counts.updated + counts.unchanged;
  const total = rows - report.rejectedRows;
  const catalogue = job.catalogue;
  /**
   * Stores rows of distinct documents at once: their stored documents read in one query, the new
   * ones inserted and their reminders planned in multi-row statements. A changed document is
   * updated on its own (a renewal: its pending reminders are cancelled first).
   */
  const storeDistinct = async (tx: Db, rows: LicenceRow[], now: Date, after: Counts) => {
    const stored = new Map((await findDocumentsByNumber(tx, rows.map((r) => ({ serviceKey: r.service_code, documentNo: r.document_no })))).map((d) => [documentKey(d.serviceKey, d.documentNo), d]));
    const created: (NewDocument & { createdAt: Date })[] = [];
    const reminders: NewReminder[] = [];
    // What population data already gives for the same person is told from it, not from the list.
    const outranked = await listOutrankedByPopulation(tx, catalogue, rows.map((r) => ({ holderKind: r.holder_kind, holderId: r.holder_id ?? null, serviceKey: r.service_code })));
    for (const r of rows) {
      const existing = stored.get(documentKey(r.service_code, r.document_no));
      const fields = {
        holderKind: r.holder_kind, holderName: r.holder_name, holderId: r.holder_id ?? null, phone: r.phone ?? null, issuedOn: r.issued_on ?? null,
        expiresOn: r.expires_on, wardCode: r.ward_code ?? null, address: r.address ?? null, lastImportId: importId, updatedAt: now,
      };
      if (!existing) {
        const doc = { id: deps.newId(), serviceKey: r.service_code, documentNo: r.document_no, ...fields, createdAt: now };
        created.push(doc);
        if (!outranked(doc)) reminders.push(...documentReminderRows(deps.newId, catalogue, doc, now));
        after.created++;
      } else if (sameDocument(existing, r)) {
        after.unchanged++;
      } else {
        await updateDocument(tx, existing.id, fields);
        if (outranked({ ...existing, ...fields })) {
          // Now listed under the ID number of a person population data holds (or with a new deadline for one).
          await cancelPlannedReminders(tx, existing.id, OUTRANKED_BY_POPULATION, now);
        } else if (existing.expiresOn !== r.expires_on) {
          // Renewed (or corrected): the old deadline's reminders must not go out.
          await cancelPlannedReminders(tx, existing.id, `deadline changed from ${existing.expiresOn} to ${r.expires_on}`, now);
          reminders.push(...documentReminderRows(deps.newId, catalogue, { ...existing, ...fields }, now));
        }
        after.updated++;
      }
    }
    await insertDocuments(tx, created);
    await planReminders(tx, reminders);
  };
  /** One batch in one transaction, with the counts it comes to (the resume point): the counts after it. */
  const write = (batch: LicenceRow[], now: Date) =>
    deps.db.transaction(async (tx) => {
      const after = { ...counts };
      // A document listed twice in a batch is stored as its first row says, then changed as its next says.
      for (const rows of distinctRuns(batch)) await storeDistinct(tx, rows, now, after);
      // The counts are the resume point: they commit with the rows they count.
      await held(tx, after);
      return after;
    });
  const store = async (batch: LicenceRow[]) => {
    const now = deps.now();
    // Another import stored one of these documents meanwhile (documents_service_no_uq; on PostgreSQL,
    // where imports run side by side): the batch was undone, and done again it finds that document
    // and updates it. A few tries: the other import may be storing the next documents meanwhile.
    for (let attempt = 1; ; attempt++) {
      try {
        Object.assign(counts, await write(batch, now));
        break;
      } catch (err) {
        if (!isUniqueViolation(err) || attempt === BATCH_TRIES) throw err;
      }
    }
    job.onProgress?.({ stage: "applying", done: counts.created + counts.updated + counts.unchanged, total });
  };
  let batch: LicenceRow[] = [];
  for await (const r of buffered ?? validRows(job)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    batch.push(r);
    if (batch.length >= CHUNK) {
      await store(batch);
      batch = [];
      // Between batches the webhook inbox and the API get the database.
      await yieldToEventLoop();
    }
  }
  if (batch.length > 0) await store(batch);
  // The kept file goes with the last write: a finished import's upload is not kept (its rejected rows are).
  await deps.db.transaction(async (tx) => {
    await held(tx, { status: "finished", stage: null, finishedAt: deps.now(), filePath: null, leaseHolder: null });
    await deleteImportFile(tx, importId);
  });

  return {
    importId, rows, ...counts, rejectedRows: report.rejectedRows, problems: report.problems, rejectedNotKept: report.rejectedNotKept, problemCounts: report.problemCounts,
    rejected: problemEntries(report.kept),
  };
}

type Counts = { created: number; updated: number; unchanged: number };

const documentKey = (serviceKey: string, documentNo: string) => `${serviceKey}\n${documentNo}`;

/** The batch cut where a document comes again: runs of rows that each name a document once. */
function distinctRuns(batch: readonly LicenceRow[]): LicenceRow[][] {
  const runs: LicenceRow[][] = [[]];
  let seen = new Set<string>();
  for (const r of batch) {
    const key = documentKey(r.service_code, r.document_no);
    if (seen.has(key)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(key);
    runs.at(-1)!.push(r);
  }
  return runs;
}

/** The file's valid rows, read again (a file too long to hold its rows, or an import resumed). */
async function* validRows(job: ImportJob): AsyncGenerator<LicenceRow> {
  for await (const c of checkedRows(job)) if (c.ok) yield c.value;
}

export async function storeReport(db: Db, importId: string, report: BoundedReport, held: Held, patch: { rows: number; stage?: "applying" }): Promise<void> {
  await db.transaction(async (tx) => {
    await replaceRejectedRows(tx, importId, report.kept);
    await held(tx, { ...patch, rejected: report.rejectedRows, problems: report.problems, rejectedNotKept: report.rejectedNotKept, problemCounts: report.problemCounts });
  });
}
