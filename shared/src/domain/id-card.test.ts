import { describe, expect, it } from "vitest";
import { birthdayAt, idCardRenewal } from "./id-card.js";

// Luật Căn cước 26/2023/QH15, art. 21(1) renewal at 14, 25, 40, 60; art. 21(2) the 2-year rule and 58+.
describe("idCardRenewal", () => {
  it.each([
    // dob, issued, renewBy, milestone
    ["2015-03-10", "2024-08-01", "2029-03-10", 14], // issued at 9: renew at 14
    ["2012-03-10", "2024-08-01", "2037-03-10", 25], // issued at 12 (within 2 years before 14): valid to 25
    ["2012-03-10", "2024-03-09", "2026-03-10", 14], // one day before turning 12: not within the 2 years
    ["2012-03-10", "2024-03-10", "2037-03-10", 25], // exactly 12: within the 2 years
    ["2000-01-15", "2018-06-01", "2025-01-15", 25], // issued at 18: renew at 25
    ["2000-01-15", "2023-06-01", "2040-01-15", 40], // issued at 23: valid to 40
    ["1990-05-20", "2016-01-01", "2030-05-20", 40], // issued at 25: renew at 40
    ["1985-05-20", "2024-01-01", "2045-05-20", 60], // issued at 38: valid to 60
    ["1970-07-01", "2020-07-01", "2030-07-01", 60], // issued at 50: renew at 60
    ["2012-02-29", "2024-08-01", "2037-02-28", 25], // born on 29 February: the 28th in a common year
  ])("born %s, issued %s → renew by %s (age %i)", (dob, issued, renewBy, milestoneAge) => {
    expect(idCardRenewal(dob, issued)).toEqual({ renewBy, milestoneAge });
  });

  it.each([
    ["1966-01-01", "2024-06-01"], // issued at 58: never expires
    ["1960-01-01", "2024-06-01"], // issued at 64
  ])("born %s, issued %s → valid for life", (dob, issued) => {
    expect(idCardRenewal(dob, issued)).toEqual({ renewBy: null, milestoneAge: null });
  });

  it("counts ages on birthdays", () => {
    expect(birthdayAt("2012-03-10", 14)).toBe("2026-03-10");
  });
});
