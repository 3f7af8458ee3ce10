import { describe, expect, it } from "vitest";
import { birthCertificateSchema } from "./birth-certificate.js";
import { zodIssuesToFields } from "./error.js";
import { makeBirthCertificate } from "../testing/factories.js";

function fieldsOf(input: unknown) {
  const r = birthCertificateSchema.safeParse(input);
  return r.success ? [] : zodIssuesToFields(r.error.issues);
}

describe("birthCertificateSchema (contract 1)", () => {
  it("accepts the contract's example and normalises phones and names", () => {
    const c = birthCertificateSchema.parse(makeBirthCertificate({ mother: { fullName: "  Nguye\u0302\u0303n Thị  Lan", phone: "+84 912 345 678" } }));
    expect(c.mother.phone).toBe("84912345678");
    expect(c.mother.fullName).toBe("Nguyễn Thị Lan");
    expect(c.father?.phone).toBe("84987654321");
  });

  it("accepts a certificate without father, planned name, weight or phones", () => {
    const input = makeBirthCertificate({ father: undefined, child: { plannedName: undefined, weightGrams: undefined }, mother: { phone: undefined } });
    expect(birthCertificateSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ mother: { nationalId: "12345" } }, "mother.nationalId", "12 digits"],
    [{ mother: { nationalId: "072095001234" } }, "mother.nationalId", "sex"], // G=0 is male
    [{ father: { nationalId: "072192004321" } }, "father.nationalId", "sex"],
    [{ father: { dateOfBirth: "1993-09-01" } }, "father.nationalId", "year"],
    [{ mother: { phone: "12345" } }, "mother.phone", "phone"],
    [{ child: { sex: "girl" } }, "child.sex", "male or female"],
    [{ child: { birthType: "triplets" } }, "child.birthType", "single"],
    [{ child: { bornAt: "2026-11-20 08:30" } }, "child.bornAt", "ISO 8601"],
    [{ child: { bornAt: "2026-11-21T08:30:00+07:00" } }, "child.bornAt", "after issuedAt"],
    [{ mother: { dateOfBirth: "1995-02-30" } }, "mother.dateOfBirth", "real calendar date"],
    [{ mother: { residence: { wardCode: "ABC" } } }, "mother.residence.wardCode", "5-digit"],
    [{ mother: { nationality: "Vietnam" } }, "mother.nationality", "two-letter"],
    [{ child: { weightGrams: 3100.5 } }, "child.weightGrams", "whole number"],
    [{ certificateNo: "" }, "certificateNo", "at least"],
  ])("%j → %s", (over, path, fragment) => {
    const fields = fieldsOf(makeBirthCertificate(over as never));
    const hit = fields.find((f) => f.path === path);
    expect(hit, JSON.stringify(fields)).toBeDefined();
    expect(hit?.message).toContain(fragment);
  });

  it("names every bad field at once", () => {
    const fields = fieldsOf({ certificateNo: "X1", child: {}, mother: {} });
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["issuedAt", "facility", "child.sex", "child.bornAt", "mother.fullName", "mother.nationalId", "mother.residence"]));
  });
});
