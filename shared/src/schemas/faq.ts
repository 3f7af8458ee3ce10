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
