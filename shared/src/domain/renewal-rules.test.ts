import { describe, expect, it } from "vitest";
import { serviceByKey } from "../catalogue/index.js";
import { approximateDays } from "../catalogue/duration.js";
import { householdInsuranceRenewal } from "./health-insurance.js";
import { TEMPORARY_RESIDENCE_EXTENSION_WINDOW_DAYS, temporaryResidenceExtensionOpensOn, temporaryResidenceTerm } from "./temporary-residence.js";
import { VEHICLE_INSPECTION_NOTICE_DAYS, vehicleInspectionNoticeOn, vehicleInspectionValid } from "./vehicle-inspection.js";

// Luật Cư trú 68/2020/QH14 art. 27(3): at most 2 years, renewable; art. 28(3): extend within the 15 days before the end.
describe("temporary residence", () => {
  it.each([
    ["2026-01-10", 24, "2028-01-09", "2027-12-25"],
    ["2026-03-31", 1, "2026-04-29", "2026-04-14"], // no 31 April: the term ends on the 29th
    ["2024-02-29", 12, "2025-02-27", "2025-02-12"],
  ])("registered %s for %i months → ends %s, extension opens %s", (from, months, endsOn, opens) => {
    expect(temporaryResidenceTerm(from, months)).toEqual({ ok: true, endsOn, extensionOpensOn: opens });
  });
  it("refuses a term over 2 years, or not a whole number of months, naming the field", () => {
    expect(temporaryResidenceTerm("2026-01-10", 25)).toEqual({ ok: false, field: "months", reason: expect.stringContaining("at most 24 months") });
    expect(temporaryResidenceTerm("2026-01-10", 0)).toMatchObject({ ok: false, field: "months" });
    expect(temporaryResidenceTerm("2026-01-10", 1.5)).toMatchObject({ ok: false, field: "months" });
  });
  it("opens the extension 15 days before, which is the catalogue's first notice", () => {
    expect(temporaryResidenceExtensionOpensOn("2027-01-01")).toBe("2026-12-17");
    expect(approximateDays(serviceByKey("temporary-residence")!.notices.steps[0]!.before)).toBe(TEMPORARY_RESIDENCE_EXTENSION_WINDOW_DAYS);
  });
});

// Nghị định 146/2018 art. 9(7): 3, 6 or 12 months; Luật BHYT art. 16(3) (Law 46/2014): a break over 3 months waits 30 days.
describe("household health insurance renewal", () => {
  it("runs on from the old expiry when paid before it", () => {
    expect(householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2026-12-20", months: 12 })).toEqual({
      validFrom: "2027-01-01", validTo: "2027-12-31", uncoveredDays: 0, waitingPeriod: false,
    });
    expect(householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2026-12-31", months: 3 })).toMatchObject({ validFrom: "2027-01-01", validTo: "2027-03-31" });
  });
  it("covers from the day of payment after a break of at most 3 months", () => {
    expect(householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2027-02-15", months: 6 })).toEqual({
      validFrom: "2027-02-15", validTo: "2027-08-14", uncoveredDays: 45, waitingPeriod: false,
    });
    expect(householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2027-03-31", months: 6 }).waitingPeriod).toBe(false);
  });
  it("waits 30 days after payment after a break of more than 3 months", () => {
    expect(householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2027-04-01", months: 12 })).toEqual({
      validFrom: "2027-05-01", validTo: "2028-04-30", uncoveredDays: 120, waitingPeriod: true,
    });
  });
  it("refuses another period", () => {
    expect(() => householdInsuranceRenewal({ expiresOn: "2026-12-31", paidOn: "2026-12-01", months: 5 as 6 })).toThrow(/3, 6, 12/);
  });
});

// Seed 000, row 5: "hệ thống gửi nhắc trước 30 ngày, kèm lịch đặt hẹn".
describe("vehicle inspection", () => {
  it("reminds 30 days before the certificate expires, the catalogue's first step", () => {
    expect(vehicleInspectionNoticeOn("2027-03-01")).toBe("2027-01-30");
    expect(approximateDays(serviceByKey("vehicle-inspection")!.notices.steps[0]!.before)).toBe(VEHICLE_INSPECTION_NOTICE_DAYS);
  });
  it("holds through the expiry day", () => {
    expect(vehicleInspectionValid("2027-03-01", "2027-03-01")).toBe(true);
    expect(vehicleInspectionValid("2027-03-01", "2027-03-02")).toBe(false);
  });
});
