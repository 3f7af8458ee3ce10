import { afterEach, describe, expect, it } from "vitest";
import type { DraftView } from "@hccd/shared";
import { CASE_SYSTEM_KEY, createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "../../testing/world.js";
import { fixedFaq } from "../../testing/fixtures.js";
import { seedReference } from "../../runtime.js";
import { followEvent, type EventUser } from "../../webhook/events.js";
import { ratingRefusal } from "./rating.js";

describe("who may rate a dossier, and when (one rule for the chat and the API)", () => {
  it.each([
    // The citizen who filed it (consented), once it has its final result, whatever the result.
    { who: "filer", status: "completed", refusal: null },
    { who: "filer", status: "rejected", refusal: null },
    // No result yet: nothing to rate.
    { who: "filer", status: "queued", refusal: "not_finished" },
    { who: "filer", status: "sent", refusal: "not_finished" },
    { who: "filer", status: "received", refusal: "not_finished" },
    { who: "filer", status: "processing", refusal: "not_finished" },
    { who: "filer", status: "need_more_info", refusal: "not_finished" },
    { who: "filer", status: "cancelled", refusal: "not_finished" },
    // The other parent sees the dossier but did not go through the procedure.
    { who: "party", status: "completed", refusal: "not_filer" },
    { who: "party", status: "rejected", refusal: "not_filer" },
    // To anyone else the dossier does not exist.
    { who: "stranger", status: "completed", refusal: "not_found" },
    { who: "stranger", status: "queued", refusal: "not_found" },
  ] as const)("$who, $status → $refusal", ({ who, status, refusal }) => {
    expect(ratingRefusal({ status, filer: who === "filer", party: who !== "stranger" })).toBe(refusal);
  });
});

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** A case system that accepts dossiers and then waits: the test says what happens to each case. */
function waitingCaseSystem() {
  let n = 0;
  return { submitDossier: async () => ({ caseId: `CASE-${++n}`, receiptNo: `BN-${n}` }), submitSupplement: async (caseId: string) => ({ caseId, receiptNo: `BN-${caseId}` }) };
}

/** The mother files her child's birth registration; both parents follow the OA and verified their phones. */
async function filedDossier() {
  w = await createTestWorld({ faq: fixedFaq, caseSystem: waitingCaseSystem() });
  await seedReference(w.handle.db);
  const { draftId } = await readJson(await w.postCertificate(makeBirthCertificate()));
  const inChat = async (phone: string): Promise<EventUser & { token: string }> => {
    const u = w.chatUser();
    await w.sendEvent(followEvent(w.secrets, u, w.clock.now()));
    await w.verifyPhone(u, phone);
    const { accessToken } = w.sim!.zalo!.issueAccessToken({ userId: u.appUserId! });
    return { ...u, token: accessToken };
  };
  const mother = await inChat("0912345678");
  const father = await inChat("0987654321");
  const stranger = await inChat("0977777777");
  let view: DraftView = await readJson(await w.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }));
  view = await readJson(await w.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.token, body: { version: view.version, changes: { "child.hometown": "Tây Ninh" } } }));
  const { submissionId } = await readJson(await w.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } }));
  await w.worker.drain();
  // The mother on another Zalo account, verified with her own phone: the same person filed it.
  const motherAgain = await inChat("0912345678");
  await w.settle();
  return { draftId, submissionId, mother, motherAgain, father, stranger };
}

async function caseStatus(status: string) {
  const res = await w.call("POST", "/api/integrations/case-status", { token: CASE_SYSTEM_KEY, body: { caseId: "CASE-1", status, at: w.clock.now().toISOString() } });
  expect(res.status).toBe(200);
  w.clock.advance(1000);
}

describe("rating a dossier in the chat and in the Mini App", () => {
  it.each([
    { status: "processing", filer: false },
    { status: "completed", filer: true },
    { status: "rejected", filer: true },
  ])("$status: the chat and the API accept the same people", async ({ status, filer }) => {
    const d = await filedDossier();
    await caseStatus("received");
    if (status !== "received") await caseStatus(status);
    const byApi = async (u: { token: string }) => (await w.call("POST", `/api/me/submissions/${d.submissionId}/rating`, { token: u.token, body: { score: 4 } })).status;
    const byChat = async (u: EventUser) => (await w.ask(u, `#rate:${d.submissionId}:4`)).some((m) => m.text.includes("4/5"));
    const people = { mother: d.mother, motherAgain: d.motherAgain, father: d.father, stranger: d.stranger };
    const expected = { mother: filer, motherAgain: filer, father: false, stranger: false };
    const api: Record<string, boolean> = {};
    const chat: Record<string, boolean> = {};
    for (const [name, u] of Object.entries(people)) {
      api[name] = (await byApi(u)) === 200;
      chat[name] = await byChat(u);
    }
    expect({ api, chat }).toEqual({ api: expected, chat: expected });
  });

  it("answers the API with why: 404 to a stranger, 403 to the other parent, 409 before the result", async () => {
    const d = await filedDossier();
    const rate = async (u: { token: string }) => {
      const res = await w.call("POST", `/api/me/submissions/${d.submissionId}/rating`, { token: u.token, body: { score: 5 } });
      return [res.status, (await readJson(res)).error?.code ?? "ok"];
    };
    expect(await rate(d.mother)).toEqual([409, "not_finished"]);
    await caseStatus("received");
    await caseStatus("completed");
    expect(await rate(d.stranger)).toEqual([404, "not_found"]);
    expect(await rate(d.father)).toEqual([403, "not_filer"]);
    expect(await rate(d.mother)).toEqual([200, "ok"]);
  });

  it("shows the rating in the Mini App only to whom may rate (the draft view's `mayRate`)", async () => {
    const d = await filedDossier();
    const mayRate = async (u: { token: string }) => (await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${d.draftId}`, { token: u.token }))).submission?.mayRate;
    expect(await mayRate(d.mother)).toBe(false);
    await caseStatus("received");
    await caseStatus("rejected");
    expect([await mayRate(d.mother), await mayRate(d.motherAgain), await mayRate(d.father)]).toEqual([true, true, false]);
  });

  it("asks the filer for a rating in the chat once the dossier is rejected, as when it is completed", async () => {
    const d = await filedDossier();
    await caseStatus("received");
    await caseStatus("rejected");
    await w.worker.drain();
    // To one of her accounts that may receive OA messages.
    const prompts = [...w.inbox(d.mother), ...w.inbox(d.motherAgain)].filter((m) => m.buttons.some((b) => b.title === "5"));
    expect(prompts).toHaveLength(1);
  });
});
