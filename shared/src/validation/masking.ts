/**
 * Masks personal identifiers in free text before it is logged or shown (Law 91/2025/QH15: least
 * data; the project rule: mask ID numbers and phones in logs). 12-digit ID numbers, health insurance
 * card numbers (2 letters and 13 digits, the last 10 the holder's social insurance number), mobile
 * numbers in any common form, and a social insurance number on its own (10 digits that are not a
 * phone number) keep their last 3 digits.
 */
const ID_NUMBER = /(?<!\d)\d{9}(\d{3})(?!\d)/g;
const HEALTH_INSURANCE_CARD = /(?<![\p{L}\d])[A-Z]{2}\d{10}(\d{3})(?![\p{L}\d])/gu;
const PHONE = /(?<![\d+])(?:\+?84|0)(?:[\s.]?\d){6}((?:[\s.]?\d){3})(?!\d)/g;
/** Exactly 10 digits not masked as a phone before: a social insurance number (mã số BHXH). */
const SOCIAL_INSURANCE_NUMBER = /(?<![\d*])\d{7}(\d{3})(?!\d)/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(HEALTH_INSURANCE_CARD, "************$1")
    .replace(ID_NUMBER, "*********$1")
    .replace(PHONE, (_m, last: string) => `*******${last.replace(/[\s.]/g, "")}`)
    .replace(SOCIAL_INSURANCE_NUMBER, "*******$1");
}

/**
 * Masks a value known to identify someone (an ID, card or social insurance number), whatever its
 * form: every character but the last 3 hidden, as `maskPersonalData` shows the ones it recognises.
 */
export function maskIdentifier(value: string): string {
  const shown = value.length > 3 ? value.slice(-3) : "";
  return "*".repeat(value.length - shown.length) + shown;
}

/** Deep copy of a log object with every string masked. Keys are kept; numbers are left alone. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[depth]";
  if (typeof value === "string") return maskPersonalData(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value && typeof value === "object") {
    if (value instanceof Error) return { type: value.name, message: maskPersonalData(value.message), stack: value.stack ? maskPersonalData(value.stack) : undefined };
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
    return out;
  }
  return value;
}
