import { describe, expect, it } from "vitest";
import {
  BIRTHS_REMINDED_TARGET,
  DRAFT_TO_SUBMISSION_TARGET_MS,
  HANDOVER_FIRST_REPLY_TARGET_MS,
  childReminderOutcome,
  mean,
  percentile,
  INDICATOR_TARGETS,
  defaultPeriod,
  isSatisfied,
  median,
  periodInstants,
  reminderOnTimeBy,
  reminderOutcome,
  share,
  workingMsBetween,
  type ReminderFacts,
} from "./indicators.js";

const H = 3_600_000;

describe("targets (seed 000 plan 6259/KH-SYT service 1: 100% reminded at the milestone; issue 6 and seed 002: ≥95% satisfied)", () => {
  it("are the plans' numbers", () => {
    expect(INDICATOR_TARGETS).toEqual({ remindersOnTime: 1, satisfied: 0.95 });
  });
});

describe("period", () => {
  it("covers whole Vietnam days, both ends included", () => {
    expect(periodInstants({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ start: new Date("2026-10-31T17:00:00Z"), end: new Date("2026-11-30T17:00:00Z") });
  });
  it("defaults to the last 30 days, today included", () => {
    expect(defaultPeriod("2026-11-24")).toEqual({ from: "2026-10-26", to: "2026-11-24" });
  });
});

describe("share and median", () => {
  it.each([
    [3, 4, 0.75],
    [0, 5, 0],
    [0, 0, null], // an empty period: no division by zero
  ])("share(%d, %d) = %s", (p, w, expected) => expect(share(p, w)).toBe(expected));
  it.each([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])("median(%j) = %s", (values, expected) => expect(median(values)).toBe(expected));
});

describe("reminder on time (seed 000: 'nhắc đúng mốc')", () => {
  const planned = new Date("2026-11-10T01:00:00Z"); // 08:00 on 10/11, Vietnam time
  const base: ReminderFacts = { status: "queued", reason: null, dueOn: "2026-11-20", nextAt: planned, outboxStatus: "sent", sentAt: planned };
  const now = new Date("2026-12-01T03:00:00Z");

  it("must be sent within a day of its planned moment, and before the deadline day ends", () => {
    expect(reminderOnTimeBy(base)).toEqual(new Date(planned.getTime() + 24 * H));
    // A notice planned on the deadline day itself: the day's end comes first (00:00 on 21/11 in Vietnam).
    expect(reminderOnTimeBy({ dueOn: "2026-11-20", nextAt: new Date("2026-11-20T01:00:00Z") })).toEqual(new Date("2026-11-20T17:00:00Z"));
  });

  it.each<[string, Partial<ReminderFacts>, Date, string]>([
    ["sent at the planned moment", {}, now, "on_time"],
    ["sent the next morning (quiet hours)", { sentAt: new Date(planned.getTime() + 23 * H) }, now, "on_time"],
    ["delivered counts as sent", { outboxStatus: "delivered", sentAt: new Date(planned.getTime() + 2 * H) }, now, "on_time"],
    ["sent two days late", { sentAt: new Date(planned.getTime() + 48 * H) }, now, "sent_late"],
    ["accepted, then reported undelivered", { outboxStatus: "failed", sentAt: planned }, now, "failed"],
    ["given up after every channel", { outboxStatus: "failed", sentAt: null }, now, "failed"],
    ["still queued, time left", { outboxStatus: "pending", sentAt: null }, new Date(planned.getTime() + 3 * H), "waiting"],
    ["still queued, time over", { outboxStatus: "pending", sentAt: null }, now, "missed"],
    ["never taken by the sweep", { status: "planned", outboxStatus: null, sentAt: null }, now, "missed"],
    ["nobody to tell", { status: "skipped", reason: "unreachable", outboxStatus: null, sentAt: null }, now, "unreachable"],
    ["opted out (not held against the target)", { status: "skipped", reason: "opted_out", outboxStatus: null, sentAt: null }, now, "opted_out"],
    ["superseded or renewed", { status: "cancelled", reason: "superseded by a later notice", outboxStatus: null, sentAt: null }, now, "cancelled"],
    ["message cancelled", { outboxStatus: "cancelled", sentAt: null }, now, "cancelled"],
  ])("%s → %s", (_label, patch, at, expected) => {
    expect(reminderOutcome({ ...base, ...patch }, at)).toBe(expected);
  });
});

describe("satisfied (4–5 on the bot's 1–5 scale)", () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [4, true],
    [5, true],
    [6, false],
  ])("%d → %s", (score, expected) => expect(isSatisfied(score)).toBe(expected));
});

describe("office time (bot.ts handover.opened: 7:30–11:30, 13:30–17:00, Monday–Friday)", () => {
  const vn = (s: string) => new Date(`${s}+07:00`);
  it.each<[string, string, number]>([
    ["2026-11-24T08:00:00", "2026-11-24T09:15:00", 1.25 * H], // Tuesday morning
    ["2026-11-24T11:00:00", "2026-11-24T14:00:00", 1 * H], // over the lunch break: 30 + 30 minutes
    ["2026-11-24T18:00:00", "2026-11-25T08:00:00", 0.5 * H], // evening, answered 08:00 next day
    ["2026-11-27T17:30:00", "2026-11-30T09:00:00", 1.5 * H], // Friday evening → Monday 09:00
    ["2026-11-28T09:00:00", "2026-11-29T16:00:00", 0], // all weekend
    ["2026-11-24T07:30:00", "2026-11-25T07:30:00", 7.5 * H], // one whole working day
    ["2026-11-24T10:00:00", "2026-11-24T09:00:00", 0], // reversed
  ])("%s → %s = %d ms", (a, b, expected) => expect(workingMsBetween(vn(a), vn(b))).toBe(expected));
  it("the handover target is one working day", () => expect(HANDOVER_FIRST_REPLY_TARGET_MS).toBe(7.5 * H));
});

describe("percentiles and means (the p90 beside the median; Sơn La 169 sets its target on the average)", () => {
  it("takes the nearest rank", () => {
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile(ten, 0.5)).toBe(5);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([], 0.9)).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });
  it("Sơn La 169 (2026): under 5 minutes from opening to filing", () => {
    expect(DRAFT_TO_SUBMISSION_TARGET_MS).toBe(300_000);
  });
});

describe("a child reminded at the right milestone (plan 920 row 1 / plan 6259 service 1: 100% of children born in public hospitals)", () => {
  it("is the target over every birth", () => {
    expect(BIRTHS_REMINDED_TARGET).toBe(1);
  });
  it.each([
    ["no reminder planned at all", { planned: 0, due: [] }, "not_planned"],
    ["a newborn whose first milestone is ahead", { planned: 12, due: [] }, "none_due_yet"],
    ["every milestone so far on time", { planned: 12, due: ["on_time", "on_time"] }, "on_time"],
    ["a superseded notice does not count against it", { planned: 12, due: ["on_time", "cancelled"] }, "on_time"],
    ["one still being sent", { planned: 12, due: ["on_time", "waiting"] }, "waiting"],
    ["one late", { planned: 12, due: ["on_time", "sent_late"] }, "late_or_missed"],
    ["nobody to tell", { planned: 12, due: ["unreachable"] }, "late_or_missed"],
    ["the parents opted out", { planned: 12, due: ["opted_out"] }, "opted_out"],
  ] as const)("%s", (_what, child, outcome) => {
    expect(childReminderOutcome(child)).toBe(outcome);
  });
});
