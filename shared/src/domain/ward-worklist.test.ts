import { describe, expect, it } from "vitest";
import { birthRegistrationDueBy } from "./birth-registration.js";
import { deathRegistrationDueBy } from "./death-registration.js";
import { daysLeft, noConsentListedFrom, noConsentListedThrough, outcomeResolves, suggestedFollowUp, WORKLIST_RULES, worklistReason } from "./ward-worklist.js";

describe("when a draft without consent goes on the ward's worklist", () => {
  it("a birth: deadline 60 days (Luật Hộ tịch 2014 art. 15(1)), listed from day 30, leaving the officer 30 days", () => {
    expect(WORKLIST_RULES["birth-registration"]).toMatchObject({ deadlineDays: 60, noConsentAfterDays: 30 });
    const due = birthRegistrationDueBy("2026-11-20");
    expect(due).toBe("2027-01-19");
    expect(noConsentListedFrom("birth-registration", due)).toBe("2026-12-20");
    expect(daysLeft(due, "2026-12-20")).toBe(30);
  });
  it("a death: deadline 15 days (Luật Hộ tịch 2014 art. 33(1)), listed from day 7 (after the funeral week), leaving 8 days", () => {
    expect(WORKLIST_RULES["death-registration"]).toMatchObject({ deadlineDays: 15, noConsentAfterDays: 7 });
    const due = deathRegistrationDueBy("2026-11-20T09:00:00+07:00");
    expect(due).toBe("2026-12-05");
    expect(noConsentListedFrom("death-registration", due)).toBe("2026-11-27");
    expect(daysLeft(due, "2026-11-27")).toBe(8);
  });
  it("the query's form says the same: listed when the deadline is on or before today plus the officer's share", () => {
    expect(noConsentListedThrough("birth-registration", "2026-12-20")).toBe("2027-01-19");
    expect(noConsentListedThrough("death-registration", "2026-11-27")).toBe("2026-12-05");
  });
});

describe("why an open draft is on the list", () => {
  const birth = { service: "birth-registration" as const, dueBy: "2027-01-19" };
  it.each([
    ["nobody could be told: at once", "none", "2026-11-21", "unreachable"],
    ["the notice failed on every channel: at once", "failed", "2026-11-21", "notice_failed"],
    ["told, day 29: not yet", "sent", "2026-12-19", null],
    ["told, day 30 without consent", "sent", "2026-12-20", "no_consent"],
    ["told, past the deadline", "sent", "2027-02-01", "no_consent"],
  ] as const)("%s", (_what, notice, today, reason) => {
    expect(worklistReason({ ...birth, notice }, today)).toBe(reason);
  });
});

describe("follow-ups", () => {
  it("only a registration made directly ends the follow-up", () => {
    expect(outcomeResolves("registered_directly")).toBe(true);
    expect(outcomeResolves("reached")).toBe(false);
    expect(outcomeResolves("no_answer")).toBe(false);
    expect(outcomeResolves("wrong_contact")).toBe(false);
  });
  it.each([
    ["in 3 days when time allows", "2026-12-20", "2027-01-19", "2026-12-23"],
    ["the day before the deadline when it is close", "2027-01-17", "2027-01-19", "2027-01-18"],
    ["tomorrow at the latest when the deadline is today or past", "2027-01-19", "2027-01-19", "2027-01-20"],
  ])("proposes %s", (_what, today, due, expected) => {
    expect(suggestedFollowUp(today, due)).toBe(expected);
  });
});
