#!/usr/bin/env node
// SQLite before and after the asynchronous data layer (issue 14): runs the same benchmarks — the
// reminder sweep, the delivery and the import — on a `git worktree` of an older commit (default
// 1e51905, main before the async layer: synchronous data access) and on this working tree, one
// after the other, and prints a table of the figures with after/before ratios.
//
//   node scripts/bench-compare.mjs [--before <rev>] [--only sweep,delivery,import] [--pairs n] [--keep]
//
// Each side runs its own `bot-server/bench/<name>.ts` (the benches were only made async between
// the two, so they measure the same work) with the same sizes, taken from the environment:
// BENCH_SWEEP_DOCUMENTS (default 1,000,000), BENCH_DELIVERY_MESSAGES (100,000), BENCH_IMPORT_ROWS
// (100,000), BENCH_ROUNDS (3). Generated sweep databases are kept in <tmp>/hccd-bench-compare per
// commit and size, so a second run skips the generation. The old commit's worktree is made in
// <tmp>/hccd-bench-compare/before-<sha> with its own `pnpm install` (from pnpm's store) and removed
// at the end unless --keep. Only SQLite is compared: there was no PostgreSQL before.
//
// Figures are only comparable on a quiet machine: the script prints the load average before and
// after so a busy run can be recognised. --pairs n runs each bench n times on each side, old and
// new in turns (old first, then new first, …), and reports the median of each side's figures, so a
// change in the machine's load falls on both sides alike.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    before: { type: "string", default: "1e51905" },
    only: { type: "string", default: "sweep,delivery,import" },
    keep: { type: "boolean", default: false },
    pairs: { type: "string", default: "1" },
  },
});

const after = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(tmpdir(), "hccd-bench-compare");
mkdirSync(work, { recursive: true });
const git = (cwd, ...a) => execFileSync("git", a, { cwd, encoding: "utf8" }).trim();
const beforeSha = git(after, "rev-parse", "--short", `${args.before}^{commit}`);
const afterSha = git(after, "rev-parse", "--short", "HEAD") + (git(after, "status", "--porcelain") ? "+changes" : "");
const before = join(work, `before-${beforeSha}`);

/** The figures each bench prints, read from its output (the same wording on both sides). */
const BENCHES = {
  sweep: {
    metrics: [
      { name: "sweep, median s", better: "lower", re: /sweep\b.*?queued.*?median ([\d.]+) s over/ },
      { name: "sweep, peak RSS MB", better: "lower", re: /sweep\b.*?queued.*?peak RSS of the sweep process (\d+) MB/ },
    ],
  },
  delivery: {
    metrics: [
      { name: "delivery, median msg/s", better: "higher", re: /delivery:.*?median (\d+) messages\/s/ },
      { name: "delivery, worker CPU ms/msg", better: "lower", re: /delivery:.*?CPU per message: worker ([\d.]+) ms/ },
    ],
  },
  import: {
    metrics: [
      { name: "import, median s", better: "lower", re: /import:.*?median ([\d.]+) s over/ },
      { name: "import, rows/s", better: "higher", re: /import:.*?, (\d+) rows\/s/ },
      { name: "import, longest event-loop stall ms", better: "lower", re: /import:.*?longest event-loop stall (\d+) ms/ },
    ],
  },
};

function prepareBefore() {
  if (!existsSync(before)) {
    console.error(`bench-compare: worktree of ${beforeSha} in ${before}`);
    git(after, "worktree", "add", "--quiet", "--detach", before, beforeSha);
  }
  console.error("bench-compare: pnpm install in the old worktree (from the store)");
  const r = spawnSync("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: before, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error("pnpm install failed in the old worktree");
}

function runBench(tree, sha, name) {
  const docs = process.env.BENCH_SWEEP_DOCUMENTS ?? "1000000";
  const env = {
    ...process.env,
    // SQLite only on both sides, whatever PostgreSQL the environment names.
    BENCH_ENGINE: "sqlite",
    HCCD_BENCH_DATABASE_URL: "",
    HCCD_TEST_DATABASE_URL: "",
    BENCH_SWEEP_SOURCE: join(work, `sweep-${sha}-${docs}.db`),
    // As a province runs it (no development-only checks), on both sides.
    NODE_ENV: "production",
  };
  console.error(`bench-compare: ${name} on ${sha} (${tree})`);
  const r = spawnSync("pnpm", ["exec", "tsx", `bench/${name}.ts`], { cwd: join(tree, "bot-server"), env, encoding: "utf8", maxBuffer: 1 << 24 });
  process.stderr.write(r.stdout);
  if (r.status !== 0) throw new Error(`${name} failed on ${sha}:\n${r.stderr}`);
  return BENCHES[name].metrics.map((m) => {
    const hit = r.stdout.match(m.re);
    if (!hit) throw new Error(`${name} on ${sha}: "${m.name}" not found in its output`);
    return Number(hit[1]);
  });
}

const pairs = Number(args.pairs);
if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs must be a whole number ≥ 1, not ${args.pairs}`);
/** The middle value; for an even count the mean of the two middle ones (so each metric of two runs is their mean). */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Number(((s[m - 1] + s[m]) / 2).toPrecision(4));
}

const only = args.only.split(",").map((s) => s.trim());
for (const name of only) if (!(name in BENCHES)) throw new Error(`unknown bench ${name}: one of ${Object.keys(BENCHES).join(", ")}`);
const load0 = loadavg()[0];
prepareBefore();
const rows = [];
try {
  for (const name of only) {
    const old = [];
    const now = [];
    for (let p = 0; p < pairs; p++) {
      if (p % 2 === 0) old.push(runBench(before, beforeSha, name));
      now.push(runBench(after, afterSha, name));
      if (p % 2 === 1) old.push(runBench(before, beforeSha, name));
    }
    BENCHES[name].metrics.forEach((m, i) => rows.push({ metric: m.name, before: median(old.map((f) => f[i])), after: median(now.map((f) => f[i])), better: m.better }));
  }
} finally {
  if (!args.keep) git(after, "worktree", "remove", "--force", before);
}

const SIZES = { sweep: ["BENCH_SWEEP_DOCUMENTS", "1000000"], delivery: ["BENCH_DELIVERY_MESSAGES", "100000"], import: ["BENCH_IMPORT_ROWS", "100000"] };
const sizes = [...only.map((name) => `${SIZES[name][0]}=${process.env[SIZES[name][0]] ?? SIZES[name][1]}`), `BENCH_ROUNDS=${process.env.BENCH_ROUNDS ?? "3"}`].join(" ") + `, ${pairs} run${pairs > 1 ? "s" : ""} of each side in turns`;
console.log(`SQLite before (${beforeSha}, synchronous) and after (${afterSha}, asynchronous layer); ${sizes}; load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
const table = [["metric", `before ${beforeSha}`, `after ${afterSha}`, "after/before", "better"], ...rows.map((r) => [r.metric, String(r.before), String(r.after), (r.after / r.before).toFixed(2), r.better])];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`);
  if (i === 0) console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
}
