import { describe, expect, it } from "vitest";
import { birthCertificateSchema } from "../schemas/birth-certificate.js";
import { makeBirthCertificate } from "../testing/factories.js";
import { prefillBirthDraft } from "./birth-registration.js";
import { applyDraftEdits } from "./draft-edits.js";
import { consentContent } from "./draft.js";

const fields = prefillBirthDraft({ certificate: birthCertificateSchema.parse(makeBirthCertificate()), knownMother: null, knownFather: null });
const ctx = { wardCodes: new Set(["25453", "25454"]) };

describe("applyDraftEdits", () => {
  it("applies valid edits to open fields and marks them as the citizen's", () => {
    const r = applyDraftEdits(fields, { "child.hometown": "  Tây Ninh ", "registration.wardCode": "25454", "registration.copies": 2, "child.fullName": "Trần Bảo  Ngọc" }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed.sort()).toEqual(["child.hometown", "registration.copies", "registration.wardCode"]);
    expect(r.fields["child.hometown"]).toMatchObject({ value: "Tây Ninh", source: "citizen" });
    expect(r.fields["child.fullName"]).toEqual(fields["child.fullName"]); // same name after normalising: unchanged
  });

  it.each([
    [{ "mother.nationalId": "072195009999" }, "changes.mother.nationalId", "official record"],
    [{ "child.sex": "male" }, "changes.child.sex", "official record"],
    [{ "child.nickname": "Bé Na" }, "changes.child.nickname", "not a field"],
    [{ "registration.wardCode": "99999" }, "changes.registration.wardCode", "ward of the province"],
    [{ "registration.copies": 21 }, "changes.registration.copies", "0 to 20"],
    [{ "registration.copies": "2" }, "changes.registration.copies", "whole number"],
    [{ "child.fullName": "" }, "changes.child.fullName", "required"],
    [{ "child.fullName": "Bảo Ngọc 2" }, "changes.child.fullName", "only letters"],
    [{ "child.hometown": 5 }, "changes.child.hometown", "text"],
  ])("%j is refused at %s", (changes, path, fragment) => {
    const r = applyDraftEdits(fields, changes, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.path).toBe(path);
    expect(r.errors[0]?.message).toContain(fragment);
  });

  it("applies nothing when one edit is bad", () => {
    const r = applyDraftEdits(fields, { "child.hometown": "Tây Ninh", "registration.copies": -1 }, ctx);
    expect(r.ok).toBe(false);
  });
});

describe("picking a proposed value", () => {
  const FATHER = "Thanh Phước, Gò Dầu, Tây Ninh";
  const MOTHER = "Lương Hòa, Bến Lức, Long An";
  const known = (nationalId: string, hometown: string) => ({ fullName: "X", dateOfBirth: null, nationalId, ethnicity: "Kinh", nationality: "VN", residenceWardCode: null, residenceAddress: null, hometown });
  const proposed = prefillBirthDraft({ certificate: birthCertificateSchema.parse(makeBirthCertificate()), knownMother: known("072195001234", MOTHER), knownFather: known("072092004321", FATHER) });

  it("keeps the proposal's source and whose record it is: the mother's hometown, from population data", () => {
    const r = applyDraftEdits(proposed, { "child.hometown": MOTHER }, ctx);
    if (!r.ok) throw new Error("edit failed");
    expect(r.changed).toEqual(["child.hometown"]);
    expect(r.fields["child.hometown"]).toMatchObject({ value: MOTHER, source: "population_data", sourceOf: "mother" });
    expect(r.fields["child.hometown"]?.proposals).toEqual(proposed["child.hometown"]?.proposals);
    const back = applyDraftEdits(r.fields, { "child.hometown": FATHER }, ctx);
    if (!back.ok) throw new Error("edit failed");
    expect(back.fields["child.hometown"]).toEqual(proposed["child.hometown"]);
  });

  it("marks another value as the citizen's, still offering the proposals", () => {
    const r = applyDraftEdits(proposed, { "child.hometown": "Hòa Thành, Tây Ninh" }, ctx);
    if (!r.ok) throw new Error("edit failed");
    expect(r.fields["child.hometown"]).toMatchObject({ value: "Hòa Thành, Tây Ninh", source: "citizen" });
    expect(r.fields["child.hometown"]?.sourceOf).toBeUndefined();
    expect(r.fields["child.hometown"]?.proposals).toHaveLength(2);
  });

  it("is part of what a consent covers: the same value from another parent's record is another content", () => {
    const base = { id: "d1", procedureCode: "1.001193", version: 1, consentTextVersion: "v1" };
    const same = { ...proposed, "child.hometown": { ...proposed["child.hometown"]!, sourceOf: "parents" as const } };
    expect(consentContent({ ...base, fields: same })).not.toBe(consentContent({ ...base, fields: proposed }));
  });
});

describe("consentContent", () => {
  it("changes when a value changes and not when key order does", () => {
    const base = { id: "d1", procedureCode: "1.001193", version: 1, fields, consentTextVersion: "v1" };
    const reordered = Object.fromEntries(Object.entries(fields).reverse());
    expect(consentContent({ ...base, fields: reordered })).toBe(consentContent(base));
    const edited = applyDraftEdits(fields, { "child.hometown": "Tây Ninh" }, ctx);
    if (!edited.ok) throw new Error("edit failed");
    expect(consentContent({ ...base, fields: edited.fields })).not.toBe(consentContent(base));
  });
});
