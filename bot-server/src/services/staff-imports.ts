import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getImport, listImports, type ImportRow, type StaffUser } from "@hccd/db";
import type { ServiceDeps } from "../deps.js";
import { DomainError, notFound, validationFailed } from "../errors.js";
import type { BackgroundJobs } from "./background-jobs.js";
import { csvRows, importLicences, xlsxRows } from "./licence-import.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { audit } from "./audit.js";

/** The file's format, from its name (departments send `.csv` or `.xlsx`). */
export function importFormat(fileName: string): "csv" | "xlsx" {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "xlsx") return "xlsx";
  throw validationFailed([{ path: "file", message: `must be a .csv or .xlsx file (got ${ext ? `.${ext}` : "no extension"}); save older .xls files as .xlsx` }]);
}

/** An .xlsx file is a zip archive ("PK"): anything else is refused before the reader chokes on it. */
export function checkXlsxSignature(format: "csv" | "xlsx", firstBytes: Uint8Array): void {
  if (format === "xlsx" && !(firstBytes[0] === 0x50 && firstBytes[1] === 0x4b)) {
    throw validationFailed([{ path: "file", message: "is not an .xlsx workbook (an .xlsx file is a zip archive)" }]);
  }
}

/**
 * Starts an import of an uploaded file and answers at once with its id: the file is written to a
 * private temporary folder, imported in the background (progress in the import row), then removed.
 * A department officer's rows for other agencies' services are reported, not imported.
 */
export function startStaffImport(
  deps: ServiceDeps & { jobs: BackgroundJobs; catalogue: ReminderCatalogue },
  input: { staff: StaffUser; fileName: string; content: Uint8Array; requestId?: string },
): { importId: string } {
  const format = importFormat(input.fileName);
  if (input.content.byteLength === 0) throw validationFailed([{ path: "file", message: "is empty" }]);
  checkXlsxSignature(format, input.content);
  const dir = mkdtempSync(join(tmpdir(), "hccd-import-"));
  const path = join(dir, `upload.${format}`);
  writeFileSync(path, input.content, { mode: 0o600 });
  const importId = deps.newId();
  audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: input.staff.id }, action: "import.started", target: { kind: "import", id: importId }, ...(input.requestId ? { requestId: input.requestId } : {}), details: { fileName: input.fileName, bytes: input.content.byteLength } });
  deps.jobs.run(`import ${importId}`, async () => {
    try {
      await importLicences(deps, {
        rows: format === "csv" ? csvRows(path) : xlsxRows(path), fileName: input.fileName, format, importedBy: input.staff.id, catalogue: deps.catalogue, importId,
        agency: input.staff.role === "department" ? input.staff.agency : null,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return { importId };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function importSummary(row: ImportRow) {
  return {
    id: row.id, fileName: row.fileName, format: row.format, importedBy: row.importedBy, status: row.status, error: row.error,
    startedAt: row.startedAt.toISOString(), finishedAt: iso(row.finishedAt), rows: row.rows, created: row.created, updated: row.updated, unchanged: row.unchanged, rejected: row.rejected,
  };
}

/** Admins see every import; a department officer sees their own. */
function mayRead(staff: StaffUser, row: ImportRow): boolean {
  return staff.role === "admin" || row.importedBy === staff.id;
}

export function listStaffImports(deps: Pick<ServiceDeps, "db">, staff: StaffUser) {
  const rows = listImports(deps.db, { limit: 50, ...(staff.role === "admin" ? {} : { importedBy: staff.id }) });
  return rows.map(importSummary);
}

/** One import with its report. The report quotes rows as given (names, ID numbers): reading it is audited. */
export function readStaffImport(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, id: string, requestId?: string) {
  const row = getImport(deps.db, id);
  if (!row || !mayRead(staff, row)) throw notFound("import");
  audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "import.report_read", target: { kind: "import", id }, ...(requestId ? { requestId } : {}) });
  return { ...importSummary(row), report: row.report };
}

export class UploadTooLarge extends DomainError {
  constructor(limit: number) {
    super(413, "payload_too_large", `the file is larger than ${Math.round(limit / 1024 / 1024)} MB: split it into smaller files`);
  }
}
