import { describe, expect, it } from "vitest";
import { detectPaymentMistake } from "./payment-mistake-request.js";

describe("detectPaymentMistake: a message saying a payment notice is wrong (what a ZNS or SMS recipient writes, having no button)", () => {
  it.each([
    "Báo thông tin chưa đúng",
    "thông tin chưa đúng",
    "Số tiền Tết của tôi bị sai",
    "so tien tro cap sai roi",
    "số tài khoản trong thông báo không đúng",
    "tên ngân hàng bị nhầm",
    "thiếu tiền trợ cấp tết của bố tôi",
    "thong bao chi tra ghi sai ngay sinh",
  ])("a report: %s", (text) => {
    expect(detectPaymentMistake(text)).toBe(true);
  });

  it.each([
    "đăng ký khai sinh sai tên con thì sửa thế nào", // a mistake, but not about a payment
    "khi nào được nhận tiền tết", // about the payment, no mistake
    "cảm ơn, thông tin rất rõ",
    "gặp cán bộ",
    "",
  ])("not a report: %s", (text) => {
    expect(detectPaymentMistake(text)).toBe(false);
  });
});
