import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import type { Logger } from "../logger.js";
import type { HttpMetrics } from "../metrics.js";

/** One JSON line per request with its id, route, status and duration; a child logger for the handler. */
export function requestLog(logger: Logger, metrics: HttpMetrics): MiddlewareHandler<AppEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    const log = logger.child({ requestId: c.var.requestId });
    c.set("log", log);
    await next();
    const ms = performance.now() - started;
    const route = c.req.routePath || "unmatched";
    metrics.observe(c.req.method, route, c.res.status, ms / 1000);
    // Paths may carry ids, never personal data; the query string is left out on purpose.
    log.info({ method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(ms * 10) / 10 }, "request");
  };
}
