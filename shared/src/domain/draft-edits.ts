import type { DraftFields, DraftField } from "./draft.js";
import { normalizeName } from "../validation/name.js";
import { normalizeVnPhone } from "../validation/phone.js";
import type { FieldError } from "../schemas/error.js";

/** The most copies of a civil-status extract one request may ask for. */
export const MAX_COPIES = 20;

export type EditResult = { ok: true; fields: DraftFields; changed: string[] } | { ok: false; errors: FieldError[] };

function validateValue(f: DraftField, raw: unknown, ctx: { wardCodes: ReadonlySet<string> }): { value: string | number | null } | { message: string } {
  if (raw === null || raw === "") return f.required ? { message: "is required" } : { value: null };
  switch (f.kind) {
    case "count": {
      if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw > MAX_COPIES) return { message: `must be a whole number from 0 to ${MAX_COPIES}` };
      return { value: raw };
    }
    case "ward": {
      if (typeof raw !== "string" || !ctx.wardCodes.has(raw)) return { message: "must be a ward of the province" };
      return { value: raw };
    }
    case "date": {
      if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { message: "must be a date written YYYY-MM-DD" };
      return { value: raw };
    }
    case "sex": {
      if (raw !== "male" && raw !== "female") return { message: "must be male or female" };
      return { value: raw };
    }
    case "name": {
      if (typeof raw !== "string") return { message: "must be text" };
      const v = normalizeName(raw);
      if (v.length < 2) return { message: "must have at least 2 characters" };
      if (v.length > 100) return { message: "must be at most 100 characters" };
      if (!/^[\p{L}\p{M}' -]+$/u.test(v)) return { message: "may contain only letters, spaces, hyphens and apostrophes" };
      return { value: v };
    }
    case "datetime": {
      if (typeof raw !== "string" || Number.isNaN(Date.parse(raw)) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) return { message: "must be a date and time (ISO 8601)" };
      return { value: raw };
    }
    case "phone": {
      if (typeof raw !== "string") return { message: "must be a phone number" };
      const r = normalizeVnPhone(raw);
      if (!r.ok) return { message: "must be a Vietnamese mobile number, e.g. 0912345678" };
      return { value: `0${r.value.slice(2)}` };
    }
    case "select": {
      if (typeof raw !== "string" || !(f.options ?? []).includes(raw)) return { message: `must be one of: ${(f.options ?? []).join(", ")}` };
      return { value: raw };
    }
    case "text": {
      if (typeof raw !== "string") return { message: "must be text" };
      const v = raw.normalize("NFC").replace(/\s+/g, " ").trim();
      if (v.length === 0) return f.required ? { message: "is required" } : { value: null };
      if (v.length > 200) return { message: "must be at most 200 characters" };
      return { value: v };
    }
  }
}

/**
 * Applies a citizen's edits to a draft. Only editable fields may change; every problem is reported
 * with the field's key, and nothing is applied unless every edit is valid. Changed fields take the
 * source `citizen`, unless the new value is one the records proposed (then its source stays).
 */
export function applyDraftEdits(fields: DraftFields, changes: Record<string, unknown>, ctx: { wardCodes: ReadonlySet<string> }): EditResult {
  const errors: FieldError[] = [];
  const next: DraftFields = { ...fields };
  const changed: string[] = [];
  for (const [key, raw] of Object.entries(changes)) {
    const f = fields[key];
    if (!f) {
      errors.push({ path: `changes.${key}`, message: "is not a field of this draft" });
      continue;
    }
    if (!f.editable) {
      errors.push({ path: `changes.${key}`, message: "cannot be changed here: it comes from an official record" });
      continue;
    }
    const r = validateValue(f, raw, ctx);
    if ("message" in r) {
      errors.push({ path: `changes.${key}`, message: r.message });
      continue;
    }
    if (r.value === f.value) continue;
    const { sourceRef: _dropped, sourceOf: _previous, ...rest } = f;
    // A proposed value (the other parent's hometown) keeps the record it comes from.
    const proposal = f.proposals?.find((p) => p.value === r.value);
    next[key] = proposal ? { ...rest, value: proposal.value, source: proposal.source, sourceOf: proposal.sourceOf } : { ...rest, value: r.value, source: r.value === null ? null : "citizen" };
    changed.push(key);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, fields: next, changed };
}
