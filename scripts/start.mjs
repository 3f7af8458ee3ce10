#!/usr/bin/env node
// `pnpm start`: installs what is missing, then starts the backend (simulators, migrated and seeded
// demo database) and the Mini App dev server, and prints the URLs. Ctrl+C stops both, waits for
// them, says so in one line and exits 0.
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

// The backend and Vite run as our own children, not through pnpm: pnpm reports a script stopped by
// a signal as a failure ("Command failed with signal SIGTERM"), and Ctrl+C is how a demo ends.
const children = [
  { name: "backend", signal: "SIGINT", proc: spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: join(root, "bot-server"), env, stdio: "inherit" }) },
  {
    name: "Mini App dev server",
    signal: "SIGTERM",
    proc: spawn(process.execPath, [join(root, "mini-app", "node_modules", "vite", "bin", "vite.js"), "--host", "127.0.0.1", "--port", appPort, "--strictPort"], { cwd: join(root, "mini-app"), env, stdio: ["ignore", "ignore", "inherit"] }),
  },
];
const running = (c) => c.proc.exitCode === null && c.proc.signalCode === null;
/** Ended as asked: done, or stopped by the signal a stop sends (a terminal's Ctrl+C reaches every child too). */
const stoppedCleanly = (c) => c.proc.exitCode === 0 || c.proc.signalCode === "SIGINT" || c.proc.signalCode === "SIGTERM";

let stopping = false;
/** Stops every child and waits for them (the backend finishes what it is sending), then exits with `code`. */
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (running(c)) c.proc.kill(c.signal);
  const force = setTimeout(() => {
    for (const c of children.filter(running)) {
      console.error(`The ${c.name} did not stop within 10 s: killed.`);
      c.proc.kill("SIGKILL");
    }
  }, 10_000);
  const done = () => {
    if (children.some(running)) return;
    clearTimeout(force);
    if (code !== 0) process.exit(code);
    const failed = children.filter((c) => !stoppedCleanly(c));
    for (const c of failed) console.error(`The ${c.name} ended with ${c.proc.signalCode ?? `exit code ${c.proc.exitCode}`}.`);
    if (failed.length === 0) console.log("The demo has stopped.");
    process.exit(failed.length === 0 ? 0 : 1);
  };
  for (const c of children) c.proc.once("exit", done);
  done();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const c of children) {
  c.proc.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`The ${c.name} stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
    stop(1);
  });
}

async function waitFor(url, what) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    if (stopping) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not start at ${url} within 2 minutes.`);
}

try {
  await waitFor(`${backendUrl}/healthz`, "The backend");
  await waitFor(`http://127.0.0.1:${appPort}/`, "The Mini App dev server");
} catch (err) {
  console.error(err.message);
  stop(1);
}
if (stopping) await new Promise(() => {});
const demo = await fetch(`${backendUrl}/sim/demo`).then((r) => (r.ok ? r.json() : null)).catch(() => null);
const link = demo?.link;
console.log(`
  ┌ HCCĐ on Zalo is running (simulated Zalo and case system)
  │ Mini App          ${appUrl}
  │ Demo draft        ${link ?? "(none: SEED is not demo)"}
  │                   a birth certificate arrived; open the link as the mother and,
  │                   when asked to share the phone number, tap her account (0912345678)
  │ Chat with the OA  ${backendUrl}/sim/chat   (as a citizen, through the signed webhook)
  │ Zalo messages     ${backendUrl}/sim/zalo/messages?phone=84912345678
  │                   (what the simulated Zalo delivered to her since this start: open it
  │                   in a browser and tap the notice's button; &format=json for programs)
  │ A reminder        ${backendUrl}/sim/zalo/messages?phone=84987654321
  │                   (the father's tour guide card expires in 30 days; add lists with
  │                   pnpm hccd import FILE, staff accounts with pnpm hccd staff create)
  │ ID card renewal   ${backendUrl}/sim/zalo/messages?phone=84903111222
  │                   (the province's population platform pushed a neighbourhood at start,
  │                   contract 5: Phạm Minh Tuấn's ID card lapses at 25 in 30 days; the
  │                   batch and who else to look at: ${backendUrl}/sim/population)
  │ Quiet hours       ${env.QUIET_HOURS === "0-0" ? "none in the demo: notices go at once (QUIET_HOURS=21-7 pnpm start: as production)" : `${env.QUIET_HOURS} (Vietnam time): notices due then wait`}
  │ Staff console     ${backendUrl}/staff
  │                   demo accounts, password hccd-demo-2026: quan-tri (admin),
  │                   so-vhttdl (department), phuong-tan-ninh (ward), truyen-thong
  │                   (communications), nguoi-xem (viewer)
  │ Backend API       ${backendUrl}/openapi.json
  │ Health, metrics   ${backendUrl}/healthz  ${backendUrl}/metrics
  └ Ctrl+C stops everything.
`);
