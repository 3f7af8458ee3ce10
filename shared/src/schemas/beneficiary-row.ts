import { z } from "zod";
import { checkNationalId, NATIONAL_ID_PROBLEM_TEXT } from "../validation/national-id.js";
import { normalizeName } from "../validation/name.js";
import { MAX_PAYMENT_VND } from "../domain/payment-programmes.js";
import { listCells, mapSheetHeaders, type SheetColumn } from "./licence-row.js";

/**
 * One row of a department's beneficiary list for a proactive payment programme
 * (domain/payment-programmes.ts), CSV or .xlsx. Headers may be the English keys or the Vietnamese
 * labels. The columns are the catalogue's draft fields for the Tết allowance (beneficiary, category,
 * amount, receiving account) plus what reaches the person (phone) and where they live.
 */
export const BENEFICIARY_COLUMNS = [
  { key: "national_id", label: "Số CCCD", required: true },
  { key: "full_name", label: "Họ và tên", required: true },
  { key: "date_of_birth", label: "Ngày sinh", required: false },
  { key: "category", label: "Diện đối tượng", required: true },
  { key: "amount", label: "Số tiền (đồng)", required: false },
  { key: "account_no", label: "Số tài khoản", required: false },
  { key: "bank", label: "Ngân hàng", required: false },
  { key: "phone", label: "Số điện thoại", required: false },
  { key: "ward_code", label: "Mã xã/phường", required: false },
  { key: "address", label: "Địa chỉ", required: false },
] as const satisfies readonly SheetColumn[];
export type BeneficiaryColumn = (typeof BENEFICIARY_COLUMNS)[number]["key"];

const COMMON_NAMES: Record<string, BeneficiaryColumn> = {
  cccd: "national_id", "so cccd/cmnd": "national_id", cmnd: "national_id", "so dinh danh": "national_id",
  "ho ten": "full_name", "ho va ten nguoi co cong": "full_name", "ten": "full_name",
  "so tien": "amount", "muc chi": "amount", "muc tro cap": "amount", "thanh tien": "amount",
  stk: "account_no", "tai khoan": "account_no", sdt: "phone", "dien thoai": "phone", "doi tuong": "category", "dien": "category",
};

/** A beneficiary list's header row mapped to its columns (see `mapSheetHeaders`). */
export function mapBeneficiaryHeaders(headers: readonly string[]) {
  return mapSheetHeaders<BeneficiaryColumn>(BENEFICIARY_COLUMNS, headers, COMMON_NAMES);
}

/** An amount in đồng as a list writes it: 1500000, "1.500.000", "1,500,000", "1 500 000". */
const amountCell = z.unknown().transform((v, ctx) => {
  const digits = typeof v === "number" ? (Number.isInteger(v) ? String(v) : "") : String(v).trim().replace(/[\s.,]/g, "").replace(/(đ|đồng|vnd)$/i, "");
  if (!/^\d{1,12}$/.test(digits) || Number(digits) <= 0 || Number(digits) > MAX_PAYMENT_VND) {
    ctx.addIssue({ code: "custom", message: `must be a whole number of đồng between 1 and ${MAX_PAYMENT_VND}` });
    return z.NEVER;
  }
  return Number(digits);
});

/** One validated row; the amount is checked against the programme's rule by the importer. */
export const beneficiaryRowSchema = z
  .object({
    national_id: z.unknown().transform((v) => String(v ?? "").replace(/[\s.-]/g, "")),
    full_name: z.unknown().transform((v) => normalizeName(String(v ?? ""))).pipe(z.string().min(2, "must have at least 2 characters").max(200, "must be at most 200 characters")),
    date_of_birth: listCells.optional(listCells.date),
    category: listCells.text(100),
    amount: listCells.optional(amountCell),
    account_no: listCells.optional(z.unknown().transform((v) => String(v).replace(/[\s.-]/g, "")).pipe(z.string().regex(/^\d{6,20}$/, "must be 6 to 20 digits"))),
    bank: listCells.optional(listCells.text(100)),
    phone: listCells.optional(listCells.phone),
    ward_code: listCells.optional(z.unknown().transform((v) => String(v).trim()).pipe(z.string().regex(/^\d{5}$/, "must be a 5-digit ward code"))),
    address: listCells.optional(listCells.text(300)),
  })
  .superRefine((r, ctx) => {
    const c = checkNationalId(r.national_id, r.date_of_birth ? { dateOfBirth: r.date_of_birth } : {});
    if (!c.ok) ctx.addIssue({ code: "custom", path: ["national_id"], message: `the ID number ${NATIONAL_ID_PROBLEM_TEXT[c.reason]}` });
    if (r.account_no !== undefined && r.bank === undefined) ctx.addIssue({ code: "custom", path: ["bank"], message: "is required with an account number" });
  });
export type BeneficiaryRow = z.output<typeof beneficiaryRowSchema>;
