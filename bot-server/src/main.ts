import { serve } from "@hono/node-server";
import { ConfigError, databaseLabel, parseConfig } from "./config.js";
import { createRuntime } from "./runtime.js";
import { draftLink } from "./services/delivery/notifications.js";

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
  runtime.worker.start();
  runtime.scheduler.start();
  runtime.campaigns.start();
  runtime.importResumer.start();
  // Webhook events stored but not processed before a stop are processed now.
  void runtime.webhooks.kick();
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
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    server.close();
    void runtime.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  // The database could not be opened or migrated, or the demo seed failed: say why and stop.
  process.stderr.write(`backend failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
