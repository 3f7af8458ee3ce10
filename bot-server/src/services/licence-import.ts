import { LICENCE_COLUMNS, licenceRowSchema, mapLicenceHeaders, zodIssuesToFields, type LicenceRow } from "@hccd/shared";
import { cancelPlannedReminders, finishImport, findDocument, insertDocument, insertImport, updateDocument, type DocumentRow } from "@hccd/db";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import type { SourceRow } from "./import-reader.js";
import { FILE_COLUMN, fileNotes, fileReasons, headerReasons } from "./import-reasons.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { planDocumentReminders } from "./reminder-planning.js";

export type { ReminderCatalogue };

export interface ImportReport {
  importId: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; column: string; reason: string; values: Record<string, string> }[];
}

function sameDocument(d: DocumentRow, r: LicenceRow): boolean {
  return (
    d.holderKind === r.holder_kind && d.holderName === r.holder_name && (d.holderId ?? undefined) === r.holder_id && (d.phone ?? undefined) === r.phone &&
    (d.issuedOn ?? undefined) === r.issued_on && d.expiresOn === r.expires_on && (d.wardCode ?? undefined) === r.ward_code && (d.address ?? undefined) === r.address
  );
}

const CHUNK = 1000;

/** Rows with at least one problem (a row can have several; notes about the file are not rows). */
export function rejectedRowCount(report: Pick<ImportReport, "rejected">): number {
  return new Set(report.rejected.filter((r) => r.column !== FILE_COLUMN).map((r) => r.row)).size;
}

/**
 * Imports a department's list (contract 4): good rows are stored, bad rows are reported with their
 * row, column and reason; importing the same file again changes nothing; a renewed document (new
 * expiry) has its pending reminders cancelled and new ones planned.
 */
export async function importLicences(
  deps: ServiceDeps,
  input: {
    rows: AsyncIterable<SourceRow>; fileName: string; format: "csv" | "xlsx"; importedBy: string; catalogue: ReminderCatalogue;
    onProgress?: (rowsRead: number) => void;
    /** The import's id, when the caller must know it before the import ends (the staff API answers at once). */
    importId?: string;
    /** A department officer imports only their agency's services: other rows are reported. */
    agency?: string | null;
  },
): Promise<ImportReport> {
  const importId = input.importId ?? deps.newId();
  const startedAt = deps.now();
  insertImport(deps.db, { id: importId, fileName: input.fileName, format: input.format, importedBy: input.importedBy, agency: input.agency ?? null, startedAt, status: "running" });
  try {
    return await runImport(deps, { ...input, importId });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The header failure has already written its report; anything else (unreadable file) is recorded here.
    finishImport(deps.db, importId, { finishedAt: deps.now(), status: "failed", error: message });
    throw err;
  }
}

async function runImport(
  deps: ServiceDeps,
  input: { rows: AsyncIterable<SourceRow>; catalogue: ReminderCatalogue; onProgress?: (rowsRead: number) => void; importId: string; agency?: string | null },
): Promise<ImportReport> {
  const importId = input.importId;
  const report: ImportReport = { importId, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
  let columns: ReturnType<typeof mapLicenceHeaders>["columns"] | undefined;
  let headerCells: string[] = [];
  /** A row's values by column, and what the reader found wrong with its cells (cut, an Excel error…). */
  let batch: { row: number; values: Record<string, unknown>; cellProblems: { path: string; message: string }[] }[] = [];

  const flush = () => {
    const now = deps.now();
    deps.db.transaction((tx) => {
      for (const { row, values, cellProblems } of batch) {
        const parsed = licenceRowSchema.safeParse(values);
        const shown = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")]));
        if (!parsed.success || cellProblems.length > 0) {
          // A cell the reader reported is rejected for that reason, not for what its stand-in text fails.
          const schemaProblems = parsed.success ? [] : zodIssuesToFields(parsed.error.issues).filter((f) => !cellProblems.some((c) => c.path === f.path));
          for (const f of [...cellProblems, ...schemaProblems]) report.rejected.push({ row, column: f.path, reason: f.message, values: shown });
          continue;
        }
        const r = parsed.data;
        if (!input.catalogue.has(r.service_code)) {
          report.rejected.push({ row, column: "service_code", reason: "is not a service of the catalogue", values: shown });
          continue;
        }
        if (input.agency && input.catalogue.agency?.(r.service_code) !== input.agency) {
          report.rejected.push({ row, column: "service_code", reason: `belongs to another agency (${input.catalogue.agency?.(r.service_code) ?? "unknown"}), not ${input.agency}`, values: shown });
          continue;
        }
        const existing = findDocument(tx, r.service_code, r.document_no);
        const fields = {
          holderKind: r.holder_kind, holderName: r.holder_name, holderId: r.holder_id ?? null, phone: r.phone ?? null, issuedOn: r.issued_on ?? null,
          expiresOn: r.expires_on, wardCode: r.ward_code ?? null, address: r.address ?? null, lastImportId: importId, updatedAt: now,
        };
        if (!existing) {
          const doc = insertDocument(tx, { id: deps.newId(), serviceKey: r.service_code, documentNo: r.document_no, ...fields, createdAt: now });
          planDocumentReminders({ db: tx, newId: deps.newId }, input.catalogue, doc, now);
          report.created++;
        } else if (sameDocument(existing, r)) {
          report.unchanged++;
        } else {
          updateDocument(tx, existing.id, fields);
          if (existing.expiresOn !== r.expires_on) {
            // Renewed (or corrected): the old deadline's reminders must not go out.
            cancelPlannedReminders(tx, existing.id, `deadline changed from ${existing.expiresOn} to ${r.expires_on}`, now);
            planDocumentReminders({ db: tx, newId: deps.newId }, input.catalogue, { ...existing, ...fields }, now);
          }
          report.updated++;
        }
      }
    });
    batch = [];
    // Progress for whoever watches the import (the staff console polls it).
    finishImport(deps.db, importId, { rows: report.rows });
    input.onProgress?.(report.rows);
  };

  for await (const source of input.rows) {
    if (!columns) {
      headerCells = source.cells.map((c) => String(c ?? ""));
      const mapped = mapLicenceHeaders(headerCells);
      const label = (k: string) => LICENCE_COLUMNS.find((c) => c.key === k)?.label ?? k;
      // A header that looks like a column the file lacks would lose that column's every value.
      const lookalikes = mapped.lookalike.filter((l) => !mapped.columns.includes(l.column));
      if (mapped.missing.length > 0 || mapped.duplicate.length > 0 || lookalikes.length > 0) {
        const fields = [
          ...lookalikes.map((l) => ({ path: l.column, message: headerReasons.lookalike(l.header, label(l.column), l.column) })),
          ...mapped.missing.filter((k) => !lookalikes.some((l) => l.column === k)).map((k) => ({ path: k, message: headerReasons.missing(k, label(k)) })),
          ...mapped.duplicate.map((k) => ({ path: k, message: headerReasons.twice() })),
        ];
        finishImport(deps.db, importId, { finishedAt: deps.now(), status: "failed", error: fileReasons.headerNotContract(), report: fields.map((f) => ({ row: source.row, column: f.path, reason: f.message, values: {} })), rejected: 0 });
        throw new DomainError(422, "validation_failed", fileReasons.headerNotContract(), fields);
      }
      columns = mapped.columns;
      // What the file holds that is not imported, said once, before the rows' problems.
      for (const note of [...(source.notes ?? []), ...mapped.unknown.map(fileNotes.unknownColumn)]) report.rejected.push({ row: source.row, column: FILE_COLUMN, reason: note, values: {} });
      continue;
    }
    report.rows++;
    const values: Record<string, unknown> = {};
    columns.forEach((key, i) => {
      if (key) values[key] = source.cells[i];
    });
    const cellProblems = (source.problems ?? []).flatMap((p) => (columns?.[p.cell] ? [{ path: columns[p.cell]!, message: p.reason }] : []));
    batch.push({ row: source.row, values, cellProblems });
    if (batch.length >= CHUNK) flush();
  }
  if (!columns) {
    finishImport(deps.db, importId, { finishedAt: deps.now(), status: "failed", error: fileReasons.empty(), report: [{ row: 1, column: FILE_COLUMN, reason: headerReasons.noHeader(), values: {} }] });
    throw new DomainError(422, "validation_failed", fileReasons.empty(), [{ path: FILE_COLUMN, message: headerReasons.noHeader() }]);
  }
  if (batch.length > 0) flush();
  const rejectedRows = rejectedRowCount(report);
  finishImport(deps.db, importId, { finishedAt: deps.now(), status: "finished", rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: rejectedRows, report: report.rejected });
  return report;
}
