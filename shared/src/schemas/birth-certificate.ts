import { z } from "zod";
import { isoDate, isoInstant, nfcText } from "./common.js";
import { checkNationalId, NATIONAL_ID_PROBLEM_TEXT } from "../validation/national-id.js";
import { normalizeVnPhone } from "../validation/phone.js";
import { normalizeName } from "../validation/name.js";

/** A personal name: NFC, `Ð` read as `Đ`, spaces folded. */
export const personName = z
  .string()
  .transform(normalizeName)
  .pipe(z.string().min(2, "must have at least 2 characters").max(100, "must be at most 100 characters"));

/** A Vietnamese mobile number in any common form, stored as `84…`. */
export const vnPhone = z.string().transform((s, ctx) => {
  const r = normalizeVnPhone(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.reason === "not_a_mobile_number" ? "is not a Vietnamese mobile number (03x, 05x, 07x, 08x, 09x)" : "is not a phone number (e.g. 0912345678 or +84 912 345 678)" });
    return z.NEVER;
  }
  return r.value;
});

export const nationalIdDigits = z.string().regex(/^\d{12}$/, NATIONAL_ID_PROBLEM_TEXT.not_12_digits);

export const facilitySchema = z.object({
  code: nfcText(50),
  name: nfcText(200),
});

export const residenceSchema = z.object({
  wardCode: z.string().regex(/^\d{5}$/, "must be a 5-digit ward code"),
  address: nfcText(300),
});

const parentBase = z.object({
  fullName: personName,
  dateOfBirth: isoDate,
  nationalId: nationalIdDigits,
  ethnicity: nfcText(50),
  nationality: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 two-letter country code, e.g. VN"),
  residence: residenceSchema.optional(),
  phone: vnPhone.optional(),
});

/** Checks the ID number's province, century and year digits against the parent's date of birth. */
function checkParentId(parent: { nationalId: string; dateOfBirth: string }, ctx: z.RefinementCtx, sex?: "male" | "female") {
  const r = checkNationalId(parent.nationalId, { dateOfBirth: parent.dateOfBirth, ...(sex ? { sex } : {}) });
  if (!r.ok) ctx.addIssue({ code: "custom", path: ["nationalId"], message: NATIONAL_ID_PROBLEM_TEXT[r.reason] });
}

/**
 * Run the ID cross-check even when other fields of the parent are wrong (zod skips refinements on
 * an object with issues unless told otherwise), so that one answer names every bad field.
 */
const idAndBirthDateReadable = (payload: { value: unknown }) => {
  const v = payload.value as { nationalId?: unknown; dateOfBirth?: unknown } | undefined;
  return nationalIdDigits.safeParse(v?.nationalId).success && isoDate.safeParse(v?.dateOfBirth).success;
};

export const birthMotherSchema = parentBase
  .extend({ residence: residenceSchema })
  .superRefine((m, ctx) => checkParentId(m, ctx, "female"), { when: idAndBirthDateReadable });

export const birthFatherSchema = parentBase.superRefine((f, ctx) => checkParentId(f, ctx, "male"), { when: idAndBirthDateReadable });

/**
 * Contract 1: the hospital's electronic birth certificate (giấy chứng sinh), `POST
 * /api/integrations/birth-certificates`. Field names are fixed (contracts.md); optional fields may
 * be added, never renamed. Content per TT 22/2025/TT-BYT (formerly TT 56/2017/TT-BYT).
 */
export const birthCertificateSchema = z
  .object({
    certificateNo: z.string().trim().min(3, "must have at least 3 characters").max(64, "must be at most 64 characters"),
    issuedAt: isoInstant,
    facility: facilitySchema,
    child: z.object({
      sex: z.enum(["male", "female"], { message: "must be male or female" }),
      bornAt: isoInstant,
      weightGrams: z.number().int("must be a whole number of grams").min(200, "must be at least 200 g").max(8000, "must be at most 8000 g").optional(),
      plannedName: personName.optional(),
      birthType: z.enum(["single", "twins", "multiple"], { message: "must be single, twins or multiple" }),
    }),
    mother: birthMotherSchema,
    father: birthFatherSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (Date.parse(c.child.bornAt) > Date.parse(c.issuedAt)) {
      ctx.addIssue({ code: "custom", path: ["child", "bornAt"], message: "must not be after issuedAt" });
    }
    if (c.mother.dateOfBirth >= c.child.bornAt.slice(0, 10)) {
      ctx.addIssue({ code: "custom", path: ["mother", "dateOfBirth"], message: "must be before the child's birth" });
    }
  });

export type BirthCertificateInput = z.input<typeof birthCertificateSchema>;
export type BirthCertificate = z.output<typeof birthCertificateSchema>;

/** `201`/`200` answer to a birth certificate. */
export const birthCertificateAcceptedSchema = z.object({
  eventId: z.string(),
  draftId: z.string(),
});
export type BirthCertificateAccepted = z.infer<typeof birthCertificateAcceptedSchema>;
