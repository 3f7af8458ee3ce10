import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { errorEnvelopeSchema, procedureGuidanceSchema, serviceKeyParamSchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import { validationHook } from "../validation-hook.js";
import { guidanceOfService } from "../services/reference/procedure-guidance.js";

const guidanceRoute = createRoute({
  method: "get",
  path: "/{key}/guidance",
  tags: ["reference"],
  summary: "A catalogue service's procedure guidance: papers, fee, where and how to file, how long, with sources",
  request: { params: serviceKeyParamSchema },
  responses: {
    200: { description: "The guidance, in Vietnamese and English", content: { "application/json": { schema: procedureGuidanceSchema } } },
    404: { description: "No such service in the catalogue", content: { "application/json": { schema: errorEnvelopeSchema } } },
    422: { description: "The key is not a service key", content: { "application/json": { schema: errorEnvelopeSchema } } },
  },
});

/** The service catalogue's public reference data (no personal data: no sign-in). */
export function serviceRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(guidanceRoute, (c) => c.json(guidanceOfService(c.req.valid("param").key), 200));
  return app;
}
