/**
 * The texts the FAQ answers rest on (domain/facts.md and the province's plans in shared/seeds).
 * One constant per text so that a changed law is corrected in one place.
 */
export const SOURCES = {
  plan920: "Kế hoạch 920/KH-UBND ngày 05/3/2026 của UBND tỉnh Tây Ninh (thí điểm dịch vụ hành chính công chủ động)",
  pilotList: "Danh mục dịch vụ công trực tuyến chủ động triển khai thí điểm (Phụ lục kế hoạch của UBND tỉnh Tây Ninh, tháng 6/2026)",
  healthPlan: "Kế hoạch 6259/KH-SYT ngày 11/6/2026 của Sở Y tế Tây Ninh",
  onlinePlan: "Kế hoạch của UBND tỉnh Tây Ninh ngày 16/6/2025 triển khai Đề án 1588 (Quyết định 1588/QĐ-TTg) về dịch vụ công trực tuyến",
  de06Plan: "Kế hoạch năm 2024 của Tổ Công tác Đề án 06 tỉnh Tây Ninh (Quyết định 06/QĐ-TTg)",
  hoTich: "Luật Hộ tịch 60/2014/QH13",
  canCuoc: "Luật Căn cước 26/2023/QH15",
  cuTru: "Luật Cư trú 68/2020/QH14",
  dataLaw: "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định 356/2025/NĐ-CP",
  linked: "Nghị định 63/2024/NĐ-CP (liên thông điện tử thủ tục hành chính)",
  healthInsurance: "Luật Bảo hiểm y tế; Nghị định 146/2018/NĐ-CP",
  vaccination: "Thông tư 10/2024/TT-BYT; Thông tư 52/2025/TT-BYT",
  zalo: "Quy định gửi tin của Zalo Official Account và ZNS; Kế hoạch 920/KH-UBND ngày 05/3/2026 của UBND tỉnh Tây Ninh",
  idNumber: "Nghị định 137/2015/NĐ-CP, Điều 13; Thông tư 07/2016/TT-BCA",
  merger: "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh)",
} as const;
