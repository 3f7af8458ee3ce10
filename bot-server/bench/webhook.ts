/**
 * Webhook intake benchmark: signed OA events per second and acknowledgement latency (p50/p99) of
 * `POST /webhooks/zalo` under wrk (1 thread, 32 connections, 8 s a round, 3 rounds), against
 * (a) a bare Hono handler that only reads the body, (b) the whole app on a SQLite file (WAL, as the
 * runtime opens it) and (c) the whole app on PostgreSQL when HCCD_BENCH_DATABASE_URL (or
 * HCCD_TEST_DATABASE_URL) names a server (a throwaway database is made on it and dropped after).
 * Each server runs in its own child process, not in wrk's or this one. Every request posts a new,
 * distinct event, pre-signed; after the rounds the inbox is counted: every acknowledged event must
 * be stored (and, the inbox's unique index, once). Loopback only.
 *
 * BENCH_WEBHOOK_SECONDS, BENCH_WEBHOOK_CONNECTIONS, BENCH_ROUNDS change the load; BENCH_PROCESS=1
 * or 0 runs the app only with or only without event processing (default: both); BENCH_NODE_ARGS
 * (e.g. `--cpu-prof`) go to the servers.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { createDb, queryRows } from "@hccd/db";
import { parseConfig } from "../src/index.js";
import { signEvent, textEvent } from "../src/webhook/events.js";
import { fmt, median } from "./stats.js";

const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Distinct events per round: more than the fastest server takes in a round, so none is sent twice. */
const EVENTS_PER_ROUND = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 40_000 * SECONDS);
const WARM_UP_SECONDS = 2;
/** BENCH_PROCESS=1: only with the bot processing events in the server's process; 0: intake alone; unset: both. */
const PROCESSING = process.env.BENCH_PROCESS === "1" ? [true] : process.env.BENCH_PROCESS === "0" ? [false] : [true, false];

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

interface WrkResult {
  requests: number;
  durationUs: number;
  non2xx: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  timeouts: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}
interface Round { perSecond: number; p50Ms: number; p99Ms: number; acknowledged: number; failed: number; cpuUsPerRequest: number; stallMs: number }

/** Writes `count` signed text events with distinct msg_ids, one "<signature>\t<body>" line each. */
export function writeEvents(file: string, count: number, tag: string): void {
  const config = parseConfig({ ZALO_MODE: "sim" });
  const secrets = { appId: config.ZALO_APP_ID!, oaId: config.ZALO_OA_ID!, oaSecretKey: config.ZALO_OA_SECRET_KEY!, appSecret: config.ZALO_APP_SECRET! };
  const lines: string[] = [];
  const at = new Date();
  for (let i = 0; i < count; i++) {
    const user = { oaUserId: String(8_200_000_000_000_000_000n + BigInt(i % 500)) };
    const { body, signature } = signEvent(textEvent(secrets, user, `câu hỏi số ${i} về đăng ký khai sinh`, at, `bench-${tag}-${i}`), secrets);
    lines.push(`${signature}\t${body}`);
  }
  writeFileSync(file, lines.join("\n") + "\n");
}

/** Starts a server child (`bare`, or `app <target>`) and waits for its URL. */
export interface Server { url: string; cpuUs: () => Promise<{ cpuUs: number; stallMs: number }>; stop: () => Promise<void> }
export async function startServer(args: string[], env: Record<string, string> = {}): Promise<Server> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(here, "webhook-server.ts"), ...args], { stdio: ["pipe", "pipe", "inherit"], cwd: join(here, ".."), env: { ...process.env, ...env } });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the benchmark server (${args[0]}) exited with ${code} before listening`)));
    lines.on("line", (line) => line.startsWith("ready ") && resolve(line.slice(6)));
  });
  return {
    url,
    cpuUs: () =>
      new Promise((resolve) => {
        const onLine = (line: string) => {
          if (!line.startsWith("cpu ")) return;
          lines.off("line", onLine);
          const [cpuUs, stallMs] = line.slice(4).split(" ").map(Number);
          resolve({ cpuUs: cpuUs!, stallMs: stallMs! });
        };
        lines.on("line", onLine);
        child.stdin!.write("cpu\n");
      }),
    stop: async () => {
      child.stdin!.end("stop\n");
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}

/**
 * `POST /webhooks/zalo` under wrk: `connections` each posting the next event as soon as the last is
 * answered (a flood, the server's throughput), or, with `pauseMs`, pausing that long between two
 * (a steady flow of about `connections × 1000 / pauseMs` events a second, the latency a citizen sees).
 */
export async function wrk(url: string, events: string, seconds: number, connections = CONNECTIONS, pauseMs?: number): Promise<WrkResult> {
  const env = pauseMs === undefined ? process.env : { ...process.env, WRK_PAUSE_MS: String(pauseMs) };
  const { stdout } = await run("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", join(here, "webhook-post.lua"), url, "--", events], { maxBuffer: 1 << 20, env });
  const json = stdout.split("\n").find((l) => l.startsWith("{"));
  if (!json) throw new Error(`wrk printed no figures:\n${stdout}`);
  return JSON.parse(json) as WrkResult;
}

/** One wrk run against `server`, with the server's CPU time per request (the figure a loaded machine disturbs least). */
async function round(server: Server, file: string, seconds: number): Promise<Round> {
  const before = await server.cpuUs();
  const r = await wrk(server.url, file, seconds);
  const after = await server.cpuUs();
  const cpuUs = after.cpuUs - before.cpuUs;
  const failed = r.non2xx + r.readErrors + r.writeErrors + r.timeouts + r.connectErrors;
  return { perSecond: r.requests / (r.durationUs / 1e6), p50Ms: r.p50Us / 1000, p99Ms: r.p99Us / 1000, acknowledged: r.requests - r.non2xx, failed, cpuUsPerRequest: cpuUs / Math.max(1, r.requests), stallMs: after.stallMs };
}

/** Warms a server up, then runs the rounds; returns them and how many events were acknowledged in all. */
async function measure(server: Server, files: { warmUp: string; rounds: string[] }): Promise<{ rounds: Round[]; acknowledged: number }> {
  const warm = await round(server, files.warmUp, WARM_UP_SECONDS);
  const rounds: Round[] = [];
  for (const file of files.rounds) rounds.push(await round(server, file, SECONDS));
  return { rounds, acknowledged: warm.acknowledged + rounds.reduce((n, r) => n + r.acknowledged, 0) };
}

/** A throwaway database on the PostgreSQL server at `url`; `drop` removes it. */
export async function throwawayPostgres(url: string, tag = "webhook"): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await createDb(url, { migrate: false, poolSize: 1 });
  if (admin.engine !== "postgres") throw new Error(`not a PostgreSQL URL: ${url}`);
  const name = `hccd_bench_${tag}_${randomBytes(4).toString("hex")}`;
  await admin.pool.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await admin.pool.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

async function inboxCount(target: string): Promise<{ stored: number; processed: number }> {
  const handle = await createDb(target, { migrate: false });
  try {
    const [row] = await queryRows<{ stored: number; processed: number }>(handle.db, sql`select count(*) as stored, count(processed_at) as processed from inbox where source = 'zalo_webhook'`);
    return { stored: Number(row?.stored ?? 0), processed: Number(row?.processed ?? 0) };
  } finally {
    await handle.close();
  }
}

const summary = (rounds: Round[]) => ({ perSecond: median(rounds.map((r) => r.perSecond)), p50Ms: median(rounds.map((r) => r.p50Ms)), p99Ms: median(rounds.map((r) => r.p99Ms)), cpuUsPerRequest: median(rounds.map((r) => r.cpuUsPerRequest)) });

export async function runWebhookBench() {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-webhook-"));
  const pgServer = process.env.HCCD_BENCH_DATABASE_URL ?? process.env.HCCD_TEST_DATABASE_URL;
  const results: { name: string; rounds: Round[]; acknowledged?: number; stored?: number; processed?: number }[] = [];
  try {
    const files = { warmUp: join(dir, "warm-up.tsv"), rounds: Array.from({ length: ROUNDS }, (_, r) => join(dir, `round-${r}.tsv`)) };
    writeEvents(files.warmUp, 40_000 * WARM_UP_SECONDS, "warm");
    files.rounds.forEach((file, r) => writeEvents(file, EVENTS_PER_ROUND, `r${r}`));

    const bare = await startServer(["bare"]);
    try {
      results.push({ name: "bare Hono handler (read body, 200)", ...(await measure(bare, files)) });
    } finally {
      await bare.stop();
    }

    // Each engine with the bot processing events in the same process (as `pnpm start` runs), and
    // without (intake alone: what another instance's processing leaves this one), each on a fresh database.
    for (const processing of PROCESSING) {
      const label = processing ? "processing on" : "intake only";
      const targets: { name: string; target: string; drop?: () => Promise<void> }[] = [{ name: `/webhooks/zalo on SQLite (file, WAL), ${label}`, target: join(dir, `bench-${label.replace(" ", "-")}.db`) }];
      if (pgServer) {
        const db = await throwawayPostgres(pgServer);
        targets.push({ name: `/webhooks/zalo on PostgreSQL, ${label}`, target: db.url, drop: db.drop });
      }
      for (const t of targets) {
        try {
          const server = await startServer(["app", t.target], { BENCH_PROCESS: processing ? "1" : "0" });
          let measured: Awaited<ReturnType<typeof measure>>;
          try {
            measured = await measure(server, files);
          } finally {
            await server.stop();
          }
          results.push({ name: t.name, ...measured, ...(await inboxCount(t.target)) });
        } finally {
          await t.drop?.();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const bareSummary = summary(results[0]!.rounds);
  console.log(`\nWebhook intake under wrk (1 thread, ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds, distinct signed events, loopback; servers in child processes)`);
  let lost = 0;
  for (const r of results) {
    const s = summary(r.rounds);
    console.log(`  ${r.name}`);
    r.rounds.forEach((round, i) => console.log(`    round ${i + 1}: ${fmt(round.perSecond, 0)} req/s  p50 ${fmt(round.p50Ms)} ms  p99 ${fmt(round.p99Ms)} ms  server CPU ${fmt(round.cpuUsPerRequest, 0)} µs/request, longest stall ${fmt(round.stallMs, 0)} ms${round.failed ? `  failed ${round.failed}` : ""}`));
    console.log(`    median: ${fmt(s.perSecond, 0)} req/s (${fmt(s.perSecond / bareSummary.perSecond)}× bare)  p50 ${fmt(s.p50Ms)} ms  p99 ${fmt(s.p99Ms)} ms  CPU ${fmt(s.cpuUsPerRequest, 0)} µs/request (${fmt(s.cpuUsPerRequest / bareSummary.cpuUsPerRequest, 1)}× bare)`);
    if (r.stored !== undefined) {
      const ok = r.stored >= r.acknowledged!;
      if (!ok) lost += r.acknowledged! - r.stored;
      console.log(`    inbox: ${r.acknowledged} acknowledged, ${r.stored} stored (once each: unique index), ${r.processed} processed by the end${ok ? "" : `  LOST ${r.acknowledged! - r.stored}`}`);
    }
  }
  if (lost > 0) throw new Error(`${lost} acknowledged webhook events are not in the inbox`);
  return results.map((r) => ({ name: r.name, ...summary(r.rounds), ratioToBare: summary(r.rounds).perSecond / bareSummary.perSecond, acknowledged: r.acknowledged, stored: r.stored }));
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebhookBench();
