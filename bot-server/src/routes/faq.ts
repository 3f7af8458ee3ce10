import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { errorEnvelopeSchema, faqAnswerSchema, faqAskRequestSchema, foldVietnamese } from "@hccd/shared";
import { logUnansweredQuestion, type Db } from "@hccd/db";
import type { AppEnv } from "../env.js";
import type { FaqService } from "../bot/context.js";
import { validationHook } from "../validation-hook.js";

const askRoute = createRoute({
  method: "post",
  path: "/ask",
  tags: ["faq"],
  summary: "Answer a question from the FAQ (Vietnamese as typed on phones, or English)",
  request: { body: { required: true, content: { "application/json": { schema: faqAskRequestSchema } } } },
  responses: {
    200: { description: "Matches, best first; `answered` is false below the confidence threshold", content: { "application/json": { schema: faqAnswerSchema } } },
    422: { description: "No question", content: { "application/json": { schema: errorEnvelopeSchema } } },
  },
});

/** The FAQ for the Mini App and other clients; the bot uses the same engine. */
export function faqRoutes(deps: { db: Db; faq: FaqService; now: () => Date }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(askRoute, (c) => {
    const { question, lang } = c.req.valid("json");
    const result = deps.faq.ask(question, lang ?? "vi");
    if (!result.answered) {
      logUnansweredQuestion(deps.db, {
        question,
        questionKey: foldVietnamese(question).slice(0, 200),
        language: lang ?? "vi",
        topScore: Math.round((result.matches[0]?.score ?? 0) * 100),
        topEntryId: result.matches[0]?.id ?? null,
        channel: "api",
        at: deps.now(),
      });
    }
    return c.json(result, 200);
  });
  return app;
}
