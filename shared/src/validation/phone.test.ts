import { describe, expect, it } from "vitest";
import { formatVnPhone, maskPhone, normalizeVnPhone } from "./phone.js";

// domain/facts.md "Phones and names": 10 digits starting 0 (09x, 08x, 07x, 05x, 03x) or 84 + 9 digits.
describe("normalizeVnPhone", () => {
  it.each([
    ["0912345678", "84912345678"],
    ["+84 912 345 678", "84912345678"],
    ["84912345678", "84912345678"],
    ["0912.345.678", "84912345678"],
    ["(091) 234-5678", "84912345678"],
    ["0387654321", "84387654321"],
    ["0567654321", "84567654321"],
    ["0707654321", "84707654321"],
    ["0887654321", "84887654321"],
  ])("%s → %s", (input, out) => {
    expect(normalizeVnPhone(input)).toEqual({ ok: true, value: out });
  });

  it.each([
    ["091234567", "not_a_phone_number"],
    ["09123456789", "not_a_phone_number"],
    ["abc", "not_a_phone_number"],
    ["", "not_a_phone_number"],
    ["0212345678", "not_a_mobile_number"], // 02x is a landline area code
    ["0112345678", "not_a_mobile_number"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(normalizeVnPhone(input)).toEqual({ ok: false, reason });
  });

  it("formats and masks the stored form", () => {
    expect(formatVnPhone("84912345678")).toBe("0912 345 678");
    expect(maskPhone("84912345678")).toBe("84******678");
  });
});
