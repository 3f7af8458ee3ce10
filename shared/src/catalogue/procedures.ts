import type { ProcedureAction, ServiceProcedures } from "./schema.js";

/**
 * Which national procedure (Cổng Dịch vụ công quốc gia code) a prepared dossier is filed under,
 * per service and per action, each with the row of the province's lists that names it. A service
 * whose rows name several codes without saying which one is for what is `unconfirmed`: no code is
 * guessed for it (a wrong code sends the dossier to the wrong procedure), so nothing of it is
 * submitted by us and the guidance lists the candidates for the citizen to check with the agency.
 *
 * Kept beside the service files, not in them, so that each service's procedure is read in one place.
 */

const PLAN = "services-plan-920.tsv";
const row = (n: number, text: string) => `${PLAN} row ${n}: “${text}”`;

/** A code the plan row names for exactly this action. */
const code = (action: ProcedureAction, value: string, source: string) => ({ action, code: value, source });

export const SERVICE_PROCEDURES: Record<string, ServiceProcedures> = {
  // Civil status: the procedure codes of facts.md (Luật Hộ tịch; plan rows 58–59).
  "birth-registration": {
    draftAction: "new",
    codes: [code("new", "1.001193", `${row(58, "Đăng ký khai sinh (mã thủ tục 1.001193)")}; domain/facts.md`)],
    forwardedAfterConsent: row(58, "Sau khi người dân xác nhận thông tin, hệ thống HCC chủ động sẽ đẩy dữ liệu sang Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"),
  },
  "death-registration": {
    draftAction: "new",
    codes: [code("new", "1.000656", `${row(59, "Đăng ký khai tử (mã thủ tục 1.000656)")}; domain/facts.md`)],
    forwardedAfterConsent: row(59, "Sau khi người dân (thân nhân) … xác nhận thông tin, hệ thống HCCĐ sẽ đẩy dữ liệu sang Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"),
  },

  // Plan rows 11–12 give the petrol certificate two codes: 2.000648 for the issue (row 11 "cấp"),
  // 2.000647 for the re-issue (row 12 "Cấp lại"). The reminder's draft is a re-issue.
  "petrol-retail-certificate": {
    draftAction: "reissue",
    codes: [
      code("new", "2.000648", row(11, "Nhắc hạn cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu (mã thủ tục: 2.000648)")),
      code("reissue", "2.000647", row(12, "Gợi ý thủ tục Cấp lại Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu (mã thủ tục: 2.000647)")),
    ],
  },
  "tour-guide-card": { draftAction: "renew", codes: [code("renew", "1.004614", row(10, "Gợi ý thực hiện thủ tục gia hạn, cấp lại thẻ hướng dẫn viên du lịch (mã thủ tục: 1.004614)"))] },
  "tourist-accommodation-rating": { draftAction: "renew", codes: [code("renew", "1.004594", row(50, "Gợi ý thực hiện công nhận hạng cơ sở lưu trú du lịch … (mã thủ tục: 1.004594)"))] },
  "heritage-conservation-practising-certificate": { draftAction: "reissue", codes: [code("reissue", "1.002003", row(44, "Gợi ý thực hiện thủ tục cấp lại Chứng chỉ hành nghề bảo quản, tu bổ, phục hồi di tích (mã thủ tục: 1.002003)"))] },
  "heritage-conservation-business-certificate": { draftAction: "reissue", codes: [code("reissue", "2.001641", row(46, "Gợi ý thực hiện thủ tục cấp lại Giấy chứng nhận đủ điều kiện hành nghề bảo quản, tu bổ, phục hồi di tích (mã thủ tục: 2.001641)"))] },
  "news-website-licence": { draftAction: "renew", codes: [code("renew", "2.001091", row(48, "Gợi ý thực hiện thủ tục gia hạn giấy phép thiết lập trang thông tin điện tử tổng hợp (địa phương) (mã thủ tục: 2.001091)"))] },
  "tourist-vehicle-sign": { draftAction: "reissue", codes: [code("reissue", "1.014192", row(8, "Gợi ý thực hiện thủ tục cấp lại biển hiệu phương tiện vận tải khách du lịch (mã thủ tục 1.014192)"))] },
  "transport-vehicle-badge": { draftAction: "reissue", codes: [code("reissue", "2.002288", row(23, "Cấp, cấp lại Phù hiệu cho xe ô tô, xe bốn bánh có gắn động cơ kinh doanh vận tải (mã thủ tục: 2.002288)"))] },
  "driver-training-vehicle-licence": { draftAction: "reissue", codes: [code("reissue", "1.001751", row(25, "Cấp bổ sung xe tập lái, cấp lại Giấy phép xe tập lái (trường hợp cấp lại) (mã thủ tục: 1.001751)"))] },
  "vehicle-inspection": { draftAction: "reissue", codes: [code("reissue", "1.013092", row(5, "Cấp lại Giấy chứng nhận kiểm định, Tem kiểm định … (mã thủ tục 1.013092)"))] },
  "animal-feed-certificate": { draftAction: "reissue", codes: [code("reissue", "1.008127", row(31, "Gợi ý thực hiện thủ tục gia hạn, cấp lại giấy chứng nhận đủ điều kiện sản xuất, kinh doanh thức ăn chăn nuôi (mã thủ tục: 1.008127)"))] },

  // The rows name several codes for "gia hạn, cấp lại" together: which one is the renewal is not said.
  "veterinary-practising-certificate": { draftAction: "renew", codes: [], unconfirmed: "plan rows 33–34 name 2.001064 and 1.005319 for renewal and re-issue together, without saying which is which" },
  "veterinary-practice-conditions-certificate": { draftAction: "renew", codes: [], unconfirmed: "plan rows 28–29 name four codes (2.001064, 1.004734, 1.004756, 1.005319) for renewal and re-issue together" },
  "employment-service-licence": { draftAction: "renew", codes: [], unconfirmed: "plan rows 16–17 name 2.002826 and 2.002825 for renewal and re-issue together" },
  "foreign-work-permit": { draftAction: "renew", codes: [], unconfirmed: "plan rows 18–19 name 1.014200 and 1.014201 for the extension without saying which applies" },
  "labour-subleasing-licence": { draftAction: "renew", codes: [], unconfirmed: "plan rows 20–21 name 1.000448 and 1.000464 for renewal and re-issue together" },
  "tourism-service-standard": { draftAction: "renew", codes: [], unconfirmed: "plan rows 39–40 name five codes, one per kind of business, without the mapping from kind to code" },

  // The sources give no procedure code at all.
  "medical-practising-certificate": { draftAction: "renew", codes: [], unconfirmed: "plan rows 13–14 give no procedure code" },
  "medical-facility-licence": { draftAction: "reissue", codes: [], unconfirmed: "plan row 15 gives no procedure code" },
  "security-service-certificate": { draftAction: "renew", codes: [], unconfirmed: "plan rows 26–27, 41–42 give no procedure code" },
  "food-safety-certificate-industry": { draftAction: "reissue", codes: [], unconfirmed: "lead-time rows III.1–III.2 give no procedure code" },
  "veterinary-drug-trading-certificate": { draftAction: "renew", codes: [], unconfirmed: "lead-time row VI.3 gives no procedure code" },
  "radio-frequency-licence": { draftAction: "renew", codes: [], unconfirmed: "lead-time row V.1 gives no procedure code" },
  "radiation-work-licence": { draftAction: "renew", codes: [], unconfirmed: "plan row 52 and lead-time row V.2 give no procedure code" },
  "iso-9001-consulting-certificate": { draftAction: "reissue", codes: [], unconfirmed: "lead-time row V.3 gives no procedure code" },
  "household-health-insurance": { draftAction: "renew", codes: [], unconfirmed: "plan row 6 gives no procedure code (the renewal is a payment to BHXH)" },
  "child-id-card": { draftAction: "new", codes: [], unconfirmed: "plan row 2 gives no procedure code" },
  "land-data-request": { draftAction: "new", codes: [], unconfirmed: "lead-time row VI.1 gives no procedure code" },
  "tet-allowance-meritorious": { draftAction: "new", codes: [], unconfirmed: "plan row 3 names no procedure: there is no application at all (“Không có đơn từ”)" },
  "child-vaccination": { draftAction: "new", codes: [], unconfirmed: "a vaccination appointment is not an administrative procedure (plan row 1)" },
};
