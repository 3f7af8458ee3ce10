import { z } from "zod";

/** One field that failed validation: a dotted path and the reason. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one error envelope every endpoint answers with (contracts.md, style.md rule 7). */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Turns zod issues into the envelope's `fields`, paths dotted (`mother.nationalId`). */
export function zodIssuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? p.toString() : String(p))).join(".") || "(body)",
    message: i.message,
  }));
}
