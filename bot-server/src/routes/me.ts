import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  consentAcceptedSchema,
  consentRequestSchema,
  draftListSchema,
  draftViewSchema,
  editDraftRequestSchema,
  errorEnvelopeSchema,
  formatVnPhone,
  linkPhoneRequestSchema,
  profileSchema,
  type Profile,
} from "@hccd/shared";
import { getZaloUser, setZaloUserPhone, type ZaloUser } from "@hccd/db";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import type { ZaloGraphClient } from "../adapters/zalo/types.js";
import { PlatformError } from "../adapters/errors.js";
import { citizenAuth, createTokenCache } from "../middleware/citizen-auth.js";
import { buildDraftView, consentToDraft, editDraft, listDraftsForCitizen, loadDraftForCitizen } from "../services/citizen-drafts.js";
import { DomainError } from "../errors.js";
import { validationHook } from "../validation-hook.js";
import { audit } from "../services/audit.js";

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

/** The citizen API, under `/api/me`, authenticated with the Zalo Mini App access token. */
export function meRoutes(deps: ServiceDeps & { graph: ZaloGraphClient }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", citizenAuth({ db: deps.db, graph: deps.graph, now: deps.now, cache: createTokenCache() }));

  app.openapi(meRoute, (c) => c.json(profileOf(c.var.citizen), 200));

  app.openapi(linkPhoneRoute, async (c) => {
    const { phoneToken } = c.req.valid("json");
    let phone: string;
    try {
      phone = (await deps.graph.exchangePhoneToken({ accessToken: c.var.citizenAccessToken, code: phoneToken })).phone;
    } catch (e) {
      if (e instanceof PlatformError) throw new DomainError(422, "validation_failed", "The phone token is not valid or has expired; ask for it again", [{ path: "phoneToken", message: "is not valid or has expired (tokens last 2 minutes and work once)" }]);
      throw e;
    }
    const now = deps.now();
    setZaloUserPhone(deps.db, c.var.citizen.id, phone, now);
    audit(deps.db, { at: now, actor: { kind: "citizen", id: c.var.citizen.id }, action: "phone.linked", target: { kind: "zalo_user", id: c.var.citizen.id }, requestId: c.var.requestId });
    const user = getZaloUser(deps.db, c.var.citizen.id) ?? c.var.citizen;
    return c.json(profileOf(user), 200);
  });

  app.openapi(listDraftsRoute, (c) => c.json({ drafts: listDraftsForCitizen(deps.db, c.var.citizen) }, 200));

  app.openapi(getDraftRoute, (c) => {
    const { draft } = loadDraftForCitizen(deps.db, c.req.valid("param").id, c.var.citizen);
    return c.json(buildDraftView(deps.db, draft), 200);
  });

  app.openapi(editDraftRoute, (c) => c.json(editDraft(deps, c.var.citizen, c.req.valid("param").id, c.req.valid("json"), c.var.requestId), 200));

  app.openapi(consentRoute, (c) => {
    const r = consentToDraft(deps, c.var.citizen, c.req.valid("param").id, c.req.valid("json"), c.var.requestId);
    return c.json({ consentId: r.consentId, submissionId: r.submissionId, draft: r.draft }, r.created ? 201 : 200);
  });
  return app;
}
