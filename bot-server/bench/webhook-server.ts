/**
 * The server side of the webhook benchmark, in its own process so that the load generator (wrk)
 * and the server do not share an event loop: `tsx bench/webhook-server.ts bare`, or `app <target>`
 * with a SQLite file or a `postgres://` URL. Prints `ready <url>` when listening; answers a line
 * `cpu` on stdin with `cpu <µs used so far>`; on `stop` (or stdin's end) it stops listening,
 * closes the runtime and exits.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createInterface } from "node:readline";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createLogger, createRuntime, parseConfig, type Runtime } from "../src/index.js";

const [mode, target] = process.argv.slice(2);
let runtime: Runtime | undefined;
let fetch: (req: Request) => Response | Promise<Response>;
if (mode === "bare") {
  // What any Hono server does at least: read the body, answer JSON.
  const bare = new Hono().post("/webhooks/zalo", async (c) => {
    await c.req.text();
    return c.json({ ok: true });
  });
  fetch = bare.fetch;
} else if (mode === "app" && target) {
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent" });
  runtime = await createRuntime(config, { dbPath: target, logger: createLogger({ level: "silent" }), defaultMetrics: false, processWebhooksOnStore: process.env.BENCH_PROCESS !== "0" });
  fetch = runtime.app.fetch;
} else {
  throw new Error("usage: webhook-server.ts bare | app <sqlite file or postgres url>");
}

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(`ready http://127.0.0.1:${info.port}`));
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((r) => server.close(() => r()));
  // Events still waiting to be processed stay in the inbox: the count the benchmark checks is of stored events.
  await runtime?.webhooks.stop();
  await runtime?.close();
  process.stdout.write("stopped\n", () => process.exit(0));
}
createInterface({ input: process.stdin })
  .on("line", (line) => {
    if (line.trim() === "stop") void stop();
    // The CPU time this process has used so far (µs): the benchmark's cost per request, however loaded the machine.
    // With it, the event loop's longest stall since the last ask (ms): what a request waited behind.
    if (line.trim() === "cpu") {
      const cpu = process.cpuUsage();
      console.log(`cpu ${cpu.user + cpu.system} ${loopDelay.max / 1e6}`);
      loopDelay.reset();
    }
  })
  .on("close", () => void stop());
