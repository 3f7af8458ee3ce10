import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DraftView, Upcoming } from "@hccd/shared";
import { CASE_SYSTEM_KEY, createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { importCsvText } from "../../testing/imports.js";
import { seedReference } from "../../runtime.js";
import { defaultReminderCatalogue } from "../reminders/reminder-catalogue.js";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

const BINH_PHONE = "84987654321";
const NEW_PHONE = "0987000111";
/** Plan row 44: the re-issue of the monument conservation practising certificate (level 3, submitted by us). */
const REISSUE_CODE = "1.002003";

const consentTo = (id: string, token: string, v: Pick<DraftView, "contentHash" | "consentTextVersion">) =>
  world.call("POST", `/api/me/drafts/${id}/consent`, { token, body: { contentHash: v.contentHash, consentTextVersion: v.consentTextVersion } });
const viewOf = async (id: string, token: string) => readJson<DraftView>(await world.call("GET", `/api/me/drafts/${id}`, { token }));

/**
 * Bình has his monument conservation practising certificate re-issued (a level-3 service: we submit
 * the dossier he consents to, under procedure 1.002003); the case system's officer asks for more:
 * the dossier is back with him, waiting for a supplement. No service we submit asks for a paper in
 * the sources, and the only field he may change is his contact phone: so that is what the officer
 * asks him to correct.
 */
async function caseAskingForMore() {
  world = await createTestWorld({ catalogue: defaultReminderCatalogue });
  await seedReference(world.handle.db);
  await importCsvText(world.services, defaultReminderCatalogue, "heritage-conservation-practising-certificate,DT-7,person,Phạm Văn Bình,0987654321,2027-02-01");
  const binh = await world.citizen({ name: "Bình", phone: "0987654321" });
  const home = await readJson<Upcoming>(await world.call("GET", "/api/me/upcoming", { token: binh.token }));
  const action = home.items[0]!.action;
  if (action.type !== "prepare_renewal") throw new Error("expected a renewal");
  const draft = await readJson<DraftView>(await world.call("POST", `/api/me/documents/${action.documentId}/draft`, { token: binh.token }));
  const caseSim = world.sim!.caseSystem!;
  caseSim.askForMoreInfo({ note: "<p>Số điện thoại liên hệ\u200b trong hồ sơ không liên lạc được.</p>\n\nĐề nghị cập nhật số điện thoại.", respondBy: "2026-12-10" });
  const consented = await readJson<{ submissionId: string }>(await consentTo(draft.id, binh.token, draft));
  await world.worker.drain();
  await caseSim.idle();
  await world.worker.drain();
  const [first] = await world.rows<{ caseId: string; status: string }>(sql`select case_id as "caseId", status from submissions where id = ${consented.submissionId}`);
  return { binh, draftId: draft.id, before: draft, firstSubmissionId: consented.submissionId, caseId: first!.caseId, firstStatus: first!.status };
}

describe("need_more_info → supplement → the same case", () => {
  it("tells the citizen what is asked, opens a new version for him to correct, and sends the newly consented version to the same case under the same procedure", async () => {
    const c = await caseAskingForMore();
    expect(c.firstStatus).toBe("need_more_info");
    const NOTE = "Số điện thoại liên hệ trong hồ sơ không liên lạc được. Đề nghị cập nhật số điện thoại.";

    // Told on Zalo, in the agency's register, what the officer asks for and by when, without the markup.
    const notices = world.sim!.zalo!.messages({ phone: BINH_PHONE }).filter((m) => /cần bổ sung/i.test(m.text));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("Kính gửi Ông/Bà Phạm Văn Bình");
    expect(notices[0]!.text).toContain(NOTE);
    expect(notices[0]!.text).toContain("10/12/2026");
    expect(notices[0]!.text).not.toMatch(/<p>|\u200b/);

    // The dossier is back with him, as a new version that needs his consent again.
    let view = await viewOf(c.draftId, c.binh.token);
    expect(view).toMatchObject({ status: "open", version: c.before.version + 1, consent: null, submission: { status: "need_more_info" } });
    expect(view.moreInfo).toEqual({ note: NOTE, respondBy: "2026-12-10", requestedAt: expect.any(String) });
    const list = await readJson<{ drafts: { id: string; submissionStatus: string }[] }>(await world.call("GET", "/api/me/drafts", { token: c.binh.token }));
    expect(list.drafts.find((d) => d.id === c.draftId)?.submissionStatus).toBe("need_more_info");
    // What he consented to before is not a consent to the new version.
    expect((await consentTo(c.draftId, c.binh.token, c.before)).status).toBe(409);

    // That afternoon he corrects his phone.
    world.clock.advance(4 * 3_600_000);
    const edited = await world.call("PATCH", `/api/me/drafts/${c.draftId}`, { token: c.binh.token, body: { version: view.version, changes: { "contact.phone": NEW_PHONE } } });
    expect(edited.status).toBe(200);
    view = await readJson<DraftView>(edited);
    expect(view.moreInfo?.note).toContain("Đề nghị cập nhật số điện thoại");

    // He consents again: a double tap records one consent and one supplement.
    const [a, b] = await Promise.all([consentTo(c.draftId, c.binh.token, view), consentTo(c.draftId, c.binh.token, view)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const ids = [await readJson<{ consentId: string; submissionId: string }>(a), await readJson<{ consentId: string; submissionId: string }>(b)];
    expect(ids[0]).toMatchObject({ consentId: ids[1]!.consentId, submissionId: ids[1]!.submissionId });
    const supplementId = ids[0]!.submissionId;
    expect(supplementId).not.toBe(c.firstSubmissionId);

    await world.worker.drain();
    const caseSim = world.sim!.caseSystem!;
    const [sent] = caseSim.supplements(c.caseId);
    expect(caseSim.supplements(c.caseId)).toHaveLength(1);
    // The same case, under the same procedure as the dossier it answers (plan row 44), with what he corrected.
    expect(caseSim.dossiers()).toEqual([expect.objectContaining({ procedureCode: REISSUE_CODE, fields: expect.objectContaining({ "contact.phone": "0987654321" }) })]);
    expect(sent).toMatchObject({ submissionId: supplementId, procedureCode: REISSUE_CODE, consent: { consentId: ids[0]!.consentId }, fields: expect.objectContaining({ "contact.phone": NEW_PHONE }) });

    await caseSim.idle();
    await world.worker.drain();
    view = await viewOf(c.draftId, c.binh.token);
    expect(view.submission).toMatchObject({ submissionId: supplementId, status: "completed", receiptNo: expect.any(String) });
    expect(view.moreInfo).toBeUndefined();

    const rows = await world.rows<{ id: string; caseId: string; supplementOf: string | null; status: string; procedureCode: string }>(sql`select id, case_id as "caseId", supplement_of as "supplementOf", status, procedure_code as "procedureCode" from submissions order by created_at, id`);
    expect(rows).toEqual(expect.arrayContaining([
      { id: c.firstSubmissionId, caseId: c.caseId, supplementOf: null, status: "need_more_info", procedureCode: REISSUE_CODE },
      { id: supplementId, caseId: c.caseId, supplementOf: c.firstSubmissionId, status: "completed", procedureCode: REISSUE_CODE },
    ]));
    expect(rows).toHaveLength(2);
    // Each version has its own recorded consent; the first was set aside when the officer asked for more.
    const consents = await world.rows<{ version: number; voidReason: string | null }>(sql`select draft_version as version, void_reason as "voidReason" from consents order by consented_at`);
    expect(consents).toEqual([{ version: c.before.version, voidReason: "more_info_requested" }, { version: view.version, voidReason: null }]);
    expect(world.sim!.zalo!.messages({ phone: BINH_PHONE }).some((m) => /đã có kết quả/i.test(m.text))).toBe(true);
  });

  it("refuses an officer's note longer than the bound and a deadline that is not a date, naming the field", async () => {
    const c = await caseAskingForMore();
    const callback = (body: unknown) => world.call("POST", "/api/integrations/case-status", { token: CASE_SYSTEM_KEY, body });
    const long = await callback({ caseId: c.caseId, status: "need_more_info", note: "x".repeat(2001), at: "2026-11-24T12:00:00+07:00" });
    expect(long.status).toBe(422);
    expect((await readJson(long)).error.fields).toEqual([expect.objectContaining({ path: "note" })]);
    const badDate = await callback({ caseId: c.caseId, status: "need_more_info", respondBy: "10/12/2026", at: "2026-11-24T12:00:00+07:00" });
    expect(badDate.status).toBe(422);
    expect((await readJson(badDate)).error.fields).toEqual([expect.objectContaining({ path: "respondBy" })]);
  });
});
