import { describe, expect, it } from "vitest";
import { noticeInstant, pendingNotices } from "./reminder-plan.js";

const notices = [
  { step: "P60D", date: "2027-01-01" },
  { step: "P30D", date: "2027-01-31" },
  { step: "P7D", date: "2027-02-23" },
];

describe("pendingNotices", () => {
  it.each([
    // today, expected steps (deadline 2027-03-02)
    ["2026-12-01", ["P60D@2027-01-01", "P30D@2027-01-31", "P7D@2027-02-23"]],
    ["2027-01-01", ["P60D@2027-01-01", "P30D@2027-01-31", "P7D@2027-02-23"]], // a step due today still goes
    ["2027-01-02", ["P30D@2027-01-31", "P7D@2027-02-23"]],
    ["2027-02-24", ["P7D@2027-02-24"]], // every step past, deadline ahead: one late notice today
    ["2027-03-02", ["P7D@2027-03-02"]], // the deadline itself
    ["2027-03-03", []], // past the deadline: nothing
  ])("today %s → %j", (today, expected) => {
    expect(pendingNotices({ deadline: "2027-03-02", notices, today }).map((n) => `${n.step}@${n.date}`)).toEqual(expected);
  });

  it("plans nothing for a service without steps", () => {
    expect(pendingNotices({ deadline: "2027-03-02", notices: [], today: "2027-01-01" })).toEqual([]);
  });
});

describe("noticeInstant", () => {
  it("is 08:00 Vietnam time on the day, or now once that hour has passed", () => {
    expect(noticeInstant("2027-01-01", new Date("2026-12-01T00:00:00Z")).toISOString()).toBe("2027-01-01T01:00:00.000Z");
    const late = new Date("2027-01-01T05:00:00Z");
    expect(noticeInstant("2027-01-01", late)).toBe(late);
  });
});
