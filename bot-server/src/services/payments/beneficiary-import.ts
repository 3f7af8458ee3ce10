/**
 * A payment programme's beneficiary list (shared BENEFICIARY_COLUMNS), imported into the programme's
 * draft payment list for one payment date, through the same machinery as contract 4's lists: the
 * upload kept in the database, the readers (encoding, bounded cells and workbooks), a report naming
 * each rejected row's column and reason, batches that commit with their counts so any instance
 * resumes an import whose instance died (import-recovery.ts runs this importer for `kind`
 * `payment_beneficiaries`).
 */
import { writeFileSync } from "node:fs";
import { BENEFICIARY_COLUMNS, beneficiaryAmount, beneficiaryRowSchema, mapBeneficiaryHeaders, paymentProgramme, zodIssuesToFields, type BeneficiaryRow, type PaymentProgramme } from "@hccd/shared";
import {
  findBeneficiaries, forUpdate, getPaymentList, insertBeneficiary, linkImportToPaymentList, paymentListOfImport, tablesOf, updateBeneficiary,
  type PaymentBeneficiaryRow, type PaymentListRow, type StaffUser,
} from "@hccd/db";
import { eq } from "drizzle-orm";
import type { AppDeps, ServiceDeps } from "../../deps.js";
import { conflict, validationFailed } from "../../errors.js";
import type { BackgroundJobs } from "../jobs/background-jobs.js";
import { checkFileSignature, importFormat, keptFilePath } from "../imports/import-reader.js";
import { STORED_FILE_NAME_MAX, type Problem } from "../imports/import-report.js";
import { beginImport, finishImport, readAndReport, runHeldImport, sheetRows, storedCounts, type CheckedRow, type Held, type ImportJob } from "../imports/import-run.js";
import { cutText } from "../imports/import-text.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { audit } from "../staff/audit.js";
import { openDraftList, mayImportFor } from "./payment-lists.js";

/** Rows stored per transaction (as contract 4's importer: SQLite has one writer). */
const CHUNK = 500;

export interface BeneficiaryImportReport {
  importId: string;
  listId: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejectedRows: number;
}

/**
 * Starts importing a beneficiary list into `programmeKey`'s draft payment list for `paymentDate`
 * (created if there is none) and answers at once with the import's and the list's ids. A list
 * already approved takes no more rows (409): a correction after approval is a new payment date's list.
 */
export async function startBeneficiaryImport(
  deps: ServiceDeps & Pick<AppDeps, "importDir"> & { jobs: BackgroundJobs; catalogue: ReminderCatalogue },
  input: { staff: StaffUser; programmeKey: string; paymentDate: string; fileName: string; content: Uint8Array; requestId?: string; holder?: string },
): Promise<{ importId: string; listId: string }> {
  const programme = paymentProgramme(input.programmeKey);
  if (!programme || !mayImportFor(input.staff, programme)) throw validationFailed([{ path: "programme", message: "is not a programme you may import a list for" }]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.paymentDate) || Number.isNaN(Date.parse(`${input.paymentDate}T00:00:00Z`)) || new Date(`${input.paymentDate}T00:00:00Z`).toISOString().slice(0, 10) !== input.paymentDate) {
    throw validationFailed([{ path: "paymentDate", message: "must be a real date written YYYY-MM-DD" }]);
  }
  const format = importFormat(input.fileName);
  if (input.content.byteLength === 0) throw validationFailed([{ path: "file", message: "is empty" }]);
  checkFileSignature(format, input.content);
  const list = await openDraftList(deps, { programme, paymentDate: input.paymentDate, staff: input.staff });
  const importId = deps.newId();
  const path = keptFilePath(deps.importDir, importId, format);
  writeFileSync(path, input.content, { mode: 0o600 });
  const job = await deps.db.transaction(async (tx) => {
    await audit(tx, { at: deps.now(), actor: { kind: "staff", id: input.staff.id }, action: "import.started", target: { kind: "import", id: importId }, ...(input.requestId ? { requestId: input.requestId } : {}), details: { fileName: cutText(input.fileName, STORED_FILE_NAME_MAX).text, bytes: input.content.byteLength, paymentList: list.id } });
    const job = await beginImport({ ...deps, db: tx }, {
      path, kept: true, content: input.content, fileName: input.fileName, format, importedBy: input.staff.id, catalogue: deps.catalogue, importId, kind: "payment_beneficiaries",
      agency: input.staff.role === "department" ? input.staff.agency : null, ...(input.holder ? { holder: input.holder } : {}),
    });
    await linkImportToPaymentList(tx, importId, list.id);
    return job;
  });
  deps.jobs.run(`import ${importId}`, () => runBeneficiaryImport(deps, job));
  return { importId, listId: list.id };
}

type Valid = BeneficiaryRow & { amountVnd: number };

/**
 * The file's rows, each checked against the columns, the programme's amount rule and the rows
 * before it (one line per person: a second line with the same ID number is rejected, naming the first).
 * A programme whose amounts come from the list needs its `amount` column.
 */
async function* checkedRows(job: ImportJob, programme: PaymentProgramme, paymentDate: string, onNotes?: (row: number, notes: string[]) => void): AsyncGenerator<CheckedRow<Valid>> {
  const firstRowOf = new Map<string, number>();
  const list = { columns: BENEFICIARY_COLUMNS, mapHeaders: mapBeneficiaryHeaders, alsoRequired: programme.amountRule.kind === "from_list" ? (["amount"] as const) : [] };
  for await (const { row, values, problems, truncated } of sheetRows(job, list, onNotes)) {
    const parsed = beneficiaryRowSchema.safeParse(values);
    if (!parsed.success) problems.push(...zodIssuesToFields(parsed.error.issues).filter((f) => !problems.some((c) => c.column === f.path)).map((f) => ({ column: f.path, reason: f.message })));
    const amount = parsed.success ? beneficiaryAmount(programme, parsed.data.amount, paymentDate) : null;
    if (amount && !amount.ok) problems.push({ column: "amount", reason: amount.reason });
    if (parsed.success) {
      const first = firstRowOf.get(parsed.data.national_id);
      if (first !== undefined) problems.push({ column: "national_id", reason: `is already listed on row ${first}` });
      else firstRowOf.set(parsed.data.national_id, row);
    }
    if (problems.length > 0 || !parsed.success || !amount?.ok) yield { row, ok: false, values, problems, truncated };
    else yield { row, ok: true, value: { ...parsed.data, amountVnd: amount.amountVnd } };
  }
}

function sameBeneficiary(b: PaymentBeneficiaryRow, r: Valid): boolean {
  return (
    b.fullName === r.full_name && (b.dateOfBirth ?? undefined) === r.date_of_birth && b.category === r.category && b.amountVnd === r.amountVnd && (b.accountNo ?? undefined) === r.account_no &&
    (b.bank ?? undefined) === r.bank && (b.phone ?? undefined) === r.phone && (b.wardCode ?? undefined) === r.ward_code && (b.address ?? undefined) === r.address
  );
}

/** The list is still a draft, read under a write lock: an approval meanwhile stops the import (nothing is added to an approved list). */
async function draftListForUpdate(tx: Parameters<Parameters<ServiceDeps["db"]["transaction"]>[0]>[0], listId: string): Promise<PaymentListRow> {
  const { paymentLists } = tablesOf(tx);
  const list = (await forUpdate(tx.select().from(paymentLists).where(eq(paymentLists.id, listId)).limit(1)))[0];
  if (!list) throw new Error(`payment list ${listId} not found`);
  if (list.status !== "draft") throw conflict("payment_list_approved", "the payment list was approved while the file was imported: rows were not added to it");
  return list;
}

/**
 * Runs a beneficiary import whose row exists: reads and checks the whole file (nothing stored),
 * stores the report, then stores the valid rows after those already stored, a batch per
 * transaction with the counts so far. Same file again: every row `unchanged`.
 */
export async function runBeneficiaryImport(deps: ServiceDeps, job: ImportJob): Promise<BeneficiaryImportReport> {
  return runHeldImport(deps, job, (held) => readAndStore(deps, job, held));
}

async function readAndStore(deps: ServiceDeps, job: ImportJob, held: Held): Promise<BeneficiaryImportReport> {
  const { importId } = job;
  const listId = await paymentListOfImport(deps.db, importId);
  const list = listId ? await getPaymentList(deps.db, listId) : undefined;
  const programme = list ? paymentProgramme(list.programmeKey) : undefined;
  if (!list || !programme) throw new Error(`import ${importId} has no payment list of a known programme`);

  const valid: Valid[] = [];
  const { rows, report } = await readAndReport(deps.db, job, held, { chunk: CHUNK, rows: (notes) => checkedRows(job, programme, list.paymentDate, notes), onValid: (v) => valid.push(v) });

  const counts = await storedCounts(deps.db, importId);
  const skip = counts.created + counts.updated + counts.unchanged;
  for (let start = skip; start < valid.length; start += CHUNK) {
    const batch = valid.slice(start, start + CHUNK);
    const now = deps.now();
    Object.assign(
      counts,
      await deps.db.transaction(async (tx) => {
        await draftListForUpdate(tx, list.id);
        const after = { ...counts };
        const existing = new Map((await findBeneficiaries(tx, list.id, batch.map((r) => r.national_id))).map((b) => [b.nationalId, b]));
        for (const r of batch) {
          const fields = {
            fullName: r.full_name, dateOfBirth: r.date_of_birth ?? null, category: r.category, amountVnd: r.amountVnd, accountNo: r.account_no ?? null, bank: r.bank ?? null,
            phone: r.phone ?? null, wardCode: r.ward_code ?? null, address: r.address ?? null, lastImportId: importId, updatedAt: now,
          };
          const b = existing.get(r.national_id);
          if (!b) {
            await insertBeneficiary(tx, { id: deps.newId(), listId: list.id, nationalId: r.national_id, ...fields, createdAt: now });
            after.created++;
          } else if (sameBeneficiary(b, r)) after.unchanged++;
          else {
            await updateBeneficiary(tx, b.id, fields);
            after.updated++;
          }
        }
        await held(tx, after);
        return after;
      }),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await finishImport(deps, importId, held);
  return { importId, listId: list.id, rows, ...counts, rejectedRows: report.rejectedRows };
}

