import { describe, expect, it } from "vitest";
import { approximateDays, isDateDuration, parseDuration, subtractDuration } from "./duration.js";

describe("parseDuration", () => {
  it.each([
    ["P60D", { years: 0, months: 0, weeks: 0, days: 60 }],
    ["P6M", { years: 0, months: 6, weeks: 0, days: 0 }],
    ["P2W", { years: 0, months: 0, weeks: 2, days: 0 }],
    ["P1Y", { years: 1, months: 0, weeks: 0, days: 0 }],
    ["P1Y2M3W4D", { years: 1, months: 2, weeks: 3, days: 4 }],
    ["P0D", { years: 0, months: 0, weeks: 0, days: 0 }],
  ])("%s", (iso, expected) => {
    expect(parseDuration(iso)).toEqual(expected);
    expect(isDateDuration(iso)).toBe(true);
  });

  it.each([
    ["PT12H", /time part/],
    ["P1DT2H", /time part/],
    ["P", /not an ISO 8601 date duration/],
    ["", /not an ISO 8601 date duration/],
    ["60D", /not an ISO 8601 date duration/],
    ["p60d", /not an ISO 8601 date duration/],
    ["P-1D", /not an ISO 8601 date duration/],
    ["P1.5D", /not an ISO 8601 date duration/],
    ["P1D1M", /not an ISO 8601 date duration/], // parts out of order
    ["P 60D", /not an ISO 8601 date duration/],
    ["60 ngày", /not an ISO 8601 date duration/],
  ])("rejects %j", (iso, message) => {
    expect(() => parseDuration(iso)).toThrow(message);
    expect(isDateDuration(iso)).toBe(false);
  });
});

describe("subtractDuration", () => {
  it.each([
    // Days cross month and year ends.
    ["2027-03-01", "P1D", "2027-02-28"],
    ["2028-03-01", "P1D", "2028-02-29"],
    ["2027-01-10", "P60D", "2026-11-11"],
    ["2026-12-31", "P30D", "2026-12-01"],
    ["2027-01-05", "P2W", "2026-12-22"],
    // Months by the calendar, clamped to the end of a shorter month (Luật ATTP "06 tháng").
    ["2027-08-31", "P6M", "2027-02-28"],
    ["2028-08-31", "P6M", "2028-02-29"],
    ["2027-05-31", "P1M", "2027-04-30"],
    ["2027-03-15", "P6M", "2026-09-15"],
    ["2027-01-31", "P3M", "2026-10-31"],
    // Years: 29 February falls back to 28 February in a common year.
    ["2028-02-29", "P1Y", "2027-02-28"],
    // Months first, then days.
    ["2027-03-31", "P1M1D", "2027-02-27"],
    ["2027-03-31", "P0D", "2027-03-31"],
  ])("%s − %s = %s", (date, iso, expected) => {
    expect(subtractDuration(date, iso)).toBe(expected);
  });

  it("refuses a duration with a time part", () => {
    expect(() => subtractDuration("2027-01-01", "PT24H")).toThrow(/time part/);
  });
});

describe("approximateDays", () => {
  it.each([
    ["P6M", 180],
    ["P60D", 60],
    ["P1Y", 365],
    ["P1W", 7],
  ])("%s ≈ %i days", (iso, days) => {
    expect(approximateDays(iso)).toBe(days);
  });
});
