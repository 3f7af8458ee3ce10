import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { SQL } from "drizzle-orm";
import { queryRows } from "@hccd/db";
import { createLogger, createRuntime, parseConfig, type Runtime } from "@hccd/bot-server";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const miniAppDir = join(repoRoot, "mini-app");
export const artifactsDir = join(repoRoot, "test", "artifacts");

/** Newest modification time of any file under these folders. */
function newestMtime(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "www") continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return newest;
}

/**
 * Builds the Mini App for production (the tests run against the real build), unless the build is
 * newer than every source it comes from: several test files share one build per run.
 */
export function buildMiniApp(): string {
  const www = join(miniAppDir, "www");
  const index = join(www, "index.html");
  const fresh = existsSync(index) && statSync(index).mtimeMs > newestMtime([join(miniAppDir, "src"), join(repoRoot, "shared", "src"), join(miniAppDir, "index.html"), join(miniAppDir, "vite.config.ts")].filter(existsSync).map((p) => (statSync(p).isDirectory() ? p : dirname(p))));
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the tests
  // must run (and measure) what ships.
  if (!fresh) execFileSync("pnpm", ["--filter", "@hccd/mini-app", "build"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  return www;
}

export interface DemoServer {
  url: string;
  runtime: Runtime;
  /** Raw SQL for assertions (`sql` from drizzle-orm), values in SQLite's shapes on either engine. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** How long the simulated case system takes per step, in ms (300 unless told). */
  caseStepMs?: number;
}

/**
 * The backend (sim mode, demo seed, a temporary SQLite file, the outbox worker running) and the
 * built Mini App on one localhost origin, as a parent's browser would meet them. The host name is
 * `localhost` on purpose: zmp-sdk answers with stubs there, and the app uses its dev identity.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const www = buildMiniApp();
  const dir = mkdtempSync(join(tmpdir(), "hccd-e2e-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // QUIET_HOURS 0-0 (none): these tests walk a journey, not the clock. With the default 21-7 a run
  // at night in Vietnam (CI at 21:39 UTC is 04:39 there) defers the mother's notice to 07:00 and the
  // test waits for nothing. Quiet hours have their own tests (channel-policy, outbox worker).
  const config = parseConfig({ ZALO_MODE: "sim", SEED: "demo", CASE_SIM_STEP_MS: String(opts.caseStepMs ?? 300), LOG_LEVEL: "silent", MINI_APP_URL: url, QUIET_HOURS: "0-0" });
  const runtime = await createRuntime(config, { dbPath: join(dir, "e2e.db"), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  runtime.worker.start();
  runtime.scheduler.start();
  runtime.campaigns.start();

  const outer = new Hono();
  const root = relative(process.cwd(), www) || ".";
  // As Zalo's CDN serves a Mini App: compressed, and hashed assets cached for good.
  outer.use("*", compress());
  outer.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.ok) c.header("cache-control", "public, max-age=31536000, immutable");
  });
  outer.use("/assets/*", serveStatic({ root }));
  // Where Zalo serves a Mini App (`/zapps/<APP_ID>/`): the browser tests that play "inside Zalo" open it here.
  outer.use("/zapps/:appId/assets/*", serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/zapps\/[^/]+/, "") }));
  for (const p of ["/api/*", "/sim/*", "/staff", "/staff/*", "/healthz", "/metrics", "/openapi.json"]) outer.all(p, (c) => runtime.app.fetch(c.req.raw));
  outer.use("*", serveStatic({ root }));
  outer.get("*", serveStatic({ root, path: "index.html" }));

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: outer.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    url,
    runtime,
    rows: <T,>(query: SQL) => queryRows<T>(runtime.handle.db, query),
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
