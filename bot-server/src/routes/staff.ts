import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import {
  errorEnvelopeSchema,
  failedDeliveriesSchema,
  importAcceptedSchema,
  importDetailSchema,
  importListSchema,
  staffLoginRequestSchema,
  staffProfileSchema,
  staffSessionSchema,
  sweepResultSchema,
  type StaffProfile,
} from "@hccd/shared";
import type { StaffUser } from "../services/staff/staff-auth.js";
import type { AppEnv } from "../env.js";
import type { AppDeps, ServiceDeps } from "../deps.js";
import { staffAuth } from "../middleware/staff-auth.js";
import { staffLogout } from "../services/staff/staff-auth.js";
import type { StaffLogins } from "../services/staff/staff-login.js";
import { clientAddress, clientKey } from "../middleware/client-address.js";
import { listStaffImports, readStaffImport, rejectedRowsCsv, startStaffImport, UploadTooLarge } from "../services/imports/staff-imports.js";
import { staffAuditRoutes } from "./staff-audit.js";
import { staffCampaignRoutes } from "./staff-campaigns.js";
import { staffHandoverRoutes } from "./staff-handover.js";
import { staffFaqRoutes } from "./staff-faq.js";
import { staffIndicatorRoutes } from "./staff-indicators.js";
import { staffWorklistRoutes } from "./staff-worklist.js";
import type { FaqService } from "../faq/types.js";
import type { BackgroundJobs } from "../services/jobs/background-jobs.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";
import { sweepReminders } from "../services/reminders/reminder-sweep.js";
import { listFailedDeliveries } from "../services/reminders/staff-reminders.js";
import { validationFailed } from "../errors.js";
import { validationHook } from "../validation-hook.js";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(errorEnvelopeSchema, description);
const authErrors = { 401: err("Not logged in, or the session expired"), 403: err("The role may not do this") } as const;
const security = [{ staffSession: [] }];

export function staffProfile(u: StaffUser): StaffProfile {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, agency: u.agency, wardCode: u.wardCode };
}

const loginRoute = createRoute({
  method: "post", path: "/session", tags: ["staff"], summary: "Log in (username and password) for a session token",
  request: { body: { required: true, content: { "application/json": { schema: staffLoginRequestSchema } } } },
  responses: {
    200: json(staffSessionSchema, "Logged in"), 401: err("Wrong username or password"), 422: err("Missing fields"),
    429: err("Too many failed logins from this client or for this username: try again after Retry-After seconds"),
    503: err("Too many logins are being checked: try again after Retry-After seconds"),
  },
});
const logoutRoute = createRoute({ method: "delete", path: "/session", tags: ["staff"], security, responses: { 204: { description: "Logged out" }, ...authErrors } });
const meRoute = createRoute({ method: "get", path: "/me", tags: ["staff"], security, responses: { 200: json(staffProfileSchema, "The logged-in staff member"), ...authErrors } });
const uploadSchema = z.object({ file: z.any().openapi({ type: "string", format: "binary", description: "The department's list (contract 4), .csv or .xlsx" }) });
const startImportRoute = createRoute({
  method: "post", path: "/imports", tags: ["staff"], security, summary: "Import a department's list (contract 4); answers at once, the import runs in the background",
  request: { body: { required: true, content: { "multipart/form-data": { schema: uploadSchema } } } },
  responses: { 202: json(importAcceptedSchema, "Started: follow it at /api/staff/imports/{id}"), 413: err("File too large"), 422: err("No file, not .csv/.xlsx, or not what its name says (code file_refused: an .xls or a workbook named .csv, not a workbook…); what the background import refuses is in the import's error and report"), ...authErrors },
});
const listImportsRoute = createRoute({ method: "get", path: "/imports", tags: ["staff"], security, responses: { 200: json(importListSchema, "Recent imports (admins: all; department officers: their agency's)"), ...authErrors } });
const importIdParam = z.object({ id: z.string().min(1).max(64) });
const reportPageQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1).openapi({ description: "The report's page: 100 rejected rows each (past the last, the last)" }) });
const readImportRoute = createRoute({
  method: "get", path: "/imports/{id}", tags: ["staff"], security, request: { params: importIdParam, query: reportPageQuery },
  summary: "An import, its progress and a page of its report of rejected rows (the first 1,000 are kept; `rejectedNotKept` says how many more)",
  responses: { 200: json(importDetailSchema, "The import, its counts per column and reason, and the page's rejected rows"), 404: err("No such import (or not yours)"), 422: err("Bad page number"), ...authErrors },
});
const rejectedCsvRoute = createRoute({
  method: "get", path: "/imports/{id}/rejected.csv", tags: ["staff"], security, summary: "The rejected rows as a CSV file to fix and upload again (UTF-8 with BOM, a reason column)",
  request: { params: importIdParam, query: z.object({ lang: z.enum(["vi", "en"]).default("vi").openapi({ description: "Headers as contract 4's Vietnamese labels (vi) or English keys (en)" }) }) },
  responses: {
    200: {
      description: "The kept rejected rows (the first 1,000)",
      headers: { "x-rejected-rows-not-kept": { schema: { type: "integer" }, description: "Rejected rows not in the file (the report keeps the first 1,000): uploading the fixed file reports them" } },
      content: { "text/csv": { schema: z.string() } },
    },
    404: err("No such import (or not yours)"),
    ...authErrors,
  },
});
const sweepRoute = createRoute({ method: "post", path: "/reminders/sweep", tags: ["staff"], security, summary: "Run the reminder sweep now", responses: { 200: json(sweepResultSchema, "What the sweep queued"), ...authErrors } });

const failedQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
const failedRoute = createRoute({
  method: "get", path: "/reminders/failed", tags: ["staff"], security, request: { query: failedQuery },
  summary: "What finally failed: messages given up after every retry and channel, reminders nobody could be told about",
  responses: { 200: json(failedDeliveriesSchema, "Newest first (department officers: their agency's services)"), ...authErrors },
});

export interface StaffRouteDeps extends ServiceDeps, Pick<AppDeps, "importDir"> {
  jobs: BackgroundJobs;
  catalogue: ReminderCatalogue;
  /** The FAQ in use (rebuilt after staff edits). */
  faq: FaqService;
  logins: StaffLogins;
}

/** Staff API (`/api/staff/*`): session, imports, the reminder sweep. */
export function staffRoutes(deps: StaffRouteDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const importers = staffAuth(deps, "imports");
  const anyStaff = staffAuth(deps, "session");
  app.on("DELETE", "/session", anyStaff);
  app.use("/me", anyStaff);
  app.use("/imports", importers);
  app.use("/imports/*", importers);
  app.use("/reminders/sweep", staffAuth(deps, "sweep"));
  app.use("/reminders/failed", staffAuth(deps, "failedReminders"));
  // Uploads are larger than API bodies: their own limit, checked as the body streams in.
  app.post("/imports", bodyLimit({ maxSize: deps.config.IMPORT_MAX_BYTES, onError: () => { throw new UploadTooLarge(deps.config.IMPORT_MAX_BYTES); } }));

  app.openapi(loginRoute, async (c) => {
    const r = await deps.logins.login({ ...c.req.valid("json"), client: clientKey(clientAddress(c, deps.config.TRUST_PROXY_HOPS)), requestId: c.var.requestId });
    return c.json({ token: r.token, expiresAt: r.expiresAt.toISOString(), staff: staffProfile(r.user) }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await staffLogout(deps, c.var.staffToken);
    return c.body(null, 204);
  });
  app.openapi(meRoute, (c) => c.json(staffProfile(c.var.staff), 200));
  app.openapi(startImportRoute, async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File)) throw validationFailed([{ path: "file", message: "attach the list as a multipart form field named file" }]);
    const { importId } = await startStaffImport(deps, { staff: c.var.staff, fileName: file.name, content: new Uint8Array(await file.arrayBuffer()), requestId: c.var.requestId });
    return c.json({ importId, status: "running" as const }, 202);
  });
  app.openapi(listImportsRoute, async (c) => c.json({ imports: await listStaffImports(deps, c.var.staff) }, 200));
  app.openapi(readImportRoute, async (c) => c.json(await readStaffImport(deps, c.var.staff, c.req.valid("param").id, { page: c.req.valid("query").page, requestId: c.var.requestId }), 200));
  app.openapi(rejectedCsvRoute, async (c) => {
    const r = await rejectedRowsCsv(deps, c.var.staff, c.req.valid("param").id, { lang: c.req.valid("query").lang, requestId: c.var.requestId });
    return c.body(r.csv, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${r.fileName}"`, "x-rejected-rows-not-kept": String(r.notKept) });
  });
  app.route("/audit", staffAuditRoutes(deps));
  app.route("/campaigns", staffCampaignRoutes(deps));
  app.route("/handover", staffHandoverRoutes(deps));
  app.route("/worklist", staffWorklistRoutes(deps));
  app.route("/faq", staffFaqRoutes(deps));
  app.route("/", staffIndicatorRoutes(deps));
  app.openapi(failedRoute, async (c) => c.json(await listFailedDeliveries(deps, c.var.staff, { limit: c.req.valid("query").limit, requestId: c.var.requestId }), 200));
  app.openapi(sweepRoute, async (c) => c.json(await sweepReminders(deps, { catalogue: deps.catalogue }), 200));
  return app;
}
