import { addMonths } from "../domain/vaccination.js";
import { addDays } from "../domain/vietnam-time.js";

/**
 * ISO 8601 date durations (`PnYnMnWnD`), the way the catalogue writes lead times ("P60D", "P6M").
 * Only date parts: a lead time is counted in calendar days, months and years, never in hours, so a
 * time part (`PT12H`, `P1DT2H`) is refused rather than silently dropped.
 */
export interface DateDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const DATE_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Parses `PnYnMnWnD` (whole, non-negative numbers; at least one part). Throws an Error naming the bad input. */
export function parseDuration(iso: string): DateDuration {
  if (typeof iso !== "string") throw new Error(`not an ISO 8601 duration: ${String(iso)}`);
  if (/^P[^T]*T/.test(iso)) throw new Error(`ISO 8601 duration "${iso}" has a time part; lead times take only years, months, weeks and days`);
  const m = DATE_DURATION.exec(iso);
  if (!m || iso === "P") throw new Error(`not an ISO 8601 date duration (PnYnMnWnD, e.g. P60D or P6M): "${iso}"`);
  const [, y, mo, w, d] = m;
  return { years: Number(y ?? 0), months: Number(mo ?? 0), weeks: Number(w ?? 0), days: Number(d ?? 0) };
}

/** True when `iso` is a date duration `parseDuration` accepts. */
export function isDateDuration(iso: string): boolean {
  try {
    parseDuration(iso);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date `iso` before `date` (`YYYY-MM-DD`). Years and months are counted by the
 * calendar first, a day missing in the target month falling back to that month's last day
 * (2027-08-31 − P6M = 2027-02-28), then weeks and days are counted back: this is how "6 tháng trước
 * ngày hết hạn" is read on a calendar.
 */
export function subtractDuration(date: string, iso: string): string {
  const d = parseDuration(iso);
  const months = d.years * 12 + d.months;
  const afterMonths = months ? addMonths(date, -months) : date;
  const days = d.weeks * 7 + d.days;
  return days ? addDays(afterMonths, -days) : afterMonths;
}

/**
 * A duration's rough length in days (a year 365, a month 30), for ordering notice steps earliest
 * first. Not for dates: use `subtractDuration`.
 */
export function approximateDays(iso: string): number {
  const d = parseDuration(iso);
  return d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
}
