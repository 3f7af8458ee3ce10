import { AGENCIES } from "../agencies.js";
import { chosen, defaultExpirySteps, EXCHANGE, partnersOf, renewalDraft, renewalReminder, RENEW } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by Công an tỉnh (Provincial Police). */
export const policeServices: ServiceEntry[] = [
  {
    key: "id-card-renewal",
    name: { vi: "Cấp đổi thẻ Căn cước", en: "Citizen ID card renewal" },
    documentName: { vi: "thẻ căn cước", en: "citizen ID card" },
    procedureCodes: [],
    leadAgency: AGENCIES.police,
    partners: partnersOf("Bộ Công an (Cục C06)"),
    level: 1,
    sources: { planRows: [], leadTimeRows: ["I.1"] },
    // The card lapses on the 14th, 25th, 40th or 60th birthday (Luật Căn cước 2023 art. 21; domain/id-card.ts).
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        chosen("P60D", "default: I.1 gives no lead time; renewal is in person (biometrics), so two months to book"),
        chosen("P30D", "default: second reminder a month before the renewal birthday"),
        chosen("P7D", "default: last call a week before"),
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: {
      reminder: {
        vi: "Kính gửi Ông/Bà {{holderName}}, {{documentName}} số {{documentNo}} của Ông/Bà hết giá trị sử dụng vào ngày {{expiresOn}} theo Luật Căn cước. Kính đề nghị Ông/Bà thực hiện thủ tục cấp đổi trước ngày {{fileBy}}. Vui lòng bấm nút «Đặt lịch cấp đổi» để chọn nơi và thời gian.",
        en: "Dear {{holderName}}, your {{documentName}} no. {{documentNo}} is valid until {{expiresOn}} under the Law on Identification. Please apply for a new card by {{fileBy}}. Tap “Book an appointment” to choose a place and time.",
      },
    },
  },
  {
    key: "temporary-residence",
    name: { vi: "Gia hạn tạm trú", en: "Temporary residence extension" },
    documentName: { vi: "thời hạn tạm trú", en: "temporary residence registration" },
    procedureCodes: [],
    leadAgency: AGENCIES.police,
    partners: partnersOf("Bộ Công an (Cục C06)"),
    level: 1,
    sources: { planRows: [], leadTimeRows: ["I.2"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        // Luật Cư trú 2020 art. 28(3): the extension is filed within the 15 days before expiry.
        chosen("P15D", "default: I.2 gives no lead time; Luật Cư trú 2020 art. 28(3) opens the extension window 15 days before expiry"),
        chosen("P7D", "default: last call a week before expiry"),
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: {
      reminder: {
        vi: "Kính gửi Ông/Bà {{holderName}}, {{documentName}} của Ông/Bà (số {{documentNo}}) kết thúc vào ngày {{expiresOn}}. Kính đề nghị Ông/Bà thực hiện thủ tục gia hạn tạm trú trước ngày {{fileBy}}. Vui lòng bấm nút «Gia hạn tạm trú» để nộp hồ sơ trực tuyến.",
        en: "Dear {{holderName}}, your {{documentName}} (no. {{documentNo}}) ends on {{expiresOn}}. Please apply to extend it by {{fileBy}}. Tap “Extend temporary residence” to apply online.",
      },
    },
  },
  {
    key: "child-id-card",
    name: { vi: "Cấp thẻ căn cước cho trẻ em dưới 6 tuổi", en: "ID card for children under 6" },
    procedureCodes: [],
    leadAgency: AGENCIES.police,
    partners: partnersOf("Sở Tư pháp"),
    level: 2,
    sources: { planRows: [2], leadTimeRows: [] },
    // Follows a birth registration: the list is drawn up from civil-status + residence data.
    trigger: { kind: "birth" },
    notices: { steps: [] },
    channels: ["oa", "zns", "sms"],
    draft: {
      kind: "child-id-card-application",
      fields: [
        { path: "child.fullName", label: { vi: "Họ và tên trẻ", en: "Child's full name" }, source: "population-data" },
        { path: "child.personalId", label: { vi: "Số định danh cá nhân của trẻ", en: "Child's personal ID number" }, source: "population-data" },
        { path: "child.dateOfBirth", label: { vi: "Ngày sinh", en: "Date of birth" }, source: "population-data" },
        { path: "child.residence", label: { vi: "Nơi cư trú", en: "Place of residence" }, source: "population-data" },
        { path: "guardian.fullName", label: { vi: "Họ và tên cha, mẹ hoặc người giám hộ", en: "Parent or guardian" }, source: "population-data" },
        { path: "appointment.place", label: { vi: "Nơi làm thủ tục", en: "Where to apply" }, source: "citizen" },
      ],
    },
  },
  {
    key: "security-service-certificate",
    name: {
      vi: "Gia hạn, cấp lại giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ",
      en: "Renewal or re-issue of the security services business certificate",
    },
    documentName: { vi: "giấy chứng nhận đủ điều kiện kinh doanh dịch vụ bảo vệ", en: "security services business certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.police,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    // Rows 41–42 repeat 26–27 word for word, marked "(bổ sung)": the same service listed twice.
    sources: { planRows: [26, 27, 41, 42], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("security-service-certificate-renewal", "organisation"),
  },
];
