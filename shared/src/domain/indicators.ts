/**
 * The rules behind the plans' evaluation indicators (the staff console's indicators area): what
 * counts as a reminder sent on time, a satisfied citizen, a handover answered in time, and the
 * arithmetic (shares, medians) shown next to each target. Pure: `now` is a parameter.
 */
import { VIETNAM_OFFSET_MINUTES, addDays } from "./vietnam-time.js";

/**
 * The targets the province's plans set for what the indicators measure, each with its source.
 * A target is a share (0–1); `null` where no plan sets one (the indicator is shown without a line).
 */
export const INDICATOR_TARGETS = {
  /**
   * Seed 000, Kế hoạch 6259/KH-SYT ngày 11/6/2026 của Sở Y tế (and the list attached to Kế hoạch
   * 920/KH-UBND ngày 05/3/2026), service 1 "Nhắc lịch tiêm chủng tự động": "Kết quả kỳ vọng: 100%
   * trẻ sinh tại bệnh viện công được nhắc đúng mốc". The same bar is applied to every reminder.
   */
  remindersOnTime: 1,
  /**
   * At least 95% satisfied, as issue 6 asks; seed 002 (Kế hoạch 169/KH-UBND ngày 12/8/2025, item
   * (4)) sets the same "tỷ lệ người dân, doanh nghiệp đánh giá hài lòng … đạt tối thiểu 95%". Tây
   * Ninh's own plans ask at least 90% (seed 001, Kế hoạch 20/KH-UBND 2025; seed 003, item 9.1.11):
   * 95% is the stricter of the two.
   */
  satisfied: 0.95,
} as const;

/** Vietnam-time calendar dates (`YYYY-MM-DD`), both ends included. */
export interface IndicatorPeriod {
  from: string;
  to: string;
}

/** The instants a period covers: from 00:00 Vietnam time on `from` to 00:00 the day after `to` (exclusive). */
export function periodInstants(p: IndicatorPeriod): { start: Date; end: Date } {
  const offset = VIETNAM_OFFSET_MINUTES * 60_000;
  return { start: new Date(Date.parse(`${p.from}T00:00:00Z`) - offset), end: new Date(Date.parse(`${addDays(p.to, 1)}T00:00:00Z`) - offset) };
}

/** The default period: the last 30 days in Vietnam time, today included. */
export function defaultPeriod(today: string): IndicatorPeriod {
  return { from: addDays(today, -29), to: today };
}

/** `part / whole`, or null when there is nothing to divide (an empty period shows "—", never 0% or NaN). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The median of the values (the mean of the two middle ones for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A notice arriving the morning after its planned moment is still "at the milestone": the sweep
 * runs through the day and quiet hours (22:00–06:00) defer a message to the next morning.
 */
export const REMINDER_ON_TIME_GRACE_MS = 24 * 3_600_000;

/**
 * When a reminder must have been sent to count as on time ("nhắc đúng mốc", seed 000): within
 * {@link REMINDER_ON_TIME_GRACE_MS} of its planned moment (`nextAt`, the notice step before the
 * deadline), and in any case before the deadline day (`dueOn`, Vietnam time) is over — a dose
 * reminder that arrives after the dose's date has missed the milestone.
 */
export function reminderOnTimeBy(r: { dueOn: string; nextAt: Date }): Date {
  // 00:00 Vietnam time the day after `dueOn` (plain arithmetic: this runs for every reminder of a year).
  const endOfDueDay = Date.parse(`${r.dueOn}T00:00:00Z`) + 86_400_000 - VIETNAM_OFFSET_MINUTES * 60_000;
  return new Date(Math.min(r.nextAt.getTime() + REMINDER_ON_TIME_GRACE_MS, endOfDueDay));
}

/** What the indicator needs of a reminder and of the message it queued (if any). */
export interface ReminderFacts {
  status: "planned" | "queued" | "cancelled" | "skipped";
  /** The sweep's reason for a skip (`opted_out`, `unreachable`) or a cancellation. */
  reason: string | null;
  dueOn: string;
  nextAt: Date;
  outboxStatus: "pending" | "sending" | "sent" | "delivered" | "failed" | "cancelled" | null;
  sentAt: Date | null;
}

/**
 * What became of a reminder whose moment has come:
 * - `on_time` / `sent_late`: sent (accepted by Zalo or the SMS gateway) by {@link reminderOnTimeBy}, or after;
 * - `waiting`: not sent yet but there is still time (queued behind quiet hours or the throttle);
 * - `missed`: not sent and the time is over;
 * - `failed`: every retry and channel spent, or the operator reported it undelivered;
 * - `unreachable`: nobody to tell (no Zalo, no phone);
 * - `opted_out`: the citizen turned reminders off — their choice is kept (Law 91/2025/QH15), so it
 *   is not held against the target;
 * - `cancelled`: no longer owed (the document was renewed, the deadline changed, or a later notice
 *   about the same deadline superseded it).
 */
export type ReminderOutcome = "on_time" | "sent_late" | "waiting" | "missed" | "failed" | "unreachable" | "opted_out" | "cancelled";

export function reminderOutcome(r: ReminderFacts, now: Date): ReminderOutcome {
  if (r.status === "cancelled" || r.outboxStatus === "cancelled") return "cancelled";
  if (r.status === "skipped") return r.reason === "opted_out" ? "opted_out" : "unreachable";
  const by = reminderOnTimeBy(r);
  if (r.outboxStatus === "failed") return "failed";
  if (r.sentAt && (r.outboxStatus === "sent" || r.outboxStatus === "delivered")) return r.sentAt.getTime() <= by.getTime() ? "on_time" : "sent_late";
  return now.getTime() <= by.getTime() ? "waiting" : "missed";
}

/**
 * The outcomes the on-time share is taken over: every reminder whose fate is decided and that was
 * owed to someone who wants it. Waiting ones are not decided yet; cancelled and opted-out ones were
 * not owed.
 */
export const REMINDER_OUTCOMES_COUNTED: readonly ReminderOutcome[] = ["on_time", "sent_late", "missed", "failed", "unreachable"];

/**
 * Satisfied: 4 or 5 on the 1–5 scale the bot and the Mini App ask with ("1 = rất không hài lòng,
 * 5 = rất hài lòng", shared/src/i18n/vi/bot.ts `rating.ask`). 3 is neither, so it is not counted
 * as satisfied: the target is "hài lòng", not "not dissatisfied".
 */
export function isSatisfied(score: number): boolean {
  return score >= 4 && score <= 5;
}

/**
 * Office hours of the province's officers, as the bot promises them to citizens when a chat is
 * handed over ("sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu", bot.ts `handover.opened`),
 * in minutes after midnight, Vietnam time. Public holidays are not modelled.
 */
export const OFFICE_HOURS: readonly { from: number; to: number }[] = [
  { from: 7 * 60 + 30, to: 11 * 60 + 30 },
  { from: 13 * 60 + 30, to: 17 * 60 },
];

/** One working day: the length of the office hours of a weekday (7.5 h). */
export const WORKING_DAY_MS = OFFICE_HOURS.reduce((s, h) => s + (h.to - h.from), 0) * 60_000;

/**
 * The handover target: the first reply within one working day, which is what the bot tells the
 * citizen ("thường trong vòng 1 ngày làm việc"). Measured in office time, so a chat opened on
 * Friday evening and answered on Monday at 9:00 waited 1.5 working hours.
 */
export const HANDOVER_FIRST_REPLY_TARGET_MS = WORKING_DAY_MS;

/** Office time (ms) between two instants: only the office hours of Monday–Friday count. */
export function workingMsBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const offset = VIETNAM_OFFSET_MINUTES * 60_000;
  const a = from.getTime() + offset;
  const b = to.getTime() + offset;
  let total = 0;
  // Day by day in Vietnam-local milliseconds (a day is 86,400,000 ms: no daylight saving).
  for (let day = Math.floor(a / 86_400_000) * 86_400_000; day < b; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const h of OFFICE_HOURS) {
      const s = Math.max(a, day + h.from * 60_000);
      const e = Math.min(b, day + h.to * 60_000);
      if (e > s) total += e - s;
    }
  }
  return total;
}

/**
 * The value below which `p` of the values lie (nearest rank: the smallest value with at least
 * `p × n` values at or below it), null for none. `percentile(v, 0.9)` is the p90 staff read
 * beside the median: most citizens waited at most this long.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

/** The arithmetic mean, null for none (Sơn La 169 sets its target on the average: "thời gian trung bình"). */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Plan 920 row 1 (seed 000, Kế hoạch 6259/KH-SYT, service 1 "Nhắc lịch tiêm chủng tự động"): "100%
 * trẻ sinh tại bệnh viện công được nhắc đúng mốc", counted over every birth received from the
 * hospitals, not over the reminders the system happened to plan.
 */
export const BIRTHS_REMINDED_TARGET = 1;

/**
 * Sơn La's Kế hoạch 169/KH-UBND ngày 12/8/2025 (seed 002), mục tiêu năm 2026, tiêu chí (2): "thời
 * gian trung bình từ lúc đăng nhập đến khi người dân, doanh nghiệp nộp hồ sơ trực tuyến thành công
 * là dưới 05 phút" (08 phút in 2025). Our "log in" is opening the prepared draft in the Mini App;
 * "filed" is the consent that sends it.
 */
export const DRAFT_TO_SUBMISSION_TARGET_MS = 5 * 60_000;

/**
 * What became of one child's vaccination reminders by now (plan 920 row 1):
 * - `on_time`: every reminder whose moment has come was sent at its milestone;
 * - `late_or_missed`: at least one was late, missed, failed or found nobody to tell;
 * - `waiting`: the ones that came are on time or still being sent;
 * - `opted_out`: the parents turned reminders off (their choice; still a child not reminded);
 * - `none_due_yet`: no milestone has come yet (a newborn);
 * - `not_planned`: no reminder was planned for the birth at all — what counting over births catches.
 */
export const CHILD_REMINDER_OUTCOMES = ["on_time", "late_or_missed", "waiting", "opted_out", "none_due_yet", "not_planned"] as const;
export type ChildReminderOutcome = (typeof CHILD_REMINDER_OUTCOMES)[number];

export function childReminderOutcome(child: { planned: number; due: readonly ReminderOutcome[] }): ChildReminderOutcome {
  if (child.planned === 0) return "not_planned";
  const owed = child.due.filter((o) => o !== "cancelled");
  if (owed.length === 0) return "none_due_yet";
  if (owed.some((o) => o === "sent_late" || o === "missed" || o === "failed" || o === "unreachable")) return "late_or_missed";
  if (owed.includes("opted_out")) return "opted_out";
  return owed.includes("waiting") ? "waiting" : "on_time";
}

/**
 * Where the system found the people it serves proactively ("citizens found by population data vs by
 * lists"): the national population data, departments' lists, hospitals' birth certificates and death
 * notices. A new source is one more name here and one more branch in the count
 * (db `citizenSourceCounts`); a source with nothing stored yet shows 0, never disappears.
 */
export const CITIZEN_SOURCES = ["population_data", "department_list", "birth_certificate", "death_notice"] as const;
export type CitizenSource = (typeof CITIZEN_SOURCES)[number];
