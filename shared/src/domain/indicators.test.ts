import { describe, expect, it } from "vitest";
import {
  HANDOVER_FIRST_REPLY_TARGET_MS,
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
