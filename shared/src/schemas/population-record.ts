import { z } from "zod";
import { isoDate, isoInstant } from "./common.js";
import { nationalIdDigits, personName, residenceSchema, vnPhone } from "./birth-certificate.js";
import { checkNationalId, NATIONAL_ID_PROBLEM_TEXT } from "../validation/national-id.js";

/** Contract 5: at most 1,000 records per batch (the platform splits larger changes). */
export const POPULATION_BATCH_MAX_RECORDS = 1000;

/**
 * One resident as the provincial data-sharing platform pushes them (contract 5, CSDLQG về dân cư).
 * Only `nationalId`, `fullName`, `dateOfBirth` and `updatedAt` are required; an absent block means
 * "not known", never "none".
 */
export const populationRecordSchema = z
  .object({
    nationalId: nationalIdDigits,
    fullName: personName,
    dateOfBirth: isoDate,
    sex: z.enum(["male", "female"], { message: "must be male or female" }).optional(),
    phone: vnPhone.optional(),
    residence: residenceSchema.optional(),
    idCard: z
      .object({
        number: z.string().regex(/^\d{12}$/, "must be the card's 12 digits"),
        issuedOn: isoDate,
        expiresOn: isoDate.optional(),
      })
      .optional(),
    temporaryResidence: z
      .object({
        wardCode: z.string().regex(/^\d{5}$/, "must be a 5-digit ward code"),
        registeredOn: isoDate.optional(),
        expiresOn: isoDate.optional(),
      })
      .optional(),
    householdInsurance: z
      .object({
        cardNo: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{10,15}$/, "must be a health insurance card number or social insurance number: 10 to 15 letters and digits, e.g. HG4727221234567"),
        expiresOn: isoDate,
      })
      .optional(),
    parents: z
      .array(z.object({ nationalId: nationalIdDigits, relationship: z.enum(["mother", "father", "guardian"], { message: "must be mother, father or guardian" }) }))
      .max(4, "must list at most 4 parents or guardians")
      .optional(),
    deceased: z.boolean().optional(),
    updatedAt: isoInstant,
  })
  .superRefine((r, ctx) => {
    // Cross-checked with the date of birth only when both are readable (their own checks name them otherwise).
    const id = nationalIdDigits.safeParse(r.nationalId).success && isoDate.safeParse(r.dateOfBirth).success ? checkNationalId(r.nationalId, { dateOfBirth: r.dateOfBirth, ...(r.sex ? { sex: r.sex } : {}) }) : { ok: true as const };
    if (!id.ok) ctx.addIssue({ code: "custom", path: ["nationalId"], message: NATIONAL_ID_PROBLEM_TEXT[id.reason] });
    if (r.idCard && r.idCard.issuedOn < r.dateOfBirth) ctx.addIssue({ code: "custom", path: ["idCard", "issuedOn"], message: "is before the date of birth" });
    if (r.idCard?.expiresOn && r.idCard.expiresOn <= r.idCard.issuedOn) ctx.addIssue({ code: "custom", path: ["idCard", "expiresOn"], message: "must be after issuedOn" });
    const tr = r.temporaryResidence;
    if (tr?.registeredOn && tr.expiresOn && tr.expiresOn <= tr.registeredOn) ctx.addIssue({ code: "custom", path: ["temporaryResidence", "expiresOn"], message: "must be after registeredOn" });
    if (r.parents?.some((p) => p.nationalId === r.nationalId)) ctx.addIssue({ code: "custom", path: ["parents"], message: "must not list the person as their own parent" });
  });

export type PopulationRecord = z.infer<typeof populationRecordSchema>;

/**
 * The batch envelope. Records are checked one by one (`populationRecordSchema`) so that the good
 * ones are kept when others are bad; the envelope itself failing is the only 422.
 */
export const populationBatchSchema = z.object({
  batchId: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").regex(/^[\p{L}\p{N}._:\/-]+$/u, "may hold letters, digits and . _ : / - only"),
  records: z.array(z.unknown()).min(1, "must hold at least one record").max(POPULATION_BATCH_MAX_RECORDS, `must hold at most ${POPULATION_BATCH_MAX_RECORDS} records; split the batch`),
});

export type PopulationBatch = z.infer<typeof populationBatchSchema>;

export const populationBatchResultSchema = z.object({
  batchId: z.string(),
  accepted: z.number().int(),
  unchanged: z.number().int(),
  stale: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), fields: z.array(z.object({ path: z.string(), message: z.string() })) })),
});

export type PopulationBatchResult = z.infer<typeof populationBatchResultSchema>;
