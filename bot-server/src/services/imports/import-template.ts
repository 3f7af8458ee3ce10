/**
 * What a newcomer needs to write a department's list (contract 4): its columns, the service codes
 * they may use, and a template to fill in, written by the same writers as every other export.
 */
import { i18nFor, LICENCE_COLUMNS, serviceByKey, type Language, type LicenceColumn } from "@hccd/shared";
import type { StaffUser } from "@hccd/db";
import { csvDocument } from "../spreadsheets/csv-file.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { xlsxDocument, type XlsxColumn } from "../spreadsheets/xlsx-file.js";

/** A service a staff member may import a list for. */
export interface ImportableService {
  key: string;
  name: string;
  agency: string | null;
}

/**
 * The services a staff member may import a list for: the catalogue's services whose documents
 * expire (contract 4 is about those), a department officer's own agency's only.
 */
export function importableServices(catalogue: ReminderCatalogue, staff: StaffUser, lang: Language): ImportableService[] {
  return catalogue
    .keys()
    .filter((key) => (serviceByKey(key)?.trigger.kind ?? "document-expiry") === "document-expiry")
    .filter((key) => staff.role !== "department" || catalogue.agency?.(key) === staff.agency)
    .map((key) => ({ key, name: serviceByKey(key)?.name[lang] ?? catalogue.name(key)[lang], agency: catalogue.agency?.(key) ?? null }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A column's header in the template: the Vietnamese label, or the English key. */
const header = (key: LicenceColumn, label: string, lang: Language) => (lang === "vi" ? label : key);

/** Typed digits stay text (leading zeros: 0912…, 072…); dates are dates, day first as in Vietnam. */
const FORMATS: Partial<Record<LicenceColumn, string>> = { document_no: "@", holder_id: "@", phone: "@", ward_code: "@", issued_on: "dd/mm/yyyy", expires_on: "dd/mm/yyyy" };

/**
 * The template as CSV: the header row only. An example row left in place would be imported as a
 * real document and reminders planned for it; the page and the workbook's notes show examples.
 */
export function importTemplateCsv(lang: Language): { fileName: string; body: string } {
  const t = i18nFor(lang).getFixedT(lang, "staff");
  return { fileName: `${t("imports.help.fileName")}.csv`, body: csvDocument(LICENCE_COLUMNS.map((c) => header(c.key, c.label, lang)), []) };
}

/** The template as a workbook: the header row, each header with a note saying what to write, column formats set. */
export async function importTemplateXlsx(lang: Language): Promise<{ fileName: string; body: Buffer }> {
  const t = i18nFor(lang).getFixedT(lang, "staff");
  const columns: XlsxColumn[] = LICENCE_COLUMNS.map((c) => ({
    header: header(c.key, c.label, lang),
    width: c.key === "address" || c.key === "holder_name" ? 32 : 18,
    ...(FORMATS[c.key] ? { numFmt: FORMATS[c.key] } : {}),
    note: `${t(c.required ? "imports.help.required" : "imports.help.optional")}. ${t("imports.help.note", { how: t(`imports.help.columns.${c.key}.how`), example: t(`imports.help.columns.${c.key}.example`) })}`,
  }));
  return { fileName: `${t("imports.help.fileName")}.xlsx`, body: await xlsxDocument(t("imports.help.sheetName"), columns, []) };
}
