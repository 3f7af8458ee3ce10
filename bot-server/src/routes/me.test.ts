import { afterEach, describe, expect, it } from "vitest";
import type { DraftView } from "@hccd/shared";
import { sql } from "drizzle-orm";
import { createTestWorld, makeBirthCertificate, type TestWorld, readJson } from "../testing/world.js";
import { seedReference } from "../runtime.js";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

async function setup() {
  world = await createTestWorld();
  await seedReference(world.handle.db);
  const res = await world.postCertificate(makeBirthCertificate());
  const { draftId } = (await readJson(res)) as { draftId: string };
  const mother = await world.citizen({ name: "Lan", phone: "0912345678" });
  const view = (await readJson(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }))) as DraftView;
  return { draftId, mother, view };
}

const patch = (draftId: string, token: string, body: unknown) => world.call("PATCH", `/api/me/drafts/${draftId}`, { token, body });
const consent = (draftId: string, token: string, v: Pick<DraftView, "contentHash" | "consentTextVersion">) =>
  world.call("POST", `/api/me/drafts/${draftId}/consent`, { token, body: { contentHash: v.contentHash, consentTextVersion: v.consentTextVersion } });

describe("citizen authentication", () => {
  it("answers 401 without a token or with one Zalo does not know", async () => {
    world = await createTestWorld();
    expect((await world.call("GET", "/api/me")).status).toBe(401);
    const res = await world.call("GET", "/api/me", { token: "forged-token" });
    expect(res.status).toBe(401);
    expect(await readJson(res)).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses a phone token that is unknown or used twice, naming the field", async () => {
    world = await createTestWorld();
    const sim = world.sim!.zalo!;
    const { accessToken } = sim.issueAccessToken({ name: "A" });
    const bad = await world.call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken: "made-up" } });
    expect(bad.status).toBe(422);
    expect(await readJson(bad)).toMatchObject({ error: { fields: [{ path: "phoneToken" }] } });
    const { token } = sim.issuePhoneToken({ accessToken, phone: "0912345678" });
    expect((await world.call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken: token } })).status).toBe(200);
    expect((await world.call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken: token } })).status).toBe(422);
    expect((await world.call("POST", "/api/me/phone", { token: accessToken, body: {} })).status).toBe(422);
  });

  it("refuses a phone token that could not be one (non-ASCII, control characters) with 422, not 500", async () => {
    world = await createTestWorld();
    const { accessToken } = world.sim!.zalo!.issueAccessToken({ name: "A" });
    for (const phoneToken of ["Ðặng", "a\u0000b", "١٢٣٤", "x y"]) {
      const res = await world.call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken } });
      expect(res.status, phoneToken).toBe(422);
      expect(await readJson(res)).toMatchObject({ error: { fields: [{ path: "phoneToken" }] } });
    }
  });
});

describe("only the child's parents see or act on the draft", () => {
  it("answers 404 to a stranger, to an unlinked user and for an unknown id; the father may see it", async () => {
    const { draftId, view } = await setup();
    const stranger = await world.citizen({ phone: "0977777777" });
    const unlinked = await world.citizen();
    const father = await world.citizen({ phone: "0987654321" });
    for (const token of [stranger.token, unlinked.token]) {
      expect((await world.call("GET", `/api/me/drafts/${draftId}`, { token })).status).toBe(404);
      expect((await patch(draftId, token, { version: 1, changes: { "child.hometown": "X" } })).status).toBe(404);
      expect((await consent(draftId, token, view)).status).toBe(404);
      expect(((await readJson(await world.call("GET", "/api/me/drafts", { token }))) as { drafts: unknown[] }).drafts).toEqual([]);
    }
    expect((await world.call("GET", "/api/me/drafts/does-not-exist", { token: father.token })).status).toBe(404);
    expect((await world.call("GET", `/api/me/drafts/${draftId}`, { token: father.token })).status).toBe(200);
  });
});

describe("editing a draft", () => {
  it("refuses locked fields, bad values and stale versions with clear errors", async () => {
    const { draftId, mother, view } = await setup();
    const locked = await patch(draftId, mother.token, { version: view.version, changes: { "mother.nationalId": "072195009999", "registration.copies": 99 } });
    expect(locked.status).toBe(422);
    expect((await readJson(locked)).error.fields).toEqual([
      { path: "changes.mother.nationalId", message: expect.stringContaining("official record") },
      { path: "changes.registration.copies", message: expect.stringContaining("0 to 20") },
    ]);
    const empty = await patch(draftId, mother.token, { version: view.version, changes: {} });
    expect(empty.status).toBe(422);
    expect((await patch(draftId, mother.token, { version: view.version, changes: { "child.hometown": "Tây Ninh" } })).status).toBe(200);
    const stale = await patch(draftId, mother.token, { version: view.version, changes: { "child.hometown": "Long An" } });
    expect(stale.status).toBe(409);
    expect((await readJson(stale)).error.code).toBe("stale_draft");
  });

  it("voids the consent and withdraws the queued dossier when edited after consent", async () => {
    const { draftId, mother } = await setup();
    let view = (await readJson(await patch(draftId, mother.token, { version: 1, changes: { "child.hometown": "Tây Ninh" } }))) as DraftView;
    const first = await consent(draftId, mother.token, view);
    expect(first.status).toBe(201);
    const firstIds = (await readJson(first)) as { consentId: string; submissionId: string };

    view = (await readJson(await patch(draftId, mother.token, { version: view.version, changes: { "child.fullName": "Trần Bảo Anh" } }))) as DraftView;
    expect(view.status).toBe("open");
    expect(view.consent).toBeNull();
    expect(view.submission).toBeNull();
    expect(view.timeline.map((t) => t.kind)).toContain("consent_voided");
    const rows = await world.one(sql`select case when voided_at is not null then 1 else 0 end as voided, void_reason from consents where id = ${firstIds.consentId}`);
    expect(rows).toEqual({ voided: 1, void_reason: "draft_edited" });

    // Nothing reaches the case system for the voided consent.
    await world.worker.drain();
    expect(world.sim!.caseSystem!.requestCount(firstIds.submissionId)).toBe(0);

    // A new consent to the new content goes through, once.
    const second = await consent(draftId, mother.token, view);
    expect(second.status).toBe(201);
    const ids = (await readJson(second)) as { submissionId: string };
    const repeat = await consent(draftId, mother.token, view);
    expect(repeat.status).toBe(200);
    expect(((await readJson(repeat)) as { submissionId: string }).submissionId).toBe(ids.submissionId);
    await world.worker.drain();
    expect(world.sim!.caseSystem!.acceptedCount(ids.submissionId)).toBe(1);
    expect(world.sim!.caseSystem!.dossiers()).toHaveLength(1);
    expect(world.sim!.caseSystem!.dossiers()[0]?.fields["child.fullName"]).toBe("Trần Bảo Anh");

    // Once sent, the draft can no longer change.
    const late = await patch(draftId, mother.token, { version: view.version + 0, changes: { "child.hometown": "Long An" } });
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.code).toBe("already_submitted");
  });

  it("records one consent and one submission when the same consent arrives twice at once: both answered with their ids", async () => {
    const { draftId, mother } = await setup();
    const view = (await readJson(await patch(draftId, mother.token, { version: 1, changes: { "child.hometown": "Tây Ninh" } }))) as DraftView;
    const answers = await Promise.all([consent(draftId, mother.token, view), consent(draftId, mother.token, view)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = (await Promise.all(answers.map((r) => readJson(r)))) as { consentId: string; submissionId: string }[];
    expect([b!.consentId, b!.submissionId]).toEqual([a!.consentId, a!.submissionId]);
    const stored = await world.one(sql`select (select count(*) from consents where draft_id = ${draftId}) as consents, (select count(*) from submissions where draft_id = ${draftId}) as submissions, (select count(*) from outbox where kind = 'case_submission') as queued`);
    expect(stored).toEqual({ consents: 1, submissions: 1, queued: 1 });
  });

  it("refuses consent to an old consent text version", async () => {
    const { draftId, mother } = await setup();
    const view = (await readJson(await patch(draftId, mother.token, { version: 1, changes: { "child.hometown": "Tây Ninh" } }))) as DraftView;
    const res = await consent(draftId, mother.token, { contentHash: view.contentHash, consentTextVersion: "birth-registration-consent-v0" });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.code).toBe("stale_consent_text");
    const bad = await consent(draftId, mother.token, { contentHash: "abc", consentTextVersion: view.consentTextVersion });
    expect(bad.status).toBe(422);
  });
});
