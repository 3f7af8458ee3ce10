import { describe, expect, it } from "vitest";
import type { CaseDossier, CaseStatusCallback } from "@hccd/shared";
import { createCaseSimRoutes, createCaseSystemSimulator } from "./simulator.js";
import { createHttpCaseSystemClient } from "./http-client.js";
import { PlatformError, TransportError, type FetchLike } from "../errors.js";

const dossier = (over: Partial<CaseDossier> = {}): CaseDossier => ({
  submissionId: "s1",
  procedureCode: "1.001193",
  applicant: { fullName: "Nguyễn Thị Lan", nationalId: "072195001234", relationship: "mother" },
  fields: { "child.fullName": "Trần Bảo Ngọc" },
  consent: { consentId: "c1", consentedAt: "2026-11-24T03:00:00.000Z", contentHash: "a".repeat(64) },
  attachments: [],
  ...over,
});

function world(deliver: (cb: CaseStatusCallback) => Promise<void> = async () => undefined) {
  const sim = createCaseSystemSimulator({ stepMs: 0, deliverStatus: deliver });
  const client = createHttpCaseSystemClient({ baseUrl: "http://case.sim/", fetch: async (i, init) => sim.api.fetch(new Request(i, init)) });
  return { sim, client };
}

describe("case system client and simulator (contract 3)", () => {
  it("opens one case per idempotency key and walks it received → processing → completed", async () => {
    const seen: CaseStatusCallback[] = [];
    const w = world(async (cb) => void seen.push(cb));
    const a = await w.client.submitDossier(dossier(), "s1");
    const b = await w.client.submitDossier(dossier(), "s1");
    expect(b).toEqual(a);
    expect(w.sim.acceptedCount("s1")).toBe(1);
    expect(w.sim.requestCount("s1")).toBe(2);
    await w.sim.idle();
    expect(seen.map((s) => s.status)).toEqual(["received", "processing", "completed"]);
    expect(seen.every((s) => s.caseId === a.caseId)).toBe(true);
    expect(seen[2]?.resultRef).toEqual(expect.any(String));
  });

  it("refuses a different dossier under a used key with a permanent 409", async () => {
    const w = world();
    await w.client.submitDossier(dossier(), "s1");
    const e = await w.client.submitDossier(dossier({ fields: { "child.fullName": "Khác" } }), "s1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ code: 409, retryable: false });
    w.sim.close();
  });

  it("reports an outage as a retryable TransportError, then accepts", async () => {
    const w = world();
    w.sim.failNextRequests(1, 503);
    expect(await w.client.submitDossier(dossier(), "s1").catch((x: unknown) => x)).toBeInstanceOf(TransportError);
    expect((await w.client.submitDossier(dossier(), "s1")).caseId).toEqual(expect.any(String));
    expect(w.sim.acceptedCount("s1")).toBe(1);
    w.sim.close();
  });

  it("names the bad fields of an invalid dossier (422, permanent)", async () => {
    const w = world();
    const e = await w.client.submitDossier({ ...dossier(), consent: { consentId: "c1", consentedAt: "yesterday", contentHash: "x" } }, "s2").catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 422, retryable: false });
    expect((e as Error).message).toContain("validation_failed");
  });

  it("retries a status callback that failed", async () => {
    let calls = 0;
    const w = world(async () => {
      calls++;
      if (calls === 1) throw new Error("down");
    });
    await w.client.submitDossier(dossier(), "s1");
    await w.sim.idle();
    expect(calls).toBe(4); // received failed once, then received, processing, completed
  });
});

describe("case system simulator over HTTP", () => {
  const post = (sim: ReturnType<typeof createCaseSystemSimulator>, body: unknown, key?: string) =>
    sim.api.request("/dossiers", { method: "POST", headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) }, body: JSON.stringify(body) });

  it("answers 201 for a new case and 200 with the same ids for a repeat", async () => {
    const sim = createCaseSystemSimulator({ deliverStatus: async () => undefined, now: () => new Date("2026-11-24T03:00:00Z") });
    const first = await post(sim, dossier(), "k1");
    const again = await post(sim, dossier(), "k1");
    expect([first.status, again.status]).toEqual([201, 200]);
    const a = (await first.json()) as { caseId: string; receiptNo: string };
    expect(await again.json()).toEqual(a);
    expect(a.receiptNo).toMatch(/^000\.00\.72\.H61-261124-\d{4}$/);
    const other = (await (await post(sim, dossier({ submissionId: "s2" }), "k2")).json()) as { caseId: string };
    expect(other.caseId).not.toBe(a.caseId);
    expect(sim.dossiers().map((d) => d.submissionId)).toEqual(["s1", "s2"]);
    sim.close();
  });

  it("requires an Idempotency-Key (400) and names the fields of an invalid dossier (422)", async () => {
    const sim = createCaseSystemSimulator({ deliverStatus: async () => undefined });
    expect((await post(sim, dossier())).status).toBe(400);
    const bad = await post(sim, { ...dossier(), applicant: {}, attachments: "none" }, "k");
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["applicant.fullName", "attachments"]));
    expect(sim.dossiers()).toEqual([]);
  });

  it("fails the first requests when built with failNext", async () => {
    const sim = createCaseSystemSimulator({ deliverStatus: async () => undefined, failNext: 2 });
    expect((await post(sim, dossier(), "k")).status).toBe(503);
    expect((await post(sim, dossier(), "k")).status).toBe(503);
    expect((await post(sim, dossier(), "k")).status).toBe(201);
    expect([sim.requestCount("k"), sim.acceptedCount("k")]).toEqual([3, 1]);
    sim.close();
  });

  it("spaces the steps stepMs apart, in order", async () => {
    const seen: { status: string; at: number }[] = [];
    const sim = createCaseSystemSimulator({ stepMs: 30, deliverStatus: async (cb) => void seen.push({ status: cb.status, at: performance.now() }) });
    const start = performance.now();
    await post(sim, dossier(), "k");
    await sim.idle();
    expect(seen.map((s) => s.status)).toEqual(["received", "processing", "completed"]);
    expect(seen[0]!.at - start).toBeGreaterThanOrEqual(25);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(25);
  });

  it("stops walking cases on close: idle resolves, no further callbacks", async () => {
    const seen: string[] = [];
    const sim = createCaseSystemSimulator({ stepMs: 60_000, deliverStatus: async (cb) => void seen.push(cb.status) });
    await post(sim, dossier(), "k");
    sim.close();
    await sim.idle();
    expect(seen).toEqual([]);
  });

  it("gives up on a callback that keeps failing, records it, and goes on", async () => {
    const statuses: string[] = [];
    const sim = createCaseSystemSimulator({
      deliverStatus: async (cb) => {
        statuses.push(cb.status);
        if (cb.status === "processing") throw new Error("down");
      },
    });
    await post(sim, dossier(), "k");
    await sim.idle();
    expect(statuses.filter((s) => s === "processing")).toHaveLength(5);
    expect(statuses.at(-1)).toBe("completed");
    expect(sim.undelivered().map((cb) => cb.status)).toEqual(["processing"]);
  });
});

describe("case system client failures", () => {
  const client = (fetch: FetchLike, timeoutMs?: number) => createHttpCaseSystemClient({ baseUrl: "http://case.sim", fetch, ...(timeoutMs ? { timeoutMs } : {}) });
  const answer = (status: number, body: string): FetchLike => async () => new Response(body, { status, headers: { "content-type": "application/json" } });

  it("sends the idempotency key and the API key as a Bearer token", async () => {
    let seen: Request | undefined;
    const sim = createCaseSystemSimulator({ deliverStatus: async () => undefined });
    const c = createHttpCaseSystemClient({
      baseUrl: "http://case.sim/api/",
      apiKey: "k-123",
      fetch: async (i, init) => {
        seen = new Request(i, init);
        return sim.api.fetch(new Request("http://case.sim/dossiers", init));
      },
    });
    await c.submitDossier(dossier(), "s1");
    expect(seen?.url).toBe("http://case.sim/api/dossiers");
    expect(seen?.headers.get("idempotency-key")).toBe("s1");
    expect(seen?.headers.get("authorization")).toBe("Bearer k-123");
    sim.close();
  });

  it.each([
    ["429 rate limited", answer(429, JSON.stringify({ error: { code: "rate_limited", message: "slow down" } })), 429, true],
    ["408 request timeout", answer(408, "{}"), 408, true],
    ["401 bad key", answer(401, JSON.stringify({ error: { code: "unauthorized", message: "bad key" } })), 401, false],
    ["404 with an HTML body", answer(404, "<html>not found</html>"), 404, false],
  ])("%s is a PlatformError", async (_what, fetch, code, retryable) => {
    const e = await client(fetch).submitDossier(dossier(), "s1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ platform: "case_system", code, retryable });
  });

  it.each([
    ["a 500", answer(500, "{}")],
    ["a network failure", (async () => {
      throw new TypeError("fetch failed");
    }) as FetchLike],
    ["a 201 that is not JSON", answer(201, "<html>")],
    ["a 201 without a caseId", answer(201, JSON.stringify({ receiptNo: "x" }))],
  ])("%s is a retryable TransportError", async (_what, fetch) => {
    const e = await client(fetch).submitDossier(dossier(), "s1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect(e).toMatchObject({ retryable: true });
  });

  it("gives up waiting after timeoutMs with a TransportError", async () => {
    const hang: FetchLike = (_i, init) => new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const e = await client(hang, 20).submitDossier(dossier(), "s1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toContain("20 ms");
  });
});

describe("supplements to a case waiting on need_more_info (our extension of contract 3)", () => {
  it("stops a case at need_more_info with the officer's note, takes the supplement onto the same case, then walks on", async () => {
    const seen: CaseStatusCallback[] = [];
    const w = world(async (cb) => void seen.push(cb));
    w.sim.askForMoreInfo({ note: "Bổ sung bản sao giấy đăng ký kết hôn", respondBy: "2026-12-10" });
    const first = await w.client.submitDossier(dossier(), "s1");
    await w.sim.idle();
    expect(seen.map((s) => s.status)).toEqual(["received", "need_more_info"]);
    expect(seen[1]).toMatchObject({ caseId: first.caseId, note: "Bổ sung bản sao giấy đăng ký kết hôn", respondBy: "2026-12-10" });

    const supplement = dossier({ submissionId: "s2", consent: { consentId: "c2", consentedAt: "2026-11-25T03:00:00.000Z", contentHash: "b".repeat(64) } });
    const a = await w.client.submitSupplement(first.caseId, supplement, "s2");
    const again = await w.client.submitSupplement(first.caseId, supplement, "s2");
    expect(a).toEqual(first);
    expect(again).toEqual(first);
    expect(w.sim.acceptedCount("s2")).toBe(1);
    expect(w.sim.supplements(first.caseId).map((d) => d.submissionId)).toEqual(["s2"]);
    await w.sim.idle();
    expect(seen.map((s) => s.status)).toEqual(["received", "need_more_info", "processing", "completed"]);
    expect(seen.every((s) => s.caseId === first.caseId)).toBe(true);
  });

  it("refuses a supplement to an unknown case (404) or to a case not waiting for more (409), permanently", async () => {
    const w = world();
    const first = await w.client.submitDossier(dossier(), "s1");
    expect(await w.client.submitSupplement("CASE-NONE", dossier({ submissionId: "s2" }), "s2").catch((x: unknown) => x)).toMatchObject({ code: 404, retryable: false });
    const e = await w.client.submitSupplement(first.caseId, dossier({ submissionId: "s3" }), "s3").catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 409, retryable: false });
    expect((e as Error).message).toContain("not_awaiting_supplement");
    expect(w.sim.supplements(first.caseId)).toEqual([]);
    w.sim.close();
  });

  it("posts to /dossiers/{caseId}/supplements with the supplement's idempotency key, and refuses an answer for another case", async () => {
    const seen: Request[] = [];
    const c = createHttpCaseSystemClient({
      baseUrl: "http://case.sim/api",
      fetch: async (i, init) => {
        seen.push(new Request(i, init));
        return new Response(JSON.stringify({ caseId: "CASE-OTHER", receiptNo: "R" }), { status: 201, headers: { "content-type": "application/json" } });
      },
    });
    const e = await c.submitSupplement("CASE 1/2", dossier({ submissionId: "s2" }), "s2").catch((x: unknown) => x);
    expect(seen[0]?.url).toBe("http://case.sim/api/dossiers/CASE%201%2F2/supplements");
    expect(seen[0]?.headers.get("idempotency-key")).toBe("s2");
    expect(e).toBeInstanceOf(TransportError);
  });
});

describe("the case simulator's dev route", () => {
  it("arms the next case to ask for more with POST /ask-more-info, and names a bad field", async () => {
    const seen: CaseStatusCallback[] = [];
    const w = world(async (cb) => void seen.push(cb));
    const routes = createCaseSimRoutes(w.sim);
    const ask = (body: unknown) => routes.request("/ask-more-info", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const bad = await ask({ note: "", respondBy: "mai" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort()).toEqual(["note", "respondBy"]);
    expect((await ask({ note: "Bổ sung giấy khám sức khỏe có dấu" })).status).toBe(202);
    await w.client.submitDossier(dossier(), "s1");
    await w.sim.idle();
    expect(seen.at(-1)).toMatchObject({ status: "need_more_info", note: "Bổ sung giấy khám sức khỏe có dấu" });
  });
});
