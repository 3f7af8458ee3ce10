import { VIETNAM_OFFSET_MINUTES, vietnamDate } from "@hccd/shared/client";

/** `2026-03-05` → `05/03/2026`, the way dates are written in Vietnam (and in en-GB). */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/**
 * An instant as `05/03/2026 14:07`, in Vietnam time whatever the phone's time zone
 * (UTC+07:00 all year, no daylight saving).
 */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const shifted = new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000);
  const hh = String(shifted.getUTCHours()).padStart(2, "0");
  const mm = String(shifted.getUTCMinutes()).padStart(2, "0");
  return `${formatDate(vietnamDate(iso))} ${hh}:${mm}`;
}
