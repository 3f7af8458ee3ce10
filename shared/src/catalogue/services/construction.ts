import { AGENCIES } from "../agencies.js";
import { defaultExpirySteps, partnersOf, renewalDraft, renewalReminder, REISSUE, RENEW } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by Sở Xây dựng (Department of Construction). */
export const constructionServices: ServiceEntry[] = [
  {
    key: "vehicle-inspection",
    name: {
      vi: "Cấp lại Giấy chứng nhận kiểm định, Tem kiểm định an toàn kỹ thuật và bảo vệ môi trường cho xe cơ giới, xe máy chuyên dùng",
      en: "Re-issue of the roadworthiness and emissions inspection certificate and sticker for motor vehicles and special-use vehicles",
    },
    documentName: { vi: "giấy chứng nhận kiểm định xe cơ giới", en: "vehicle inspection certificate" },
    procedureCodes: ["1.013092"],
    leadAgency: AGENCIES.construction,
    partners: partnersOf("Cục Đăng kiểm"),
    level: 2,
    sources: { planRows: [5], leadTimeRows: [], seeds: ["000_24a97339914e3af3.txt"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        { before: "P30D", default: false, source: "services-plan-920.tsv row 5 and seed 000 (health plan): “gửi nhắc trước 30 ngày”" },
        { before: "P7D", default: true, source: "default: last call a week before the inspection is due" },
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: {
      reminder: {
        vi: "Kính gửi Ông/Bà {{holderName}}, {{documentName}} số {{documentNo}} sẽ hết hạn vào ngày {{expiresOn}}. Kính mời Ông/Bà đưa xe đi kiểm định trước ngày {{fileBy}}. Vui lòng bấm nút «Đặt lịch kiểm định» để chọn trung tâm, thời gian và thanh toán trực tuyến.",
        en: "Dear {{holderName}}, your {{documentName}} no. {{documentNo}} expires on {{expiresOn}}. Please have the vehicle inspected by {{fileBy}}. Tap “Book an inspection” to choose a centre and time and pay online.",
      },
    },
    draft: {
      kind: "vehicle-inspection-appointment",
      fields: [
        { path: "owner.fullName", label: { vi: "Chủ phương tiện", en: "Vehicle owner" }, source: "department-list" },
        { path: "vehicle.plateNumber", label: { vi: "Biển số xe", en: "Number plate" }, source: "department-list" },
        { path: "document.number", label: { vi: "Số giấy chứng nhận kiểm định", en: "Inspection certificate number" }, source: "department-list" },
        { path: "document.expiresOn", label: { vi: "Ngày hết hạn", en: "Expiry date" }, source: "department-list" },
        { path: "appointment.centre", label: { vi: "Trung tâm đăng kiểm", en: "Inspection centre" }, source: "citizen" },
        { path: "appointment.date", label: { vi: "Ngày hẹn", en: "Appointment date" }, source: "citizen" },
      ],
    },
  },
  {
    key: "tourist-vehicle-sign",
    name: { vi: "Cấp lại biển hiệu phương tiện vận tải khách du lịch", en: "Re-issue of the tourist passenger vehicle sign" },
    documentName: { vi: "biển hiệu phương tiện vận tải khách du lịch", en: "tourist passenger vehicle sign" },
    procedureCodes: ["1.014192"],
    leadAgency: AGENCIES.construction,
    partners: partnersOf("Sở Xây dựng; Viettel"),
    level: 2,
    sources: { planRows: [7, 8], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("tourist-vehicle-sign-reissue", "organisation", [
      { path: "vehicle.plateNumber", label: { vi: "Biển số xe", en: "Number plate" }, source: "department-list" },
    ]),
  },
  {
    key: "transport-vehicle-badge",
    name: {
      vi: "Cấp, cấp lại phù hiệu cho xe ô tô, xe bốn bánh có gắn động cơ kinh doanh vận tải",
      en: "Issue or re-issue of the commercial transport badge for cars and motorised four-wheelers",
    },
    documentName: { vi: "phù hiệu xe kinh doanh vận tải", en: "commercial transport vehicle badge" },
    procedureCodes: ["2.002288"],
    leadAgency: AGENCIES.construction,
    partners: partnersOf("Viettel"),
    level: 2,
    sources: { planRows: [22, 23], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("transport-vehicle-badge-reissue", "organisation", [
      { path: "vehicle.plateNumber", label: { vi: "Biển số xe", en: "Number plate" }, source: "department-list" },
    ]),
  },
  {
    key: "driver-training-vehicle-licence",
    name: { vi: "Cấp bổ sung xe tập lái, cấp lại giấy phép xe tập lái", en: "Driver-training vehicle licence (additional vehicle or re-issue)" },
    documentName: { vi: "giấy phép xe tập lái", en: "driver-training vehicle licence" },
    procedureCodes: ["1.001751"],
    leadAgency: AGENCIES.construction,
    partners: partnersOf("Viettel"),
    level: 2,
    sources: { planRows: [24, 25], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("driver-training-vehicle-licence-reissue", "organisation", [
      { path: "vehicle.plateNumber", label: { vi: "Biển số xe", en: "Number plate" }, source: "department-list" },
    ]),
  },
];
