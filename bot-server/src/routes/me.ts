import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  consentAcceptedSchema,
  consentRequestSchema,
  draftListSchema,
  draftViewSchema,
  dossierCopySchema,
  editDraftRequestSchema,
  errorEnvelopeSchema,
  formatVnPhone,
  linkPhoneRequestSchema,
  profileSchema,
  ratingRequestSchema,
  ratingSchema,
  settingsSchema,
  updateSettingsSchema,
  upcomingSchema,
  myDataSchema,
  consentWithdrawnSchema,
  consentListSchema,
  type Profile,
} from "@hccd/shared";
import { bodyLimit } from "hono/body-limit";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import { openRenewalDraft } from "../services/drafts/renewal-drafts.js";
import { ATTACHMENT_MAX_BYTES, uploadAttachment } from "../services/drafts/draft-attachments.js";
import { upcomingForCitizen } from "../services/citizens/upcoming.js";
import { settingsOf, updateSettings } from "../services/citizens/settings.js";
import { consentsOfCitizen, withdrawCitizenConsent } from "../services/citizens/consents.js";
import { myData } from "../services/citizens/my-data.js";
import { rateDossier } from "../services/dossiers/rating.js";
import type { AppEnv } from "../env.js";
import type { AppDeps, ServiceDeps } from "../deps.js";
import { citizenAuth } from "../middleware/citizen-auth.js";
import { createTokenCache, linkVerifiedPhone } from "../services/citizens/citizen-identity.js";
import type { ZaloUser } from "../services/citizens/zalo-users.js";
import { consentToDraft, editDraft, listDraftsForCitizen, openDraftForCitizen } from "../services/drafts/citizen-drafts.js";
import { dossierCopyFor } from "../services/drafts/dossier-copy.js";
import { DomainError } from "../errors.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const draftIdParam = z.object({ id: z.string().min(1).max(64) });

function profileOf(user: ZaloUser): Profile {
  const masked = user.phone ? formatVnPhone(user.phone).replace(/^(\d{4}) \d{3}/, "$1 ***") : null;
  return { zaloUserId: user.id, displayName: user.displayName, phoneLinked: Boolean(user.phone), phoneMasked: masked, language: user.language };
}

const meRoute = createRoute({ method: "get", path: "/", tags: ["citizen"], security: [{ zaloAccessToken: [] }], responses: { 200: json(profileSchema, "The signed-in citizen"), 401: err("No valid Zalo access token") } });
const linkPhoneRoute = createRoute({
  method: "post", path: "/phone", tags: ["citizen"], security: [{ zaloAccessToken: [] }],
  summary: "Link the phone number behind a one-time getPhoneNumber token",
  request: { body: { required: true, content: { "application/json": { schema: linkPhoneRequestSchema } } } },
  responses: { 200: json(profileSchema, "Phone linked"), 401: err("No valid Zalo access token"), 422: err("Invalid or expired phone token") },
});
const listDraftsRoute = createRoute({ method: "get", path: "/drafts", tags: ["citizen"], security: [{ zaloAccessToken: [] }], responses: { 200: json(draftListSchema, "Drafts the citizen is a party to"), 401: err("No valid Zalo access token") } });
const getDraftRoute = createRoute({
  method: "get", path: "/drafts/{id}", tags: ["citizen"], security: [{ zaloAccessToken: [] }],
  request: { params: draftIdParam },
  responses: { 200: json(draftViewSchema, "The draft with each field's source"), 401: err("No valid Zalo access token"), 404: err("No such draft, or not one of the child's parents") },
});
const dossierCopyRoute = createRoute({
  method: "get", path: "/drafts/{id}/copy", tags: ["citizen"], security: [{ zaloAccessToken: [] }],
  summary: "The copy of a confirmed dossier the citizen files themselves (level 2): fields, papers, the procedure's guidance and a reference",
  request: { params: draftIdParam },
  responses: {
    200: json(dossierCopySchema, "The dossier as confirmed, with where and how to file it"),
    401: err("No valid Zalo access token"), 404: err("No such draft, or not one of its parties"),
    409: err("not_confirmed: not confirmed yet, or changed since; filed_for_you: the system submits this dossier"),
  },
});
const editDraftRoute = createRoute({
  method: "patch", path: "/drafts/{id}", tags: ["citizen"], security: [{ zaloAccessToken: [] }],
  request: { params: draftIdParam, body: { required: true, content: { "application/json": { schema: editDraftRequestSchema } } } },
  responses: {
    200: json(draftViewSchema, "The edited draft (a consent given before is void)"),
    401: err("No valid Zalo access token"), 404: err("No such draft"),
    409: err("stale_draft: edited on an old version; already_submitted: too late to change"),
    422: err("Invalid values, or fields that cannot be changed"),
  },
});
const consentRoute = createRoute({
  method: "post", path: "/drafts/{id}/consent", tags: ["citizen"], security: [{ zaloAccessToken: [] }],
  summary: "Consent to exactly the content shown (its hash) and send the dossier",
  request: { params: draftIdParam, body: { required: true, content: { "application/json": { schema: consentRequestSchema } } } },
  responses: {
    201: json(consentAcceptedSchema, "Consent recorded; dossier queued for the case system"),
    200: json(consentAcceptedSchema, "The same consent again: nothing new recorded"),
    401: err("No valid Zalo access token"), 404: err("No such draft"),
    409: err("stale_draft: the content changed since it was shown"),
    422: err("draft_incomplete: required fields are open"),
  },
});

const sec = { tags: ["citizen"], security: [{ zaloAccessToken: [] }] };
const unauthorized = { 401: err("No valid Zalo access token") };
const upcomingRoute = createRoute({ method: "get", path: "/upcoming", ...sec, summary: "What is coming for me, my children and my organisations, soonest first", responses: { 200: json(upcomingSchema, "Drafts, documents nearing expiry and the next vaccinations"), ...unauthorized } });
const renewalDraftRoute = createRoute({
  method: "post", path: "/documents/{id}/draft", ...sec,
  summary: "Open the renewal draft of a document I hold (prepared on first call; the reminder's link lands here)",
  request: { params: draftIdParam },
  responses: { 201: json(draftViewSchema, "Prepared now"), 200: json(draftViewSchema, "Prepared before"), ...unauthorized, 404: err("No such document, or not mine"), 422: err("no_draft: the service prepares no application") },
});
const attachmentRoute = createRoute({
  method: "put", path: "/drafts/{id}/attachments/{key}", ...sec,
  summary: "Add the paper a draft asks for (PDF, JPEG or PNG, at most 5 MB; multipart field `file`)",
  request: { params: z.object({ id: z.string().min(1).max(64), key: z.string().regex(/^[a-z0-9-]+$/).max(64) }), body: { required: true, content: { "multipart/form-data": { schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }) } } } },
  responses: { 200: json(draftViewSchema, "The draft with the file (a consent given before is void)"), ...unauthorized, 404: err("No such draft or attachment slot"), 409: err("already_submitted"), 413: err("File too large"), 422: err("Not a PDF, JPEG or PNG, or empty") },
});
const settingsRoute = createRoute({ method: "get", path: "/settings", ...sec, responses: { 200: json(settingsSchema, "Language and notification choices"), ...unauthorized } });
const updateSettingsRoute = createRoute({
  method: "patch", path: "/settings", ...sec,
  request: { body: { required: true, content: { "application/json": { schema: updateSettingsSchema } } } },
  responses: { 200: json(settingsSchema, "Saved"), ...unauthorized, 422: err("Unknown service, or every channel turned off") },
});
const myDataRoute = createRoute({ method: "get", path: "/data", ...sec, summary: "Everything the system holds about me (download)", responses: { 200: json(myDataSchema, "My data"), ...unauthorized } });
const ratingRoute = createRoute({
  method: "post", path: "/submissions/{id}/rating", ...sec,
  request: { params: draftIdParam, body: { required: true, content: { "application/json": { schema: ratingRequestSchema } } } },
  summary: "Rate a dossier I filed, once it has its result (completed or rejected)",
  responses: { 200: json(ratingSchema, "Rating recorded (a new one replaces the old)"), ...unauthorized, 403: err("not_filer: only the citizen who filed the dossier rates it"), 404: err("No such dossier of mine"), 409: err("not_finished: no result yet"), 422: err("Score outside 1–5") },
});
const consentsRoute = createRoute({ method: "get", path: "/consents", ...sec, summary: "The consents I gave, newest first", responses: { 200: json(consentListSchema, "My consents"), ...unauthorized } });
const withdrawConsentRoute = createRoute({
  method: "delete", path: "/consents/{id}", ...sec,
  summary: "Withdraw a consent; a dossier not yet sent is stopped",
  request: { params: draftIdParam },
  responses: { 200: json(consentWithdrawnSchema, "Withdrawn"), ...unauthorized, 404: err("No such consent of mine"), 409: err("already_submitted: the dossier has left; contact the agency") },
});

/** The citizen API, under `/api/me`, authenticated with the Zalo Mini App access token. */
export function meRoutes(deps: ServiceDeps & { graph: AppDeps["zalo"]["graph"]; catalogue: ReminderCatalogue }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", citizenAuth({ db: deps.db, graph: deps.graph, now: deps.now, cache: createTokenCache() }));

  app.openapi(meRoute, (c) => c.json(profileOf(c.var.citizen), 200));

  app.openapi(linkPhoneRoute, async (c) => {
    const user = await linkVerifiedPhone(deps, c.var.citizen, { accessToken: c.var.citizenAccessToken, phoneToken: c.req.valid("json").phoneToken, requestId: c.var.requestId });
    return c.json(profileOf(user), 200);
  });

  app.openapi(listDraftsRoute, async (c) => c.json({ drafts: await listDraftsForCitizen(deps.db, c.var.citizen) }, 200));

  app.openapi(getDraftRoute, async (c) => c.json(await openDraftForCitizen(deps.db, c.req.valid("param").id, c.var.citizen, deps.now()), 200));

  app.openapi(dossierCopyRoute, async (c) => c.json(await dossierCopyFor(deps, c.var.citizen, c.req.valid("param").id), 200));

  app.openapi(editDraftRoute, async (c) => c.json(await editDraft(deps, c.var.citizen, c.req.valid("param").id, c.req.valid("json"), c.var.requestId), 200));

  app.openapi(upcomingRoute, async (c) => c.json(await upcomingForCitizen(deps, c.var.citizen), 200));

  app.openapi(renewalDraftRoute, async (c) => {
    const r = await openRenewalDraft(deps, c.var.citizen, c.req.valid("param").id, c.var.requestId);
    return c.json(r.view, r.created ? 201 : 200);
  });

  app.use("/drafts/:id/attachments/:key", bodyLimit({ maxSize: ATTACHMENT_MAX_BYTES + 64 * 1024, onError: () => { throw new DomainError(413, "too_large", "The file is larger than 5 MB", [{ path: "file", message: "must be at most 5 MB" }]); } }));
  app.openapi(attachmentRoute, async (c) => {
    const { id, key } = c.req.valid("param");
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const file = form.file;
    if (!(file instanceof File)) throw new DomainError(422, "validation_failed", "No file was sent", [{ path: "file", message: "is required (multipart/form-data field `file`)" }]);
    const view = await uploadAttachment(deps, c.var.citizen, id, key, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, c.var.requestId);
    return c.json(view, 200);
  });

  app.openapi(settingsRoute, (c) => c.json(settingsOf(c.var.citizen), 200));
  app.openapi(updateSettingsRoute, async (c) => c.json(await updateSettings(deps, c.var.citizen, c.req.valid("json"), c.var.requestId), 200));
  app.openapi(myDataRoute, async (c) => {
    const data = await myData(deps, c.var.citizen, c.var.requestId);
    c.header("content-disposition", 'attachment; filename="du-lieu-cua-toi.json"');
    return c.json(data, 200);
  });
  app.openapi(ratingRoute, async (c) => {
    const { score, comment } = c.req.valid("json");
    return c.json(await rateDossier(deps, c.var.citizen, c.req.valid("param").id, { score, comment: comment ?? null }), 200);
  });
  app.openapi(consentsRoute, async (c) => c.json({ consents: await consentsOfCitizen(deps.db, c.var.citizen) }, 200));
  app.openapi(withdrawConsentRoute, async (c) => c.json(await withdrawCitizenConsent(deps, c.var.citizen, c.req.valid("param").id, c.var.requestId), 200));

  app.openapi(consentRoute, async (c) => {
    const r = await consentToDraft(deps, c.var.citizen, c.req.valid("param").id, c.req.valid("json"), c.var.requestId);
    return c.json({ consentId: r.consentId, submissionId: r.submissionId, draft: r.draft }, r.created ? 201 : 200);
  });
  return app;
}
