import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ServiceDeps } from "./deps.js";
import { outboxCounts } from "./services/delivery/outbox-counts.js";

export interface HttpMetrics {
  registry: Registry;
  observe(method: string, route: string, status: number, seconds: number): void;
}

/** A Prometheus registry per app (no global default registry), with HTTP and outbox metrics. */
export function createMetrics(db: ServiceDeps["db"], opts: { defaultMetrics?: boolean } = {}): HttpMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "hccd_" });
  const requests = new Counter({ name: "hccd_http_requests_total", help: "HTTP requests by route and status", labelNames: ["method", "route", "status"], registers: [registry] });
  const duration = new Histogram({
    name: "hccd_http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  new Gauge({
    name: "hccd_outbox_messages",
    help: "Outbox rows by kind and status",
    labelNames: ["kind", "status"],
    registers: [registry],
    async collect() {
      const counts = await outboxCounts(db);
      this.reset();
      for (const r of counts) this.set({ kind: r.kind, status: r.status }, r.count);
    },
  });
  return {
    registry,
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
  };
}
