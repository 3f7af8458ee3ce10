import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServiceDeps } from "../deps.js";
import { importLicences, type ImportReport } from "../services/imports/licence-import.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";

/** The short contract-4 header most tests need (service, number, holder, phone, expiry). */
export const SHORT_LICENCE_HEADER = "service_code,document_no,holder_kind,holder_name,phone,expires_on";

/**
 * Imports CSV rows the way a department's file is imported (the real reader, the real importer),
 * from a temporary file removed once the import has read it.
 */
export async function importCsvText(deps: ServiceDeps, catalogue: ReminderCatalogue, rows: string, header = SHORT_LICENCE_HEADER): Promise<ImportReport> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-test-import-"));
  try {
    const path = join(dir, "list.csv");
    writeFileSync(path, `${header}\n${rows}`);
    return await importLicences(deps, { path, fileName: "list.csv", format: "csv", importedBy: "o", catalogue });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
