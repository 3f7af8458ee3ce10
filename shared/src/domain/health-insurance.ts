import { addMonths } from "./vaccination.js";
import { addDays } from "./vietnam-time.js";

/**
 * Household health insurance (BHYT hộ gia đình), per domain/facts.md:
 * - paid for 3, 6 or 12 months at a time (Nghị định 146/2018/NĐ-CP art. 9(7));
 * - paid before the card ends, the new period runs on from the old expiry (continuous cover);
 * - paid after a break of at most 3 months, the card is valid from the day of payment;
 * - first participation or a break of more than 3 months: valid 30 days after payment
 *   (Luật Bảo hiểm y tế, art. 16(3) as amended by Law 46/2014/QH13).
 */
export const HOUSEHOLD_INSURANCE_PERIODS = [3, 6, 12] as const;
export type HouseholdInsurancePeriod = (typeof HOUSEHOLD_INSURANCE_PERIODS)[number];
export const INSURANCE_GAP_MONTHS = 3;
export const INSURANCE_WAITING_DAYS = 30;

export interface InsuranceRenewal {
  /** First day the renewed card covers treatment. */
  validFrom: string;
  /** Last day of cover. */
  validTo: string;
  /** Days without cover between the old card and the new one (0 when continuous). */
  uncoveredDays: number;
  /** True when the 30-day wait applies (a break of more than 3 months). */
  waitingPeriod: boolean;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * What cover a household member gets when paying on `paidOn` for `months` months, the old card
 * having ended on `expiresOn` (its last day of cover).
 */
export function householdInsuranceRenewal(input: { expiresOn: string; paidOn: string; months: HouseholdInsurancePeriod }): InsuranceRenewal {
  if (!HOUSEHOLD_INSURANCE_PERIODS.includes(input.months)) throw new RangeError(`months must be one of ${HOUSEHOLD_INSURANCE_PERIODS.join(", ")}`);
  const dayAfterExpiry = addDays(input.expiresOn, 1);
  if (input.paidOn <= input.expiresOn) {
    return { validFrom: dayAfterExpiry, validTo: addDays(addMonths(dayAfterExpiry, input.months), -1), uncoveredDays: 0, waitingPeriod: false };
  }
  const longBreak = input.paidOn > addMonths(input.expiresOn, INSURANCE_GAP_MONTHS);
  const validFrom = longBreak ? addDays(input.paidOn, INSURANCE_WAITING_DAYS) : input.paidOn;
  return { validFrom, validTo: addDays(addMonths(validFrom, input.months), -1), uncoveredDays: daysBetween(dayAfterExpiry, validFrom), waitingPeriod: longBreak };
}
