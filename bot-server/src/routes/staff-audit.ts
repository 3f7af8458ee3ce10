import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { auditSearchQuerySchema, auditSearchResultSchema, errorEnvelopeSchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { staffAuth } from "../middleware/staff-auth.js";
import { exportAuditCsv, searchAuditLog } from "../services/staff/audit-search.js";
import { validationHook } from "../validation-hook.js";

const err = (description: string) => ({ description, content: { "application/json": { schema: errorEnvelopeSchema } } });
const security = [{ staffSession: [] }];
const errors = { 401: err("Not logged in, or the session expired"), 403: err("Only admins search the audit log"), 422: err("A filter is not valid (the field is named)") } as const;

const searchRoute = createRoute({
  method: "get", path: "/", tags: ["staff"], security, request: { query: auditSearchQuerySchema },
  summary: "Search the audit log (admins): by actor, action or prefix, target, request id and Vietnam-time period; newest first, keyset-paginated; the search is audited",
  responses: { 200: { description: "One page; pass nextBefore as before for the next", content: { "application/json": { schema: auditSearchResultSchema } } }, ...errors },
});
const exportRoute = createRoute({
  method: "get", path: "/export.csv", tags: ["staff"], security, request: { query: auditSearchQuerySchema },
  summary: "The same search as CSV (at most 10,000 entries; UTF-8 with BOM); audited",
  responses: { 200: { description: "The entries", content: { "text/csv": { schema: z.string() } } }, ...errors },
});

/** `/api/staff/audit`: the audit log for admins (the console's /staff/audit calls the same service). */
export function staffAuditRoutes(deps: Pick<ServiceDeps, "db" | "now">) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", staffAuth(deps, "audit"));
  app.openapi(searchRoute, async (c) => c.json(await searchAuditLog(deps, c.var.staff, c.req.valid("query"), c.var.requestId), 200));
  app.openapi(exportRoute, async (c) => {
    const r = await exportAuditCsv(deps, c.var.staff, c.req.valid("query"), c.var.requestId);
    return c.body(r.csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit-log.csv"', "x-truncated": String(r.truncated) });
  });
  return app;
}
