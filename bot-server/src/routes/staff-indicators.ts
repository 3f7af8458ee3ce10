import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { errorEnvelopeSchema, indicatorExportQuerySchema, indicatorQuerySchema, indicatorReportSchema, ratingCommentsQuerySchema, ratingCommentsSchema } from "@hccd/shared";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { staffAuth } from "../middleware/staff-auth.js";
import { indicatorReport } from "../services/indicators/indicators.js";
import { exportIndicatorCsv } from "../services/indicators/indicators-csv.js";
import { listRatingComments } from "../services/indicators/rating-comments.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import { validationHook } from "../validation-hook.js";

const err = (description: string) => ({ description, content: { "application/json": { schema: errorEnvelopeSchema } } });
const security = [{ staffSession: [] }];
const common = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this"), 422: err("A filter is not valid (the field is named)") } as const;

const reportRoute = createRoute({
  method: "get", path: "/indicators", tags: ["staff"], security, request: { query: indicatorQuerySchema },
  summary: "The plans' evaluation indicators for the filters (department officers: their agency; ward officers: their ward). Aggregates only.",
  responses: { 200: { description: "Every indicator", content: { "application/json": { schema: indicatorReportSchema } } }, ...common },
});
const csvRoute = createRoute({
  method: "get", path: "/indicators/csv", tags: ["staff"], security, request: { query: indicatorExportQuerySchema },
  summary: "One indicator as CSV (UTF-8 with BOM, filters repeated on every row); the export is audited",
  responses: { 200: { description: "The CSV file", content: { "text/csv": { schema: z.string() } } }, ...common },
});

const commentsRoute = createRoute({
  method: "get", path: "/satisfaction-comments", tags: ["staff"], security, request: { query: ratingCommentsQuerySchema },
  summary: "Citizens' comments with their satisfaction ratings, newest first, 20 a page, ID numbers and phones masked, never who wrote them (admins, department and ward officers within their scope; audited)",
  responses: { 200: { description: "A page of comments", content: { "application/json": { schema: ratingCommentsSchema } } }, ...common },
});

/** Staff API for the indicators (`/api/staff/indicators`): every role may read them, within its scope. */
export function staffIndicatorRoutes(deps: ServiceDeps & { catalogue: ReminderCatalogue }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const guard = staffAuth(deps, "indicators");
  app.use("/indicators", guard);
  app.use("/indicators/*", guard);
  app.use("/satisfaction-comments", staffAuth(deps, "ratingComments"));
  app.openapi(commentsRoute, async (c) => c.json(await listRatingComments(deps, c.var.staff, c.req.valid("query"), { requestId: c.var.requestId }), 200));
  app.openapi(reportRoute, async (c) => c.json(await indicatorReport(deps, c.var.staff, c.req.valid("query")), 200));
  app.openapi(csvRoute, async (c) => {
    const q = c.req.valid("query");
    const file = await exportIndicatorCsv(deps, c.var.staff, q, q.indicator, { lang: q.lang, requestId: c.var.requestId });
    return c.body(file.body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" });
  });
  return app;
}
