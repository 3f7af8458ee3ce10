import { describe, expect, it } from "vitest";
import { checkNationalId } from "./national-id.js";

// Decree 137/2015/NĐ-CP art. 13, TT 07/2016/TT-BCA art. 7: PPP G YY NNNNNN.
describe("checkNationalId", () => {
  it.each([
    // id, dateOfBirth, sex, province, birthYear
    ["072195001234", "1995-04-12", "female", "072", 1995], // G=1: 1900s female (contract 1 example)
    ["072092004321", "1992-09-01", "male", "072", 1992], // G=0: 1900s male
    ["080205000001", "2005-01-01", "male", "080", 2005], // G=2: 2000s male; Long An code stays valid after the 2025 merger
    ["001326123456", "2026-11-20", "female", "001", 2026], // G=3: 2000s female
    ["079400000001", "2100-01-01", "male", "079", 2100], // G=4: 2100s male
  ] as const)("accepts %s born %s (%s)", (id, dateOfBirth, sex, province, year) => {
    expect(checkNationalId(id, { dateOfBirth, sex })).toEqual({ ok: true, provinceCode: province, sex, birthYear: year });
  });

  it.each([
    ["07219500123", {}, "not_12_digits"],
    ["07219500123a", {}, "not_12_digits"],
    [" 072195001234", {}, "not_12_digits"],
    ["003195001234", {}, "unknown_province"], // 003 is not a province code
    ["097195001234", {}, "unknown_province"], // codes stop at 096
    ["072195001234", { dateOfBirth: "2095-04-12" }, "century_mismatch"], // G=1 means 1900s
    ["072195001234", { dateOfBirth: "1996-04-12" }, "year_mismatch"],
    ["072195001234", { dateOfBirth: "1995-04-12", sex: "male" as const }, "sex_mismatch"], // G=1 is female
  ])("rejects %s %j: %s", (id, holder, reason) => {
    expect(checkNationalId(id, holder)).toEqual({ ok: false, reason });
  });
});
