import { serve } from "@hono/node-server";
import { ConfigError, databaseLabel, parseConfig } from "./config.js";
import { createRuntime, startupProblem } from "./runtime.js";
import { draftLink } from "./services/delivery/notifications.js";

/** Within an orchestrator's usual grace period (30 s) before it kills the process. */
const SHUTDOWN_GRACE_MS = 25_000;

/** Starts the backend: `pnpm start:server`. Configuration comes from the environment (see README). */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const runtime = await createRuntime(config);
  const { logger } = runtime;
  runtime.startWork();
  const server = serve({ fetch: runtime.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const base = `http://${config.HOST === "0.0.0.0" ? "localhost" : info.address}:${info.port}`;
    logger.info({ url: base, mode: config.ZALO_MODE, database: databaseLabel(config) }, "backend listening");
    const lines = [
      "",
      `  HCCĐ backend     ${base}  (ZALO_MODE=${config.ZALO_MODE}, ${databaseLabel(config)})`,
      `  OpenAPI          ${base}/openapi.json`,
      `  Health, metrics  ${base}/healthz  ${base}/metrics`,
    ];
    if (config.ZALO_MODE === "sim") {
      lines.push(`  Zalo simulator   ${base}/sim/zalo/messages?phone=84912345678`);
      if (config.INTEGRATION_API_KEYS.some((k) => k.key.startsWith("dev-"))) {
        lines.push(`  Dev API keys     ${config.INTEGRATION_API_KEYS.map((k) => `${k.clientId}=${k.key}`).join("  ")}`);
      }
    }
    if (runtime.demoDraftId) lines.push(`  Demo draft       ${draftLink(config, runtime.demoDraftId)}`);
    process.stdout.write(`${lines.join("\n")}\n\n`);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    // Past this, what is left is given up: claims and leases run out and another instance takes over.
    setTimeout(() => {
      logger.error({ ms: SHUTDOWN_GRACE_MS }, "shutdown took too long: exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // No new work (readiness 503, no new claims, leases released), no new connections; requests in
    // flight and claimed work finish; then the database closes.
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.stopWork();
    await requestsDone;
    await runtime.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  // A setting found wrong at start (ATTACHMENTS_DIR not there), the database not there: said without a stack trace.
  const problem = startupProblem(err);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  // The database could not be migrated, or the demo seed failed: say why and stop.
  process.stderr.write(`backend failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
