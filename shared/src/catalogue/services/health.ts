import { AGENCIES } from "../agencies.js";
import { chosen, defaultExpirySteps, partnersOf, renewalDraft, renewalReminder, RENEW, REISSUE } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by Sở Y tế (Department of Health). */
export const healthServices: ServiceEntry[] = [
  {
    key: "child-vaccination",
    name: { vi: "Nhắc lịch tiêm chủng tự động", en: "Automatic childhood vaccination reminders" },
    procedureCodes: [],
    leadAgency: AGENCIES.health,
    partners: partnersOf("Viettel"),
    level: 2,
    sources: { planRows: [1], leadTimeRows: [] },
    // Each dose falls due at an age (domain/vaccination.ts), counted from the hospital birth record.
    trigger: { kind: "age-milestone" },
    notices: {
      steps: [
        chosen("P7D", "default: plan row 1 gives no lead time; a week lets parents arrange the visit"),
        chosen("P1D", "default: the day before, so the appointment is not forgotten"),
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: {
      reminder: {
        vi: "Kính gửi Ông/Bà {{holderName}}, bé nhà mình đến lịch tiêm chủng theo Chương trình Tiêm chủng mở rộng vào ngày {{expiresOn}}. Kính mời Ông/Bà đưa bé đến cơ sở tiêm chủng đúng hẹn. Vui lòng bấm nút «Xem lịch tiêm» để xem mũi tiêm và chọn địa điểm.",
        en: "Dear {{holderName}}, your child is due for a vaccination under the Expanded Programme on Immunisation on {{expiresOn}}. Please bring your child to the vaccination site on time. Tap “View schedule” to see the dose and choose a site.",
      },
    },
    draft: {
      kind: "vaccination-appointment",
      fields: [
        { path: "child.fullName", label: { vi: "Họ và tên trẻ", en: "Child's full name" }, source: "hospital" },
        { path: "child.dateOfBirth", label: { vi: "Ngày sinh", en: "Date of birth" }, source: "hospital" },
        { path: "dose.vaccine", label: { vi: "Mũi tiêm", en: "Dose" }, source: "department-list" },
        { path: "appointment.site", label: { vi: "Cơ sở tiêm chủng", en: "Vaccination site" }, source: "citizen" },
      ],
    },
  },
  {
    key: "medical-practising-certificate",
    name: { vi: "Gia hạn, cấp lại chứng chỉ hành nghề khám bệnh, chữa bệnh", en: "Renewal or re-issue of the medical practising certificate" },
    documentName: { vi: "chứng chỉ hành nghề khám bệnh, chữa bệnh", en: "medical practising certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.health,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    sources: { planRows: [13, 14], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "person", verb: RENEW, draft: true }),
    draft: renewalDraft("medical-practising-certificate-renewal", "person", [
      { path: "practice.scope", label: { vi: "Phạm vi hành nghề", en: "Scope of practice" }, source: "department-list" },
    ]),
  },
  {
    key: "medical-facility-licence",
    name: { vi: "Cấp lại giấy phép hoạt động khám bệnh, chữa bệnh", en: "Re-issue of the medical facility operating licence" },
    documentName: { vi: "giấy phép hoạt động khám bệnh, chữa bệnh", en: "medical facility operating licence" },
    procedureCodes: [],
    leadAgency: AGENCIES.health,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    sources: { planRows: [15], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("medical-facility-licence-reissue", "organisation", [
      { path: "facility.address", label: { vi: "Địa điểm hoạt động", en: "Facility address" }, source: "department-list" },
    ]),
  },
  {
    key: "food-safety-certificate-health",
    name: { vi: "Nhắc hạn giấy chứng nhận đủ điều kiện an toàn thực phẩm lĩnh vực y tế", en: "Food safety certificate (health sector) expiry reminder" },
    documentName: { vi: "giấy chứng nhận đủ điều kiện an toàn thực phẩm", en: "food safety certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.health,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 1,
    sources: { planRows: [38], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        // Same certificate family as III.1 (Sở Công Thương), whose lead time is 6 months.
        chosen("P6M", "default: plan row 38 gives no lead time; 6 months as for the Sở Công Thương food safety certificate (lead-time III.1)"),
        chosen("P30D", "default: second reminder a month before expiry"),
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: false }),
  },
];
