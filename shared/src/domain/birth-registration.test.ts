import { describe, expect, it } from "vitest";
import { birthCertificateSchema } from "../schemas/birth-certificate.js";
import { makeBirthCertificate } from "../testing/factories.js";
import { BIRTH_DRAFT_FIELDS, birthRegistrationDueBy, prefillBirthDraft } from "./birth-registration.js";
import { openRequiredFields } from "./draft.js";

const cert = (over?: Parameters<typeof makeBirthCertificate>[0]) => birthCertificateSchema.parse(makeBirthCertificate(over));

describe("birth registration deadline", () => {
  // Luật Hộ tịch 60/2014/QH13 art. 15(1): register within 60 days of the birth.
  it.each([
    ["2026-11-20", "2027-01-19"],
    ["2026-01-01", "2026-03-02"],
    ["2028-01-01", "2028-03-01"], // leap year
  ])("born %s → register by %s", (dob, due) => {
    expect(birthRegistrationDueBy(dob)).toBe(due);
  });
});

describe("prefillBirthDraft", () => {
  it("fills every field with its source and leaves the parent's decisions open", () => {
    const fields = prefillBirthDraft({ certificate: cert(), knownMother: null, knownFather: null });
    expect(Object.keys(fields).sort()).toEqual(BIRTH_DRAFT_FIELDS.map((f) => f.key).sort());
    expect(fields["child.fullName"]).toEqual({ value: "Trần Bảo Ngọc", source: "birth_certificate", sourceRef: "TN-BVDK-2026-000123", editable: true, required: true, kind: "name" });
    expect(fields["child.sex"]).toMatchObject({ value: "female", source: "birth_certificate", editable: false });
    expect(fields["child.dateOfBirth"]).toMatchObject({ value: "2026-11-20", editable: false });
    expect(fields["child.ethnicity"]).toMatchObject({ value: "Kinh", source: "derived", editable: true });
    expect(fields["child.hometown"]).toMatchObject({ value: null, source: null, editable: true, required: true });
    expect(fields["registration.wardCode"]).toMatchObject({ value: "25453", source: "default", editable: true });
    expect(fields["mother.nationalId"]).toMatchObject({ value: "072195001234", editable: false });
    expect(openRequiredFields(fields)).toEqual(["child.hometown"]);
  });

  it("takes the date of birth in Vietnam time", () => {
    const fields = prefillBirthDraft({ certificate: cert({ child: { bornAt: "2026-11-19T18:30:00Z" }, issuedAt: "2026-11-20T10:05:00+07:00" }), knownMother: null, knownFather: null });
    expect(fields["child.dateOfBirth"]?.value).toBe("2026-11-20"); // 01:30 on the 20th in Vietnam
  });

  it("prefers population data for residence and the mother's registered ward", () => {
    const known = { fullName: "Nguyễn Thị Lan", dateOfBirth: "1995-04-12", nationalId: "072195001234", ethnicity: "Kinh", nationality: "VN", residenceWardCode: "25454", residenceAddress: "Tổ 3, Phường Bình Minh", hometown: null };
    const fields = prefillBirthDraft({ certificate: cert(), knownMother: known, knownFather: { ...known, nationalId: "072092004321", residenceAddress: "Ấp 1, Phường Bình Minh" } });
    expect(fields["mother.residence"]).toMatchObject({ value: "Tổ 3, Phường Bình Minh", source: "population_data" });
    expect(fields["father.residence"]).toMatchObject({ value: "Ấp 1, Phường Bình Minh", source: "population_data" });
    expect(fields["registration.wardCode"]).toMatchObject({ value: "25454", source: "default" });
  });

  it("leaves the name open when none was planned, and father fields optional without a father", () => {
    const fields = prefillBirthDraft({ certificate: cert({ father: undefined, child: { plannedName: undefined } }), knownMother: null, knownFather: null });
    expect(fields["child.fullName"]).toMatchObject({ value: null, source: null, required: true });
    expect(fields["father.fullName"]).toMatchObject({ value: null, required: false });
    expect(openRequiredFields(fields).sort()).toEqual(["child.fullName", "child.hometown"]);
  });

  it("does not guess the child's ethnicity when the parents' differ", () => {
    const fields = prefillBirthDraft({ certificate: cert({ father: { ethnicity: "Khmer" } }), knownMother: null, knownFather: null });
    expect(fields["child.ethnicity"]).toMatchObject({ value: null, source: null });
  });

  describe("the child's hometown, from the parents' population records (Luật Hộ tịch art. 4(8))", () => {
    const person = (nationalId: string, hometown: string | null) => ({ fullName: "X", dateOfBirth: null, nationalId, ethnicity: "Kinh", nationality: "VN", residenceWardCode: null, residenceAddress: null, hometown });
    const FATHER = "Thanh Phước, Gò Dầu, Tây Ninh";
    const MOTHER = "Lương Hòa, Bến Lức, Long An";
    const hometownOf = (mother: string | null, father: string | null, certificate = cert()) =>
      prefillBirthDraft({ certificate, knownMother: person("072195001234", mother), knownFather: father === undefined ? null : person("072092004321", father) });

    it("proposes the father's, says whose it is, and offers both parents' in one tap: nothing is left open", () => {
      const fields = hometownOf(MOTHER, FATHER);
      expect(fields["child.hometown"]).toEqual({
        value: FATHER, source: "population_data", sourceOf: "father", editable: true, required: true, kind: "text",
        proposals: [{ value: FATHER, source: "population_data", sourceOf: "father" }, { value: MOTHER, source: "population_data", sourceOf: "mother" }],
      });
      expect(openRequiredFields(fields)).toEqual([]);
    });

    it.each<[string, string | null, string | null, { value: string | null; sourceOf?: string; proposals?: unknown[] }]>([
      ["both the same", FATHER, FATHER, { value: FATHER, sourceOf: "parents", proposals: [{ value: FATHER, source: "population_data", sourceOf: "parents" }] }],
      ["only the mother's known", MOTHER, null, { value: MOTHER, sourceOf: "mother", proposals: [{ value: MOTHER, source: "population_data", sourceOf: "mother" }] }],
      ["only the father's known", null, FATHER, { value: FATHER, sourceOf: "father", proposals: [{ value: FATHER, source: "population_data", sourceOf: "father" }] }],
      ["none known", null, null, { value: null }],
    ])("%s", (_case, mother, father, expected) => {
      const f = hometownOf(mother, father)["child.hometown"]!;
      expect(f.value).toBe(expected.value);
      expect(f.sourceOf).toBe(expected.sourceOf);
      expect(f.proposals).toEqual(expected.proposals);
      expect(f.source).toBe(expected.value === null ? null : "population_data");
    });

    it("ignores a father's record when the certificate names no father", () => {
      const fields = prefillBirthDraft({ certificate: cert({ father: undefined }), knownMother: person("072195001234", MOTHER), knownFather: person("072092004321", FATHER) });
      expect(fields["child.hometown"]).toMatchObject({ value: MOTHER, sourceOf: "mother" });
    });
  });
});
