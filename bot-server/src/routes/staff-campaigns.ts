import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  campaignAudienceSchema,
  campaignFiltersSchema,
  campaignInputSchema,
  campaignListSchema,
  campaignPreviewRequestSchema,
  campaignPreviewSchema,
  campaignScheduleSchema,
  campaignSchema,
  campaignTestSendSchema,
  campaignTestSentSchema,
  errorEnvelopeSchema,
} from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import type { BackgroundJobs } from "../services/jobs/background-jobs.js";
import { staffAuth } from "../middleware/staff-auth.js";
import {
  audienceSize,
  campaignFilters,
  campaignSummary,
  cancelCampaign,
  createCampaign,
  listCampaignSummaries,
  pauseCampaign,
  previewCampaign,
  readCampaign,
  resumeCampaign,
  scheduleCampaign,
  sendCampaignNow,
  testSendCampaign,
  unscheduleCampaign,
  updateCampaign,
} from "../services/campaigns/campaigns.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(s: T, description: string) => ({ description, content: { "application/json": { schema: s } } });
const body = <T extends z.ZodType>(s: T) => ({ body: { required: true, content: { "application/json": { schema: s } } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const authErrors = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this (admins and communicators only)") } as const;
const security = [{ staffSession: [] }];
const tags = ["staff"];
const idParam = z.object({ id: z.string().min(1).max(64) });
const notFound = err("No such campaign");
const wrongStatus = err("`campaign_wrong_status` / `campaign_not_draft`: the campaign's status does not allow this");

const routes = {
  list: createRoute({ method: "get", path: "/", tags, security, summary: "Campaigns, newest first, with their counts", responses: { 200: json(campaignListSchema, "Campaigns"), ...authErrors } }),
  create: createRoute({ method: "post", path: "/", tags, security, summary: "Compose a draft (vi and en, placeholders checked)", request: body(campaignInputSchema), responses: { 201: json(campaignSchema, "The draft"), 422: err("A field is not valid (named in fields)"), ...authErrors } }),
  read: createRoute({ method: "get", path: "/{id}", tags, security, request: { params: idParam }, responses: { 200: json(campaignSchema, "The campaign and its counts"), 404: notFound, ...authErrors } }),
  update: createRoute({ method: "put", path: "/{id}", tags, security, summary: "Edit a draft", request: { params: idParam, ...body(campaignInputSchema) }, responses: { 200: json(campaignSchema, "The draft"), 404: notFound, 409: wrongStatus, 422: err("A field is not valid"), ...authErrors } }),
  audience: createRoute({ method: "post", path: "/audience", tags, security, summary: "How many a target group reaches now (before composing)", request: body(z.object({ filters: campaignFiltersSchema })), responses: { 200: json(campaignAudienceSchema, "Audience size"), ...authErrors } }),
  campaignAudience: createRoute({ method: "get", path: "/{id}/audience", tags, security, summary: "How many the campaign's target group reaches now", request: { params: idParam }, responses: { 200: json(campaignAudienceSchema, "Audience size"), 404: notFound, ...authErrors } }),
  preview: createRoute({ method: "post", path: "/{id}/preview", tags, security, summary: "Exactly what one audience member would get, in their language (audited)", request: { params: idParam, ...body(campaignPreviewRequestSchema) }, responses: { 200: json(campaignPreviewSchema, "The text"), 404: notFound, 422: err("Not in the target group"), ...authErrors } }),
  test: createRoute({ method: "post", path: "/{id}/test", tags, security, summary: "Test-send to your own Zalo (your phone, linked to a follower); marked, not counted", request: { params: idParam, ...body(campaignTestSendSchema) }, responses: { 202: json(campaignTestSentSchema, "Queued"), 404: notFound, 422: err("The phone is not linked to a reachable follower"), ...authErrors } }),
  schedule: createRoute({ method: "post", path: "/{id}/schedule", tags, security, summary: "Schedule a draft at a time in Vietnam (future, outside quiet hours)", request: { params: idParam, ...body(campaignScheduleSchema) }, responses: { 200: json(campaignSchema, "Scheduled"), 404: notFound, 409: wrongStatus, 422: err("The time is past or in quiet hours, or `campaign_audience_empty`: nobody can receive it now (why is in the message) and `confirmEmptyAudience` is not true"), ...authErrors } }),
  unschedule: createRoute({ method: "post", path: "/{id}/unschedule", tags, security, request: { params: idParam }, responses: { 200: json(campaignSchema, "Back to draft"), 404: notFound, 409: wrongStatus, ...authErrors } }),
  send: createRoute({ method: "post", path: "/{id}/send", tags, security, summary: "Send now: the audience is recorded in the background and fed to the outbox in waves", request: { params: idParam }, responses: { 202: json(campaignSchema, "Sending"), 404: notFound, 409: err("`campaign_wrong_status`, or `campaign_audience_empty`: nobody in the target group can receive it now (why is in the message; schedule it instead)"), ...authErrors } }),
  pause: createRoute({ method: "post", path: "/{id}/pause", tags, security, request: { params: idParam }, responses: { 200: json(campaignSchema, "Paused: unsent messages held"), 404: notFound, 409: wrongStatus, ...authErrors } }),
  resume: createRoute({ method: "post", path: "/{id}/resume", tags, security, request: { params: idParam }, responses: { 200: json(campaignSchema, "Sending again"), 404: notFound, 409: wrongStatus, ...authErrors } }),
  cancel: createRoute({ method: "post", path: "/{id}/cancel", tags, security, summary: "Cancel: unsent messages are not sent; sent ones stay counted", request: { params: idParam }, responses: { 200: json(campaignSchema, "Cancelled"), 404: notFound, 409: wrongStatus, ...authErrors } }),
};

/** Staff API for campaigns (`/api/staff/campaigns`): the same services as the console's pages. */
export function staffCampaignRoutes(deps: ServiceDeps & { jobs: BackgroundJobs }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", staffAuth(deps, "campaigns"));
  const ctx = (c: { var: AppEnv["Variables"] }) => ({ staff: c.var.staff, requestId: c.var.requestId });
  /** The campaign a service returned (or will return), with its counts. */
  const summary = async (row: Parameters<typeof campaignSummary>[1] | Promise<Parameters<typeof campaignSummary>[1]>) => campaignSummary(deps, await row);

  app.openapi(routes.list, async (c) => c.json({ campaigns: await listCampaignSummaries(deps) }, 200));
  app.openapi(routes.create, async (c) => c.json(await summary(createCampaign(deps, ctx(c), c.req.valid("json"))), 201));
  app.openapi(routes.audience, async (c) => c.json(await audienceSize(deps, campaignFilters(c.req.valid("json").filters)), 200));
  app.openapi(routes.read, async (c) => c.json(await summary(readCampaign(deps, c.req.valid("param").id)), 200));
  app.openapi(routes.update, async (c) => c.json(await summary(updateCampaign(deps, ctx(c), c.req.valid("param").id, c.req.valid("json"))), 200));
  app.openapi(routes.campaignAudience, async (c) => c.json(await audienceSize(deps, (await readCampaign(deps, c.req.valid("param").id)).filters), 200));
  app.openapi(routes.preview, async (c) => c.json(await previewCampaign(deps, ctx(c), c.req.valid("param").id, c.req.valid("json").zaloUserId), 200));
  app.openapi(routes.test, async (c) => {
    const r = await testSendCampaign(deps, ctx(c), c.req.valid("param").id, c.req.valid("json").phone);
    return c.json({ outboxId: r.outboxId, language: r.language, deferredUntil: r.deferredUntil?.toISOString() ?? null }, 202);
  });
  app.openapi(routes.schedule, async (c) => {
    const body = c.req.valid("json");
    return c.json(await summary(scheduleCampaign(deps, ctx(c), c.req.valid("param").id, body.at, { confirmEmptyAudience: body.confirmEmptyAudience })), 200);
  });
  app.openapi(routes.unschedule, async (c) => c.json(await summary(unscheduleCampaign(deps, ctx(c), c.req.valid("param").id)), 200));
  app.openapi(routes.send, async (c) => c.json(await summary(sendCampaignNow(deps, ctx(c), c.req.valid("param").id)), 202));
  app.openapi(routes.pause, async (c) => c.json(await summary(pauseCampaign(deps, ctx(c), c.req.valid("param").id)), 200));
  app.openapi(routes.resume, async (c) => c.json(await summary(resumeCampaign(deps, ctx(c), c.req.valid("param").id)), 200));
  app.openapi(routes.cancel, async (c) => c.json(await summary(cancelCampaign(deps, ctx(c), c.req.valid("param").id)), 200));
  return app;
}
