import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { DOMAIN_DIR, domainFilesPresent, domainTsvSource, readDomainTsv } from "../testing/domain-files.js";
import { createI18n } from "../i18n/index.js";
import { catalogue, CATALOGUE_VERSION, serviceByKey } from "./index.js";
import { catalogueSchema, serviceEntrySchema, TEMPLATE_MAX_CHARS, type ServiceEntry } from "./schema.js";

/**
 * The catalogue against the province's own lists: Kế hoạch 920 (services-plan-920.tsv, 59 rows)
 * and the June 2026 lead-time appendix (services-2026-06-leadtimes.tsv, 16 rows). The lists are
 * kept in the repository (`lists/`), so a clone tests against the data it carries: their absence
 * fails, it does not skip.
 */
const AUTO_DRAFT = /auto-create|prepare a draft|draft created/i;

describe("catalogue vs the province's lists", () => {
  it("finds the lists inside the repository", () => {
    expect(domainFilesPresent(), `the service lists are missing at ${DOMAIN_DIR}`).toBe(true);
    expect(DOMAIN_DIR.startsWith(fileURLToPath(new URL("../../../", import.meta.url))), DOMAIN_DIR).toBe(true);
  });

  it("says which plan and which appendix each list comes from", () => {
    expect(domainTsvSource("services-plan-920.tsv")[0]).toMatch(/^Nguồn: Phụ lục "DANH SÁCH CÁC DỊCH VỤ HÀNH CHÍNH CÔNG CHỦ ĐỘNG TRÊN ĐỊA BÀN TỈNH TÂY NINH" \(Kèm theo Kế hoạch số 920\/KH-UBND ngày 05 tháng 3 năm 2026 của UBND tỉnh Tây Ninh/);
    expect(domainTsvSource("services-2026-06-leadtimes.tsv")[0]).toMatch(/^Nguồn: Phụ lục "DANH MỤC DỊCH VỤ CÔNG TRỰC TUYẾN CHỦ ĐỘNG TRIỂN KHAI THÍ ĐIỂM" \(Ban hành kèm theo Kế hoạch số …\/KH-UBND ngày …\/6\/2026 của UBND tỉnh/);
  });
  const plan = domainFilesPresent() ? readDomainTsv("services-plan-920.tsv") : [];
  const lead = domainFilesPresent() ? readDomainTsv("services-2026-06-leadtimes.tsv") : [];
  const planRow = (n: number) => plan.find((r) => Number(r.no) === n);
  const leadRow = (id: string) => lead.find((r) => `${r.section}.${r.no}` === id);

  it("holds every plan row in exactly one entry", () => {
    expect(plan).toHaveLength(59);
    const claimed = catalogue.flatMap((e) => e.sources.planRows);
    expect([...claimed].sort((a, b) => a - b)).toEqual(plan.map((r) => Number(r.no)));
  });

  it("holds every lead-time row in exactly one entry", () => {
    expect(lead).toHaveLength(16);
    const claimed = catalogue.flatMap((e) => e.sources.leadTimeRows);
    expect([...claimed].sort()).toEqual(lead.map((r) => `${r.section}.${r.no}`).sort());
  });

  it("names the lead agency each of its rows names", () => {
    for (const e of catalogue) {
      for (const n of e.sources.planRows) expect(e.leadAgency.vi, `${e.key} plan row ${n}`).toBe(planRow(n)!.lead_agency);
      for (const id of e.sources.leadTimeRows) expect(e.leadAgency.vi, `${e.key} lead-time row ${id}`).toBe(leadRow(id)!.agency);
    }
  });

  it("carries the procedure codes of its plan rows, and the level of the most proactive one", () => {
    for (const e of catalogue) {
      const rows = e.sources.planRows.map((n) => planRow(n)!);
      const codes = new Set(rows.flatMap((r) => r.procedure_codes!.split(";").map((c) => c.trim()).filter(Boolean)));
      for (const c of codes) expect(e.procedureCodes, `${e.key} lacks ${c}`).toContain(c);
      // A lead-time row that has the system prepare the draft makes the service level 2 at least.
      const drafted = e.sources.leadTimeRows.some((id) => AUTO_DRAFT.test(leadRow(id)!.what_the_system_does!));
      if (rows.length) expect(e.level, e.key).toBe(Math.max(drafted ? 2 : 1, ...rows.map((r) => Number(r.proactivity_level))));
    }
  });

  it("takes the lead times the appendix gives, and marks every other step as a default", () => {
    for (const e of catalogue) {
      for (const id of e.sources.leadTimeRows) {
        const row = leadRow(id)!;
        const sourced = e.notices.steps.filter((s) => !s.default).map((s) => s.before);
        if (row.notify_before_expiry_iso8601) expect(sourced, `${e.key} ${id} notify`).toContain(row.notify_before_expiry_iso8601);
        if (row.file_before_expiry_iso8601) expect(e.fileBy?.before, `${e.key} ${id} file-by`).toBe(row.file_before_expiry_iso8601);
      }
      for (const s of e.notices.steps) {
        if (s.default) expect(s.source, `${e.key} ${s.before}`).toMatch(/^default: /);
        else expect(s.source, `${e.key} ${s.before} cites a source`).toMatch(/\.tsv|seed/);
      }
    }
  });

  it("prepares a draft wherever the appendix says the system auto-creates one", () => {
    for (const e of catalogue) {
      for (const id of e.sources.leadTimeRows) {
        if (AUTO_DRAFT.test(leadRow(id)!.what_the_system_does!)) expect(e.draft, `${e.key} (${id})`).toBeDefined();
      }
    }
  });

  it("asks for the health certificate on the veterinary practising renewal (VI.2)", () => {
    expect(serviceByKey("veterinary-practising-certificate")!.draft!.attachments).toEqual([
      expect.objectContaining({ key: "health-certificate", required: true }),
    ]);
  });
});

describe("catalogue entries", () => {
  it("has a version and the services the engine and the apps name", () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    for (const key of [
      "child-vaccination",
      "id-card-renewal",
      "temporary-residence",
      "tour-guide-card",
      "birth-registration",
      "death-registration",
      "household-health-insurance",
      "vehicle-inspection",
      "petrol-retail-certificate",
    ]) {
      expect(serviceByKey(key), key).toBeDefined();
    }
    expect(serviceByKey("no-such-service")).toBeUndefined();
  });

  // Zalo seed 000: "gửi nhắc trước 30 ngày" for the vehicle inspection.
  it("reminds of the vehicle inspection 30 days ahead (seed 000)", () => {
    expect(serviceByKey("vehicle-inspection")!.notices.steps[0]).toMatchObject({ before: "P30D", default: false });
  });

  it("gives every expiring document a reminder in both languages that still fits once filled in", () => {
    const longest = { holderName: "Công ty Trách nhiệm hữu hạn Thương mại Dịch vụ Tây Ninh", documentNo: "SCT-2026-000123/GCN", date: "31/12/2026" };
    for (const e of catalogue.filter((x) => x.trigger.kind === "document-expiry")) {
      expect(e.templates, e.key).toBeDefined();
      expect(e.notices.steps.length, `${e.key} has notice steps`).toBeGreaterThan(0);
      for (const lang of ["vi", "en"] as const) {
        const filled = e.templates!.reminder[lang]
          .replace("{{holderName}}", longest.holderName)
          .replace("{{documentName}}", (e.documentName ?? e.name)[lang])
          .replace("{{documentNo}}", longest.documentNo)
          .replace(/\{\{(expiresOn|fileBy)\}\}/g, longest.date);
        expect(filled.length, `${e.key} ${lang}: ${filled}`).toBeLessThanOrEqual(TEMPLATE_MAX_CHARS);
        expect(filled, `${e.key} ${lang}`).not.toMatch(/\{\{/);
      }
    }
  });

  it("speaks to citizens as Ông/Bà and to organisations as Quý đơn vị, in NFC", () => {
    for (const e of catalogue) {
      if (!e.templates) continue;
      const vi = e.templates.reminder.vi;
      expect(vi, e.key).toMatch(/^Kính gửi (Ông\/Bà|Quý đơn vị) /);
      expect(vi, e.key).toBe(vi.normalize("NFC"));
    }
  });

  it("is reachable through i18next in both languages", () => {
    const vi = createI18n("vi");
    const en = createI18n("en");
    expect(vi.t("catalogue:tour-guide-card.name")).toBe(serviceByKey("tour-guide-card")!.name.vi);
    expect(en.t("catalogue:tour-guide-card.reminder", { holderName: "An" })).toContain("Dear An");
    expect(vi.exists("catalogue:birth-registration.reminder")).toBe(false);
  });
});

describe("catalogue schema refuses", () => {
  const good: ServiceEntry = serviceByKey("tour-guide-card")!;
  const problems = (entry: unknown) => {
    const r = serviceEntrySchema.safeParse(entry);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  const withReminderVi = (vi: string) => ({ ...good, templates: { reminder: { ...good.templates!.reminder, vi } } });

  it("accepts a real entry", () => {
    expect(problems(good)).toEqual([]);
  });
  it("a raw link in a template", () => {
    expect(problems(withReminderVi("Kính gửi Ông/Bà, xem tại https://dichvucong.gov.vn"))).toEqual([expect.stringMatching(/^templates\.reminder\.vi: .*link/)]);
  });
  it("a phone number in a template", () => {
    expect(problems(withReminderVi("Kính gửi Ông/Bà, gọi 0912 345 678 để được hỗ trợ"))).toEqual([expect.stringMatching(/^templates\.reminder\.vi: .*phone/)]);
    expect(problems(withReminderVi("Kính gửi Ông/Bà, gọi tổng đài 1900 1234"))).toEqual([expect.stringMatching(/phone/)]);
  });
  it("a template over 400 characters", () => {
    expect(problems(withReminderVi("Kính gửi Ông/Bà ".padEnd(401, "a")))).toEqual([expect.stringMatching(/401 characters; at most 400/)]);
  });
  it("an unknown placeholder", () => {
    expect(problems(withReminderVi("Kính gửi Ông/Bà {{fullName}}"))).toEqual([expect.stringMatching(/unknown placeholder\(s\) fullName/)]);
  });
  it("decomposed (NFD) Vietnamese", () => {
    expect(problems({ ...good, name: { ...good.name, vi: good.name.vi.normalize("NFD") } })).toEqual([expect.stringMatching(/^name\.vi: .*NFC/)]);
  });
  it("steps out of order and bad durations", () => {
    const steps = [{ before: "P7D", default: true, source: "x" }, { before: "P1M", default: true, source: "y" }];
    expect(problems({ ...good, notices: { steps } })).toEqual([expect.stringMatching(/^notices\.steps\.1\.before: .*strictly decreasing/)]);
    expect(problems({ ...good, notices: { steps: [{ before: "30 days", default: true, source: "x" }] } })).toEqual([expect.stringMatching(/^notices\.steps\.0\.before: invalid ISO 8601 duration/)]);
  });
  it("a level 2 renewal without its draft", () => {
    const { draft: _omit, ...noDraft } = good;
    expect(problems(noDraft)).toEqual([expect.stringMatching(/^draft: draft is required for a level 2/)]);
  });
  it("a duplicate key in the catalogue", () => {
    const r = catalogueSchema.safeParse([good, good]);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual([1, "key"]);
  });
});
