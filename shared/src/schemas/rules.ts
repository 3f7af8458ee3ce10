import { z } from "zod";
import { isoDate } from "./common.js";

export const vaccinationQuerySchema = z.object({ dob: isoDate });
export const vaccinationScheduleSchema = z.object({
  source: z.string(),
  version: z.string(),
  doses: z.array(z.object({ vaccine: z.string(), dose: z.number().int(), name: z.object({ vi: z.string(), en: z.string() }), dueOn: z.string(), latestOn: z.string().optional() })),
});

export const idCardQuerySchema = z
  .object({ dob: isoDate, issued: isoDate })
  .refine((q) => q.issued >= q.dob, { path: ["issued"], message: "must not be before the date of birth" });
export const idCardRenewalSchema = z.object({ renewBy: z.string().nullable(), milestoneAge: z.number().int().nullable(), source: z.string() });
