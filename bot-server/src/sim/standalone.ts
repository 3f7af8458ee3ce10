import { Hono } from "hono";
import type { Config } from "../config.js";
import { createSmsSimRoutes, createSmsSimulator } from "../adapters/sms/simulator.js";
import { createZaloSimulator } from "../adapters/zalo/simulator.js";
import { createZaloSimRoutes } from "./zalo-sim-routes.js";
import { simTemplates } from "../runtime.js";

/**
 * The Zalo and SMS simulators on their own, for a worker in another process (`pnpm hccd simulate`,
 * the crash test): the platform APIs under `/zalo` and `/sms` (set `ZALO_SIM_URL=<base>/zalo`,
 * `SMS_GATEWAY_URL=<base>/sms`, `SMS_API_KEY=sim-sms-key`), what they delivered under `/_sim/zalo`
 * and `/_sim/sms`. They outlive the worker, so deliveries are counted across its restarts.
 */
export function createStandaloneSimulators(config: Config, opts: { now?: () => Date; responseDelayMs?: number } = {}) {
  const zalo = createZaloSimulator({ templates: simTemplates(config), dailyQuota: config.ZALO_SIM_DAILY_QUOTA, ...(opts.now ? { now: opts.now } : {}) });
  const sms = createSmsSimulator(opts.now ? { now: opts.now } : {});
  const app = new Hono();
  // A slow network: the platform has delivered, its answer is still on the way (the window a crash
  // must survive without sending twice).
  if (opts.responseDelayMs) {
    const delay = opts.responseDelayMs;
    app.use("/zalo/*", async (_c, next) => {
      await next();
      await new Promise((r) => setTimeout(r, delay));
    });
    app.use("/sms/*", async (_c, next) => {
      await next();
      await new Promise((r) => setTimeout(r, delay));
    });
  }
  app.route("/zalo", zalo.api);
  app.route("/sms", sms.api);
  app.route("/_sim/zalo", createZaloSimRoutes(zalo));
  app.route("/_sim/sms", createSmsSimRoutes(sms));
  return { app, zalo, sms };
}
