/**
 * Proactive payment programmes (design level 4, "Không có đơn từ"): the state pays a listed group
 * without any application. Each programme is a data row: a later one (a social allowance) is a new
 * row here and the same beneficiary list (`BENEFICIARY_COLUMNS`), not new code.
 *
 * Amounts are never invented: a rule either takes the amount the department wrote on its list
 * (`from_list`, the plan's "mức chi đã chuẩn hóa") or a configured amount that names its source and
 * the dates it applies to (`fixed`).
 */

import { AGENCIES } from "../catalogue/agencies.js";

/** How a beneficiary's amount is known. */
export type AmountRule =
  | { kind: "from_list"; source: string }
  | { kind: "fixed"; amountVnd: number; source: string; validFrom: string; validTo: string | null };

/** How the treasury pays: into the beneficiary's account, or in cash where they live. */
export type PaymentChannel = "bank_account" | "cash_at_ward";

export interface PaymentProgramme {
  key: string;
  /** The catalogue service it delivers (shared/src/catalogue). */
  serviceKey: string;
  name: { vi: string; en: string };
  /** Who prepares the list (a department officer of this agency may import it). */
  agency: string;
  /** Who pays (the treasury, "Kho bạc Nhà nước"). */
  payer: string;
  legalBasis: { vi: string; en: string; source: string };
  amountRule: AmountRule;
  channel: PaymentChannel;
}

/**
 * Plan 920 (Kế hoạch 920/KH-UBND, 05/3/2026, appendix row 3): "Dựa trên danh sách NCC và mức chi
 * đã chuẩn hóa, hệ thống tự lập danh sách, gửi Kho bạc để chi trả qua tài khoản. Không có đơn từ."
 * The plan gives no amount: it comes from the department's standardised list.
 */
export const PAYMENT_PROGRAMMES: readonly PaymentProgramme[] = [
  {
    key: "tet-allowance-meritorious",
    serviceKey: "tet-allowance-meritorious",
    name: { vi: "Trợ cấp Tết cho người có công", en: "Tết allowance for people with meritorious service" },
    agency: AGENCIES.homeAffairs.vi,
    payer: "Kho bạc Nhà nước",
    legalBasis: {
      vi: "Kế hoạch số 920/KH-UBND ngày 05/3/2026 của UBND tỉnh Tây Ninh, Phụ lục, dịch vụ số 3",
      en: "Plan 920/KH-UBND of 5 March 2026 of the Tây Ninh People's Committee, appendix, service 3",
      source: "seed 000, plan 920 appendix row 3",
    },
    amountRule: { kind: "from_list", source: "mức chi đã chuẩn hóa ghi trong danh sách của Sở Nội vụ (plan 920 row 3)" },
    channel: "bank_account",
  },
];

/** A programme by its key. */
export function paymentProgramme(key: string, programmes: readonly PaymentProgramme[] = PAYMENT_PROGRAMMES): PaymentProgramme | undefined {
  return programmes.find((p) => p.key === key);
}

/** The largest amount one beneficiary may be listed for: far over any allowance, far under a typing slip of three zeros too many on a large sum. */
export const MAX_PAYMENT_VND = 100_000_000;

/**
 * A beneficiary's amount under the programme's rule, or why there is none: the listed amount for
 * `from_list`; the configured amount for `fixed` on `paymentDate` within its dates (a listed
 * amount that differs from it is a mistake on the list).
 */
export function beneficiaryAmount(programme: PaymentProgramme, listed: number | undefined, paymentDate: string): { ok: true; amountVnd: number } | { ok: false; reason: string } {
  const rule = programme.amountRule;
  if (rule.kind === "from_list") {
    if (listed === undefined) return { ok: false, reason: "is required" };
    return { ok: true, amountVnd: listed };
  }
  if (paymentDate < rule.validFrom || (rule.validTo !== null && paymentDate > rule.validTo)) return { ok: false, reason: `has no configured amount on ${paymentDate}` };
  if (listed !== undefined && listed !== rule.amountVnd) return { ok: false, reason: `differs from the programme's amount (${rule.amountVnd})` };
  return { ok: true, amountVnd: rule.amountVnd };
}
