import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { errorEnvelopeSchema, worklistContactRequestSchema, worklistItemDetailSchema, worklistListSchema, worklistQuerySchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { staffAuth } from "../middleware/staff-auth.js";
import { listWorklist, readWorklistItem, recordWorklistContact } from "../services/worklist/ward-worklist.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const authErrors = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this") } as const;
const security = [{ staffSession: [] }];
const idParam = z.object({ id: z.string().min(1).max(64) });

const listRoute = createRoute({
  method: "get", path: "/", tags: ["staff"], security, request: { query: worklistQuerySchema },
  summary: "The ward's worklist: births and deaths whose family could not be reached, or has not consented by about half of the legal time; the nearest deadline first (audited)",
  responses: { 200: json(worklistListSchema, "Admins: every ward; ward officers: their ward. Phones masked"), 422: err("Bad page"), ...authErrors },
});
const readRoute = createRoute({
  method: "get", path: "/{id}", tags: ["staff"], security, request: { params: idParam },
  summary: "One item (a draft's id): the people to contact, phone and address in full, ID number masked, and the contacts recorded (audited)",
  responses: { 200: json(worklistItemDetailSchema, "The item"), 404: err("No such birth or death draft (or not in your ward)"), ...authErrors },
});
const contactRoute = createRoute({
  method: "post", path: "/{id}/contacts", tags: ["staff"], security,
  request: { params: idParam, body: { required: true, content: { "application/json": { schema: worklistContactRequestSchema } } } },
  summary: "Record a contact with the family: it puts the item off to the follow-up day, or ends it (registered directly)",
  responses: {
    201: json(worklistItemDetailSchema, "Recorded; the item as it now is"),
    404: err("No such item (or not in your ward)"),
    409: err("The family already consented or the dossier was submitted (`worklist_item_closed`), or another contact was recorded since (`worklist_changed`)"),
    422: err("A field is missing or wrong (named in `fields`)"),
    ...authErrors,
  },
});

/** `/api/staff/worklist`: the ward officers' worklist for scripts; the console's pages call the same services. */
export function staffWorklistRoutes(deps: ServiceDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", staffAuth(deps, "worklist"));
  app.openapi(listRoute, async (c) => c.json(await listWorklist(deps, c.var.staff, { page: c.req.valid("query").page, requestId: c.var.requestId }), 200));
  app.openapi(readRoute, async (c) => c.json(await readWorklistItem(deps, c.var.staff, c.req.valid("param").id, { requestId: c.var.requestId }), 200));
  app.openapi(contactRoute, async (c) => c.json(await recordWorklistContact(deps, c.var.staff, c.req.valid("param").id, c.req.valid("json"), c.var.requestId), 201));
  return app;
}
