import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createTestWorld, makeBirthCertificate, type TestWorld, readJson } from "./testing/world.js";
import { seedReference } from "./runtime.js";
import type { DraftView } from "@hccd/shared";
import { listAudit } from "@hccd/db";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

async function json<T = any>(res: Response): Promise<T> {
  return (await readJson(res)) as T;
}

describe("proactive birth registration, end to end on createApp", () => {
  it("certificate → draft → ZNS to the mother → review, edit, consent → case system → status back to the parent", async () => {
    world = await createTestWorld();
    await seedReference(world.db);

    // 1. The hospital sends the electronic birth certificate.
    const created = await world.postCertificate(makeBirthCertificate());
    expect(created.status).toBe(201);
    const { eventId, draftId } = await json(created);
    expect(eventId).toEqual(expect.any(String));

    // 3. The mother has never talked to the OA: she is told by ZNS, with a link to the draft.
    await world.worker.drain();
    const sms = world.sim!.zalo!.messages({ phone: "84912345678" });
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: "zns" });
    expect(sms[0]!.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
    expect(sms[0]!.text).toContain("20/11/2026");
    expect(sms[0]!.buttons[0]?.url).toBe(`http://localhost:5173/?draft=${draftId}`);
    expect(world.sim!.zalo!.messages({ phone: "84987654321" })).toHaveLength(0);

    // 4. The mother opens the Mini App: until her phone is linked she cannot see the draft.
    const sim = world.sim!.zalo!;
    const mother = sim.issueAccessToken({ name: "Lan" });
    const me = await json(await world.call("GET", "/api/me", { token: mother.accessToken }));
    expect(me).toMatchObject({ zaloUserId: mother.userId, phoneLinked: false, phoneMasked: null });
    expect((await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.accessToken })).status).toBe(404);
    const { token: phoneToken } = sim.issuePhoneToken({ accessToken: mother.accessToken, phone: "0912345678" });
    const linked = await json(await world.call("POST", "/api/me/phone", { token: mother.accessToken, body: { phoneToken } }));
    expect(linked).toMatchObject({ phoneLinked: true, phoneMasked: "0912 *** 678" });

    const list = await json(await world.call("GET", "/api/me/drafts", { token: mother.accessToken }));
    expect(list.drafts).toEqual([expect.objectContaining({ id: draftId, status: "open", title: "Trần Bảo Ngọc", dueBy: "2027-01-19" })]);
    let view = await json<DraftView>(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.accessToken }));
    expect(view.openFields).toEqual(["child.hometown"]);
    expect(view.fields.find((f) => f.key === "child.sex")).toMatchObject({ value: "female", source: "birth_certificate", editable: false });
    expect(view.fields.find((f) => f.key === "registration.wardCode")).toMatchObject({ value: "25453", source: "default", editable: true });
    expect(view.timeline.map((t) => t.kind)).toEqual(["draft_created", "notified"]);

    // Consent before the open field is filled is refused, naming it.
    const early = await world.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.accessToken, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
    expect(early.status).toBe(422);
    expect(await json(early)).toMatchObject({ error: { code: "draft_incomplete", fields: [{ path: "fields.child.hometown" }] } });

    // She fills in the hometown.
    const edited = await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.accessToken, body: { version: view.version, changes: { "child.hometown": "Tây Ninh" } } });
    expect(edited.status).toBe(200);
    const before = view;
    view = await json<DraftView>(edited);
    expect(view.version).toBe(before.version + 1);
    expect(view.contentHash).not.toBe(before.contentHash);
    expect(view.openFields).toEqual([]);

    // Consent to the hash she saw before the edit is stale.
    const stale = await world.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.accessToken, body: { contentHash: before.contentHash, consentTextVersion: view.consentTextVersion } });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.code).toBe("stale_draft");

    const consented = await world.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.accessToken, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
    expect(consented.status).toBe(201);
    const consent = await json(consented);
    expect(consent.draft.consent).toMatchObject({ contentHash: view.contentHash, consentTextVersion: "birth-registration-consent-v1" });
    expect(consent.draft.submission).toMatchObject({ status: "queued" });

    // 5. The outbox sends the dossier (contract 3) and the simulated case system walks it through.
    await world.worker.drain();
    const caseSim = world.sim!.caseSystem!;
    expect(caseSim.acceptedCount(consent.submissionId)).toBe(1);
    const [dossier] = caseSim.dossiers();
    expect(dossier).toMatchObject({
      submissionId: consent.submissionId,
      procedureCode: "1.001193",
      applicant: { fullName: "Nguyễn Thị Lan", nationalId: "072195001234", relationship: "mother" },
      consent: { consentId: consent.consentId, contentHash: view.contentHash },
    });
    expect(dossier!.fields).toMatchObject({ "child.fullName": "Trần Bảo Ngọc", "child.hometown": "Tây Ninh", "registration.wardCode": "25453" });
    await caseSim.idle();
    await world.worker.drain();

    view = await json<DraftView>(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.accessToken }));
    expect(view.submission).toMatchObject({ status: "completed", receiptNo: expect.any(String) });
    expect(view.status).toBe("closed");
    expect(view.timeline.map((t) => t.status ?? t.kind)).toEqual(["draft_created", "notified", "consented", "submitted", "received", "processing", "completed"]);

    // She was told on Zalo where her dossier is (ZNS: she still has not talked to the OA). The case
    // system walked it through three statuses before the outbox's next round: the notices of the
    // steps already past were replaced by the newest, so she gets the result once, not three
    // messages at once that two instances could deliver in any order.
    const updates = world.sim!.zalo!.messages({ phone: "84912345678" }).slice(1);
    expect(updates.map((m: { channel: string }) => m.channel)).toEqual(["zns"]);
    expect(updates[0]!.text).toContain("Đã có kết quả");
    expect(await world.rows<{ status: string }>(sql`select status from outbox where idempotency_key like 'dossier-status:%' order by status`)).toEqual([{ status: "cancelled" }, { status: "cancelled" }, { status: "sent" }]);

    // The machine calls and the citizen's actions are audited.
    const actions = (await listAudit(world.db)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["birth_certificate.received", "phone.linked", "draft.edited", "draft.consented", "case_status.received"]));
    expect(eventId).toBeTruthy();
  });
});
