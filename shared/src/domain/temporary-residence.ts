import { addMonths } from "./vaccination.js";
import { addDays } from "./vietnam-time.js";

/**
 * Temporary residence (tạm trú), Luật Cư trú 68/2020/QH14:
 * art. 27(3) — "Thời hạn tạm trú tối đa là 02 năm và có thể tiếp tục gia hạn nhiều lần";
 * art. 28(3) — "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân
 * phải làm thủ tục gia hạn tạm trú".
 */
export const TEMPORARY_RESIDENCE_MAX_MONTHS = 24;
export const TEMPORARY_RESIDENCE_EXTENSION_WINDOW_DAYS = 15;

export type TemporaryResidenceTerm =
  | { ok: true; endsOn: string; extensionOpensOn: string }
  | { ok: false; field: "months"; reason: string };

/**
 * When a registration made on `registeredOn` for `months` months ends (the day before the same
 * date `months` later), and the first day its extension may be filed.
 */
export function temporaryResidenceTerm(registeredOn: string, months: number): TemporaryResidenceTerm {
  if (!Number.isInteger(months) || months < 1) return { ok: false, field: "months", reason: "must be a whole number of months, at least 1" };
  if (months > TEMPORARY_RESIDENCE_MAX_MONTHS) {
    return { ok: false, field: "months", reason: `is ${months}; temporary residence lasts at most ${TEMPORARY_RESIDENCE_MAX_MONTHS} months (Luật Cư trú art. 27(3))` };
  }
  const endsOn = addDays(addMonths(registeredOn, months), -1);
  return { ok: true, endsOn, extensionOpensOn: temporaryResidenceExtensionOpensOn(endsOn) };
}

/** The first day the extension may be filed: 15 days before the term ends. */
export function temporaryResidenceExtensionOpensOn(endsOn: string): string {
  return addDays(endsOn, -TEMPORARY_RESIDENCE_EXTENSION_WINDOW_DAYS);
}
