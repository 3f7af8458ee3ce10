import { writeFileSync } from "node:fs";
import { BENEFICIARY_COLUMNS, i18nFor, LICENCE_COLUMNS, LICENCE_REASON_HEADER, NATIONAL_ID_PROBLEM_TEXT, resources, stripVietnameseMarks, type Language } from "@hccd/shared";
import { countRejectedRows, getImport, listImports, rejectedRowsPage, type ImportListRow, type StaffUser } from "@hccd/db";
import type { AppDeps, ServiceDeps } from "../../deps.js";
import { DomainError, notFound, validationFailed } from "../../errors.js";
import type { BackgroundJobs } from "../jobs/background-jobs.js";
import { checkFileSignature, importFormat, keptFilePath } from "./import-reader.js";
import { KEPT_REJECTED_ROWS, problemEntries, STORED_FILE_NAME_MAX } from "./import-report.js";
import { IMPORT_INTERRUPTED, IMPORT_STOPPED_TWICE } from "./import-recovery.js";
import { cutText } from "./import-text.js";
import { beginImport } from "./import-run.js";
import { runImport } from "./licence-import.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { audit } from "../staff/audit.js";
import { csvDocument } from "../spreadsheets/csv-file.js";

export { keptFilePath };

/**
 * Starts an import of an uploaded file and answers at once with its id: the file is kept in the
 * database with the import row (`import_files`, at most IMPORT_MAX_BYTES), imported in the
 * background by this instance from a working copy in `importDir`, then removed. If this instance
 * dies meanwhile, any instance resumes the import from the kept file once its lease has run out
 * (import-recovery.ts `resumeImports`).
 *
 * Why the database and not a disk: it is the one store every instance already shares, on either
 * engine, and a file written with the import row commits or vanishes with it; a local disk dies
 * with its machine, and a shared directory would be one more thing to mount and back up. The
 * bytes are bounded by the upload limit and live only while the import runs.
 * A department officer's rows for other agencies' services are reported, not imported.
 */
export async function startStaffImport(
  deps: ServiceDeps & Pick<AppDeps, "importDir"> & { jobs: BackgroundJobs; catalogue: ReminderCatalogue },
  input: { staff: StaffUser; fileName: string; content: Uint8Array; requestId?: string; /** The instance running it (tests play two). */ holder?: string },
): Promise<{ importId: string }> {
  const format = importFormat(input.fileName);
  if (input.content.byteLength === 0) throw validationFailed([{ path: "file", message: "is empty" }]);
  checkFileSignature(format, input.content);
  const importId = deps.newId();
  const path = keptFilePath(deps.importDir, importId, format);
  writeFileSync(path, input.content, { mode: 0o600 });
  // Recorded before the answer, so the import can be read as soon as its id is given out.
  const job = await deps.db.transaction(async (tx) => {
    await audit(tx, { at: deps.now(), actor: { kind: "staff", id: input.staff.id }, action: "import.started", target: { kind: "import", id: importId }, ...(input.requestId ? { requestId: input.requestId } : {}), details: { fileName: cutText(input.fileName, STORED_FILE_NAME_MAX).text, bytes: input.content.byteLength } });
    return beginImport({ ...deps, db: tx }, {
      path, kept: true, content: input.content, fileName: input.fileName, format, importedBy: input.staff.id, catalogue: deps.catalogue, importId,
      agency: input.staff.role === "department" ? input.staff.agency : null, ...(input.holder ? { holder: input.holder } : {}),
    });
  });
  deps.jobs.run(`import ${importId}`, () => runImport(deps, job));
  return { importId };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function importSummary(row: ImportListRow) {
  return {
    id: row.id, fileName: row.fileName, format: row.format, importedBy: row.importedBy, status: row.status, stage: row.stage, error: row.error,
    startedAt: row.startedAt.toISOString(), finishedAt: iso(row.finishedAt), rows: row.rows, created: row.created, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected,
    problems: row.problems, rejectedNotKept: row.rejectedNotKept, legacyReportBytes: row.legacyReportBytes,
  };
}

/** Admins see every import; a department officer sees their own. */
function mayRead(staff: StaffUser, row: ImportListRow): boolean {
  // A department officer sees their agency's imports, whoever in the department uploaded them.
  return staff.role === "admin" || row.importedBy === staff.id || (staff.role === "department" && staff.agency !== null && row.agency === staff.agency);
}

export async function listStaffImports(deps: Pick<ServiceDeps, "db">, staff: StaffUser) {
  const rows = await listImports(deps.db, { limit: 50, ...(staff.role === "admin" ? {} : staff.role === "department" && staff.agency ? { agency: staff.agency } : { importedBy: staff.id }) });
  return rows.map(importSummary);
}

/** Rejected rows per page of a report (the console's and the API's): at most KEPT_REJECTED_ROWS / 100 = 10 pages. */
export const REPORT_PAGE_SIZE = 100;

/**
 * One import with a page of its report (each problem of each of the page's rejected rows) and its
 * counts per column and reason. The report quotes rows as given (names, ID numbers): reading it is audited.
 * A page past the last gives the last.
 */
export async function readStaffImport(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, id: string, opts: { page?: number; requestId?: string } = {}) {
  const row = await getImport(deps.db, id);
  if (!row || !mayRead(staff, row)) throw notFound("import");
  const pages = Math.max(1, Math.ceil((await countRejectedRows(deps.db, id)) / REPORT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(opts.page ?? 1)), pages);
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "import.report_read", target: { kind: "import", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { page } });
  const rows = await rejectedRowsPage(deps.db, id, { offset: (page - 1) * REPORT_PAGE_SIZE, limit: REPORT_PAGE_SIZE });
  return { ...importSummary(row), problemCounts: row.problemCounts, report: problemEntries(rows), page, pages };
}

/**
 * An import's progress and counts, without its report (no personal data, so not audited): what
 * the console's progress panel polls while the import runs.
 */
export async function staffImportProgress(deps: Pick<ServiceDeps, "db">, staff: StaffUser, id: string) {
  const row = await getImport(deps.db, id);
  if (!row || !mayRead(staff, row)) throw notFound("import");
  return importSummary(row);
}

/**
 * The rejected rows as a CSV file the officer can fix and upload again: one line per rejected row,
 * the file's own columns in contract 4's order (as its Vietnamese labels, or the English
 * keys for an English-speaking officer — the importer reads both), then a "Lý do" / "reason"
 * column with every problem of the row. The importer keeps each rejected row's values by column
 * (as given: a CSV cell verbatim, an Excel date as YYYY-MM-DD, a value over 1,000 characters cut
 * by the reader, which is refused again if uploaded as it is; only columns contract 4 does not
 * know were not kept), so the file is re-derived from the kept rows: the
 * first KEPT_REJECTED_ROWS of them. `notKept` says how many rejected rows are not in it (the API
 * sends it as a header, the console says it beside the link): uploading the fixed file reports them.
 *
 * The values are not masked: it is the officer's own upload coming back to them (and only to them
 * or an admin), and masked ID numbers could not be corrected and re-imported. The download is audited.
 */
export async function rejectedRowsCsv(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, id: string, opts: { lang: Language; requestId?: string }): Promise<{ fileName: string; csv: string; rows: number; notKept: number }> {
  const row = await getImport(deps.db, id);
  if (!row || !mayRead(staff, row)) throw notFound("import");
  // A problem of the file (its header) has no values: not a row to fix.
  const kept = (await rejectedRowsPage(deps.db, id, { offset: 0, limit: KEPT_REJECTED_ROWS + 1 })).filter((r) => Object.keys(r.values).length > 0);
  // In contract 4's order (the template's): the kept values are an object, whose keys PostgreSQL's
  // jsonb gives back in its own order, so the file's own order is not known; the importer reads
  // the columns in any order.
  const present = new Set(kept.flatMap(({ values }) => Object.keys(values)));
  const keys: string[] = (row.kind === "payment_beneficiaries" ? BENEFICIARY_COLUMNS : LICENCE_COLUMNS).map((c) => c.key).filter((k) => present.has(k));
  const header = [...keys.map((k) => columnName(k, opts.lang)), LICENCE_REASON_HEADER[opts.lang]];
  const lines = kept.map((r) => [...keys.map((k) => r.values[k] ?? ""), r.problems.map((p) => `${columnName(p.column, opts.lang)}: ${importReasonText(p.reason, opts.lang)}`).join("; ")]);
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "import.rejected_downloaded", target: { kind: "import", id }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { rows: lines.length, notKept: row.rejectedNotKept } });
  // An ASCII name: a header's filename= is read as Latin-1 by some browsers.
  const base = stripVietnameseMarks(row.fileName.replace(/\.[^.]+$/, "")).replace(/[^A-Za-z0-9._-]+/g, "-");
  return { fileName: `${base}-${opts.lang === "vi" ? "dong-bi-tu-choi" : "rejected-rows"}.csv`, csv: csvDocument(header, lines), rows: lines.length, notKept: row.rejectedNotKept };
}

/** The importer's reasons (English, as the API gives them) → the `imports.reasons` texts. */
const REASONS: readonly [RegExp, (m: RegExpExecArray) => [string, Record<string, string>?]][] = [
  [/^is required$/, () => ["required"]],
  [/^must be at most (\d+) characters$/, (m) => ["tooLong", { max: m[1]! }]],
  [/^must be person or organization/, () => ["holderKind"]],
  [/^must have at least 2 characters$/, () => ["nameTooShort"]],
  [/^is not a Vietnamese mobile number/, () => ["phone"]],
  [/^is not a real date$/, () => ["notARealDate"]],
  [/^is not an Excel date$/, () => ["notAnExcelDate"]],
  [/^is not a real calendar date$/, () => ["notACalendarDate"]],
  [/^must be a date written/, () => ["dateFormat"]],
  [/^must be a 5-digit ward code$/, () => ["wardCode"]],
  ...Object.entries(NATIONAL_ID_PROBLEM_TEXT).map(([problem, text]) => [new RegExp(`^(?:for a person, )?the ID number ${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`), () => [`personId.${problem}`]] as [RegExp, () => [string]]),
  [/^for an organization, the tax code must have 10 or 13 digits$/, () => ["taxCode"]],
  [/^must not be before issued_on$/, () => ["beforeIssued"]],
  [/^is not a service of the catalogue$/, () => ["unknownService"]],
  [/^must be a whole number of đồng between 1 and (\d+)$/, (m) => ["amount", { max: m[1]! }]],
  [/^is already listed on row (\d+)$/, (m) => ["alreadyListed", { row: m[1]! }]],
  [/^is required with an account number$/, () => ["bankRequired"]],
  [/^must be 6 to 20 digits$/, () => ["accountNo"]],
  [/^has no configured amount on (.+)$/, (m) => ["noConfiguredAmount", { date: m[1]! }]],
  [/^differs from the programme's amount \((\d+)\)$/, (m) => ["differsFromProgramme", { amount: m[1]! }]],
  [/^belongs to another agency \((.+)\), not (.+)$/, (m) => ["otherAgency", { agency: m[1]!, own: m[2]! }]],
];

/**
 * The readers' and the header check's reasons (services/imports/import-reasons.ts) are written from the
 * `en` resource's `imports.reasons.file|cell|header|note` templates: each template, its
 * `{{placeholders}}` as captures, recognises its own reason.
 */
const TEMPLATE_REASONS = (["file", "cell", "header", "note"] as const).flatMap((group) =>
  Object.entries(resources.en.staff.imports.reasons[group]).map(([name, template]): (typeof REASONS)[number] => {
    const pattern = (template as string).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\\\{(\w+)\\\}\\\}/g, "(?<$1>.+?)");
    return [new RegExp(`^${pattern}$`), (m) => [`${group}.${name}`, { ...m.groups }]];
  }),
);

/** A rejected row's reason, a file's refusal or a note, in the officer's language; a reason no table knows is shown as given. */
export function importReasonText(reason: string, lang: Language): string {
  for (const [re, key] of [...REASONS, ...TEMPLATE_REASONS]) {
    const m = re.exec(reason);
    if (m) {
      const [k, vars] = key(m);
      return i18nFor(lang).getFixedT(lang, "staff")(`imports.reasons.${k}`, vars);
    }
  }
  return reason;
}

/**
 * Why an import failed, in the officer's language: the start-up's reasons and the readers' refusals
 * are translated, anything else (a reader's own words) shown as given.
 */
export function importErrorText(error: string, lang: Language): string {
  const t = i18nFor(lang).getFixedT(lang, "staff");
  if (error === IMPORT_INTERRUPTED) return t("imports.errors.interrupted");
  if (error === IMPORT_STOPPED_TWICE) return t("imports.errors.stoppedTwice");
  return importReasonText(error, lang);
}

/** A contract 4 column as the officer reads it: the Vietnamese label, or the English key. */
export function columnName(key: string, lang: Language): string {
  // Contract 4's columns, or a beneficiary list's (services/payments): the same report shows either.
  return lang === "vi" ? ((LICENCE_COLUMNS.find((c) => c.key === key) ?? BENEFICIARY_COLUMNS.find((c) => c.key === key))?.label ?? key) : key;
}

export class UploadTooLarge extends DomainError {
  constructor(limit: number) {
    super(413, "payload_too_large", `the file is larger than ${Math.round(limit / 1024 / 1024)} MB: split it into smaller files`);
  }
}
