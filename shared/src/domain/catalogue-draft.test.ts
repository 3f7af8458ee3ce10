import { describe, expect, it } from "vitest";
import { fieldKindOfPath, prefillFromSpec } from "./catalogue-draft.js";
import { DEATH_REGISTRATION_DEADLINE_DAYS, deathRegistrationDueBy, relationshipOption } from "./death-registration.js";
import { prefillRenewalDraft } from "./renewal-draft.js";
import { serviceByKey } from "../catalogue/index.js";

describe("field kinds read from the path", () => {
  it.each([
    ["document.expiresOn", "date"],
    ["holder.dateOfBirth", "date"],
    ["appointment.date", "date"],
    ["death.dateTime", "datetime"],
    ["registration.ward", "ward"],
    ["contact.phone", "phone"],
    ["holder.fullName", "name"],
    ["vehicle.plateNumber", "text"],
  ])("%s is edited as %s", (path, kind) => {
    expect(fieldKindOfPath(path)).toBe(kind);
  });
});

describe("death registration deadline", () => {
  // Luật Hộ tịch 60/2014/QH13 art. 33(1): within 15 days of the death.
  it.each([
    ["2026-11-21T03:10:00+07:00", "2026-12-06"],
    // 23:30 on 30 Nov in Vietnam is still 30 Nov there, although it is 16:30 UTC.
    ["2026-11-30T23:30:00+07:00", "2026-12-15"],
    ["2026-11-30T18:00:00Z", "2026-12-16"],
  ])("died %s → register by %s", (diedAt, dueBy) => {
    expect(DEATH_REGISTRATION_DEADLINE_DAYS).toBe(15);
    expect(deathRegistrationDueBy(diedAt)).toBe(dueBy);
  });

  it.each([
    ["con", "con"],
    ["Con gái", "con"],
    ["vợ", "vo-chong"],
    ["Mẹ", "cha-me"],
    ["em ruột", "anh-chi-em"],
    ["cháu", null],
  ])("the notice's relationship %s reads as option %s", (words, option) => {
    expect(relationshipOption(words)).toBe(option);
  });
});

describe("drafts from the catalogue's definition", () => {
  it("makes citizen fields editable and required, and leaves what no register holds empty for the agency", () => {
    const fields = prefillFromSpec(
      [
        { path: "document.number", label: { vi: "Số", en: "No." }, source: "department-list" },
        { path: "holder.representative", label: { vi: "Người đại diện", en: "Representative" }, source: "business-registry" },
        { path: "appointment.centre", label: { vi: "Trung tâm", en: "Centre" }, source: "citizen" },
      ],
      { "document.number": { value: "GP-1", sourceRef: "GP-1" } },
    );
    expect(fields).toEqual({
      "document.number": { value: "GP-1", source: "department_list", sourceRef: "GP-1", editable: false, required: false, kind: "text" },
      "holder.representative": { value: null, source: null, editable: false, required: false, kind: "text" },
      "appointment.centre": { value: null, source: null, editable: true, required: true, kind: "text" },
    });
  });

  it("fills a person's renewal from population data first, the department's list second", () => {
    const specs = serviceByKey("tour-guide-card")!.draft!.fields;
    const document = { documentNo: "HDV-1", holderName: "Pham Van Binh", holderId: "072090000123", issuedOn: "2022-01-10", expiresOn: "2027-01-10", address: "Tây Ninh" };
    const fields = prefillRenewalDraft({ specs, document, person: { fullName: "Phạm Văn Bình", nationalId: "072090000123", residenceAddress: "Phường 1, Tây Ninh" }, phone: "84987654321" });
    expect(fields["holder.fullName"]).toMatchObject({ value: "Phạm Văn Bình", source: "population_data", editable: false });
    expect(fields["holder.residence"]).toMatchObject({ value: "Phường 1, Tây Ninh", source: "population_data" });
    expect(fields["document.expiresOn"]).toMatchObject({ value: "2027-01-10", source: "department_list", kind: "date" });
    expect(fields["contact.phone"]).toMatchObject({ value: "0987654321", source: "citizen", editable: true, kind: "phone" });
    const listedOnly = prefillRenewalDraft({ specs, document, person: null, phone: null });
    expect(listedOnly["holder.fullName"]).toMatchObject({ value: "Pham Van Binh", source: "department_list" });
    expect(listedOnly["contact.phone"]).toMatchObject({ value: null, required: true });
  });
});
