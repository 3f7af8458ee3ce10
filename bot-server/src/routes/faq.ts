import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { errorEnvelopeSchema, faqAskRequestSchema, faqAskResponseSchema } from "@hccd/shared";
import type { ServiceDeps } from "../deps.js";
import { askFaq } from "../services/chat/faq-ask.js";
import type { AppEnv } from "../env.js";
import type { FaqService } from "../faq/types.js";
import { validationHook } from "../validation-hook.js";

const askRoute = createRoute({
  method: "post",
  path: "/ask",
  tags: ["faq"],
  summary: "Answer a question from the FAQ (Vietnamese as typed on phones, or English)",
  request: { body: { required: true, content: { "application/json": { schema: faqAskRequestSchema } } } },
  responses: {
    200: {
      description: "Matches, best first; `answered` is false below the confidence threshold, and for a request for a person (`asksForPerson`)",
      content: { "application/json": { schema: faqAskResponseSchema } },
    },
    422: { description: "No question", content: { "application/json": { schema: errorEnvelopeSchema } } },
  },
});

/** The FAQ for the Mini App and other clients; the bot uses the same engine. */
export function faqRoutes(deps: Pick<ServiceDeps, "db" | "now"> & { faq: FaqService }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(askRoute, async (c) => {
    const { question, lang, source } = c.req.valid("json");
    return c.json(await askFaq(deps, { question, language: lang ?? "vi", channel: source ?? "api" }), 200);
  });
  return app;
}
