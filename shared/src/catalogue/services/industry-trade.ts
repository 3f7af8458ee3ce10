import { AGENCIES } from "../agencies.js";
import { chosen, fromLeadTime, partnersOf, renewalDraft, renewalReminder, REISSUE } from "../renewal.js";
import type { ServiceEntry } from "../schema.js";

/** Services led by Sở Công Thương (Department of Industry and Trade). */
export const industryTradeServices: ServiceEntry[] = [
  {
    key: "petrol-retail-certificate",
    name: {
      vi: "Cấp, cấp lại, sửa đổi, bổ sung giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
      en: "Issue, re-issue or amendment of the petrol retail outlet certificate",
    },
    documentName: { vi: "giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", en: "petrol retail outlet certificate" },
    procedureCodes: ["2.000648", "2.000647"],
    leadAgency: AGENCIES.industryTrade,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    // III.4 (amendment) is "the same as III.3": one certificate, one reminder.
    sources: { planRows: [11, 12], leadTimeRows: ["III.3", "III.4"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [fromLeadTime("P60D", "III.3"), chosen("P37D", "default: a second notice a week before the file-by date of III.3")],
    },
    fileBy: { before: "P30D", source: "services-2026-06-leadtimes.tsv III.3" },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("petrol-retail-certificate-reissue", "organisation", [
      { path: "outlet.address", label: { vi: "Địa chỉ cửa hàng", en: "Outlet address" }, source: "department-list" },
      { path: "outlet.supplier", label: { vi: "Thương nhân cung cấp xăng dầu", en: "Petrol supplier" }, source: "department-list" },
    ]),
  },
  {
    key: "food-safety-certificate-industry",
    name: {
      vi: "Cấp, cấp lại giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (Sở Công Thương)",
      en: "Issue or re-issue of the food safety certificate (Department of Industry and Trade)",
    },
    documentName: { vi: "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", en: "food safety certificate" },
    procedureCodes: [],
    leadAgency: AGENCIES.industryTrade,
    partners: partnersOf("Sở KH&CN; Viettel"),
    level: 2,
    sources: { planRows: [], leadTimeRows: ["III.1", "III.2"] },
    trigger: { kind: "document-expiry" },
    notices: {
      steps: [
        fromLeadTime("P6M", "III.1"),
        chosen("P3M", "default: III.1 gives one lead time; a second notice half-way, if nothing was filed"),
        chosen("P30D", "default: last call a month before expiry"),
      ],
    },
    fileBy: { before: "P6M", source: "services-2026-06-leadtimes.tsv III.1" },
    channels: ["oa", "zns", "sms"],
    templates: renewalReminder({ holder: "organisation", verb: REISSUE, draft: true }),
    draft: renewalDraft("food-safety-certificate-industry-reissue", "organisation", [
      { path: "facility.address", label: { vi: "Địa chỉ cơ sở sản xuất, kinh doanh", en: "Premises address" }, source: "department-list" },
      { path: "facility.products", label: { vi: "Nhóm sản phẩm", en: "Product groups" }, source: "department-list" },
    ]),
  },
];
