#!/usr/bin/env node
// `pnpm test:at HH:MM [vitest arguments…]`: runs the tests with every clock set to that time of
// today in Vietnam (UTC+7), or `pnpm test:at YYYY-MM-DDTHH:MM …` for another day. The clock keeps
// running from there. No test may depend on the hour; this is how to prove it (e.g. at 02:30 and at
// 21:30, on either side of the quiet hours).
//
// libfaketime (Debian: apt-get install faketime) is preloaded into every process the run starts:
// vitest, the backends the tests start, and Chromium, whose pages read the same shifted clock.
// Chromium hangs in libfaketime's monotonic fix for timed waits, so the monotonic clock is left
// alone (timers and timeouts run on real time) and that fix is off.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const usage = "usage: pnpm test:at HH:MM|YYYY-MM-DDTHH:MM [vitest arguments…]   e.g. pnpm test:at 02:30 --project e2e";

const [when, ...vitestArgs] = process.argv.slice(2);
const m = /^(?:(\d{4}-\d{2}-\d{2})[T ])?([01]?\d|2[0-3]):([0-5]\d)$/.exec(when ?? "");
if (!m) {
  console.error(when ? `"${when}" is not a time of day (HH:MM, Vietnam time)\n${usage}` : usage);
  process.exit(1);
}
const today = new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
const target = `${m[1] ?? today}T${m[2].padStart(2, "0")}:${m[3]}:00+07:00`;
const targetMs = Date.parse(target);
if (Number.isNaN(targetMs)) {
  console.error(`"${when}" is not a date and time\n${usage}`);
  process.exit(1);
}

const candidates = [
  process.env.FAKETIME_LIB,
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
  "/usr/local/lib/faketime/libfaketime.so.1",
].filter(Boolean);
const lib = candidates.find((p) => existsSync(p));
if (!lib) {
  console.error(`libfaketime not found (tried ${candidates.join(", ")}): apt-get install faketime, or set FAKETIME_LIB`);
  process.exit(1);
}

// A relative offset in seconds: the faked clock advances with the real one.
const offsetSeconds = Math.round((targetMs - Date.now()) / 1000);
const env = {
  ...process.env,
  LD_PRELOAD: [lib, process.env.LD_PRELOAD].filter(Boolean).join(" "),
  FAKETIME: `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`,
  FAKETIME_DONT_FAKE_MONOTONIC: "1",
  FAKETIME_FORCE_MONOTONIC_FIX: "0",
};

// The shift must have taken: a process started with this environment reads the chosen time.
const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(String(Date.now()))"], { env, encoding: "utf8" });
const seen = Number(probe.stdout);
if (!(Math.abs(seen - targetMs) < 120_000)) {
  console.error(`the clock did not move to ${target} (a child process read ${Number.isFinite(seen) ? new Date(seen).toISOString() : probe.stderr}); is ${lib} libfaketime?`);
  process.exit(1);
}
console.log(`Tests at ${target} (Vietnam time; clock shifted by ${env.FAKETIME} s for every process, Chromium included)`);

const vitest = spawnSync("pnpm", ["exec", "vitest", "run", ...vitestArgs], { cwd: root, env, stdio: "inherit" });
process.exit(vitest.status ?? 1);
