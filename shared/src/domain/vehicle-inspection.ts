import { addDays } from "./vietnam-time.js";

/**
 * Vehicle inspection reminder: seed 000 (the province's health and digital services plan), row 5 —
 * "Từ dữ liệu đăng kiểm quốc gia, hệ thống gửi nhắc trước 30 ngày, kèm lịch đặt hẹn" (from the
 * national inspection data, remind 30 days ahead, with booking). The inspection cycle itself is
 * the registry's (Thông tư 47/2024/TT-BGTVT): we take the certificate's expiry as given.
 */
export const VEHICLE_INSPECTION_NOTICE_DAYS = 30;

/** The day the reminder for a certificate expiring on `expiresOn` goes out. */
export function vehicleInspectionNoticeOn(expiresOn: string): string {
  return addDays(expiresOn, -VEHICLE_INSPECTION_NOTICE_DAYS);
}

/**
 * Whether a vehicle may still be driven on `today` under a certificate expiring on `expiresOn`
 * (valid through its expiry day).
 */
export function vehicleInspectionValid(expiresOn: string, today: string): boolean {
  return today <= expiresOn;
}
