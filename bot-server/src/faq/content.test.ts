import { describe, expect, it } from "vitest";
import { foldVietnamese } from "@hccd/shared";
import { DOMAIN_DIR, domainFilesPresent, readDomainTsv } from "@hccd/shared/testing/domain-files";
import { FAQ_ENTRIES } from "./content/index.js";

/**
 * Every service of the catalogue (shared/src/catalogue/lists/*.tsv) and the entry that answers for it. Several
 * rows are one service seen twice ("nhắc hạn" and "gợi ý thủ tục" of the same licence): they
 * share an entry.
 */
const SERVICE_COVERAGE: ReadonlyArray<{ file: "leadtimes" | "plan-920"; row: string; name: string; entry: string }> = [
  { file: "leadtimes", row: "I.1", name: "Cấp đổi thẻ Căn cước", entry: "idcard-reminder" },
  { file: "leadtimes", row: "I.2", name: "Gia hạn tạm trú", entry: "temp-residence-reminder" },
  { file: "leadtimes", row: "II.1", name: "Cấp đổi thẻ hướng dẫn viên du lịch quốc tế, nội địa", entry: "tour-guide-card" },
  { file: "leadtimes", row: "II.2", name: "Công nhận hạng cơ sở lưu trú du lịch 1-3 sao", entry: "accommodation-rating" },
  { file: "leadtimes", row: "III.1", name: "Cấp lại Giấy chứng nhận đủ điều kiện an toàn thực phẩm (Sở Công Thương)", entry: "food-safety-certificate" },
  { file: "leadtimes", row: "III.2", name: "Cấp Giấy chứng nhận đủ điều kiện an toàn thực phẩm", entry: "food-safety-certificate" },
  { file: "leadtimes", row: "III.3", name: "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", entry: "petrol-retail" },
  { file: "leadtimes", row: "III.4", name: "Cấp sửa đổi, bổ sung Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", entry: "petrol-retail-amend" },
  { file: "leadtimes", row: "IV.1", name: "Đăng ký khai sinh (chủ động) 1.001193", entry: "birth-proactive" },
  { file: "leadtimes", row: "IV.2", name: "Đăng ký khai tử (chủ động) 1.000656", entry: "death-proactive" },
  { file: "leadtimes", row: "V.1", name: "Gia hạn giấy phép sử dụng tần số và thiết bị vô tuyến điện (mạng nội bộ)", entry: "radio-frequency" },
  { file: "leadtimes", row: "V.2", name: "Gia hạn giấy phép tiến hành công việc bức xạ (X-quang y tế, PET/CT, SPECT, phát tia X)", entry: "radiation-licence" },
  { file: "leadtimes", row: "V.3", name: "Cấp lại Giấy xác nhận đủ điều kiện tư vấn ISO 9001 (TCVN ISO 9001)", entry: "iso-consulting" },
  { file: "leadtimes", row: "VI.1", name: "Cung cấp thông tin, dữ liệu đất đai", entry: "land-data" },
  { file: "leadtimes", row: "VI.2", name: "Gia hạn Chứng chỉ hành nghề thú y", entry: "vet-practice" },
  { file: "leadtimes", row: "VI.3", name: "Gia hạn Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y", entry: "vet-drug-trade" },
  { file: "plan-920", row: "1", name: "Nhắc lịch tiêm chủng tự động", entry: "vax-reminder" },
  { file: "plan-920", row: "2", name: "Cấp CCCD cho trẻ <6 tuổi", entry: "idcard-child" },
  { file: "plan-920", row: "3", name: "Trợ cấp Tết người có công", entry: "tet-allowance" },
  { file: "plan-920", row: "4", name: "Số hóa giấy phép có thời hạn để chủ động gia hạn", entry: "licence-reminders" },
  { file: "plan-920", row: "5", name: "Cấp lại Giấy chứng nhận kiểm định, Tem kiểm định … xe cơ giới (1.013092)", entry: "vehicle-inspection" },
  { file: "plan-920", row: "6", name: "Gia hạn BHYT hộ gia đình", entry: "bhyt-periods" },
  { file: "plan-920", row: "7", name: "Nhắc hạn biển hiệu phương tiện vận tải khách du lịch", entry: "tourist-vehicle-sign" },
  { file: "plan-920", row: "8", name: "Gợi ý thủ tục cấp lại biển hiệu phương tiện vận tải khách du lịch (1.014192)", entry: "tourist-vehicle-sign" },
  { file: "plan-920", row: "9", name: "Nhắc hạn thẻ hướng dẫn viên du lịch (1.004614)", entry: "tour-guide-card" },
  { file: "plan-920", row: "10", name: "Gợi ý gia hạn, cấp lại thẻ hướng dẫn viên du lịch (1.004614)", entry: "tour-guide-card" },
  { file: "plan-920", row: "11", name: "Nhắc hạn Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu (2.000648)", entry: "petrol-retail" },
  { file: "plan-920", row: "12", name: "Gợi ý cấp lại Giấy chứng nhận cửa hàng bán lẻ xăng dầu (2.000647)", entry: "petrol-retail" },
  { file: "plan-920", row: "13", name: "Nhắc hạn chứng chỉ hành nghề khám bệnh, chữa bệnh", entry: "medical-practice-certificate" },
  { file: "plan-920", row: "14", name: "Gợi ý gia hạn, cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh", entry: "medical-practice-certificate" },
  { file: "plan-920", row: "15", name: "Gợi ý cấp lại giấy phép hoạt động khám bệnh, chữa bệnh", entry: "medical-facility-licence" },
  { file: "plan-920", row: "16", name: "Nhắc hạn giấy phép hoạt động dịch vụ việc làm", entry: "employment-service" },
  { file: "plan-920", row: "17", name: "Gợi ý gia hạn, cấp lại giấy phép hoạt động dịch vụ việc làm", entry: "employment-service" },
  { file: "plan-920", row: "18", name: "Nhắc hạn giấy phép lao động cho người lao động nước ngoài", entry: "foreign-work-permit" },
  { file: "plan-920", row: "19", name: "Gợi ý gia hạn giấy phép lao động cho người lao động nước ngoài", entry: "foreign-work-permit" },
  { file: "plan-920", row: "20", name: "Nhắc hạn giấy phép hoạt động cho thuê lại lao động", entry: "labour-subleasing" },
  { file: "plan-920", row: "21", name: "Gợi ý gia hạn, cấp lại giấy phép hoạt động cho thuê lại lao động", entry: "labour-subleasing" },
  { file: "plan-920", row: "22", name: "Nhắc hạn phù hiệu xe vận tải (2.002288)", entry: "transport-badge" },
  { file: "plan-920", row: "23", name: "Cấp, cấp lại phù hiệu xe ô tô kinh doanh vận tải (2.002288)", entry: "transport-badge" },
  { file: "plan-920", row: "24", name: "Nhắc hạn giấy phép xe tập lái (1.001751)", entry: "training-vehicle" },
  { file: "plan-920", row: "25", name: "Cấp bổ sung xe tập lái, cấp lại giấy phép xe tập lái (1.001751)", entry: "training-vehicle" },
  { file: "plan-920", row: "26", name: "Nhắc hạn giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ", entry: "security-service" },
  { file: "plan-920", row: "27", name: "Gợi ý gia hạn, cấp lại giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ", entry: "security-service" },
  { file: "plan-920", row: "28", name: "Nhắc hạn giấy chứng nhận đủ điều kiện hành nghề thú y (bổ sung)", entry: "vet-practice" },
  { file: "plan-920", row: "29", name: "Gợi ý gia hạn, cấp lại giấy chứng nhận đủ điều kiện hành nghề thú y (bổ sung)", entry: "vet-practice" },
  { file: "plan-920", row: "30", name: "Nhắc hạn giấy chứng nhận đủ điều kiện sản xuất, kinh doanh thức ăn chăn nuôi", entry: "animal-feed" },
  { file: "plan-920", row: "31", name: "Gợi ý gia hạn, cấp lại giấy chứng nhận đủ điều kiện sản xuất, kinh doanh thức ăn chăn nuôi", entry: "animal-feed" },
  { file: "plan-920", row: "32", name: "Nhắc hạn giấy chứng nhận đủ điều kiện an toàn thực phẩm lĩnh vực nông nghiệp", entry: "food-safety-certificate" },
  { file: "plan-920", row: "33", name: "Nhắc hạn chứng chỉ hành nghề thú y", entry: "vet-practice" },
  { file: "plan-920", row: "34", name: "Gợi ý gia hạn, cấp lại chứng chỉ hành nghề thú y", entry: "vet-practice" },
  { file: "plan-920", row: "35", name: "Nhắc hạn Giấy chứng nhận đủ điều kiện sản xuất thuốc bảo vệ thực vật (2.001427)", entry: "pesticide" },
  { file: "plan-920", row: "36", name: "Nhắc hạn Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật (1.004363)", entry: "pesticide" },
  { file: "plan-920", row: "37", name: "Nhắc hạn Giấy chứng nhận đủ điều kiện sản xuất phân bón (1.007927)", entry: "fertilizer" },
  { file: "plan-920", row: "38", name: "Nhắc hạn giấy chứng nhận đủ điều kiện an toàn thực phẩm lĩnh vực y tế", entry: "food-safety-certificate" },
  { file: "plan-920", row: "39", name: "Nhắc hạn Quyết định công nhận cơ sở kinh doanh dịch vụ đạt tiêu chuẩn phục vụ khách du lịch", entry: "tourism-service-standard" },
  { file: "plan-920", row: "40", name: "Gợi ý gia hạn, cấp lại Quyết định công nhận cơ sở dịch vụ đạt tiêu chuẩn phục vụ khách du lịch", entry: "tourism-service-standard" },
  { file: "plan-920", row: "41", name: "Nhắc hạn giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ (bổ sung)", entry: "security-service" },
  { file: "plan-920", row: "42", name: "Gợi ý gia hạn, cấp lại giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ (bổ sung)", entry: "security-service" },
  { file: "plan-920", row: "43", name: "Nhắc hạn cấp lại Chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích (1.002003)", entry: "relic-practice-certificate" },
  { file: "plan-920", row: "44", name: "Gợi ý cấp lại Chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích (1.002003)", entry: "relic-practice-certificate" },
  { file: "plan-920", row: "45", name: "Nhắc hạn cấp lại Giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích (2.001641)", entry: "relic-business-certificate" },
  { file: "plan-920", row: "46", name: "Gợi ý cấp lại Giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích (2.001641)", entry: "relic-business-certificate" },
  { file: "plan-920", row: "47", name: "Nhắc hạn gia hạn Giấy phép thiết lập trang thông tin điện tử tổng hợp (2.001091)", entry: "news-website-licence" },
  { file: "plan-920", row: "48", name: "Gợi ý gia hạn giấy phép thiết lập trang thông tin điện tử tổng hợp (2.001091)", entry: "news-website-licence" },
  { file: "plan-920", row: "49", name: "Nhắc hạn quyết định công nhận hạng cơ sở lưu trú du lịch 1–3 sao (1.004594)", entry: "accommodation-rating" },
  { file: "plan-920", row: "50", name: "Gợi ý công nhận hạng cơ sở lưu trú du lịch 1–3 sao (1.004594)", entry: "accommodation-rating" },
  { file: "plan-920", row: "51", name: "Nhắc hạn Thông báo tiếp nhận công bố hợp quy (2.001277)", entry: "conformity-declaration" },
  { file: "plan-920", row: "52", name: "Nhắc hạn giấy phép tiến hành công việc bức xạ (thiết bị X-quang y tế)", entry: "radiation-licence" },
  { file: "plan-920", row: "53", name: "Nhắc hạn chứng chỉ nhân viên bức xạ", entry: "radiation-worker-certificate" },
  { file: "plan-920", row: "54", name: "Nhắc hạn giấy phép cung cấp dịch vụ viễn thông không có hạ tầng mạng", entry: "telecom-licence" },
  { file: "plan-920", row: "55", name: "Nhắc hạn giấy phép cung cấp dịch vụ viễn thông có hạ tầng mạng (1.013905)", entry: "telecom-licence" },
  { file: "plan-920", row: "56", name: "Nhắc hạn giấy chứng nhận đăng ký kết nối cung cấp dịch vụ nội dung trên mạng di động", entry: "mobile-content" },
  { file: "plan-920", row: "57", name: "Nhắc hạn gia hạn giấy chứng nhận đăng ký kết nối cung cấp dịch vụ nội dung trên mạng di động", entry: "mobile-content" },
  { file: "plan-920", row: "58", name: "Đăng ký khai sinh (1.001193)", entry: "birth-proactive" },
  { file: "plan-920", row: "59", name: "Đăng ký khai tử (1.000656)", entry: "death-proactive" },
];

/** The topics the issue requires beyond the catalogue, and the entries that cover them. */
const REQUIRED_TOPICS: Readonly<Record<string, readonly string[]>> = {
  "what proactive administration is": ["hccd-what", "hccd-levels"],
  "how reminders reach you (OA, ZNS, SMS; quiet hours)": ["reminders-how", "reminders-quiet-hours"],
  "opting in and out": ["reminders-opt-out", "reminders-opt-in"],
  "personal data and consent": ["data-law", "data-consent", "data-withdraw", "data-rights", "data-children"],
  "reaching a person (gặp cán bộ, 1022)": ["human-handover", "hotline-1022"],
  "checking a dossier": ["dossier-check", "dossier-status"],
  "birth registration deadline and fee": ["birth-deadline", "birth-fee"],
  "death registration deadline": ["death-deadline"],
  "ID card renewal ages and the 2-year rule": ["idcard-ages", "idcard-two-years"],
  "temporary residence": ["temp-residence-extend", "temp-residence-reminder"],
  "household health insurance (periods, gap)": ["bhyt-periods", "bhyt-gap", "bhyt-child"],
  "child vaccination schedule": ["vax-schedule", "vax-rota-pneumo"],
  "online public services and VNeID": ["online-public-services", "vneid-what", "vneid-account"],
};

const byId = new Map(FAQ_ENTRIES.map((e) => [e.id, e]));
const hasAccent = (s: string) => foldVietnamese(s) !== s.toLowerCase().normalize("NFC");

describe("FAQ content", () => {
  it("has at least 80 entries with unique kebab-case ids", () => {
    expect(FAQ_ENTRIES.length).toBeGreaterThanOrEqual(80);
    expect(byId.size).toBe(FAQ_ENTRIES.length);
    for (const e of FAQ_ENTRIES) expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(FAQ_ENTRIES.map((e) => [e.id, e] as const))("%s: complete, sourced, NFC, short", (_id, e) => {
    for (const lang of ["vi", "en"] as const) {
      expect(e.question[lang].trim().length, `${lang} question`).toBeGreaterThan(5);
      expect(e.answer[lang].trim().length, `${lang} answer`).toBeGreaterThan(20);
      expect(e.answer[lang].length, `${lang} answer length`).toBeLessThanOrEqual(600);
      expect(e.alternatives[lang].length, `${lang} alternatives`).toBeGreaterThanOrEqual(2);
      expect(e.alternatives[lang].length, `${lang} alternatives`).toBeLessThanOrEqual(6);
    }
    expect(e.source.title.trim().length).toBeGreaterThan(5);
    expect(e.source.ref.trim().length).toBeGreaterThan(2);
    expect(e.topic).toMatch(/^[a-z-]+$/);
    const texts = [e.question.vi, e.question.en, ...e.alternatives.vi, ...e.alternatives.en, e.answer.vi, e.answer.en, e.source.title, e.source.ref];
    for (const t of texts) expect(t, "NFC").toBe(t.normalize("NFC"));
    // Vietnamese text is written with its accents; some alternatives are typed without, as citizens do.
    expect(hasAccent(e.question.vi)).toBe(true);
    expect(hasAccent(e.answer.vi)).toBe(true);
    expect(e.alternatives.vi.some((a) => !hasAccent(a)), "an alternative without accents").toBe(true);
  });

  it("gives no phone number except the hotline 1022", () => {
    const phone = /(?:\+?84|\b0)(?:[\s.]?\d){8,10}\b/;
    for (const e of FAQ_ENTRIES) {
      for (const t of [e.answer.vi, e.answer.en]) expect(t, e.id).not.toMatch(phone);
    }
    expect(FAQ_ENTRIES.some((e) => e.answer.vi.includes("1022"))).toBe(true);
  });

  it("marks unconfirmed facts as unconfirmed (facts.md)", () => {
    expect(byId.get("vax-rota-pneumo")!.answer.vi).toMatch(/chưa xác nhận/);
    expect(byId.get("vax-polio-ipv")!.answer.vi).toMatch(/chưa xác nhận/);
    expect(byId.get("bhyt-periods")!.answer.vi).toMatch(/chưa được xác nhận/);
  });

  it("covers every service of the catalogue (mapping above)", () => {
    for (const s of SERVICE_COVERAGE) {
      const e = byId.get(s.entry);
      expect(e, `${s.file} ${s.row} → ${s.entry}`).toBeDefined();
      expect(e!.service, `${s.entry} names its service`).toBeTruthy();
    }
    expect(SERVICE_COVERAGE.filter((s) => s.file === "leadtimes")).toHaveLength(16);
    expect(SERVICE_COVERAGE.filter((s) => s.file === "plan-920")).toHaveLength(59);
  });

  // The lists are kept in the repository (shared/src/catalogue/lists): their absence is a failure, not a skip.
  it("the mapping lists exactly the rows of the province's lists (shared/src/catalogue/lists/*.tsv)", () => {
    expect(domainFilesPresent(), `the service lists are missing at ${DOMAIN_DIR}`).toBe(true);
    const leadtimes = readDomainTsv("services-2026-06-leadtimes.tsv").map((r) => `${r.section}.${r.no}`);
    const plan = readDomainTsv("services-plan-920.tsv").map((r) => r.no!);
    expect(SERVICE_COVERAGE.filter((s) => s.file === "leadtimes").map((s) => s.row)).toEqual(leadtimes);
    expect(SERVICE_COVERAGE.filter((s) => s.file === "plan-920").map((s) => s.row)).toEqual(plan);
  });

  it.each(Object.entries(REQUIRED_TOPICS))("covers %s", (_topic, ids) => {
    for (const id of ids) expect(byId.has(id), id).toBe(true);
  });

  it("states the key numbers where the issue asks for them", () => {
    expect(byId.get("birth-deadline")!.answer.vi).toContain("60 ngày");
    expect(byId.get("birth-fee")!.answer.vi).toMatch(/miễn lệ phí/);
    expect(byId.get("death-deadline")!.answer.vi).toContain("15 ngày");
    expect(byId.get("idcard-ages")!.answer.vi).toContain("14, 25, 40 và 60");
    expect(byId.get("idcard-two-years")!.answer.vi).toContain("2 năm");
    expect(byId.get("bhyt-periods")!.answer.vi).toContain("3 tháng, 6 tháng hoặc 12 tháng");
    expect(byId.get("bhyt-gap")!.answer.vi).toContain("30 ngày");
    expect(byId.get("reminders-how")!.answer.vi).toContain("7 ngày");
    expect(byId.get("reminders-quiet-hours")!.answer.vi).toContain("21:00 đến 07:00");
    expect(byId.get("reminders-opt-out")!.answer.vi).toContain("“dừng nhận tin”");
    expect(byId.get("reminders-opt-out")!.answer.vi).toContain("Cài đặt");
    expect(byId.get("reminders-opt-in")!.answer.vi).toContain("“nhận lại tin”");
    expect(byId.get("human-handover")!.answer.vi).toContain("“gặp cán bộ”");
    expect(byId.get("human-handover")!.answer.vi).toContain("1022");
    expect(byId.get("dossier-check")!.answer.vi).toContain("“hồ sơ của tôi”");
    expect(byId.get("data-law")!.answer.vi).toContain("91/2025/QH15");
    expect(byId.get("data-law")!.answer.vi).toContain("356/2025");
  });
});
