/**
 * Vietnamese mobile numbers: 10 digits starting 0 with a mobile prefix (03x, 05x, 07x, 08x, 09x),
 * or the international form 84 + 9 digits (domain/facts.md "Phones and names"). Zalo's ZNS API and
 * `user_submit_info` use the `84…` form, so that is the stored form.
 */
export type PhoneCheck = { ok: true; value: string } | { ok: false; reason: "not_a_phone_number" | "not_a_mobile_number" };

const MOBILE_PREFIXES = new Set(["3", "5", "7", "8", "9"]);

/** Normalises any common way of writing a Vietnamese mobile number to `84xxxxxxxxx`. */
export function normalizeVnPhone(input: string): PhoneCheck {
  const compact = input.trim().replace(/[\s.\-()]/g, "");
  let national: string;
  if (/^\+84\d{9}$/.test(compact)) national = compact.slice(3);
  else if (/^84\d{9}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d{9}$/.test(compact)) national = compact.slice(1);
  else return { ok: false, reason: "not_a_phone_number" };
  if (!MOBILE_PREFIXES.has(national[0] ?? "")) return { ok: false, reason: "not_a_mobile_number" };
  return { ok: true, value: `84${national}` };
}

/** `84912345678` → `0912 345 678`, the way Vietnamese people write their own number. */
export function formatVnPhone(phone84: string): string {
  const n = `0${phone84.slice(2)}`;
  return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
}

/** Keeps the last 3 digits only (`84*******678`): for logs and screens that only need a hint. */
export function maskPhone(phone: string): string {
  return phone.length <= 3 ? "***" : `${phone.slice(0, 2)}${"*".repeat(phone.length - 5)}${phone.slice(-3)}`;
}
