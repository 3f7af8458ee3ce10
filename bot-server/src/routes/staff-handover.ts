import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { errorEnvelopeSchema, handoverListQuerySchema, handoverListSchema, handoverReplyRequestSchema, handoverTicketDetailSchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { staffAuth } from "../middleware/staff-auth.js";
import { claimHandover, closeHandoverAsStaff, listHandoverInbox, readHandoverTicket, replyToHandover } from "../services/chat/handover.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const authErrors = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this") } as const;
const security = [{ staffSession: [] }];
const idParam = z.object({ id: z.string().min(1).max(64) });

const listRoute = createRoute({
  method: "get", path: "/", tags: ["staff"], security, summary: "Handed-over conversations: open ones longest-waiting first, or the most recently closed",
  request: { query: handoverListQuerySchema },
  responses: { 200: json(handoverListSchema, "Admins: all; ward officers: citizens of their ward, and the shared queue of citizens whose ward is unknown (their data withheld until claimed)"), 422: err("Bad status"), ...authErrors },
});
const readRoute = createRoute({
  method: "get", path: "/{id}", tags: ["staff"], security, summary: "One conversation with its history and the phone the citizen typed into the OA's form, marked unverified, to call them back (audited)", request: { params: idParam },
  responses: { 200: json(handoverTicketDetailSchema, "The conversation"), 404: err("No such conversation (or not in your ward)"), ...authErrors },
});
const replyRoute = createRoute({
  method: "post", path: "/{id}/replies", tags: ["staff"], security, summary: "Reply to the citizen through the OA",
  request: { params: idParam, body: { required: true, content: { "application/json": { schema: handoverReplyRequestSchema } } } },
  responses: { 202: json(handoverTicketDetailSchema, "Queued for the OA; the conversation as it now is"), 404: err("No such conversation"), 409: err("Closed, the citizen cannot be reached through the OA, another officer took it on (`handover_claimed`), or a shared-queue conversation not claimed yet (`handover_not_claimed`)"), 422: err("Empty or too long"), ...authErrors },
});
const claimRoute = createRoute({
  method: "post", path: "/{id}/claim", tags: ["staff"], security, summary: "Take the conversation on: yours to answer and close, your name shown to every officer who sees it (once only)", request: { params: idParam },
  responses: { 200: json(handoverTicketDetailSchema, "Yours, with its history (audited)"), 404: err("No such conversation"), 409: err("Closed, or another officer took it on first (`handover_claimed`, naming them)"), ...authErrors },
});
const closeRoute = createRoute({
  method: "post", path: "/{id}/close", tags: ["staff"], security, summary: "Close the conversation: the citizen is handed back to the bot and told so", request: { params: idParam },
  responses: { 200: json(handoverTicketDetailSchema, "Closed"), 404: err("No such conversation"), 409: err("Already closed"), ...authErrors },
});

/** `/api/staff/handover`: the handover inbox for scripts; the console's pages call the same services. */
export function staffHandoverRoutes(deps: ServiceDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", staffAuth(deps, "handover"));
  app.openapi(listRoute, async (c) => c.json({ tickets: await listHandoverInbox(deps, c.var.staff, { status: c.req.valid("query").status, requestId: c.var.requestId }) }, 200));
  app.openapi(readRoute, async (c) => c.json(await readHandoverTicket(deps, c.var.staff, c.req.valid("param").id, { requestId: c.var.requestId }), 200));
  app.openapi(replyRoute, async (c) => {
    const { id } = c.req.valid("param");
    await replyToHandover(deps, c.var.staff, id, c.req.valid("json"), c.var.requestId);
    return c.json(await readHandoverTicket(deps, c.var.staff, id, { requestId: c.var.requestId, audited: false }), 202);
  });
  app.openapi(claimRoute, async (c) => c.json(await claimHandover(deps, c.var.staff, c.req.valid("param").id, c.var.requestId), 200));
  app.openapi(closeRoute, async (c) => {
    const { id } = c.req.valid("param");
    await closeHandoverAsStaff(deps, c.var.staff, id, c.var.requestId);
    return c.json(await readHandoverTicket(deps, c.var.staff, id, { requestId: c.var.requestId, audited: false }), 200);
  });
  return app;
}
