import { describe, expect, it } from "vitest";
import { addMonths, vaccinationSchedule } from "./vaccination.js";

describe("addMonths (calendar months)", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-11-20", 2, "2027-01-20"],
    ["2026-11-20", 84, "2033-11-20"],
  ])("%s + %i months = %s", (d, m, out) => {
    expect(addMonths(d, m)).toBe(out);
  });
});

// Thông tư 10/2024/TT-BYT, lịch tiêm chủng mở rộng (ages as in domain/facts.md).
describe("vaccinationSchedule", () => {
  const plan = vaccinationSchedule("2026-11-20");
  const at = (vaccine: string, dose: number) => plan.find((d) => d.vaccine === vaccine && d.dose === dose);

  it.each([
    ["hepb_birth", 1, "2026-11-20", "2026-11-21"], // within 24 hours of birth
    ["bcg", 1, "2026-11-20", "2026-12-20"], // within 1 month
    ["dpt_hepb_hib", 1, "2027-01-20", undefined], // 2 months
    ["dpt_hepb_hib", 2, "2027-02-20", undefined], // ≥ 1 month after dose 1
    ["dpt_hepb_hib", 3, "2027-03-20", undefined], // ≥ 1 month after dose 2
    ["opv", 1, "2027-01-20", undefined], // 2, 3, 4 months
    ["opv", 3, "2027-03-20", undefined],
    ["ipv", 1, "2027-04-20", undefined], // 5 months
    ["measles", 1, "2027-08-20", undefined], // 9 months
    ["je", 1, "2027-11-20", undefined], // from 12 months
    ["je", 2, "2027-11-27", "2027-12-04"], // 1–2 weeks after dose 1
    ["je", 3, "2028-11-27", undefined], // 1 year after dose 2
    ["mr", 1, "2028-05-20", undefined], // 18 months
    ["dpt_booster", 1, "2028-05-20", undefined], // 18 months
    ["td", 1, "2033-11-20", undefined], // 7 years
  ])("%s dose %i due %s (latest %s)", (vaccine, dose, dueOn, latestOn) => {
    expect(at(vaccine, dose)).toMatchObject({ dueOn, ...(latestOn ? { latestOn } : {}) });
    if (!latestOn) expect(at(vaccine, dose)?.latestOn).toBeUndefined();
  });

  it("is in date order and names every dose in both languages", () => {
    const dates = plan.map((d) => d.dueOn);
    expect([...dates].sort()).toEqual(dates);
    expect(plan).toHaveLength(16);
    for (const d of plan) expect(d.name.vi && d.name.en).toBeTruthy();
  });
});
