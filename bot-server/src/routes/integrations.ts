import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { birthCertificateAcceptedSchema, birthCertificateSchema, caseStatusCallbackSchema, deathNoticeAcceptedSchema, deathNoticeSchema, errorEnvelopeSchema, populationBatchResultSchema, populationBatchSchema } from "@hccd/shared";
import { POPULATION_MAX_BODY_BYTES } from "../request-limits.js";
import { receivePopulationBatch } from "../services/population/population-intake.js";
import { receiveDeathNotice } from "../services/birth-death/death-intake.js";
import type { AppEnv } from "../env.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import type { ServiceDeps } from "../deps.js";
import { machineAuth } from "../middleware/machine-auth.js";
import { receiveBirthCertificate } from "../services/birth-death/birth-intake.js";
import { applyCaseStatus } from "../services/dossiers/case-status.js";
import { validationHook } from "../validation-hook.js";
import { validationFailed } from "../errors.js";
import { submittedAttachment } from "../services/dossiers/case-dossier.js";

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

const deathNoticeRoute = createRoute({
  method: "post",
  path: "/death-notices",
  tags: ["integrations"],
  summary: "Death notice from a hospital or an authority (contract 2); prepares the draft for the informant, never files it",
  security: [{ apiKey: [] }],
  request: { body: { required: true, content: { "application/json": { schema: deathNoticeSchema } } } },
  responses: {
    201: { description: "Stored; draft prepared", content: { "application/json": { schema: deathNoticeAcceptedSchema } } },
    200: { description: "Already received with the same content: the same ids", content: { "application/json": { schema: deathNoticeAcceptedSchema } } },
    409: { description: "Already received with different content", content: { "application/json": { schema: errorEnvelopeSchema } } },
    ...errors,
  },
});

const populationRecordsRoute = createRoute({
  method: "post",
  path: "/population-records",
  tags: ["integrations"],
  summary: "Residents from the provincial data-sharing platform (contract 5): at most 1,000 per batch; good records are kept when others are bad",
  security: [{ apiKey: [] }],
  request: { body: { required: true, content: { "application/json": { schema: populationBatchSchema } } } },
  responses: {
    200: { description: "Counts of accepted, unchanged and stale records, and each rejected one by index and field (the same batch again: the same answer)", content: { "application/json": { schema: populationBatchResultSchema } } },
    409: { description: "The batch id was sent before with other records and is not stored whole yet (`batchId` named)", content: { "application/json": { schema: errorEnvelopeSchema } } },
    413: { description: `The body is larger than ${POPULATION_MAX_BODY_BYTES} bytes`, content: { "application/json": { schema: errorEnvelopeSchema } } },
    ...errors,
  },
});

const attachmentRoute = createRoute({
  method: "get",
  path: "/attachments/{id}",
  tags: ["integrations"],
  summary: "A paper a citizen attached to a consented dossier (the url in contract 3's attachments)",
  security: [{ apiKey: [] }],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The file as uploaded", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
    404: { description: "No such attachment, or its dossier was never consented to", content: { "application/json": { schema: errorEnvelopeSchema } } },
    401: errors[401],
    403: errors[403],
  },
});

/** Machine-client endpoints: hospitals and the case system. */
export function integrationRoutes(deps: ServiceDeps & { catalogue: ReminderCatalogue; onPopulationStored?: () => void }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("/birth-certificates", machineAuth(deps.db, "birth-certificates"));
  app.use("/case-status", machineAuth(deps.db, "case-status"));
  app.use("/death-notices", machineAuth(deps.db, "death-notices"));
  app.use("/population-records", machineAuth(deps.db, "population-records"), async function readableBatch(c, next) {
    // Contract 5 answers an unreadable body with 422, like a batch too large to read. A batch is up
    // to 2 MB: it is parsed once, here, and the validator after is handed what was parsed (Hono's
    // own \`json()\` parses the text again at each call; a parse is milliseconds the webhooks wait).
    let parsed: unknown;
    try {
      parsed = JSON.parse(await c.req.text());
    } catch {
      throw validationFailed([{ path: "(body)", message: "is not valid JSON" }], "The batch is not readable");
    }
    c.req.json = <T>() => Promise.resolve(parsed as T);
    await next();
  });
  // The case system fetches the papers of the dossiers it received, with its own key.
  app.use("/attachments/*", machineAuth(deps.db, "case-status"));

  app.openapi(deathNoticeRoute, async (c) => {
    const r = await receiveDeathNotice(deps, { notice: c.req.valid("json"), clientId: c.var.client.id, requestId: c.var.requestId });
    return c.json({ eventId: r.eventId, draftId: r.draftId }, r.created ? 201 : 200);
  });

  app.openapi(attachmentRoute, async (c) => {
    const file = await submittedAttachment(deps, c.req.valid("param").id);
    return c.body(new Uint8Array(file.bytes), 200, { "content-type": file.mediaType, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`, "x-content-sha256": file.sha256 });
  });

  app.openapi(birthCertificateRoute, async (c) => {
    const r = await receiveBirthCertificate(deps, { certificate: c.req.valid("json"), clientId: c.var.client.id, requestId: c.var.requestId });
    return c.json({ eventId: r.eventId, draftId: r.draftId }, r.created ? 201 : 200);
  });

  app.openapi(populationRecordsRoute, async (c) => {
    const result = await receivePopulationBatch(deps, { batch: c.req.valid("json"), clientId: c.var.client.id, requestId: c.var.requestId });
    if (result.accepted > 0) deps.onPopulationStored?.();
    return c.json(result, 200);
  });

  app.openapi(caseStatusRoute, async (c) => {
    const r = await applyCaseStatus(deps, c.req.valid("json"), { clientId: c.var.client.id, requestId: c.var.requestId });
    return c.json({ duplicate: r.duplicate, applied: r.applied }, 200);
  });
  return app;
}
