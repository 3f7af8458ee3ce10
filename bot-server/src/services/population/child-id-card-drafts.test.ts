import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { makeBirthCertificate, type DossierCopy, type DraftSummary, type DraftView, type Upcoming } from "@hccd/shared";
import { insertDraft, isUniqueViolation } from "@hccd/db";
import { createTestWorld, HOSPITAL_KEY, readJson, type TestWorld } from "../../testing/world.js";
import { sweepReminders } from "../reminders/reminder-sweep.js";
import { postPopulation, RESIDENTS } from "./population-testing.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const { hoa, dung } = RESIDENTS;
/** Hoa and Dũng's daughter, 3 years old, without an ID card in population data (plan 920 row 2). */
const an = {
  nationalId: "072323000777", fullName: "Phạm Bảo An", dateOfBirth: "2023-05-10", sex: "female",
  residence: { wardCode: "25453", address: "Số 5, hẻm 12, Phường Tân Ninh, Tây Ninh" },
  parents: [{ nationalId: hoa.nationalId, relationship: "mother" }, { nationalId: dung.nationalId, relationship: "father" }],
  updatedAt: "2026-11-20T01:00:00+07:00",
};
const later = (record: object, updatedAt: string) => ({ ...record, updatedAt });

/** What the simulated Zalo delivered to a phone (`84…`). */
const sent = (phone: string) => w.sim!.zalo!.messages({ phone });
const sweepAndSend = async () => {
  const r = await sweepReminders(w.services, { catalogue: w.catalogue });
  await w.worker.drain();
  return r;
};
const childDrafts = () =>
  w.rows<{ id: string; status: string; dueBy: string }>(sql`select id, status, due_by as "dueBy" from drafts where service = 'child-id-card' order by created_at`);
const invitations = () =>
  w.rows<{ status: string; reason: string | null }>(sql`select status, reason from reminders where service_key = 'child-id-card' order by created_at`);

const INVITATION =
  "Kính gửi Ông/Bà Lê Thị Hoa, theo dữ liệu dân cư, cháu Phạm Bảo An (con của Ông/Bà) chưa được cấp thẻ căn cước. Nếu gia đình có nhu cầu, hồ sơ đề nghị cấp thẻ cho cháu đã được chuẩn bị sẵn: Ông/Bà kiểm tra, xác nhận rồi tự nộp theo hướng dẫn, đến hết ngày 09/05/2029.";

// The test world's day is 2026-11-24, 10:00 in Vietnam. Plan 920 row 2 (level 2): the list of
// children under 6 to be issued an ID card is drawn up from civil-status and residence data, and
// the parents are invited to complete the procedure (shared/src/domain/child-id-card.ts).
describe("a child under 6 without an ID card: an application prepared for the parents (plan 920 row 2)", () => {
  it("prepares one application from the population record, and tells the mother with a link that opens it", async () => {
    w = await createTestWorld();
    expect((await postPopulation(w, "B-1", [hoa, dung, an])).status).toBe(200);
    const [draft] = await childDrafts();
    // Due the day before her 6th birthday (2029-05-10): until then a parent applies for her.
    expect(await childDrafts()).toEqual([{ id: draft!.id, status: "open", dueBy: "2029-05-09" }]);

    expect(await sweepAndSend()).toEqual({ queued: 1, skipped: 0, cancelled: 0 });
    const [notice] = sent("84912000444");
    expect(notice!.text).toBe(INVITATION);
    expect(JSON.stringify(notice)).toContain(`draft=${draft!.id}`);
    expect(sent("84913000555")).toEqual([]); // one parent is enough
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });

    // The mother signs in with her phone: the application is on her list and opens, prefilled.
    const mother = await w.citizen({ phone: hoa.phone });
    const { drafts: list } = await readJson<{ drafts: DraftSummary[] }>(await w.call("GET", "/api/me/drafts", { token: mother.token }));
    expect(list).toMatchObject([{ id: draft!.id, service: "child-id-card", title: "Phạm Bảo An", status: "open", dueBy: "2029-05-09" }]);
    const view = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${draft!.id}`, { token: mother.token }));
    const value = (key: string) => view.fields.find((f) => f.key === key);
    expect(value("child.fullName")).toMatchObject({ value: "Phạm Bảo An", source: "population_data", editable: false });
    expect(value("child.personalId")).toMatchObject({ value: an.nationalId, source: "population_data" });
    expect(value("child.dateOfBirth")).toMatchObject({ value: "2023-05-10" });
    expect(value("child.residence")).toMatchObject({ value: an.residence.address });
    expect(value("guardian.fullName")).toMatchObject({ value: "Lê Thị Hoa" });
    expect(view.openFields).toEqual(["appointment.place"]);
    expect(view).toMatchObject({ filing: "citizen", procedureCode: null });
    // Least data: neither parent's ID number nor phone is copied into the application.
    for (const secret of [hoa.nationalId, hoa.phone, dung.nationalId, dung.phone]) expect(JSON.stringify(view.fields)).not.toContain(secret);
    // The notice, once sent, is a step of the application's timeline.
    expect(view.timeline.map((e) => e.kind)).toEqual(["draft_created", "notified"]);
  });

  // Level 2 (plan 920 §II.4): the parent confirms the prepared application and files it; we send nothing.
  it("the parent completes and confirms it: nothing is sent, and both parents get the copy to file it with the guidance", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [hoa, dung, an]);
    const [draft] = await childDrafts();
    const mother = await w.citizen({ phone: hoa.phone });
    let view = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${draft!.id}`, { token: mother.token }));
    view = await readJson<DraftView>(await w.call("PATCH", `/api/me/drafts/${draft!.id}`, { token: mother.token, body: { version: view.version, changes: { "appointment.place": "Công an phường Tân Ninh" } } }));
    const consent = await w.call("POST", `/api/me/drafts/${draft!.id}/consent`, { token: mother.token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } });
    expect(consent.status).toBe(201);
    expect(await readJson(consent)).toMatchObject({ submissionId: null, draft: { status: "consented", filing: "citizen", submission: null } });
    await w.worker.drain();
    expect(await w.one(sql`select count(*) as n from submissions`)).toEqual({ n: 0 });

    // The home lists it as the child's, confirmed for the parent to file (never "sent").
    const home = await readJson<Upcoming>(await w.call("GET", "/api/me/upcoming", { token: mother.token }));
    expect(home.items.find((i) => i.id === draft!.id)).toMatchObject({ serviceKey: "child-id-card", whose: "child", subject: "Phạm Bảo An", status: "consented", filing: "citizen" });
    const father = await w.citizen({ phone: dung.phone });
    for (const parent of [mother, father]) {
      const copy = await readJson<DossierCopy>(await w.call("GET", `/api/me/drafts/${draft!.id}/copy`, { token: parent.token }));
      expect(copy.draft.fields.find((f) => f.key === "appointment.place")?.value).toBe("Công an phường Tân Ninh");
      expect(copy.guidance).toMatchObject({ service: "child-id-card", level: 2 });
    }
    // The invitation is no longer needed once confirmed: the sweep cancels it.
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 1 });
    expect(sent("84912000444")).toEqual([]);
  });

  it("exactly one application per child: the same child again, in a newer record or in two batches at once, re-plans the same one", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [hoa, dung, an]);
    const [first] = await childDrafts();
    await postPopulation(w, "B-1", [hoa, dung, an]); // the same batch again
    const moved = { ...an, residence: { wardCode: "25453", address: "Số 9, đường 30/4, Phường Tân Ninh, Tây Ninh" } };
    const answers = await Promise.all([postPopulation(w, "B-2", [later(moved, "2026-11-22T01:00:00+07:00")]), postPopulation(w, "B-3", [later(moved, "2026-11-23T01:00:00+07:00")])]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await childDrafts()).map((d) => d.id)).toEqual([first!.id]);
    expect(await invitations()).toEqual([{ status: "planned", reason: null }]);
    // The prefilled address follows the record (the parents have not confirmed yet).
    const mother = await w.citizen({ phone: hoa.phone });
    const view = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${first!.id}`, { token: mother.token }));
    expect(view.fields.find((f) => f.key === "child.residence")?.value).toBe(moved.residence.address);
    // The database itself refuses a second application for the same child.
    const [child] = await w.rows<{ id: string }>(sql`select id from persons where national_id = ${an.nationalId}`);
    const second = insertDraft(w.db, { id: "second", service: "child-id-card", subjectPersonId: child!.id, version: 1, fields: {}, status: "open", dueBy: "2029-05-09", updatedAt: w.clock.now() });
    await expect(second).rejects.toSatisfy(isUniqueViolation);
  });

  it("a card issued re-plans: the application is closed and its notice, queued but not sent, is withdrawn", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [hoa, dung, an]);
    expect((await sweepReminders(w.services, { catalogue: w.catalogue })).queued).toBe(1);
    await postPopulation(w, "B-2", [later({ ...an, idCard: { number: an.nationalId, issuedOn: "2026-11-21" } }, "2026-11-22T01:00:00+07:00")]);
    await w.worker.drain();
    expect(sent("84912000444")).toEqual([]);
    expect(sent("84913000555")).toEqual([]);
    expect((await childDrafts()).map((d) => d.status)).toEqual(["closed"]);
    expect(await invitations()).toEqual([{ status: "cancelled", reason: "the deadline changed" }]);
    expect(await w.rows(sql`select status from outbox where idempotency_key like ${"population:%:child-id-card:%"}`)).toEqual([{ status: "cancelled" }]);
    // A later record without the card block ("not known", contract 5) does not reopen it.
    await postPopulation(w, "B-3", [later(an, "2026-11-23T01:00:00+07:00")]);
    expect((await childDrafts()).map((d) => d.status)).toEqual(["closed"]);
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
  });

  it("a child who died: no application, and one prepared before leaves the family's lists without a word", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [hoa, dung, an]);
    const mother = await w.citizen({ phone: hoa.phone });
    const drafts = async () => (await readJson<{ drafts: DraftSummary[] }>(await w.call("GET", "/api/me/drafts", { token: mother.token }))).drafts;
    expect(await drafts()).toHaveLength(1);
    await postPopulation(w, "B-2", [later({ ...an, deceased: true }, "2026-11-22T01:00:00+07:00")]);
    expect(await drafts()).toEqual([]);
    expect((await childDrafts()).map((d) => d.status)).toEqual(["closed"]);
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
    expect(sent("84912000444")).toEqual([]);
    // A sibling reported dead in their first record gets nothing prepared at all.
    expect(await readJson(await postPopulation(w, "B-3", [{ ...an, nationalId: "072324000888", fullName: "Phạm Bảo Anh", dateOfBirth: "2024-01-15", deceased: true }]))).toMatchObject({ accepted: 1 });
    expect(await childDrafts()).toHaveLength(1);
  });

  it("a newborn's parents are invited once the 60 days of the birth registration are over", async () => {
    w = await createTestWorld();
    const baby = { ...an, nationalId: "072226000999", fullName: "Phạm Minh Khôi", sex: "male", dateOfBirth: "2026-11-01" };
    await postPopulation(w, "B-1", [hoa, dung, baby]);
    expect((await childDrafts()).map((d) => d.dueBy)).toEqual(["2032-10-31"]);
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
    w.clock.set("2026-12-31T01:00:00Z"); // 08:00 in Vietnam, 60 days after the birth
    expect(await sweepAndSend()).toEqual({ queued: 1, skipped: 0, cancelled: 0 });
    expect(sent("84912000444")[0]!.text).toContain("cháu Phạm Minh Khôi (con của Ông/Bà) chưa được cấp thẻ căn cước");
  });

  it("nothing is prepared for a child with a card or a child of 6", async () => {
    w = await createTestWorld();
    const res = await postPopulation(w, "B-1", [
      hoa, dung,
      { ...an, idCard: { number: an.nationalId, issuedOn: "2025-01-10" } },
      { ...an, nationalId: "072320000555", fullName: "Phạm Gia Hân", dateOfBirth: "2020-11-24" }, // 6 today
    ]);
    expect(await readJson(res)).toMatchObject({ accepted: 4, rejected: [] });
    expect(await childDrafts()).toEqual([]);
    expect(await invitations()).toEqual([]);
  });

  // Records are applied in ID-number order: parents registered in another province (079: TP.HCM)
  // come after their child (072), and a parent may only come in a later batch.
  it("parents not known when the child's record comes: the application is prepared when the notice falls due", async () => {
    w = await createTestWorld();
    const mai = { nationalId: "079190001234", fullName: "Võ Thị Mai", dateOfBirth: "1990-03-03", sex: "female", phone: "0935000111", updatedAt: "2026-11-20T01:00:00+07:00" };
    const vy = { ...an, nationalId: "072323000666", fullName: "Nguyễn Thảo Vy", parents: [{ nationalId: mai.nationalId, relationship: "mother" }] };
    const lone = { ...an, nationalId: "072323000667", fullName: "Trần Bảo Châu", parents: [{ nationalId: "079185009999", relationship: "mother" }] };
    expect(await readJson(await postPopulation(w, "B-1", [vy, lone]))).toMatchObject({ accepted: 2, rejected: [] });
    expect(await childDrafts()).toEqual([]);
    expect(await invitations()).toEqual([{ status: "planned", reason: null }, { status: "planned", reason: null }]);
    await postPopulation(w, "B-2", [mai]);
    // Vy's mother is known by now: prepared and told. Châu's is not: skipped, nothing prepared.
    expect(await sweepAndSend()).toEqual({ queued: 1, skipped: 1, cancelled: 0 });
    expect((await childDrafts()).map((d) => d.dueBy)).toEqual(["2029-05-09"]);
    expect(sent("84935000111")[0]!.text).toContain("cháu Nguyễn Thảo Vy (con của Ông/Bà) chưa được cấp thẻ căn cước");
    const mother = await w.citizen({ phone: mai.phone });
    const { drafts } = await readJson<{ drafts: DraftSummary[] }>(await w.call("GET", "/api/me/drafts", { token: mother.token }));
    expect(drafts).toMatchObject([{ service: "child-id-card", title: "Nguyễn Thảo Vy" }]);
  });
});

describe("population data says a child died: the family is reminded of nothing for that child", () => {
  // Plan 920 row 1's vaccination reminders are planned from the hospital's certificate; the child's
  // population record (contract 5) is matched to that birth by parent, date of birth and sex.
  it("the child's vaccination reminders are cancelled, the one queued and not sent is withdrawn; a twin's stay", async () => {
    w = await createTestWorld(); // 2026-11-24; Ngọc was born 2026-11-20 (contract 1's example)
    expect((await w.postCertificate(makeBirthCertificate())).status).toBe(201);
    expect((await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-BVDK-2026-000124", child: { sex: "male", plannedName: "Trần Bảo Nam" } }))).status).toBe(201);
    await w.worker.drain(); // the birth registration notices
    const certificate = { "Trần Bảo Ngọc": "TN-BVDK-2026-000123", "Trần Bảo Nam": "TN-BVDK-2026-000124" } as const;
    const open = (child: keyof typeof certificate) =>
      w.one<{ n: number }>(sql`select count(*) as n from reminders join birth_events on birth_events.id = reminders.birth_event_id where reminders.status in ('planned', 'queued') and birth_events.certificate_no = ${certificate[child]}`);
    const planned = (await open("Trần Bảo Nam"))!.n;
    expect(planned).toBeGreaterThan(5);
    expect(await open("Trần Bảo Ngọc")).toEqual({ n: planned });

    w.clock.set("2027-01-13T01:00:00Z"); // 08:00, a week before the 2-month doses (2027-01-20)
    const { queued } = await sweepReminders(w.services, { catalogue: w.catalogue });
    expect(queued).toBeGreaterThan(0);
    const before = sent("84912345678").length;
    const ngoc = { nationalId: "072326000123", fullName: "Trần Bảo Ngọc", dateOfBirth: "2026-11-20", sex: "female", parents: [{ nationalId: "072195001234", relationship: "mother" }], deceased: true, updatedAt: "2027-01-12T09:00:00+07:00" };
    expect((await postPopulation(w, "B-1", [ngoc])).status).toBe(200);
    await w.worker.drain();

    expect(await open("Trần Bảo Ngọc")).toEqual({ n: 0 });
    expect(await w.rows(sql`select distinct reason from reminders join birth_events on birth_events.id = reminders.birth_event_id where birth_events.certificate_no = ${certificate["Trần Bảo Ngọc"]} and reminders.status = 'cancelled'`)).toEqual([{ reason: "the child died" }]);
    // Only her twin brother's doses reach the mother; nothing names the child who died.
    const after = sent("84912345678").slice(before);
    expect(after).toHaveLength(queued / 2);
    expect(await open("Trần Bảo Nam")).toEqual({ n: planned }); // sent ones stay "queued"
    expect(await childDrafts()).toEqual([]);
  });

  // The same for a hospital's death notice (contract 2): an infant's death is told by a parent.
  it("a hospital's death notice for an infant, told by the mother, stops the vaccination reminders of that birth", async () => {
    w = await createTestWorld();
    await w.postCertificate(makeBirthCertificate());
    const open = () => w.one<{ n: number }>(sql`select count(*) as n from reminders where subject = 'vaccination' and status in ('planned', 'queued')`);
    expect((await open())!.n).toBeGreaterThan(5);
    const notice = {
      noticeNo: "TN-BVDK-TB-2026-0001", issuedAt: "2026-11-23T16:00:00+07:00", facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
      deceased: { fullName: "Trần Bảo Ngọc", sex: "female", dateOfBirth: "2026-11-20", diedAt: "2026-11-23T03:10:00+07:00", placeOfDeath: "Bệnh viện Đa khoa Tây Ninh", cause: "bệnh" },
      informant: { fullName: "Nguyễn Thị Lan", relationship: "mẹ", phone: "0912345678" },
    };
    expect((await w.call("POST", "/api/integrations/death-notices", { token: HOSPITAL_KEY, body: notice })).status).toBe(201);
    expect(await open()).toEqual({ n: 0 });
  });
});
