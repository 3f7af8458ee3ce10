import { LICENCE_COLUMNS, licenceRowSchema, mapLicenceHeaders, zodIssuesToFields, type LicenceRow } from "@hccd/shared";
import { cancelPlannedReminders, findDocumentsByNumber, insertDocuments, isUniqueViolation, planReminders, updateDocument, type Db, type DocumentRow, type ImportProblemCount, type NewDocument, type NewReminder } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { problemEntries, type Problem } from "./import-report.js";
import { beginImport, finishImport, readAndReport, runHeldImport, sheetRows, storedCounts, type CheckedRow, type Held, type ImportCounts, type ImportJob, type NewImportInput } from "./import-run.js";
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

/**
 * Runs an import whose row exists, from its file: reads and checks it whole (stage `reading`,
 * nothing stored), stores the report, then stores the valid rows after those already stored
 * (stage `applying`). Records the outcome, and removes a kept file once the import has ended.
 */
export async function runImport(deps: ServiceDeps, job: ImportJob): Promise<ImportReport> {
  return runHeldImport(deps, job, (held) => readAndStore(deps, job, held));
}

type Checked = CheckedRow<LicenceRow>;

/**
 * The file's rows, each checked against contract 4, the catalogue and the officer's agency. What
 * the file holds that is not imported (the reader's notes, columns contract 4 does not know) is
 * told once to `onNotes`, before the rows.
 */
async function* checkedRows(job: ImportJob, onNotes?: (row: number, notes: string[]) => void): AsyncGenerator<Checked> {
  for await (const r of sheetRows(job, { columns: LICENCE_COLUMNS, mapHeaders: mapLicenceHeaders }, onNotes)) yield checkRow(r.row, r.values, r.problems, r.truncated, job);
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function readAndStore(deps: ServiceDeps, job: ImportJob, held: Held): Promise<ImportReport> {
  const { importId } = job;
  const bufferMax = job.bufferedRowsMax ?? BUFFERED_ROWS_MAX;

  // 1. Read and check the whole file; store nothing but the progress.
  const buffer: { rows: LicenceRow[] | null } = { rows: [] };
  const { rows, report } = await readAndReport(deps.db, job, held, {
    chunk: CHUNK,
    rows: (notes) => checkedRows(job, notes),
    onValid: (value) => {
      if (!buffer.rows) return;
      buffer.rows.push(value);
      if (buffer.rows.length > bufferMax) buffer.rows = null;
    },
  });

  // 2. Store the valid rows after those a previous run stored, a batch per transaction.
  const counts = await storedCounts(deps.db, importId);
  let skip = counts.created + counts.updated + counts.unchanged;
  const total = rows - report.rejectedRows;
  const catalogue = job.catalogue;
  /**
   * Stores rows of distinct documents at once: their stored documents read in one query, the new
   * ones inserted and their reminders planned in multi-row statements. A changed document is
   * updated on its own (a renewal: its pending reminders are cancelled first).
   */
  const storeDistinct = async (tx: Db, rows: LicenceRow[], now: Date, after: ImportCounts) => {
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
  for await (const r of buffer.rows ?? validRows(job)) {
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
  await finishImport(deps, importId, held);

  return {
    importId, rows, ...counts, rejectedRows: report.rejectedRows, problems: report.problems, rejectedNotKept: report.rejectedNotKept, problemCounts: report.problemCounts,
    rejected: problemEntries(report.kept),
  };
}

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
