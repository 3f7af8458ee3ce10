import { afterEach, describe, expect, it } from "vitest";
import { createLogger, createRuntime, DEMO_POPULATION, demoPopulation, DEV_INTEGRATION_KEYS, parseConfig, type Runtime } from "@hccd/bot-server";
import { normalizeVnPhone } from "@hccd/shared";
import { demoEnv } from "../scripts/demo-env.mjs";
import { repoRoot } from "./support/server.js";

/**
 * Issue 15's "done when": the population platform's batch (contract 5), pushed as `pnpm start` pushes
 * it (its simulator, the demo's environment: quiet hours off), makes the ID-card and the
 * temporary-residence reminders reach the people's phones in the Zalo simulator, with the batch
 * semantics of the contract. Run as `main.ts` runs it: a sweep at start and the delivery worker.
 */
const at = { root: repoRoot, backendPort: "8787", appUrl: "http://localhost:5173", backendUrl: "http://127.0.0.1:8787" };
const phone = (p: string) => (normalizeVnPhone(p) as { value: string }).value;
const POPULATION_KEY = DEV_INTEGRATION_KEYS.find((k) => k.clientId === "population")!.key;

let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

async function demoStartedAt(iso: string) {
  const t = Date.parse(iso);
  const config = parseConfig({ ...demoEnv({}, at), LOG_LEVEL: "silent" });
  runtime = await createRuntime(config, { dbPath: ":memory:", now: () => new Date(t), logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const rt = runtime;
  return {
    rt,
    async deliver() {
      const swept = await rt.scheduler.runOnce();
      await rt.worker.drain();
      return swept;
    },
    inbox: (p: string) => rt.sim!.zalo!.messages({ phone: phone(p) }).map((m) => m.text),
    push: (body: unknown) => Promise.resolve(rt.app.request("/api/integrations/population-records", { method: "POST", headers: { authorization: `Bearer ${POPULATION_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) })),
  };
}

describe("the demo's population platform (pnpm start)", () => {
  it("at 02:40 delivers the ID-card and temporary-residence reminders at once, the child's to the parent, nothing about the deceased", async () => {
    const demo = await demoStartedAt("2026-12-07T02:40:00+07:00");
    const pushed = await (await demo.rt.app.request("/sim/population")).json();
    expect(pushed.last).toMatchObject({ batchId: "LGSP-DEMO-2026-12-07", status: 200, result: { accepted: 13, unchanged: 0, stale: 0, rejected: [] } });
    await demo.deliver();
    expect(demo.inbox(DEMO_POPULATION.idCardHolder.phone)).toEqual([expect.stringMatching(/^Kính gửi Ông\/Bà Phạm Minh Tuấn, thẻ căn cước số \*{9}\d{3} của Ông\/Bà hết hạn vào ngày 06\/01\/2027\./)]);
    expect(demo.inbox(DEMO_POPULATION.temporaryResident.phone)).toEqual([expect.stringMatching(/^Kính gửi Ông\/Bà Trần Thu Hà, thời hạn tạm trú của Ông\/Bà hết hạn vào ngày 22\/12\/2026\./)]);
    expect(demo.inbox(DEMO_POPULATION.parent.phone)).toEqual([expect.stringContaining("thẻ căn cước của cháu Phạm Gia Bảo (con của Ông/Bà)")]);
    expect(demo.inbox(DEMO_POPULATION.insured.phone)).toEqual([expect.stringContaining("bảo hiểm y tế hộ gia đình")]);
    // Her daughter, 3, has no ID card: the application prepared for the parents (plan 920 row 2).
    expect(demo.inbox(DEMO_POPULATION.childParent.phone)).toEqual([expect.stringContaining(`cháu ${DEMO_POPULATION.childParent.childName} (con của Ông/Bà) chưa được cấp thẻ căn cước`)]);
    expect(demo.inbox("0906000999")).toEqual([]); // Đặng Văn Tư died: his card's 60th-birthday notice is never sent
  });

  it("keeps the contract's batch semantics: the same batch changes nothing, a bad record is named, an older one is stale", async () => {
    const demo = await demoStartedAt("2026-12-07T10:00:00+07:00");
    await demo.deliver();
    const records = demoPopulation("2026-12-07");
    const again = await demo.push({ batchId: "LGSP-DEMO-2026-12-07", records });
    expect(await again.json()).toEqual({ batchId: "LGSP-DEMO-2026-12-07", accepted: 13, unchanged: 0, stale: 0, rejected: [] });
    const older = { ...records[0], phone: "0909999999", updatedAt: "2026-12-01T06:00:00+07:00" };
    const next = await demo.push({ batchId: "LGSP-2026-12-07-0002", records: [records[1], older, { ...records[2], nationalId: "12345" }] });
    expect(await next.json()).toEqual({ batchId: "LGSP-2026-12-07-0002", accepted: 0, unchanged: 1, stale: 1, rejected: [{ index: 2, fields: [{ path: "nationalId", message: expect.any(String) }] }] });
    expect(await demo.deliver()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
    expect(demo.inbox(DEMO_POPULATION.idCardHolder.phone)).toHaveLength(1);
    expect(demo.inbox("0909999999")).toEqual([]);
  });
});
