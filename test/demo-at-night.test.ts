import { afterEach, describe, expect, it } from "vitest";
import { createLogger, createRuntime, DEMO_FATHER, DEMO_MOTHER, parseConfig, type Runtime } from "@hccd/bot-server";
import { normalizeVnPhone } from "@hccd/shared";
import { demoEnv } from "../scripts/demo-env.mjs";
import { repoRoot } from "./support/server.js";

/**
 * `pnpm start` is how a newcomer meets the product, at whatever hour they try it: its notices must
 * show at once. The demo is built here from the very environment `scripts/start.mjs` gives the
 * backend, on a clock stopped where we choose (the runtime's injected `now`), and run as `main.ts`
 * runs it: a sweep at start and the delivery worker.
 */
const at = { root: repoRoot, backendPort: "8787", appUrl: "http://localhost:5173", backendUrl: "http://127.0.0.1:8787" };
const phone = (p: string) => (normalizeVnPhone(p) as { value: string }).value;

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

/** The demo started at `iso` (a fixed clock), with the environment `pnpm start` would give it plus `env`. */
async function demoStartedAt(iso: string, env: Record<string, string> = {}) {
  let t = Date.parse(iso);
  const config = parseConfig({ ...demoEnv(env, at), LOG_LEVEL: "silent" });
  runtime = await createRuntime(config, { dbPath: ":memory:", now: () => new Date(t), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const rt = runtime;
  const delivered = async () => {
    await rt.scheduler.runOnce();
    await rt.worker.drain();
    const zalo = rt.sim!.zalo!;
    return { mother: zalo.messages({ phone: phone(DEMO_MOTHER.phone) }).map((m) => m.text), father: zalo.messages({ phone: phone(DEMO_FATHER.phone) }).map((m) => m.text) };
  };
  return { delivered, setClock: (next: string) => (t = Date.parse(next)) };
}

/** The father's two reminders, 30 days ahead: his tour guide card (a draft) and his shop's pesticide trading certificate (guidance). Queued in one sweep, in either order. */
function expectFathersReminders(father: string[]) {
  expect(father).toHaveLength(2);
  expect(father).toEqual(expect.arrayContaining([expect.stringContaining("hướng dẫn viên du lịch"), expect.stringContaining("thuốc bảo vệ thực vật")]));
}

describe("the demo at night (pnpm start)", () => {
  it.each(["2026-12-07T02:40:00+07:00", "2026-12-06T21:30:00+07:00", "2026-12-07T05:59:00+07:00"])("at %s has delivered the mother's notice and the father's reminders at once", async (iso) => {
    const demo = await demoStartedAt(iso);
    const { mother, father } = await demo.delivered();
    expect(mother).toEqual([expect.stringContaining("khai sinh")]);
    expectFathersReminders(father);
  });

  it("keeps production's quiet hours when they are asked for (QUIET_HOURS=21-7 pnpm start): nothing at 02:40, both at 07:00", async () => {
    const demo = await demoStartedAt("2026-12-07T02:40:00+07:00", { QUIET_HOURS: "21-7" });
    expect(await demo.delivered()).toEqual({ mother: [], father: [] });
    demo.setClock("2026-12-07T07:00:00+07:00");
    const { mother, father } = await demo.delivered();
    expect(mother).toEqual([expect.stringContaining("khai sinh")]);
    expectFathersReminders(father);
  });
});
