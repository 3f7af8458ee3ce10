import { describe, expect, it } from "vitest";
import type { CaseDossier, CaseStatusCallback } from "@hccd/shared";
import { createCaseSystemSimulator } from "./simulator.js";
import { createHttpCaseSystemClient } from "./http-client.js";
import { PlatformError, TransportError } from "../errors.js";

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
