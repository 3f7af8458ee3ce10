/** Vietnam has used UTC+07:00 all year since 1975, with no daylight saving. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** The calendar date (`YYYY-MM-DD`) an instant falls on in Vietnam. */
export function vietnamDate(instant: string | Date): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Adds whole calendar days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The hour (0–23) of an instant in Vietnam. */
export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).getUTCHours();
}
