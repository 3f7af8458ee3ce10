/**
 * Which notice dates of a deadline still lie ahead (reminder engine, design.md level 1). Pure: the
 * caller passes today's date in Vietnam.
 */
export interface NoticeDate {
  /** The notice step, an ISO 8601 duration before the deadline (P60D, P6M…). */
  step: string;
  /** The calendar day the notice goes out. */
  date: string;
}

/**
 * The notices still to send for a deadline, given every step's date (earliest first):
 * - a deadline already past gets none;
 * - steps whose day is today or later are kept (a step due today still goes today);
 * - when every step is past but the deadline is not, one notice goes today under the last step's
 *   name: a late reminder is better than none (a document imported 3 days before it expires).
 */
export function pendingNotices(input: { deadline: string; notices: readonly NoticeDate[]; today: string }): NoticeDate[] {
  if (input.deadline < input.today) return [];
  const ahead = input.notices.filter((n) => n.date >= input.today);
  if (ahead.length > 0) return ahead;
  const last = input.notices.at(-1);
  return last ? [{ step: last.step, date: input.today }] : [];
}

/** Hour of the day (Vietnam time) reminders go out: inside office hours, far from the quiet hours. */
export const REMINDER_SEND_HOUR_VN = 8;

/** The instant a notice dated `date` goes out: 08:00 in Vietnam that day, or `now` if that hour has passed. */
export function noticeInstant(date: string, now: Date): Date {
  const at = new Date(`${date}T${String(REMINDER_SEND_HOUR_VN).padStart(2, "0")}:00:00+07:00`);
  return at > now ? at : now;
}
