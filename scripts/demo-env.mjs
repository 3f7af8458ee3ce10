// The backend's environment under `pnpm start` (scripts/start.mjs), in one place so the tests can
// build the demo exactly as a newcomer gets it. Standard library only: it runs before any install.
import { join } from "node:path";

/**
 * The demo: simulated Zalo and case system, the demo seed, `data/demo.db`, and no quiet hours, so a
 * newcomer sees the demo's notices at once whatever the hour (`pnpm start:server` keeps the
 * production default, 21-7). Every value the caller's environment sets wins:
 * `QUIET_HOURS=21-7 pnpm start` shows production's quiet hours.
 * @param {Record<string, string | undefined>} env the caller's environment
 * @param {{ root: string; backendPort: string; appUrl: string; backendUrl: string }} at where the demo runs
 * @returns {Record<string, string | undefined>}
 */
export function demoEnv(env, at) {
  return {
    ...env,
    PORT: at.backendPort,
    SEED: env.SEED ?? "demo",
    ZALO_MODE: env.ZALO_MODE ?? "sim",
    DATABASE_PATH: env.DATABASE_PATH ?? join(at.root, "data", "demo.db"),
    MINI_APP_URL: env.MINI_APP_URL ?? at.appUrl,
    CASE_SIM_STEP_MS: env.CASE_SIM_STEP_MS ?? "5000",
    QUIET_HOURS: env.QUIET_HOURS ?? "0-0",
    // The terminal shows the demo's URLs and warnings, not a JSON line per request (LOG_LEVEL=info shows them).
    LOG_LEVEL: env.LOG_LEVEL ?? "warn",
    BACKEND_URL: at.backendUrl,
  };
}
