import { z } from "zod";

/** `POST /api/faq/ask` (design.md stable interface). */
export const faqAskRequestSchema = z.object({
  question: z.string().transform((s) => s.normalize("NFC").trim()).pipe(z.string().min(1, "must not be empty").max(500, "must be at most 500 characters")),
  lang: z.enum(["vi", "en"], { message: "must be vi or en" }).optional(),
  /** Where it was asked, for the FAQ indicators: the Mini App says `mini_app`; other clients `api` (the default). */
  source: z.enum(["api", "mini_app"], { message: "must be api or mini_app" }).optional(),
});

export const faqMatchSchema = z.object({ id: z.string(), question: z.string(), answer: z.string(), score: z.number() });
export const faqAnswerSchema = z.object({ answered: z.boolean(), matches: z.array(faqMatchSchema) });
export type FaqAnswer = z.infer<typeof faqAnswerSchema>;

/**
 * The response of `POST /api/faq/ask`: the stable `{answered, matches}`, and whether the question
 * asks for a person ("gặp cán bộ", "cho e gap nhan vien tu van"). Such a question is not answered
 * from the FAQ (`answered: false`); the client offers the OA chat (where an officer takes over) and
 * the 1022 hotline. Older servers did not send the flag: it reads as false.
 */
export const faqAskResponseSchema = faqAnswerSchema.extend({
  asksForPerson: z.boolean().default(false).describe("The question asks to talk to a person: offer the OA chat and the 1022 hotline instead of an FAQ answer"),
});
export type FaqAskResponse = z.infer<typeof faqAskResponseSchema>;
