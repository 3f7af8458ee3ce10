import { afterEach, describe, expect, it } from "vitest";
import type { DraftView } from "@hccd/shared";
import { claimDueOutbox } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { createClock, createTestWorld, makeBirthCertificate, CASE_SYSTEM_KEY, type TestWorld, type TestWorldOptions, readJson } from "./testing/world.js";
import { createCaseSystemSimulator } from "./adapters/case-system/simulator.js";
import { createHttpCaseSystemClient } from "./adapters/case-system/http-client.js";
import { seedReference } from "./runtime.js";
import { buildCaseDossier } from "./services/dossiers/case-dossier.js";

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close().catch(() => undefined);
});
const open = testDbs(afterEach);

/**
 * The same database before and after a crash, on the engine of the run: the process before
 * uses one handle and dies (its handle closed, nothing else shut down), the process after opens the other.
 */
async function restartable(opts: Omit<TestWorldOptions, "database" | "dbPath">) {
  const [first, second] = await open.shared(2);
  return {
    before: async () => track(await createTestWorld({ ...opts, database: first! })),
    after: async () => track(await createTestWorld({ ...opts, database: second! })),
  };
}

function track(w: TestWorld): TestWorld {
  worlds.push(w);
  return w;
}

/**
 * A case system that survives our process: one simulator across both runtimes. Its status
 * callbacks wait in a queue until the test delivers them to whichever app is alive (the real
 * system retries callbacks until they are accepted).
 */
function durableCaseSystem() {
  const pending: unknown[] = [];
  const sim = createCaseSystemSimulator({ stepMs: 0, deliverStatus: async (cb) => void pending.push(cb) });
  const client = createHttpCaseSystemClient({ baseUrl: "http://case.sim", fetch: async (input, init) => sim.api.fetch(new Request(input, init)) });
  return {
    sim,
    client,
    async deliverTo(world: TestWorld) {
      await sim.idle();
      for (const cb of pending.splice(0)) {
        const res = await world.call("POST", "/api/integrations/case-status", { token: CASE_SYSTEM_KEY, body: cb });
        expect(res.status).toBe(200);
      }
    },
  };
}

async function consentedDraft(world: TestWorld) {
  await seedReference(world.db);
  const { draftId } = (await readJson(await world.postCertificate(makeBirthCertificate()))) as { draftId: string };
  const mother = await world.citizen({ phone: "0912345678" });
  let view = (await readJson(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }))) as DraftView;
  view = (await readJson(await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.token, body: { version: view.version, changes: { "child.hometown": "Tây Ninh" } } }))) as DraftView;
  const res = await world.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
  expect(res.status).toBe(201);
  return { draftId, mother, ...((await readJson(res)) as { submissionId: string }) };
}

describe("a crash loses nothing that was acknowledged", () => {
  it("a dossier queued before a crash is submitted once after restart", async () => {
    const clock = createClock();
    const cs = durableCaseSystem();
    const database = await restartable({ clock, caseSystem: cs.client });

    const before = await database.before();
    const { submissionId, draftId } = await consentedDraft(before);
    // The process dies right after acknowledging the consent: the worker never ran.
    await before.handle.close();

    const after = await database.after();
    await after.worker.drain();
    await cs.deliverTo(after);
    expect(cs.sim.acceptedCount(submissionId)).toBe(1);
    expect(cs.sim.requestCount(submissionId)).toBe(1);
    // Zalo sessions outlive our process; in a new simulator the parent signs in again.
    const again = await after.citizen({ phone: "0912345678" });
    const view = (await readJson(await after.call("GET", `/api/me/drafts/${draftId}`, { token: again.token }))) as DraftView;
    expect(view.submission?.status).toBe("completed");
  });

  it("a dossier claimed by a worker that died after the case system accepted it is sent again after the lease, and stays one case", async () => {
    const clock = createClock();
    const cs = durableCaseSystem();
    const database = await restartable({ clock, caseSystem: cs.client });

    const before = await database.before();
    const { submissionId, draftId } = await consentedDraft(before);
    // The worker claimed the row and the request reached the case system, but we died before recording the answer.
    const [claimed] = await claimDueOutbox(before.db, { now: clock.now(), limit: 10, leaseMs: 60_000, channel: "case_system" });
    expect(claimed?.idempotencyKey).toBe(submissionId);
    expect(cs.sim.dossiers()).toHaveLength(0);
    await cs.client.submitDossier(await buildCaseDossier(before.db, submissionId), submissionId);
    await before.handle.close();

    const after = await database.after();
    await after.worker.runOnce();
    expect(cs.sim.requestCount(submissionId)).toBe(1); // still leased: not sent again yet
    clock.advance(61_000);
    await after.worker.drain();
    await cs.deliverTo(after);
    expect(cs.sim.requestCount(submissionId)).toBe(2);
    expect(cs.sim.acceptedCount(submissionId)).toBe(1);
    expect(cs.sim.dossiers()).toHaveLength(1);
    // Zalo sessions outlive our process; in a new simulator the parent signs in again.
    const again = await after.citizen({ phone: "0912345678" });
    const view = (await readJson(await after.call("GET", `/api/me/drafts/${draftId}`, { token: again.token }))) as DraftView;
    expect(view.submission?.status).toBe("completed");
  });
});
