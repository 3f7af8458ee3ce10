import { AGENCIES } from "../agencies.js";
import { defaultExpirySteps, partnersOf } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by BHXH tỉnh (Provincial Social Insurance). */
export const socialInsuranceServices: ServiceEntry[] = [
  {
    key: "household-health-insurance",
    name: { vi: "Gia hạn bảo hiểm y tế hộ gia đình", en: "Household health insurance renewal" },
    documentName: { vi: "thẻ bảo hiểm y tế hộ gia đình", en: "household health insurance card" },
    procedureCodes: [],
    leadAgency: AGENCIES.socialInsurance,
    partners: partnersOf("Tổ chức hỗ trợ phát triển đối tượng"),
    level: 2,
    sources: { planRows: [6], leadTimeRows: [], seeds: ["000_24a97339914e3af3.txt"] },
    trigger: { kind: "document-expiry" },
    // A lapse interrupts coverage, so a month ahead leaves time to pay before the card ends.
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: {
      reminder: {
        vi: "Kính gửi Ông/Bà {{holderName}}, {{documentName}} số {{documentNo}} sẽ hết hạn vào ngày {{expiresOn}}. Để quyền lợi khám chữa bệnh không bị gián đoạn, kính mời Ông/Bà đóng tiền gia hạn trước ngày {{fileBy}}. Vui lòng bấm nút «Gia hạn và thanh toán» để xác nhận danh sách thành viên và thanh toán trực tuyến.",
        en: "Dear {{holderName}}, your {{documentName}} no. {{documentNo}} expires on {{expiresOn}}. To keep your cover without a break, please pay the renewal by {{fileBy}}. Tap “Renew and pay” to confirm the household members and pay online.",
      },
    },
    draft: {
      kind: "household-health-insurance-renewal",
      fields: [
        { path: "household.head", label: { vi: "Chủ hộ", en: "Head of household" }, source: "population-data" },
        { path: "household.members", label: { vi: "Thành viên tham gia", en: "Members covered" }, source: "department-list" },
        { path: "document.number", label: { vi: "Mã số BHXH", en: "Social insurance number" }, source: "department-list" },
        { path: "document.expiresOn", label: { vi: "Ngày hết hạn thẻ", en: "Card expiry date" }, source: "department-list" },
        { path: "payment.period", label: { vi: "Thời gian đóng", en: "Period paid for" }, source: "citizen" },
      ],
    },
  },
];
