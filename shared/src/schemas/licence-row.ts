import { distance as levenshtein } from "fastest-levenshtein";
import { z } from "zod";
import { normalizeVnPhone } from "../validation/phone.js";
import { checkNationalId, NATIONAL_ID_PROBLEM_TEXT } from "../validation/national-id.js";
import { normalizeName, stripVietnameseMarks } from "../validation/name.js";

/**
 * Contract 4: one row of a department's list of licences and certificates (CSV or .xlsx).
 * Headers may be the English keys or the Vietnamese labels; both map to the same field.
 */
export const LICENCE_COLUMNS = [
  { key: "service_code", label: "Mã dịch vụ", required: true },
  { key: "document_no", label: "Số giấy phép", required: true },
  { key: "holder_kind", label: "Loại chủ thể", required: true },
  { key: "holder_name", label: "Tên tổ chức/cá nhân", required: true },
  { key: "holder_id", label: "Số CCCD/Mã số thuế", required: false },
  { key: "phone", label: "Số điện thoại", required: false },
  { key: "issued_on", label: "Ngày cấp", required: false },
  { key: "expires_on", label: "Ngày hết hạn", required: true },
  { key: "ward_code", label: "Mã xã/phường", required: false },
  { key: "address", label: "Địa chỉ", required: false },
] as const;
export type LicenceColumn = (typeof LICENCE_COLUMNS)[number]["key"];

const fold = (s: string) => s.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
/** A header as typed on any keyboard: no diacritics, `_` and `-` as spaces ("So dien thoai", "Service Code"). */
const foldHeader = (s: string) => stripVietnameseMarks(fold(s)).replace(/[\s_-]+/g, " ").trim();

/** The reason column our rejected-rows file adds (services/imports/staff-imports.ts): read back, it is ignored. */
export const LICENCE_REASON_HEADER = { vi: "Lý do", en: "reason" } as const;
const REASON_HEADERS = new Set(Object.values(LICENCE_REASON_HEADER).map(foldHeader));

/** What departments' spreadsheets commonly call a contract 4 column (folded): never accepted, only suggested. */
const COMMON_NAMES: Record<string, LicenceColumn> = {
  sdt: "phone", "so dt": "phone", "dien thoai": "phone", dt: "phone", dtdd: "phone", "di dong": "phone", "so di dong": "phone", mobile: "phone", tel: "phone", "phone number": "phone",
  cccd: "holder_id", "so cccd": "holder_id", cmnd: "holder_id", "so cmnd": "holder_id", "cccd/cmnd": "holder_id", mst: "holder_id", "ma so thue": "holder_id", "so dinh danh": "holder_id", "ma dinh danh": "holder_id",
  "ho ten": "holder_name", "ho va ten": "holder_name", ten: "holder_name", "ten doanh nghiep": "holder_name", "ten to chuc": "holder_name", "ten ca nhan": "holder_name",
  "ngay het hieu luc": "expires_on", "het han": "expires_on", "han su dung": "expires_on", "co gia tri den": "expires_on", "gia tri den": "expires_on",
  "so giay chung nhan": "document_no", "so chung chi": "document_no", "so the": "document_no", "so gcn": "document_no",
};

/**
 * The column an unknown header looks like: a common name for it, or its label or key misspelled
 * (edit distance of the folded texts within a fifth of the length, at least 1).
 */
function lookalikeColumn<K extends string>(columns: readonly SheetColumn<K>[], commonNames: Readonly<Record<string, K>>, header: string): K | null {
  const h = foldHeader(header);
  if (commonNames[h]) return commonNames[h];
  let best: { column: K; distance: number } | null = null;
  for (const c of columns) {
    for (const name of [foldHeader(c.key), foldHeader(c.label)]) {
      const d = levenshtein(h, name);
      if (d <= Math.max(1, Math.round(name.length / 5)) && (!best || d < best.distance)) best = { column: c.key, distance: d };
    }
  }
  return best?.column ?? null;
}

/** A column of a list departments send: its key, its Vietnamese label, whether every row must have it. */
export interface SheetColumn<K extends string = string> {
  key: K;
  label: string;
  required: boolean;
}

/**
 * Maps a file's header row to a list's column keys (labels also without diacritics). Unknown
 * headers are reported (not silently dropped), with the column each looks like when it looks like
 * one; a missing required column makes the whole file unreadable.
 */
export function mapSheetHeaders<K extends string>(
  columns: readonly SheetColumn<K>[],
  headers: readonly string[],
  commonNames: Readonly<Record<string, K>> = {},
): { columns: (K | null)[]; unknown: string[]; lookalike: { header: string; column: K }[]; missing: K[]; duplicate: K[] } {
  const byHeader = new Map<string, K>(columns.flatMap((c) => [[foldHeader(c.key), c.key], [foldHeader(c.label), c.key]] as [string, K][]));
  const mapped = headers.map((h) => byHeader.get(foldHeader(String(h ?? ""))) ?? null);
  const seen = new Set<K>();
  const duplicate: K[] = [];
  for (const c of mapped) if (c) (seen.has(c) ? duplicate.push(c) : seen.add(c));
  const unknown = headers.map((h) => String(h ?? "")).filter((h, i) => mapped[i] === null && h.trim() !== "" && !REASON_HEADERS.has(foldHeader(h)));
  return {
    columns: mapped,
    unknown,
    lookalike: unknown.flatMap((header) => {
      const column = lookalikeColumn(columns, commonNames, header);
      return column ? [{ header, column }] : [];
    }),
    missing: columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key),
    duplicate,
  };
}

/** Contract 4's header row mapped (`mapSheetHeaders`), with departments' common names for its columns. */
export function mapLicenceHeaders(headers: readonly string[]) {
  return mapSheetHeaders<LicenceColumn>(LICENCE_COLUMNS, headers, COMMON_NAMES);
}

/** Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug included). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM-DD`, `DD/MM/YYYY` (also with `-` or `.`), an Excel serial number or a JS Date → `YYYY-MM-DD`. */
export function parseContractDate(value: unknown): { ok: true; value: string } | { ok: false; reason: string } {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false, reason: "is not a real date" } : { ok: true, value: value.toISOString().slice(0, 10) };
  if (typeof value === "number") {
    const d = excelSerialToDate(value);
    return d ? { ok: true, value: d } : { ok: false, reason: "is not an Excel date" };
  }
  const s = String(value ?? "").trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? { ok: true, value: s } : { ok: false, reason: "is not a real calendar date" };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(y, mo, d)) return { ok: false, reason: "is not a real calendar date" };
    return { ok: true, value: `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
  }
  return { ok: false, reason: "must be a date written YYYY-MM-DD or DD/MM/YYYY" };
}

const contractDate = z.unknown().transform((v, ctx) => {
  const r = parseContractDate(v);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  }
  return r.value;
});
/** An optional cell: empty, blank or missing is "not given"; anything else must pass `schema`. */
function optional<O>(schema: z.ZodType<O, unknown>) {
  return z.preprocess((v) => (v === undefined || v === null || String(v).trim() === "" ? undefined : v), schema.optional());
}
const text = (max: number) => z.unknown().transform((v) => String(v ?? "").normalize("NFC").replace(/\s+/g, " ").trim()).pipe(z.string().min(1, "is required").max(max, `must be at most ${max} characters`));

/** A mobile number in any common writing, stored as `84…`. */
const phoneCell = z.unknown().transform((v, ctx) => {
  const r = normalizeVnPhone(String(v));
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: "is not a Vietnamese mobile number (e.g. 0912345678 or +84 912 345 678)" });
    return z.NEVER;
  }
  return r.value;
});

/** The cells every department list shares (this contract's and the beneficiary lists'), with the same reasons. */
export const listCells = { text, date: contractDate, optional, phone: phoneCell };

const HOLDER_KINDS: Record<string, "person" | "organization"> = { person: "person", "cá nhân": "person", "ca nhan": "person", organization: "organization", "tổ chức": "organization", "to chuc": "organization" };

/** One validated row (contract 4). `service_code` is checked against the catalogue by the importer. */
export const licenceRowSchema = z
  .object({
    service_code: text(64),
    document_no: text(100),
    holder_kind: z.unknown().transform((v, ctx) => {
      const k = HOLDER_KINDS[fold(String(v ?? ""))];
      if (!k) {
        ctx.addIssue({ code: "custom", message: "must be person or organization (Cá nhân / Tổ chức)" });
        return z.NEVER;
      }
      return k;
    }),
    holder_name: z.unknown().transform((v) => normalizeName(String(v ?? ""))).pipe(z.string().min(2, "must have at least 2 characters").max(200, "must be at most 200 characters")),
    holder_id: optional(z.unknown().transform((v) => String(v).replace(/[\s.-]/g, ""))),
    phone: optional(phoneCell),
    issued_on: optional(contractDate),
    expires_on: contractDate,
    ward_code: optional(z.unknown().transform((v) => String(v).trim()).pipe(z.string().regex(/^\d{5}$/, "must be a 5-digit ward code"))),
    address: optional(text(300)),
  })
  .superRefine((r, ctx) => {
    if (r.holder_id !== undefined) {
      if (r.holder_kind === "person") {
        const c = checkNationalId(r.holder_id);
        if (!c.ok) ctx.addIssue({ code: "custom", path: ["holder_id"], message: `for a person, the ID number ${NATIONAL_ID_PROBLEM_TEXT[c.reason]}` });
      } else if (!/^\d{10}(\d{3})?$/.test(r.holder_id)) {
        ctx.addIssue({ code: "custom", path: ["holder_id"], message: "for an organization, the tax code must have 10 or 13 digits" });
      }
    }
    if (r.issued_on && r.issued_on > r.expires_on) ctx.addIssue({ code: "custom", path: ["expires_on"], message: "must not be before issued_on" });
  });
export type LicenceRow = z.output<typeof licenceRowSchema>;
