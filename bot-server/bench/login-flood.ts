/**
 * Login flood benchmark: what bogus staff logins do to everyone else. The backend listens on
 * loopback in this process; `wrk` (a separate process: Node's own fetch would be the bottleneck)
 * measures another endpoint's p50/p99, alone and while an attacker process posts wrong passwords
 * at a fixed rate (open loop: it does not wait for answers), first from a new address and username
 * each time (TRUST_PROXY_HOPS=1, so every attempt costs a password check), then all from one
 * address (throttled after LOGIN_LIMITS.client failures: answered 429 without a check).
 * BENCH_LOGIN_RATE (default 9 a second, the rate of the finding), BENCH_LOGIN_SECONDS (default 10).
 */
import { serve, type ServerType } from "@hono/node-server";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { createStaffUser } from "../src/services/staff/staff-auth.js";

const RATE = Number(process.env.BENCH_LOGIN_RATE ?? 9);
const SECONDS = Number(process.env.BENCH_LOGIN_SECONDS ?? 10);
/** The endpoint measured: a public GET that does a little work (the vaccination calendar of a child). */
const MEASURED = "/api/rules/vaccination-schedule?dob=2026-01-15";

/** The attacker, as its own process: `rate` POSTs a second for `seconds`, counting answers by status. */
const ATTACKER = `
const http = require("node:http");
const [url, rate, seconds, rotate] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const counts = {};
let sent = 0, done = 0;
const total = Math.round(Number(rate) * Number(seconds));
const timer = setInterval(() => {
  if (sent >= total) return clearInterval(timer);
  const i = sent++;
  const body = JSON.stringify({ username: rotate === "1" ? "ke-do-" + i : "admin", password: "sai-mat-khau-" + i });
  const ip = rotate === "1" ? "10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255) : "203.0.113.7";
  const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": ip } }, (res) => {
    res.resume();
    res.on("end", () => { counts[res.statusCode] = (counts[res.statusCode] || 0) + 1; if (++done === total) { console.log(JSON.stringify(counts)); process.exit(0); } });
  });
  req.on("error", () => { counts.error = (counts.error || 0) + 1; if (++done === total) { console.log(JSON.stringify(counts)); process.exit(0); } });
  req.end(body);
}, 1000 / Number(rate));
`;

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}`))));
  });
}

/** wrk's latency distribution line (`50%  3.21ms`) in milliseconds. */
function wrkPercentile(out: string, p: number): number {
  const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
}

async function measure(base: string) {
  const out = await run("wrk", ["-t1", "-c8", `-d${SECONDS}s`, "--latency", `${base}${MEASURED}`]);
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  return { p50Ms: wrkPercentile(out, 50), p99Ms: wrkPercentile(out, 99), perSecond };
}

async function underAttack(base: string, rotate: boolean) {
  const attacker = run(process.execPath, ["-e", ATTACKER, `${base}/api/staff/session`, String(RATE), String(SECONDS), rotate ? "1" : "0"]);
  const measured = await measure(base);
  const answers = JSON.parse((await attacker).trim() || "{}") as Record<string, number>;
  return { ...measured, loginAnswers: answers };
}

export async function runLoginFloodBench() {
  if (!(await run("wrk", ["--version"]).then(() => true, (err: NodeJS.ErrnoException) => err.code !== "ENOENT"))) {
    console.log(JSON.stringify({ bench: "login-flood", skipped: "wrk is not installed (apt-get install wrk)" }));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-login-"));
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", TRUST_PROXY_HOPS: "1", SWEEP_INTERVAL_MS: "0" });
  const runtime = await createRuntime(config, { dbPath: join(dir, "bench.db"), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  await createStaffUser(runtime.services, { username: "admin", displayName: "Quản trị", password: "mật-khẩu-đủ-dài-2026", role: "admin" });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    await measure(base); // warm-up
    const alone = await measure(base);
    const rotating = await underAttack(base, true);
    const oneAddress = await underAttack(base, false);
    console.log(JSON.stringify({ bench: "login-flood", endpoint: MEASURED, loginsPerSecond: RATE, seconds: SECONDS, alone, attackFromNewAddresses: rotating, attackFromOneAddress: oneAddress }, null, 2));
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLoginFloodBench();
