#!/usr/bin/env node
// `pnpm start`: installs what is missing, then starts the backend (simulators, migrated and seeded
// demo database) and the Mini App dev server, and prints the URLs. Ctrl+C stops both.
// Uses only Node's standard library, so it runs before dependencies are installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { demoEnv } from "./demo-env.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const backendPort = process.env.PORT ?? "8787";
const appPort = process.env.MINI_APP_PORT ?? "5173";
const backendUrl = `http://127.0.0.1:${backendPort}`;
const appUrl = `http://localhost:${appPort}`;

function needsInstall() {
  const marker = join(root, "node_modules", ".modules.yaml");
  if (!existsSync(marker)) return true;
  return statSync(join(root, "pnpm-lock.yaml")).mtimeMs > statSync(marker).mtimeMs;
}

if (needsInstall()) {
  console.log("Installing dependencies (first run compiles better-sqlite3: about a minute)…");
  const r = spawnSync("pnpm", ["install", "--frozen-lockfile"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = demoEnv(process.env, { root, backendPort, appUrl, backendUrl });

const children = [
  spawn("pnpm", ["--filter", "@hccd/bot-server", "start"], { cwd: root, env, stdio: "inherit" }),
  spawn("pnpm", ["--filter", "@hccd/mini-app", "exec", "vite", "--host", "127.0.0.1", "--port", appPort, "--strictPort"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] }),
];

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const c of children) c.on("exit", (code) => !stopping && (console.error(`a process exited (${code}); stopping`), stop(code ?? 1)));

async function waitFor(url, what) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not start at ${url}`);
}

await waitFor(`${backendUrl}/healthz`, "backend");
await waitFor(`http://127.0.0.1:${appPort}/`, "mini app");
const demo = await fetch(`${backendUrl}/sim/demo`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
const link = demo?.link;
console.log(`
  ┌ HCCĐ on Zalo is running (simulated Zalo and case system)
  │ Mini App          ${appUrl}
  │ Demo draft        ${link ?? "(none: SEED is not demo)"}
  │                   a birth certificate arrived; open the link as the mother and,
  │                   when asked for the phone number, type the test phone 0912345678
  │ Chat with the OA  ${backendUrl}/sim/chat   (as a citizen, through the signed webhook)
  │ Zalo messages     ${backendUrl}/sim/zalo/messages?phone=84912345678
  │                   (what the simulated Zalo delivered to her since this start)
  │ A reminder        ${backendUrl}/sim/zalo/messages?phone=84987654321
  │                   (the father's tour guide card expires in 30 days; add lists with
  │                   pnpm hccd import FILE, staff accounts with pnpm hccd staff create)
  │ Staff console     ${backendUrl}/staff
  │                   demo accounts, password hccd-demo-2026: quan-tri (admin),
  │                   so-vhttdl (department), phuong-tan-ninh (ward), truyen-thong
  │                   (communications), nguoi-xem (viewer)
  │ Backend API       ${backendUrl}/openapi.json
  │ Health, metrics   ${backendUrl}/healthz  ${backendUrl}/metrics
  └ Ctrl+C stops everything.
`);
