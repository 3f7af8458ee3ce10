import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DeathNoticeInput, DraftView, Upcoming } from "@hccd/shared";
import { listAudit } from "@hccd/db";
import { sql } from "drizzle-orm";
import { CASE_SYSTEM_KEY, HOSPITAL_KEY, createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "../testing/world.js";
import { importCsvText } from "../testing/imports.js";
import { seedReference } from "../runtime.js";
import { defaultReminderCatalogue } from "../services/reminders/reminder-catalogue.js";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

const deathNotice = (over: Partial<DeathNoticeInput> = {}): DeathNoticeInput => ({
  noticeNo: "TN-BVDK-BT-2026-000045",
  issuedAt: "2026-11-21T16:00:00+07:00",
  facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
  deceased: { fullName: "Lê Văn Hùng", sex: "male", dateOfBirth: "1948-02-03", nationalId: "072048000111", diedAt: "2026-11-21T03:10:00+07:00", placeOfDeath: "Bệnh viện Đa khoa Tây Ninh", cause: "bệnh" },
  informant: { fullName: "Lê Thị Mai", relationship: "con", phone: "0901234567" },
  ...over,
});

const consentTo = (id: string, token: string, v: Pick<DraftView, "contentHash" | "consentTextVersion">) =>
  world.call("POST", `/api/me/drafts/${id}/consent`, { token, body: { contentHash: v.contentHash, consentTextVersion: v.consentTextVersion } });

function upload(id: string, key: string, token: string, bytes: Uint8Array, name = "giay-kham-suc-khoe.pdf") {
  const form = new FormData();
  form.append("file", new File([bytes], name));
  return Promise.resolve(world.app.request(`/api/me/drafts/${id}/attachments/${key}`, { method: "PUT", headers: { authorization: `Bearer ${token}` }, body: form }));
}
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
const PDF2 = new TextEncoder().encode("%PDF-1.7\n% a clearer scan\n%%EOF\n");

describe("death registration (contract 2): prepared for the informant, never filed without them", () => {
  it("stores the notice once, tells the informant gently, and sends only after her consent", async () => {
    world = await createTestWorld();
    await seedReference(world.handle.db);
    const post = (body: unknown) => world.call("POST", "/api/integrations/death-notices", { token: HOSPITAL_KEY, body });
    const first = await post(deathNotice());
    expect(first.status).toBe(201);
    const { draftId } = await readJson<{ draftId: string }>(first);
    expect((await readJson(await post(deathNotice()))).draftId).toBe(draftId);
    expect((await post(deathNotice({ informant: { fullName: "Lê Thị Mai", relationship: "con", phone: "0909999999" } }))).status).toBe(409);
    const bad = await post({ ...deathNotice(), deceased: { ...deathNotice().deceased, diedAt: "hôm qua" } });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).error.fields).toEqual([expect.objectContaining({ path: "deceased.diedAt" })]);

    await world.worker.drain();
    const [notice] = world.sim!.zalo!.messages({ phone: "84901234567" });
    expect(notice?.text).toContain("chia buồn");
    expect(notice?.buttons[0]?.url).toContain(`draft=${draftId}`);

    const stranger = await world.citizen({ phone: "0977777777" });
    expect((await world.call("GET", `/api/me/drafts/${draftId}`, { token: stranger.token })).status).toBe(404);
    const mai = await world.citizen({ name: "Mai", phone: "0901234567" });
    let view = await readJson<DraftView>(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mai.token }));
    expect(view).toMatchObject({ service: "death-registration", kind: "death-registration", procedureCode: "1.000656", dueBy: "2026-12-06", title: "Lê Văn Hùng", consentTextVersion: "death-registration-consent-v1" });
    const field = (k: string) => view.fields.find((f) => f.key === k);
    expect(field("death.cause")).toMatchObject({ value: "bệnh", source: "death_notice", editable: false, kind: "text", label: { vi: "Nguyên nhân" } });
    expect(field("requester.relationship")).toMatchObject({ value: "con", kind: "select", editable: true, optionLabels: { con: { vi: "Con" } } });
    expect(view.openFields).toEqual(["registration.wardCode"]);

    // Nothing leaves before she consents, and she cannot consent with the ward still open.
    await world.worker.drain();
    expect(world.sim!.caseSystem!.dossiers()).toEqual([]);
    const incomplete = await consentTo(draftId, mai.token, view);
    expect(incomplete.status).toBe(422);
    expect((await readJson(incomplete)).error.fields).toEqual([{ path: "fields.registration.wardCode", message: "is required" }]);
    const badChoice = await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mai.token, body: { version: view.version, changes: { "requester.relationship": "hàng xóm" } } });
    expect((await readJson(badChoice)).error.fields[0].path).toBe("changes.requester.relationship");
    view = await readJson<DraftView>(await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mai.token, body: { version: view.version, changes: { "registration.wardCode": "25453" } } }));
    expect((await consentTo(draftId, mai.token, view)).status).toBe(201);
    await world.worker.drain();
    const [dossier] = world.sim!.caseSystem!.dossiers();
    expect(dossier).toMatchObject({ procedureCode: "1.000656", applicant: { fullName: "Lê Thị Mai", relationship: "informant" }, fields: { "deceased.fullName": "Lê Văn Hùng", "registration.wardCode": "25453" } });
    expect((await listAudit(world.handle.db)).map((a) => a.action)).toEqual(expect.arrayContaining(["death_notice.received", "draft.consented"]));
  });

  it("stores one draft when the same notice arrives twice at once: both answered with its ids", async () => {
    world = await createTestWorld();
    const post = () => world.call("POST", "/api/integrations/death-notices", { token: HOSPITAL_KEY, body: deathNotice() });
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(answers.map((r) => readJson(r)));
    expect(a).toEqual(b);
    expect(await world.one(sql`select (select count(*) from death_events) as e, (select count(*) from drafts) as d, (select count(*) from outbox) as o`)).toEqual({ e: 1, d: 1, o: 1 });
  });
});

describe("renewal drafts from a department's list", () => {
  async function setupTourGuide(env: Record<string, string> = {}) {
    world = await createTestWorld({ catalogue: defaultReminderCatalogue, env });
    await seedReference(world.handle.db);
    await importCsvText(world.services, defaultReminderCatalogue, ["tour-guide-card,HDV-1,person,Phạm Văn Bình,0987654321,2027-01-10", "veterinary-practising-certificate,TY-7,person,Phạm Văn Bình,0987654321,2027-02-01"].join("\n"));
    const binh = await world.citizen({ name: "Bình", phone: "0987654321" });
    const home = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: binh.token }));
    return { binh, home };
  }

  it("the home lists the documents soonest first; the reminder's landing prepares the draft once, for the holder only", async () => {
    const { binh, home } = await setupTourGuide();
    expect(home.items.map((i) => [i.kind, i.serviceKey, i.subject, i.action.type])).toEqual([
      ["document", "tour-guide-card", "HDV-1", "prepare_renewal"],
      ["document", "veterinary-practising-certificate", "TY-7", "prepare_renewal"],
    ]);
    const action = home.items[0]!.action;
    if (action.type !== "prepare_renewal") throw new Error("expected a renewal");
    const open = () => world.call("POST", `/api/me/documents/${action.documentId}/draft`, { token: binh.token });
    const created = await open();
    expect(created.status).toBe(201);
    const view = await readJson<DraftView>(created);
    expect(view).toMatchObject({ service: "tour-guide-card", kind: "renewal", procedureCode: "1.004614", filing: "citizen", consentTextVersion: "self-filing-confirmation-v2", agency: { vi: expect.stringContaining("Văn hóa") } });
    expect(view.fields.find((f) => f.key === "document.number")).toMatchObject({ value: "HDV-1", source: "department_list", editable: false, label: { vi: "Số giấy tờ" } });
    expect(view.fields.find((f) => f.key === "contact.phone")).toMatchObject({ value: "0987654321", kind: "phone", editable: true });
    const again = await open();
    expect(again.status).toBe(200);
    expect((await readJson<DraftView>(again)).id).toBe(view.id);

    // Two taps on the other document's link at once: one draft, the same for both.
    const vet = home.items[1]!.id;
    const tap = () => world.call("POST", `/api/me/documents/${vet}/draft`, { token: binh.token });
    const taps = await Promise.all([tap(), tap()]);
    expect(taps.map((r) => r.status).sort()).toEqual([200, 201]);
    const [first, second] = await Promise.all(taps.map((r) => readJson<DraftView>(r)));
    expect(second!.id).toBe(first!.id);
    expect(await world.one(sql`select count(*) as n from drafts where document_id = ${vet}`)).toEqual({ n: 1 });

    const other = await world.citizen({ phone: "0977777777" });
    expect((await world.call("POST", `/api/me/documents/${action.documentId}/draft`, { token: other.token })).status).toBe(404);
    // The home now points at the draft instead of offering a second one.
    const after = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: binh.token }));
    expect(after.items.filter((i) => i.serviceKey === "tour-guide-card").map((i) => i.action)).toEqual([{ type: "open_draft", draftId: view.id }]);
  });

  // Where the papers live (services/storage/blob-store.ts): the database by default, or a directory all instances mount.
  it.each(["database", "directory"] as const)("asks for the health certificate where the seed does, refuses a file that is not one, and keeps it with the dossier the citizen files (papers in the %s)", async (store) => {
    const dir = store === "directory" ? mkdtempSync(join(tmpdir(), "hccd-attachments-")) : undefined;
    onTestFinished(() => (dir ? rmSync(dir, { recursive: true, force: true }) : undefined));
    const { binh, home } = await setupTourGuide(dir ? { ATTACHMENTS_DIR: dir } : {});
    /** Where each paper's bytes are: the rows name a key, the bytes are in the store, none in the row. */
    const stored = async () => {
      const rows = await world.rows<{ key: string; inRow: number }>(sql`select blob_key as key, case when content is null then 0 else 1 end as "inRow" from draft_attachments`);
      const inDatabase = (await world.rows<{ key: string }>(sql`select key from attachment_blobs order by key`)).map((r) => r.key);
      const inDirectory = dir ? readdirSync(dir, { recursive: true }).map(String).filter((f) => !f.endsWith(".sha256") && f.includes("/")).map((f) => f.split("/")[1]!) : [];
      return { rows, inDatabase, inDirectory };
    };
    const vet = home.items.find((i) => i.serviceKey === "veterinary-practising-certificate")!;
    if (vet.action.type !== "prepare_renewal") throw new Error("expected a renewal");
    let view = await readJson<DraftView>(await world.call("POST", `/api/me/documents/${vet.action.documentId}/draft`, { token: binh.token }));
    expect(view.attachments).toEqual([expect.objectContaining({ key: "health-certificate", required: true, file: null })]);
    const missing = await consentTo(view.id, binh.token, view);
    expect(missing.status).toBe(422);
    expect((await readJson(missing)).error.fields).toEqual(expect.arrayContaining([{ path: "attachments.health-certificate", message: expect.stringContaining("required") }]));

    const notPdf = await upload(view.id, "health-certificate", binh.token, new TextEncoder().encode("hello"), "a.pdf");
    expect(notPdf.status).toBe(422);
    expect((await readJson(notPdf)).error.fields).toEqual([{ path: "file", message: "must be a PDF, a JPEG or a PNG" }]);
    expect((await upload(view.id, "no-such-slot", binh.token, PDF)).status).toBe(404);
    const uploaded = await upload(view.id, "health-certificate", binh.token, PDF);
    expect(uploaded.status).toBe(200);
    const withFile = await readJson<DraftView>(uploaded);
    expect(withFile.attachments[0]?.file).toMatchObject({ fileName: "giay-kham-suc-khoe.pdf", mediaType: "application/pdf", size: PDF.length });
    expect(withFile.contentHash).not.toBe(view.contentHash);
    const first = await stored();
    expect(first.rows).toEqual([{ key: expect.any(String), inRow: 0 }]);
    expect(store === "database" ? first.inDatabase : first.inDirectory).toEqual([first.rows[0]!.key]);
    expect(store === "database" ? first.inDirectory : first.inDatabase).toEqual([]);
    view = withFile;
    expect((await consentTo(view.id, binh.token, view)).status).toBe(201);
    // A new paper after consent voids it: the consent covered the old file.
    const replaced = await readJson<DraftView>(await upload(view.id, "health-certificate", binh.token, PDF2, "ban-moi.pdf"));
    expect(replaced).toMatchObject({ status: "open", consent: null, submission: null });
    // The replaced paper's bytes are gone with it.
    const second = await stored();
    expect(second.rows[0]!.key).not.toBe(first.rows[0]!.key);
    expect(store === "database" ? second.inDatabase : second.inDirectory).toEqual([second.rows[0]!.key]);
    expect((await consentTo(view.id, binh.token, view)).status).toBe(409);
    expect((await consentTo(view.id, binh.token, replaced)).status).toBe(201);
    // The practising certificate is level 2 (plan rows 33–34): the holder files it; nothing is sent,
    // so the paper does not leave the platform either.
    await world.worker.drain();
    expect(world.sim!.caseSystem!.dossiers()).toEqual([]);
    const [paper] = await world.rows<{ id: string }>(sql`select id from draft_attachments`);
    expect((await world.call("GET", `/api/integrations/attachments/${paper!.id}`, { token: CASE_SYSTEM_KEY })).status).toBe(404);
    expect((await world.call("GET", `/api/integrations/attachments/${paper!.id}`, { token: HOSPITAL_KEY })).status).toBe(403);
  });
});

describe("a phone shared in a family", () => {
  it("never fills one person's renewal with another's population data", async () => {
    world = await createTestWorld({ catalogue: defaultReminderCatalogue });
    await seedReference(world.handle.db);
    await world.postCertificate(makeBirthCertificate());
    // Her brother's card is listed with her phone number and no ID number.
    await importCsvText(world.services, defaultReminderCatalogue, "tour-guide-card,HDV-77,person,Nguyễn Văn Tư,0912345678,2027-01-10");
    const lan = await world.citizen({ phone: "0912345678" });
    const home = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: lan.token }));
    const card = home.items.find((i) => i.serviceKey === "tour-guide-card")!;
    const view = await readJson<DraftView>(await world.call("POST", `/api/me/documents/${card.id}/draft`, { token: lan.token }));
    expect(view.fields.find((f) => f.key === "holder.fullName")).toMatchObject({ value: "Nguyễn Văn Tư", source: "department_list" });
    expect(view.fields.find((f) => f.key === "holder.personalId")).toMatchObject({ value: null });
    expect((await world.call("GET", `/api/me/drafts/${view.id}`, { token: lan.token })).status).toBe(200);
  });
});

describe("bad input to the new citizen endpoints gets a clear error and changes nothing", () => {
  it("a level-1 service has no draft to prepare; uploads that are empty, too large or missing are refused by field", async () => {
    world = await createTestWorld({ catalogue: defaultReminderCatalogue });
    await seedReference(world.handle.db);
    await importCsvText(world.services, defaultReminderCatalogue, ["pesticide-production-certificate,BVTV-1,organization,Công ty Nông dược A,0987654321,2027-03-01", "veterinary-practising-certificate,TY-8,person,Phạm Văn Bình,0987654321,2027-02-01"].join("\n"));
    const binh = await world.citizen({ phone: "0987654321" });
    const home = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: binh.token }));
    const pesticide = home.items.find((i) => i.serviceKey === "pesticide-production-certificate")!;
    expect(pesticide.action).toEqual({ type: "none" });
    const noDraft = await world.call("POST", `/api/me/documents/${pesticide.id}/draft`, { token: binh.token });
    expect(noDraft.status).toBe(422);
    expect((await readJson(noDraft)).error).toMatchObject({ code: "no_draft", fields: [{ path: "documentId" }] });
    expect((await world.call("POST", "/api/me/documents/no-such-document/draft", { token: binh.token })).status).toBe(404);

    const vet = home.items.find((i) => i.serviceKey === "veterinary-practising-certificate")!;
    const view = await readJson<DraftView>(await world.call("POST", `/api/me/documents/${vet.id}/draft`, { token: binh.token }));
    const empty = await upload(view.id, "health-certificate", binh.token, new Uint8Array());
    expect(await readJson(empty)).toMatchObject({ error: { code: "validation_failed", fields: [{ path: "file", message: "is empty" }] } });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await upload(view.id, "health-certificate", binh.token, big);
    expect(tooBig.status).toBe(422);
    expect((await readJson(tooBig)).error.fields[0]).toMatchObject({ path: "file", message: expect.stringContaining("at most") });
    const huge = await upload(view.id, "health-certificate", binh.token, new Uint8Array(6 * 1024 * 1024));
    expect(huge.status).toBe(413);
    const noFile = await Promise.resolve(world.app.request(`/api/me/drafts/${view.id}/attachments/health-certificate`, { method: "PUT", headers: { authorization: `Bearer ${binh.token}` }, body: new FormData() }));
    expect(noFile.status).toBe(422);
    expect((await readJson(noFile)).error.fields[0].path).toMatch(/(^|\.)file$/);
    // Nothing was stored by any of them.
    const after = await readJson<DraftView>(await world.call("GET", `/api/me/drafts/${view.id}`, { token: binh.token }));
    expect(after.attachments[0]?.file).toBeNull();
    expect(after.contentHash).toBe(view.contentHash);
    expect((await world.call("DELETE", "/api/me/consents/no-such-consent", { token: binh.token })).status).toBe(404);
  });
});

describe("settings, my data, rating and withdrawing consent", () => {
  async function birth() {
    world = await createTestWorld();
    await seedReference(world.handle.db);
    const { draftId } = await readJson<{ draftId: string }>(await world.postCertificate(makeBirthCertificate()));
    const mother = await world.citizen({ name: "Lan", phone: "0912345678" });
    const view = await readJson<DraftView>(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }));
    return { draftId, mother, view };
  }

  it("keeps per-service and per-channel choices, refuses to turn every channel off, and names the field", async () => {
    const { mother } = await birth();
    const patchSettings = (body: unknown) => world.call("PATCH", "/api/me/settings", { token: mother.token, body });
    expect(await readJson(await patchSettings({ services: { "child-vaccination": false }, channels: { sms: false }, language: "en" }))).toEqual({ language: "en", optedOut: false, services: { "child-vaccination": false }, channels: { sms: false } });
    const none = await patchSettings({ channels: { oa: false, zns: false } });
    expect(none.status).toBe(422);
    expect((await readJson(none)).error.fields[0].path).toBe("channels");
    expect((await readJson(await patchSettings({ services: { "not-a-service": false } }))).error.fields[0].path).toBe("services.not-a-service");
    expect((await patchSettings({})).status).toBe(422);
    expect((await readJson(await world.call("GET", "/api/me", { token: mother.token }))).language).toBe("en");
  });

  it("gives the citizen everything held about them, and audits it", async () => {
    const { mother, draftId } = await birth();
    const res = await world.call("GET", "/api/me/data", { token: mother.token });
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = await readJson(res);
    expect(data.zaloUser.phone).toBe("84912345678");
    expect(data.persons.map((p: { nationalId: string }) => p.nationalId)).toEqual(["072195001234"]);
    expect(data.drafts.map((d: { id: string }) => d.id)).toEqual([draftId]);
    expect((await listAudit(world.handle.db)).map((a) => a.action)).toContain("my_data.exported");
  });

  it("withdrawing a consent stops a dossier not yet sent; rating waits for the result", async () => {
    const { draftId, mother, view } = await birth();
    const edited = await readJson<DraftView>(await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.token, body: { version: view.version, changes: { "child.fullName": "Trần Bảo Ngọc", "child.hometown": "Tây Ninh" } } }));
    const accepted = await readJson(await consentTo(draftId, mother.token, edited));
    expect((await world.call("POST", `/api/me/submissions/${accepted.submissionId}/rating`, { token: mother.token, body: { score: 5 } })).status).toBe(409);
    const withdrawn = await world.call("DELETE", `/api/me/consents/${accepted.consentId}`, { token: mother.token });
    expect(await readJson(withdrawn)).toMatchObject({ stoppedSubmission: true, draft: { status: "open", consent: null, submission: null } });
    await world.worker.drain();
    expect(world.sim!.caseSystem!.dossiers()).toEqual([]);

    const again = await readJson(await consentTo(draftId, mother.token, edited));
    await world.worker.drain();
    await world.sim!.caseSystem!.idle();
    await world.worker.drain();
    const rate = (body: unknown) => world.call("POST", `/api/me/submissions/${again.submissionId}/rating`, { token: mother.token, body });
    expect((await readJson(await rate({ score: 9 }))).error.fields[0].path).toBe("score");
    expect(await readJson(await rate({ score: 4, comment: "  Nhanh, không phải đi lại  " }))).toMatchObject({ score: 4, comment: "Nhanh, không phải đi lại" });
    const stranger = await world.citizen({ phone: "0977777777" });
    expect((await world.call("POST", `/api/me/submissions/${again.submissionId}/rating`, { token: stranger.token, body: { score: 1 } })).status).toBe(404);
    expect((await world.call("DELETE", `/api/me/consents/${again.consentId}`, { token: mother.token })).status).toBe(409);
  });
});
