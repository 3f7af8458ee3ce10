import { describe, expect, it } from "vitest";
import { readDomainTsv } from "../testing/domain-files.js";
import { catalogue, serviceByKey } from "../catalogue/index.js";
import { draftProcedureCode, filingOf, procedureCodeFor } from "./filing.js";

const entry = (key: string) => {
  const e = serviceByKey(key);
  if (!e) throw new Error(`no service ${key}`);
  return e;
};

/**
 * Plan 920 §II.4 (seed 000, "Cấp độ thực hiện"): level 1 reminds, level 2 prepares a draft the
 * citizen confirms (and files), level 3 creates and submits after consent. Birth and death
 * registration are level 2 whose rows (58–59) have the system forward the confirmed dossier.
 */
describe("who files a prepared dossier (plan 920 §II.4)", () => {
  it.each([
    ["pesticide-production-certificate", { by: "none", reason: "level" }],
    ["tour-guide-card", { by: "citizen", procedureCode: "1.004614", action: "renew", reason: "level" }],
    ["veterinary-practising-certificate", { by: "citizen", procedureCode: null, action: "renew", reason: "level" }],
    ["petrol-retail-certificate", { by: "citizen", procedureCode: "2.000647", action: "reissue", reason: "level" }],
    ["news-website-licence", { by: "system", procedureCode: "2.001091", action: "renew" }],
    ["heritage-conservation-practising-certificate", { by: "system", procedureCode: "1.002003", action: "reissue" }],
    ["tourism-service-standard", { by: "citizen", procedureCode: null, action: "renew", reason: "procedure_unconfirmed" }],
    ["birth-registration", { by: "system", procedureCode: "1.001193", action: "new" }],
    ["death-registration", { by: "system", procedureCode: "1.000656", action: "new" }],
  ])("%s", (key, filing) => {
    expect(filingOf(entry(key))).toEqual(filing);
  });

  it("the level alone decides for an entry without procedure data", () => {
    const base = entry("tour-guide-card");
    expect(filingOf({ ...base, procedures: undefined })).toMatchObject({ by: "citizen", procedureCode: null });
    expect(filingOf({ ...base, level: 3, procedures: undefined })).toMatchObject({ by: "citizen", reason: "procedure_unconfirmed" });
    expect(filingOf({ ...base, level: 3 })).toEqual({ by: "system", procedureCode: "1.004614", action: "renew" });
    expect(filingOf({ ...base, level: 1 })).toEqual({ by: "none", reason: "level" });
  });
});

describe("procedure codes per action", () => {
  it("the petrol certificate's re-issue is 2.000647 and its first issue 2.000648 (plan rows 11–12)", () => {
    expect(procedureCodeFor(entry("petrol-retail-certificate"), "reissue")).toBe("2.000647");
    expect(procedureCodeFor(entry("petrol-retail-certificate"), "new")).toBe("2.000648");
    expect(procedureCodeFor(entry("petrol-retail-certificate"), "renew")).toBeNull();
  });

  it("every service that prepares a draft says which procedure it is filed under, or why that is unconfirmed", () => {
    for (const e of catalogue.filter((s) => s.draft)) expect(e.procedures, e.key).toBeDefined();
  });

  it("no code is a catalogue key, and each is a code the plan row it quotes names", () => {
    const plan = readDomainTsv("services-plan-920.tsv");
    for (const e of catalogue) {
      const code = draftProcedureCode(e);
      if (code !== null) expect(code, e.key).toMatch(/^\d\.\d{6}$/);
      for (const c of e.procedures?.codes ?? []) {
        expect(e.procedureCodes, `${e.key} ${c.code}`).toContain(c.code);
        const rowNo = /row (\d+)/.exec(c.source)?.[1];
        const row = plan.find((r) => r.no === rowNo);
        expect(row?.procedure_codes?.split(";").map((s) => s.trim()), `${e.key}: ${c.source}`).toContain(c.code);
      }
    }
  });
});
