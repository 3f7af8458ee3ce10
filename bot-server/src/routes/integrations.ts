import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { birthCertificateAcceptedSchema, birthCertificateSchema, caseStatusCallbackSchema, errorEnvelopeSchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ReminderCatalogue } from "../services/reminder-catalogue.js";
import type { ServiceDeps } from "../deps.js";
import { machineAuth } from "../middleware/machine-auth.js";
import { receiveBirthCertificate } from "../services/birth-intake.js";
import { applyCaseStatus } from "../services/case-status.js";
import { validationHook } from "../validation-hook.js";

const errors = {
  401: { description: "No or unknown API key", content: { "application/json": { schema: errorEnvelopeSchema } } },
  403: { description: "The key's client may not call this endpoint", content: { "application/json": { schema: errorEnvelopeSchema } } },
  422: { description: "Invalid payload: each bad field named", content: { "application/json": { schema: errorEnvelopeSchema } } },
} as const;

const birthCertificateRoute = createRoute({
  method: "post",
  path: "/birth-certificates",
  tags: ["integrations"],
  summary: "Electronic birth certificate from a hospital (contract 1)",
  security: [{ apiKey: [] }],
  request: { body: { required: true, content: { "application/json": { schema: birthCertificateSchema } } } },
  responses: {
    201: { description: "Stored; draft prepared", content: { "application/json": { schema: birthCertificateAcceptedSchema } } },
    200: { description: "Already received with the same content: the same ids", content: { "application/json": { schema: birthCertificateAcceptedSchema } } },
    409: { description: "Already received with different content", content: { "application/json": { schema: errorEnvelopeSchema } } },
    ...errors,
  },
});

const caseStatusRoute = createRoute({
  method: "post",
  path: "/case-status",
  tags: ["integrations"],
  summary: "Status callback from the provincial case system (contract 3)",
  security: [{ apiKey: [] }],
  request: { body: { required: true, content: { "application/json": { schema: caseStatusCallbackSchema } } } },
  responses: {
    200: { description: "Applied (or a duplicate, ignored)", content: { "application/json": { schema: z.object({ duplicate: z.boolean(), applied: z.boolean() }) } } },
    404: { description: "Unknown case id", content: { "application/json": { schema: errorEnvelopeSchema } } },
    ...errors,
  },
});

/** Machine-client endpoints: hospitals and the case system. */
export function integrationRoutes(deps: ServiceDeps & { catalogue: ReminderCatalogue }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("/birth-certificates", machineAuth(deps.db, "birth-certificates"));
  app.use("/case-status", machineAuth(deps.db, "case-status"));

  app.openapi(birthCertificateRoute, (c) => {
    const r = receiveBirthCertificate(deps, { certificate: c.req.valid("json"), clientId: c.var.client.id, requestId: c.var.requestId });
    return c.json({ eventId: r.eventId, draftId: r.draftId }, r.created ? 201 : 200);
  });

  app.openapi(caseStatusRoute, (c) => {
    const r = applyCaseStatus(deps, c.req.valid("json"), { clientId: c.var.client.id, requestId: c.var.requestId });
    return c.json({ duplicate: r.duplicate, applied: r.applied }, 200);
  });
  return app;
}
