import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import {
  errorEnvelopeSchema,
  faqAttachRequestSchema,
  faqAttachResultSchema,
  faqCreateResultSchema,
  faqEntryCreateSchema,
  faqEntryUpdateSchema,
  faqRetireRequestSchema,
  faqUnansweredListSchema,
  staffFaqEntryListSchema,
  staffFaqEntrySchema,
} from "@hccd/shared";
import type { AppEnv } from "../env.js";
import { staffAuth } from "../middleware/staff-auth.js";
import {
  attachUnansweredToEntry,
  createStaffFaqEntry,
  listStaffFaqEntries,
  listUnansweredForStaff,
  readStaffFaqEntry,
  setStaffFaqEntryRetired,
  toStaffFaqEntry,
  updateStaffFaqEntry,
  type FaqUpkeepDeps,
} from "../services/chat/faq-entries.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const authErrors = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this") } as const;
const security = [{ staffSession: [] }];
const idParam = z.object({ id: z.string().min(1).max(100) });
const conflictErr = err("`faq_version_conflict`: someone saved the entry meanwhile; reload and apply the change again");

const listRoute = createRoute({
  method: "get", path: "/entries", tags: ["staff"], security, summary: "FAQ entries the bot answers from",
  request: { query: z.object({ retired: z.enum(["0", "1"]).default("0").openapi({ description: "1: include retired entries" }), q: z.string().max(200).optional() }) },
  responses: { 200: json(staffFaqEntryListSchema, "Entries in their stored order"), ...authErrors },
});
const readRoute = createRoute({ method: "get", path: "/entries/{id}", tags: ["staff"], security, request: { params: idParam }, responses: { 200: json(staffFaqEntrySchema, "The entry"), 404: err("No such entry"), ...authErrors } });
const createRouteDef = createRoute({
  method: "post", path: "/entries", tags: ["staff"], security, summary: "Add an entry (optionally answering an unanswered question); the bot answers with it at once",
  request: body(faqEntryCreateSchema),
  responses: { 201: json(faqCreateResultSchema, "Created"), 422: err("A field is not valid (named in fields)"), ...authErrors },
});
const updateRoute = createRoute({
  method: "put", path: "/entries/{id}", tags: ["staff"], security, summary: "Edit an entry at the version read; the bot answers with it at once",
  request: { params: idParam, ...body(faqEntryUpdateSchema) },
  responses: { 200: json(staffFaqEntrySchema, "Saved (version + 1)"), 404: err("No such entry"), 409: conflictErr, 422: err("A field is not valid (named in fields)"), ...authErrors },
});
const retireRoute = createRoute({
  method: "post", path: "/entries/{id}/retire", tags: ["staff"], security, summary: "Retire an entry: kept, no longer answered",
  request: { params: idParam, ...body(faqRetireRequestSchema) },
  responses: { 200: json(staffFaqEntrySchema, "Retired"), 404: err("No such entry"), 409: conflictErr, ...authErrors },
});
const restoreRoute = createRoute({
  method: "post", path: "/entries/{id}/restore", tags: ["staff"], security, summary: "Bring a retired entry back",
  request: { params: idParam, ...body(faqRetireRequestSchema) },
  responses: { 200: json(staffFaqEntrySchema, "Answered again"), 404: err("No such entry"), 409: conflictErr, ...authErrors },
});
const unansweredRoute = createRoute({
  method: "get", path: "/unanswered", tags: ["staff"], security, summary: "Questions the FAQ could not answer, not yet resolved, most asked first",
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: { 200: json(faqUnansweredListSchema, "Grouped by their folded form"), ...authErrors },
});
const attachRoute = createRoute({
  method: "post", path: "/unanswered/attach", tags: ["staff"], security, summary: "Answer an unanswered question with an existing entry (added as another phrasing)",
  request: body(faqAttachRequestSchema),
  responses: { 200: json(faqAttachResultSchema, "The entry with the new phrasing; how many questions were resolved"), 404: err("No such question or entry"), 409: conflictErr, ...authErrors },
});

/** `/api/staff/faq`: FAQ upkeep for scripts; the console's pages call the same services. */
export function staffFaqRoutes(deps: FaqUpkeepDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", staffAuth(deps, "faq"));
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    return c.json({ entries: (await listStaffFaqEntries(deps, { includeRetired: q.retired === "1", ...(q.q ? { q: q.q } : {}) })).map(toStaffFaqEntry) }, 200);
  });
  app.openapi(readRoute, async (c) => c.json(toStaffFaqEntry(await readStaffFaqEntry(deps, c.req.valid("param").id)), 200));
  app.openapi(createRouteDef, async (c) => {
    const r = await createStaffFaqEntry(deps, c.var.staff, c.req.valid("json"), c.var.requestId);
    return c.json({ entry: toStaffFaqEntry(r.entry), resolved: r.resolved }, 201);
  });
  app.openapi(updateRoute, async (c) => c.json(toStaffFaqEntry(await updateStaffFaqEntry(deps, c.var.staff, c.req.valid("param").id, c.req.valid("json"), c.var.requestId)), 200));
  app.openapi(retireRoute, async (c) => c.json(toStaffFaqEntry(await setStaffFaqEntryRetired(deps, c.var.staff, c.req.valid("param").id, { version: c.req.valid("json").version, retired: true }, c.var.requestId)), 200));
  app.openapi(restoreRoute, async (c) => c.json(toStaffFaqEntry(await setStaffFaqEntryRetired(deps, c.var.staff, c.req.valid("param").id, { version: c.req.valid("json").version, retired: false }, c.var.requestId)), 200));
  app.openapi(unansweredRoute, async (c) => {
    const questions = (await listUnansweredForStaff(deps, c.req.valid("query").limit)).map((g) => ({ ...g, firstAt: g.firstAt.toISOString(), lastAt: g.lastAt.toISOString() }));
    return c.json({ questions }, 200);
  });
  app.openapi(attachRoute, async (c) => {
    const r = await attachUnansweredToEntry(deps, c.var.staff, c.req.valid("json"), c.var.requestId);
    return c.json({ entry: toStaffFaqEntry(r.entry), resolved: r.resolved }, 200);
  });
  return app;
}
