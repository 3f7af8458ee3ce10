import { AGENCIES } from "../agencies.js";
import { chosen, defaultExpirySteps, fromLeadTime, partnersOf, renewalDraft, renewalReminder, REISSUE, RENEW } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

const PARTNERS = partnersOf("Sở KH&CN; Viettel");

/** Services led by Sở Văn hóa, Thể thao và Du lịch (Department of Culture, Sports and Tourism). */
export const cultureTourismServices: ServiceEntry[] = [
  {
    key: "tour-guide-card",
    name: { vi: "Gia hạn, cấp đổi thẻ hướng dẫn viên du lịch quốc tế, nội địa", en: "Renewal of the international or domestic tour guide card" },
    documentName: { vi: "thẻ hướng dẫn viên du lịch", en: "tour guide card" },
    procedureCodes: ["1.004614"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 2,
    sources: { planRows: [9, 10], leadTimeRows: ["II.1"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        // II.1 asks for the message "at least 10 days before" and the filing 10 days before: a notice
        // on the filing day alone would leave no time, so an earlier one comes first.
        chosen("P30D", "default: a first notice 20 days before the file-by date of II.1, so the holder is not told on the last day"),
        fromLeadTime("P10D", "II.1"),
      ],
    },
    fileBy: { before: "P10D", source: "services-2026-06-leadtimes.tsv II.1" },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "person", verb: RENEW, draft: true }),
    draft: renewalDraft("tour-guide-card-renewal", "person", [
      { path: "card.kind", label: { vi: "Loại thẻ (quốc tế, nội địa)", en: "Card type (international, domestic)" }, source: "department-list" },
      { path: "card.languages", label: { vi: "Ngôn ngữ hướng dẫn", en: "Guiding languages" }, source: "department-list" },
    ]),
  },
  {
    key: "tourist-accommodation-rating",
    name: {
      vi: "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao",
      en: "Recognition of 1- to 3-star tourist accommodation ratings",
    },
    documentName: { vi: "quyết định công nhận hạng cơ sở lưu trú du lịch", en: "tourist accommodation rating decision" },
    procedureCodes: ["1.004594"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 3,
    sources: { planRows: [49, 50], leadTimeRows: ["II.2"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        chosen("P75D", "default: a first notice a month before the file-by date of II.2, time to prepare the self-assessment"),
        fromLeadTime("P45D", "II.2"),
      ],
    },
    fileBy: { before: "P45D", source: "services-2026-06-leadtimes.tsv II.2" },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("tourist-accommodation-rating-renewal", "organisation", [
      { path: "facility.kind", label: { vi: "Loại hình cơ sở lưu trú", en: "Type of accommodation" }, source: "department-list" },
      { path: "facility.rating", label: { vi: "Hạng đề nghị công nhận", en: "Rating applied for" }, source: "department-list" },
      { path: "facility.rooms", label: { vi: "Số buồng", en: "Number of rooms" }, source: "department-list" },
    ]),
  },
  {
    key: "tourism-service-standard",
    name: {
      vi: "Gia hạn, cấp lại quyết định công nhận cơ sở kinh doanh dịch vụ đạt tiêu chuẩn phục vụ khách du lịch",
      en: "Renewal or re-issue of the recognition of a business as meeting tourist service standards",
    },
    documentName: { vi: "quyết định công nhận cơ sở đạt tiêu chuẩn phục vụ khách du lịch", en: "tourist service standard recognition" },
    procedureCodes: ["1.004551", "1.004503", "1.001455", "1.004580", "1.004572"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 3,
    // Sport; entertainment and wellness; shopping; dining: one reminder, the decision names the kind.
    sources: { planRows: [39, 40], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("tourism-service-standard-renewal", "organisation", [
      { path: "facility.serviceKind", label: { vi: "Loại dịch vụ (thể thao; vui chơi, giải trí, chăm sóc sức khỏe; mua sắm; ăn uống)", en: "Kind of service (sport; entertainment, wellness; shopping; dining)" }, source: "department-list" },
    ]),
  },
  {
    key: "heritage-conservation-practising-certificate",
    name: { vi: "Cấp lại chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích", en: "Re-issue of the monument conservation and restoration practising certificate" },
    documentName: { vi: "chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích", en: "monument conservation practising certificate" },
    procedureCodes: ["1.002003"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 3,
    sources: { planRows: [43, 44], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "person", verb: REISSUE, draft: true }),
    draft: renewalDraft("heritage-conservation-practising-certificate-reissue", "person", [
      { path: "practice.field", label: { vi: "Lĩnh vực hành nghề", en: "Field of practice" }, source: "department-list" },
    ]),
  },
  {
    key: "heritage-conservation-business-certificate",
    name: {
      vi: "Cấp lại giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích",
      en: "Re-issue of the certificate of eligibility for monument conservation and restoration work",
    },
    documentName: { vi: "giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích", en: "monument conservation eligibility certificate" },
    procedureCodes: ["2.001641"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 3,
    sources: { planRows: [45, 46], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("heritage-conservation-business-certificate-reissue", "organisation"),
  },
  {
    key: "news-website-licence",
    name: { vi: "Gia hạn giấy phép thiết lập trang thông tin điện tử tổng hợp (địa phương)", en: "Renewal of the licence for a general news website (local)" },
    documentName: { vi: "giấy phép thiết lập trang thông tin điện tử tổng hợp", en: "general news website licence" },
    procedureCodes: ["2.001091"],
    leadAgency: AGENCIES.cultureTourism,
    partners: PARTNERS,
    level: 3,
    sources: { planRows: [47, 48], leadTimeRows: [] },
    trigger: { kind: "document-expiry" },
    notices: { steps: defaultExpirySteps() },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: RENEW, draft: true }),
    draft: renewalDraft("news-website-licence-renewal", "organisation", [
      { path: "website.domain", label: { vi: "Tên miền", en: "Domain name" }, source: "department-list" },
    ]),
  },
];
