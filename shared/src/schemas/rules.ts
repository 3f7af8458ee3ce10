import { z } from "zod";
import { isoDate } from "./common.js";

/**
 * A date in a person's life: a real calendar date from 1900 to 2199. The rules add years to it
 * (doses, ID card milestones at 25, 40, 60), and year 9999 plus 60 is no date JavaScript can write.
 */
const lifeDate = isoDate.pipe(z.string().refine((s) => s >= "1900-01-01" && s <= "2199-12-31", "must be between 1900-01-01 and 2199-12-31"));

export const vaccinationQuerySchema = z.object({ dob: lifeDate });
export const vaccinationScheduleSchema = z.object({
  source: z.string(),
  version: z.string(),
  doses: z.array(z.object({ vaccine: z.string(), dose: z.number().int(), name: z.object({ vi: z.string(), en: z.string() }), dueOn: z.string(), latestOn: z.string().optional() })),
});

export const idCardQuerySchema = z
  .object({ dob: lifeDate, issued: lifeDate })
  .refine((q) => q.issued >= q.dob, { path: ["issued"], message: "must not be before the date of birth" });
export const idCardRenewalSchema = z.object({ renewBy: z.string().nullable(), milestoneAge: z.number().int().nullable(), source: z.string() });
