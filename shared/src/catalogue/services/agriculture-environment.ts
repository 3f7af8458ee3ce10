import { AGENCIES } from "../agencies.js";
import { chosen, defaultExpirySteps, fromLeadTime, partnersOf, renewalDraft, renewalReminder, REISSUE, RENEW } from "../renewal.js";
import type { DraftAttachmentSpec, ServiceEntry } from "../schema.js";

const PARTNERS = partnersOf("Sở KH&CN; Viettel");

/** VI.2: "citizen checks, adds a health certificate (attachment) and submits online". */
const HEALTH_CERTIFICATE: DraftAttachmentSpec = {
  key: "health-certificate",
  label: { vi: "Giấy chứng nhận sức khỏe", en: "Health certificate" },
  required: true,
  source: "services-2026-06-leadtimes.tsv VI.2",
};

/** A single notice from a lead-time row, then a last call a week before. */
const fromRowThenLastCall = (before: string, row: string) => [fromLeadTime(before, row), chosen("P7D", "default: last call a week before expiry")];

/** Services led by Sở Nông nghiệp và Môi trường (Department of Agriculture and Environment). */
export const agricultureEnvironmentServices: ServiceEntry[] = [
  {
    key: "veterinary-practising-certificate",
    name: { vi: "Gia hạn, cấp lại chứng chỉ hành nghề thú y", en: "Renewal or re-issue of the veterinary practising certificate" },
    documentName: { vi: "chứng chỉ hành nghề thú y", en: "veterinary practising certificate" },
    procedureCodes: ["2.001064", "1.005319"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 2,
    sources: { planRows: [33, 34], leadTimeRows: ["VI.2"] },
    trigger: { kind: "document-expiry" },
    notices: { steps: fromRowThenLastCall("P30D", "VI.2") },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "person", verb: RENEW, draft: true }),
    draft: {
      ...renewalDraft("veterinary-practising-certificate-renewal", "person", [
        { path: "practice.scope", label: { vi: "Phạm vi hành nghề", en: "Scope of practice" }, source: "department-list" },
      ]),
      attachments: [HEALTH_CERTIFICATE],
    },
  },
  {
    key: "veterinary-practice-conditions-certificate",
    name: {
      vi: "Gia hạn, cấp lại giấy chứng nhận đủ điều kiện hành nghề thú y",
      en: "Renewal or re-issue of the certificate of eligibility for veterinary practice",
    },
    documentName: { vi: "giấy chứng nhận đủ điều kiện hành nghề thú y", en: "veterinary practice eligibility certificate" },
    procedureCodes: ["2.001064", "1.004734", "1.004756", "1.005319"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 2,
    // Rows 28–29 are marked "(bổ sung)" and share two codes with rows 33–34, but name the
    // facility's certificate, not the person's practising certificate: kept apart.
    sources: { planRows: [28, 29], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: [chosen("P30D", "default: plan rows 28–29 give no lead time; 30 days as for the practising certificate (VI.2)"), chosen("P7D", "default: last call a week before expiry")] },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("veterinary-practice-conditions-certificate-renewal", "organisation"),
  },
  {
    key: "veterinary-drug-trading-certificate",
    name: { vi: "Gia hạn giấy chứng nhận đủ điều kiện buôn bán thuốc thú y", en: "Renewal of the veterinary drug trading certificate" },
    documentName: { vi: "giấy chứng nhận đủ điều kiện buôn bán thuốc thú y", en: "veterinary drug trading certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 2,
    sources: { planRows: [], leadTimeRows: ["VI.3"] },
    trigger: { kind: "document-expiry" },
    notices: { steps: fromRowThenLastCall("P30D", "VI.3") },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("veterinary-drug-trading-certificate-renewal", "organisation", [
      { path: "premises.address", label: { vi: "Địa chỉ cửa hàng", en: "Shop address" }, source: "department-list" },
    ]),
  },
  {
    key: "animal-feed-certificate",
    name: {
      vi: "Gia hạn, cấp lại giấy chứng nhận đủ điều kiện sản xuất, kinh doanh thức ăn chăn nuôi",
      en: "Renewal or re-issue of the animal feed production and trading certificate",
    },
    documentName: { vi: "giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi", en: "animal feed production certificate" },
    procedureCodes: ["1.008127"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 2,
    sources: { planRows: [30, 31], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("animal-feed-certificate-reissue", "organisation", [
      { path: "facility.address", label: { vi: "Địa chỉ cơ sở sản xuất", en: "Production site address" }, source: "department-list" },
    ]),
  },
  {
    key: "food-safety-certificate-agriculture",
    name: {
      vi: "Nhắc hạn giấy chứng nhận đủ điều kiện an toàn thực phẩm lĩnh vực nông nghiệp",
      en: "Food safety certificate (agriculture sector) expiry reminder",
    },
    documentName: { vi: "giấy chứng nhận đủ điều kiện an toàn thực phẩm", en: "food safety certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 1,
    sources: { planRows: [32], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        chosen("P6M", "default: plan row 32 gives no lead time; 6 months as for the Sở Công Thương food safety certificate (lead-time III.1)"),
        chosen("P30D", "default: second reminder a month before expiry"),
      ],
    },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: false }),
  },
  {
    key: "pesticide-production-certificate",
    name: { vi: "Nhắc hạn giấy chứng nhận đủ điều kiện sản xuất thuốc bảo vệ thực vật", en: "Pesticide production certificate expiry reminder" },
    documentName: { vi: "giấy chứng nhận đủ điều kiện sản xuất thuốc bảo vệ thực vật", en: "pesticide production certificate" },
    procedureCodes: ["2.001427"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 1,
    sources: { planRows: [35], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: false }),
  },
  {
    key: "pesticide-trading-certificate",
    name: { vi: "Nhắc hạn giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", en: "Pesticide trading certificate expiry reminder" },
    documentName: { vi: "giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", en: "pesticide trading certificate" },
    procedureCodes: ["1.004363"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 1,
    sources: { planRows: [36], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: false }),
  },
  {
    key: "fertiliser-production-certificate",
    name: { vi: "Nhắc hạn giấy chứng nhận đủ điều kiện sản xuất phân bón", en: "Fertiliser production certificate expiry reminder" },
    documentName: { vi: "giấy chứng nhận đủ điều kiện sản xuất phân bón", en: "fertiliser production certificate" },
    procedureCodes: ["1.007927"],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: PARTNERS,
    level: 1,
    sources: { planRows: [37], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: false }),
  },
  {
    key: "land-data-request",
    name: { vi: "Cung cấp thông tin, dữ liệu đất đai", en: "Land information and data request" },
    procedureCodes: [],
    leadAgency: AGENCIES.agricultureEnvironment,
    partners: [],
    level: 2,
    sources: { planRows: [], leadTimeRows: ["VI.1"] },
    // Starts when the citizen asks: nothing expires, so nothing to remind of; the request is prefilled.
    trigger: { kind: "event" },
    notices: { steps: [] },
    channels: ["oa", "zns", "sms"],
    draft: {
      kind: "land-data-request",
      fields: [
        { path: "requester.fullName", label: { vi: "Họ và tên người yêu cầu", en: "Requester's full name" }, source: "population-data" },
        { path: "requester.personalId", label: { vi: "Số định danh cá nhân", en: "Personal ID number" }, source: "population-data" },
        { path: "requester.residence", label: { vi: "Nơi cư trú", en: "Place of residence" }, source: "population-data" },
        { path: "parcel.reference", label: { vi: "Thửa đất (số tờ, số thửa)", en: "Land parcel (map sheet, parcel number)" }, source: "citizen" },
        { path: "request.purpose", label: { vi: "Mục đích sử dụng thông tin", en: "Purpose of the request" }, source: "citizen" },
        { path: "delivery.method", label: { vi: "Hình thức nhận kết quả (trực tiếp, bưu chính công ích)", en: "How to receive the result (in person, public postal service)" }, source: "citizen" },
      ],
    },
  },
];
