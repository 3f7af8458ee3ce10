import { z } from "zod";
import { localisedTextSchema } from "./citizen-api.js";

/** One line of procedure guidance; `source: null` when no official text backs it (it defers to the agency). */
export const guidanceLineViewSchema = z.object({ vi: z.string(), en: z.string(), source: z.string().nullable() });

/** `GET /api/services/{key}/guidance`: what a citizen needs to carry out a procedure themselves. */
export const procedureGuidanceSchema = z.object({
  service: z.string(),
  serviceName: localisedTextSchema,
  agency: localisedTextSchema,
  /** The plan's proactivity level (1 remind, 2 prepared draft, 3 submitted after consent, 4 automatic). */
  level: z.number().int().min(1).max(4),
  /** Every national procedure code the plan names for the service (search keys on the portal). */
  procedureCodes: z.array(z.string()),
  portalUrl: z.string(),
  papers: z.array(guidanceLineViewSchema),
  fee: guidanceLineViewSchema,
  where: z.array(guidanceLineViewSchema),
  duration: guidanceLineViewSchema,
  deadline: guidanceLineViewSchema.nullable(),
  result: guidanceLineViewSchema.nullable(),
});
export type ProcedureGuidance = z.infer<typeof procedureGuidanceSchema>;

export const serviceKeyParamSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a catalogue service key (kebab-case)").max(80, "must be at most 80 characters"),
});
