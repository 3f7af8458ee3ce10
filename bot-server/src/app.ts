import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { ErrorEnvelope } from "@hccd/shared";
import type { AppDeps } from "./deps.js";
import type { AppEnv } from "./env.js";
import { DomainError, RetryLater } from "./errors.js";
import { createMetrics } from "./metrics.js";
import { requestLog } from "./middleware/request-log.js";
import { integrationRoutes } from "./routes/integrations.js";
import { meRoutes } from "./routes/me.js";
import { publicRoutes } from "./routes/public.js";
import { documentWebhooks, webhookRoutes } from "./routes/webhook.js";
import { faqRoutes } from "./routes/faq.js";
import { rulesRoutes } from "./routes/rules.js";
import { serviceRoutes } from "./routes/services.js";
import { staffRoutes } from "./routes/staff.js";
import { consoleRoutes } from "./console/index.js";
import { createStaffLogins } from "./services/staff/staff-login.js";
import { MAX_BODY_BYTES, POPULATION_MAX_BODY_BYTES, refuseNulCharacters } from "./request-limits.js";

/**
 * Builds the backend as a Hono app from its dependencies (no ports, no globals): tests call
 * `app.request()`, `main.ts` serves it.
 */
export function createApp(deps: AppDeps, opts: { defaultMetrics?: boolean } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  const metrics = createMetrics(deps.db, opts);

  app.use("*", requestId());
  app.use("*", requestLog(deps.logger, metrics));
  // The Mini App runs on Zalo's hosts (and a dev server): it calls us cross-origin with a Bearer token, no cookies.
  app.use("/api/*", cors({ origin: "*", allowHeaders: ["Authorization", "Content-Type"], allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"], maxAge: 600 }));
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new DomainError(413, "payload_too_large", `the request body is larger than ${MAX_BODY_BYTES} bytes`);
    },
  });
  // Uploads have their own, larger limits: departments' lists (routes/staff.ts) and a citizen's
  // papers (routes/me.ts, 5 MB: a phone photo of a certificate is often over 1 MB).
  const ownLimit = (method: string, path: string) => (method === "POST" && path === "/api/staff/imports") || (method === "PUT" && /^\/api\/me\/drafts\/[^/]+\/attachments\/[^/]+$/.test(path));
  const populationBodyLimit = bodyLimit({
    maxSize: POPULATION_MAX_BODY_BYTES,
    onError: () => {
      throw new DomainError(413, "payload_too_large", `the request body is larger than ${POPULATION_MAX_BODY_BYTES} bytes; send at most 1,000 records per batch`);
    },
  });
  const populationBatch = (method: string, path: string) => method === "POST" && path === "/api/integrations/population-records";
  app.use("/api/*", (c, next) => (ownLimit(c.req.method, c.req.path) ? next() : populationBatch(c.req.method, c.req.path) ? populationBodyLimit(c, next) : apiBodyLimit(c, next)));
  // The webhooks and the console check after their own body limits (routes/webhook.ts,
  // console/index.tsx): reading a body here first would leave nothing for their limit to read.
  const refuseNul = refuseNulCharacters();
  const ownCheck = (path: string) => path.startsWith("/webhooks/") || path === "/staff" || path.startsWith("/staff/");
  app.use("*", (c, next) => (ownCheck(c.req.path) ? next() : refuseNul(c, next)));

  // Liveness: the process answers. It never waits on the database, so that a database outage does
  // not get every instance restarted at once; whether to send traffic here is `/readyz`'s answer.
  app.get("/healthz", (c) => c.json({ status: "ok", mode: deps.config.ZALO_MODE }));
  // Readiness: the database answers, every migration is applied, and the instance is not shutting down.
  app.get("/readyz", async (c) => {
    const r = deps.readiness ? await deps.readiness() : { ok: true as const };
    return r.ok ? c.json({ status: "ready" }) : c.json({ status: "not_ready", reason: r.reason }, 503);
  });
  app.get("/metrics", async (c) => c.text(await metrics.registry.metrics(), 200, { "content-type": metrics.registry.contentType }));

  documentWebhooks(app);
  // Zalo waits for these: bulk work in this process (a population sync) gives them way.
  const { foreground } = deps;
  if (foreground) app.use("/webhooks/*", (c, next) => foreground.run(next));
  app.route("/webhooks", webhookRoutes({ db: deps.db, config: deps.config, now: deps.now, onStored: deps.onWebhookStored ?? (() => undefined) }));
  app.route("/api/integrations", integrationRoutes(deps));
  app.route("/api/me", meRoutes({ ...deps, graph: deps.zalo.graph }));
  app.route("/api/rules", rulesRoutes());
  app.route("/api/services", serviceRoutes());
  app.route("/api/faq", faqRoutes({ db: deps.db, faq: deps.faq, now: deps.now }));
  // One per app: it bounds this process's password checks (the failure counts are in the database).
  const logins = createStaffLogins(deps);
  app.route("/api/staff", staffRoutes({ ...deps, logins }));
  app.route("/api", publicRoutes(deps.db));
  app.route("/staff", consoleRoutes({ ...deps, logins }));
  if (deps.simRoutes) app.route("/sim", deps.simRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer", description: "Machine client API key (one per hospital or case system)" });
  app.openAPIRegistry.registerComponent("securitySchemes", "staffSession", { type: "http", scheme: "bearer", description: "Staff session token from POST /api/staff/session" });
  app.openAPIRegistry.registerComponent("securitySchemes", "zaloAccessToken", { type: "http", scheme: "bearer", description: "Zalo Mini App access token (zmp-sdk getAccessToken)" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "HCCĐ on Zalo — proactive public services API", version: "0.1.0", description: "Integrations (hospitals, the provincial case system) and the citizen API used by the Zalo Mini App." },
  });

  app.notFound((c) => c.json<ErrorEnvelope>({ error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.onError((err, c) => {
    if (err instanceof DomainError) {
      if (err instanceof RetryLater) c.header("retry-after", String(err.retryAfterSeconds));
      return c.json<ErrorEnvelope>({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } }, err.status);
    }
    if (err instanceof HTTPException) {
      // Hono's own 4xx, e.g. malformed JSON in a body.
      const code = err.status === 400 ? "bad_request" : `http_${err.status}`;
      return c.json<ErrorEnvelope>({ error: { code, message: err.message || "bad request" } }, err.status);
    }
    (c.var.log ?? deps.logger).error({ err, requestId: c.var.requestId }, "unhandled error");
    return c.json<ErrorEnvelope>({ error: { code: "internal", message: `internal error; quote request id ${c.var.requestId ?? "unknown"}` } }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
