import { AGENCIES } from "../agencies.js";
import { defaultExpirySteps, partnersOf, renewalDraft, renewalReminder, RENEW } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by Sở Nội vụ (Department of Home Affairs). */
export const homeAffairsServices: ServiceEntry[] = [
  {
    key: "tet-allowance-meritorious",
    name: { vi: "Trợ cấp Tết cho người có công", en: "Tết allowance for people with meritorious service" },
    procedureCodes: [],
    leadAgency: AGENCIES.homeAffairs,
    partners: partnersOf("Kho bạc nhà nước"),
    level: 3,
    sources: { planRows: [3], leadTimeRows: [] },
    // Paid once a year before Tết from the standardised list: no application, no reminder to file.
    trigger: { kind: "schedule" },
    notices: { steps: [] },
    channels: ["oa", "zns", "sms"],
    draft: {
      kind: "allowance-payment-list",
      fields: [
        { path: "beneficiary.fullName", label: { vi: "Họ và tên người có công", en: "Beneficiary" }, source: "department-list" },
        { path: "beneficiary.category", label: { vi: "Diện người có công", en: "Category" }, source: "department-list" },
        { path: "payment.amount", label: { vi: "Mức chi", en: "Amount" }, source: "department-list" },
        { path: "payment.account", label: { vi: "Tài khoản nhận", en: "Receiving account" }, source: "department-list" },
      ],
    },
  },
  {
    key: "employment-service-licence",
    name: { vi: "Gia hạn, cấp lại giấy phép hoạt động dịch vụ việc làm", en: "Renewal or re-issue of the employment services licence" },
    documentName: { vi: "giấy phép hoạt động dịch vụ việc làm", en: "employment services licence" },
    procedureCodes: ["2.002826", "2.002825"],
    leadAgency: AGENCIES.homeAffairs,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    sources: { planRows: [16, 17], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("employment-service-licence-renewal", "organisation"),
  },
  {
    key: "foreign-work-permit",
    name: { vi: "Gia hạn giấy phép lao động cho người lao động nước ngoài", en: "Work permit extension for foreign workers" },
    documentName: { vi: "giấy phép lao động", en: "work permit" },
    procedureCodes: ["1.014200", "1.014201"],
    leadAgency: AGENCIES.homeAffairs,
    partners: partnersOf("Công an tỉnh; Viettel"),
    level: 2,
    sources: { planRows: [18, 19], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        // The employer files the extension inside a window that opens 45 days before expiry (check the
        // current decree when the department confirms), so the first reminder comes before it opens.
        { before: "P60D", default: true, source: "default: plan rows 18–19 give no lead time; a reminder before the extension window opens" },
        { before: "P45D", default: true, source: "default: the extension window opens about 45 days before expiry" },
        { before: "P15D", default: true, source: "default: last call while there is still time to file" },
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("foreign-work-permit-extension", "organisation", [
      { path: "worker.fullName", label: { vi: "Họ và tên người lao động", en: "Worker's full name" }, source: "department-list" },
      { path: "worker.passportNo", label: { vi: "Số hộ chiếu", en: "Passport number" }, source: "department-list" },
      { path: "worker.position", label: { vi: "Vị trí công việc", en: "Job position" }, source: "citizen" },
    ]),
  },
  {
    key: "labour-subleasing-licence",
    name: { vi: "Gia hạn, cấp lại giấy phép hoạt động cho thuê lại lao động", en: "Renewal or re-issue of the labour subleasing licence" },
    documentName: { vi: "giấy phép hoạt động cho thuê lại lao động", en: "labour subleasing licence" },
    procedureCodes: ["1.000448", "1.000464"],
    leadAgency: AGENCIES.homeAffairs,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    sources: { planRows: [20, 21], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("labour-subleasing-licence-renewal", "organisation"),
  },
];
