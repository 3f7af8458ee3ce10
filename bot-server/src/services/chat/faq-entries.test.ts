import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getFaqEntry, listAudit, listFaqEntries, tablesOf } from "@hccd/db";
import { faqEntryCreateSchema, type StaffFaqEntry } from "@hccd/shared";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { createStaffUser, csrfTokenFor } from "../staff/staff-auth.js";
import { consoleLogin, consoleRequest } from "../../testing/console.js";
import { FAQ_ENTRIES } from "../../faq/index.js";
import { createDefaultFaq, createStoredFaq, seedBuiltinFaqEntries } from "./faq-service.js";
import { createStaffFaqEntry, parseFaqInput } from "./faq-entries.js";
import { busFareFaqEntry } from "../../testing/fixtures.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
const BIRTH_QUESTION = "đăng ký khai sinh cho con trong bao nhiêu ngày";

async function world() {
  w = await createTestWorld();
  await createStaffUser(w.services, { username: "truyen-thong", displayName: "Phạm Minh Truyền", password: PASSWORD, role: "communicator" });
  await createStaffUser(w.services, { username: "bien-tap-2", displayName: "Biên Tập Hai", password: PASSWORD, role: "admin" });
  await createStaffUser(w.services, { username: "phuong-tan-ninh", displayName: "Cán bộ phường", password: PASSWORD, role: "ward_officer", wardCode: "25453" });
  return w;
}

async function token(username = "truyen-thong"): Promise<string> {
  const res = await w.call("POST", "/api/staff/session", { body: { username, password: PASSWORD } });
  expect(res.status).toBe(200);
  return (await readJson(res)).token;
}

const ask = async (question: string) => readJson<{ answered: boolean; matches: { id: string; answer: string }[] }>(await w.call("POST", "/api/faq/ask", { body: { question } }));

async function entry(tok: string, id: string): Promise<StaffFaqEntry> {
  const res = await w.call("GET", `/api/staff/faq/entries/${id}`, { token: tok });
  expect(res.status).toBe(200);
  return readJson(res);
}

/** The entry as the update body takes it, with some fields changed. */
const edit = (e: StaffFaqEntry, patch: Partial<StaffFaqEntry>) => {
  const { id: _id, origin: _o, updatedAt: _u, updatedBy: _b, retiredAt: _r, ...body } = { ...e, ...patch };
  return body;
};


describe("FAQ upkeep", () => {
  it("copies the built-in entries into the table once; start-up never overwrites a staff edit", async () => {
    await world();
    expect(await listFaqEntries(w.handle.db)).toHaveLength(FAQ_ENTRIES.length);
    const tok = await token();
    const e = await entry(tok, "birth-deadline");
    const res = await w.call("PUT", "/api/staff/faq/entries/birth-deadline", { token: tok, body: edit(e, { answerVi: "Trong 60 ngày kể từ ngày sinh (đã sửa)." }) });
    expect(res.status).toBe(200);
    expect(await seedBuiltinFaqEntries(w.handle.db, w.clock.now())).toEqual({ added: 0, refreshed: 0 });
    expect(await getFaqEntry(w.handle.db, "birth-deadline")).toMatchObject({ answerVi: "Trong 60 ngày kể từ ngày sinh (đã sửa).", version: 2, updatedBy: "truyen-thong" });
  });

  it("brings the shipped wording to a built-in entry staff never touched, at start; edited and retired entries keep the console's version", async () => {
    w = await createTestWorld();
    const db = w.handle.db;
    const { faqEntries } = tablesOf(db);
    // A database seeded by an earlier release: the entry about what the OA does lacked its phrasings.
    const changed = new Set(["hccd-services", "birth-deadline", "birth-fee"]);
    const older = FAQ_ENTRIES.map((e) => (changed.has(e.id) ? { ...e, alternatives: { vi: e.alternatives.vi.slice(0, 2), en: e.alternatives.en.slice(0, 1) } } : e));
    for (const id of changed) await db.delete(faqEntries).where(eq(faqEntries.id, id));
    expect(await seedBuiltinFaqEntries(db, w.clock.now(), older)).toEqual({ added: 3, refreshed: 0 });
    await createStaffUser(w.services, { username: "truyen-thong", displayName: "Phạm Minh Truyền", password: PASSWORD, role: "communicator" });
    const tok = await token();
    const res = await w.call("PUT", "/api/staff/faq/entries/birth-deadline", { token: tok, body: edit(await entry(tok, "birth-deadline"), { answerVi: "Trong 60 ngày kể từ ngày sinh (đã sửa)." }) });
    expect(res.status).toBe(200);
    expect((await w.call("POST", "/api/staff/faq/entries/birth-fee/retire", { token: tok, body: { version: 1 } })).status).toBe(200);
    // The next start ships today's content.
    expect(await seedBuiltinFaqEntries(db, w.clock.now())).toEqual({ added: 0, refreshed: 1 });
    const services = FAQ_ENTRIES.find((e) => e.id === "hccd-services")!;
    expect(await getFaqEntry(db, "hccd-services")).toMatchObject({ alternatives: services.alternatives, version: 2, updatedBy: null, origin: "builtin" });
    expect(await getFaqEntry(db, "birth-deadline")).toMatchObject({ answerVi: "Trong 60 ngày kể từ ngày sinh (đã sửa).", version: 2, updatedBy: "truyen-thong" });
    expect((await getFaqEntry(db, "birth-deadline"))!.alternatives.vi).toHaveLength(2);
    expect(await getFaqEntry(db, "birth-fee")).toMatchObject({ version: 2, updatedBy: "truyen-thong", retiredAt: expect.any(Date) });
    expect((await getFaqEntry(db, "birth-fee"))!.alternatives.vi).toHaveLength(2);
    // Unchanged content is not written again.
    expect(await seedBuiltinFaqEntries(db, w.clock.now())).toEqual({ added: 0, refreshed: 0 });
    // And the FAQ built from the table answers what the OA does.
    const faq = await createStoredFaq(db);
    expect(faq.ask("OA nay lam dc j vay").matches[0]?.id).toBe("hccd-services");
  }, 20_000);

  it("an edit is answered at once by /api/faq/ask and by the bot; a retired entry is no longer answered", async () => {
    await world();
    const before = await ask(BIRTH_QUESTION);
    expect(before.answered).toBe(true);
    expect(before.matches[0]!.id).toBe("birth-deadline");
    const tok = await token();
    const e = await entry(tok, "birth-deadline");
    const answer = "Trong 60 ngày kể từ ngày sinh của bé, cha hoặc mẹ đăng ký khai sinh tại UBND xã, phường nơi cư trú. Cần hỗ trợ, anh/chị gọi tổng đài 1022.";
    const res = await w.call("PUT", "/api/staff/faq/entries/birth-deadline", { token: tok, body: edit(e, { answerVi: answer }) });
    expect(res.status).toBe(200);
    expect((await readJson<StaffFaqEntry>(res)).version).toBe(2);

    expect((await ask(BIRTH_QUESTION)).matches[0]).toMatchObject({ id: "birth-deadline", answer });
    const u = w.chatUser();
    await w.say(u, BIRTH_QUESTION);
    await w.settle();
    expect(w.inbox(u).at(-1)!.text).toContain(answer);

    const retired = await w.call("POST", "/api/staff/faq/entries/birth-deadline/retire", { token: tok, body: { version: 2 } });
    expect(retired.status).toBe(200);
    expect((await readJson<StaffFaqEntry>(retired)).retiredAt).not.toBeNull();
    const after = await ask(BIRTH_QUESTION);
    expect(after.matches.map((m) => m.id)).not.toContain("birth-deadline");
    const restored = await w.call("POST", "/api/staff/faq/entries/birth-deadline/restore", { token: tok, body: { version: 3 } });
    expect(restored.status).toBe(200);
    expect((await ask(BIRTH_QUESTION)).matches[0]!.id).toBe("birth-deadline");
    expect((await listAudit(w.handle.db)).filter((a) => a.targetId === "birth-deadline").map((a) => a.action)).toEqual(["faq.entry.restored", "faq.entry.retired", "faq.entry.updated"]);
  });

  it("two editors on the same version: the second gets a clear 409 and nothing of the first is lost", async () => {
    await world();
    const [a, b] = [await token(), await token("bien-tap-2")];
    const e = await entry(a, "birth-fee");
    const first = await w.call("PUT", "/api/staff/faq/entries/birth-fee", { token: a, body: edit(e, { answerVi: `${e.answerVi} (A)` }) });
    expect(first.status).toBe(200);
    const second = await w.call("PUT", "/api/staff/faq/entries/birth-fee", { token: b, body: edit(e, { answerVi: `${e.answerVi} (B)` }) });
    expect(second.status).toBe(409);
    const body = await readJson(second);
    expect(body.error.code).toBe("faq_version_conflict");
    expect(body.error.message).toContain("truyen-thong");
    expect((await getFaqEntry(w.handle.db, "birth-fee"))!.answerVi).toBe(`${e.answerVi} (A)`);
  });

  it("validates every field by name: a phone number, a too long answer, a bad topic, an unknown service; stores NFC", async () => {
    await world();
    const tok = await token();
    const bad = await w.call("POST", "/api/staff/faq/entries", {
      token: tok,
      body: { ...busFareFaqEntry, answerVi: "Gọi 0912 345 678 để hỏi.", answerEn: "x".repeat(601), topic: "Giao Thông", service: "khong-co-dich-vu" },
    });
    expect(bad.status).toBe(422);
    const fields = (await readJson(bad)).error.fields.map((f: { path: string }) => f.path).sort();
    expect(fields).toEqual(["answerEn", "answerVi", "topic"]);
    const unknownService = await w.call("POST", "/api/staff/faq/entries", { token: tok, body: { ...busFareFaqEntry, service: "khong-co-dich-vu" } });
    expect(unknownService.status).toBe(422);
    expect((await readJson(unknownService)).error.fields).toEqual([{ path: "service", message: '"khong-co-dich-vu" is not a service of the catalogue' }]);

    const decomposed = "Gia\u0301 ve\u0301 xe buy\u0301t nội tỉnh Tây Ninh là bao nhiêu?";
    const ok = await w.call("POST", "/api/staff/faq/entries", { token: tok, body: { ...busFareFaqEntry, questionVi: decomposed, service: "birth-registration" } });
    expect(ok.status).toBe(201);
    const created = (await readJson(ok)).entry as StaffFaqEntry;
    expect(created.questionVi).toBe(decomposed.normalize("NFC"));
    expect(created.id).toBe("gia-ve-xe-buyt-noi-tinh-tay-ninh-la-bao-nhieu");
    expect(created).toMatchObject({ origin: "staff", version: 1, service: "birth-registration" });
  });

  it("two officers adding the same question at once: both entries are stored, under distinct ids", async () => {
    await world();
    const staff = await createStaffUser(w.services, { username: "truyen-thong-2", displayName: "Lê Thị Hai", password: PASSWORD, role: "communicator" });
    const deps = { ...w.services, faq: createDefaultFaq(), catalogue: w.catalogue };
    const input = parseFaqInput(faqEntryCreateSchema, busFareFaqEntry);
    const created = await Promise.all([createStaffFaqEntry(deps, staff, input), createStaffFaqEntry(deps, staff, input)]);
    const ids = created.map((c) => c.entry.id).sort();
    expect(ids).toEqual(["gia-ve-xe-buyt-noi-tinh-tay-ninh-la-bao-nhieu", "gia-ve-xe-buyt-noi-tinh-tay-ninh-la-bao-nhieu-2"]);
    for (const id of ids) expect(await getFaqEntry(w.handle.db, id)).toMatchObject({ questionVi: busFareFaqEntry.questionVi, origin: "staff", version: 1 });
  });

  it("ranks the unanswered questions by frequency and turns one into an entry in one step", async () => {
    await world();
    for (const q of ["giá vé xe buýt Tây Ninh bao nhiêu", "Giá vé xe buýt Tây Ninh bao nhiêu", "gia ve xe buyt tay ninh bao nhieu", "cách nuôi cá cảnh", "cách nuôi cá cảnh"]) {
      expect((await ask(q)).answered).toBe(false);
    }
    await ask("thời tiết ngày mai");
    const tok = await token();
    const list = async () => (await readJson(await w.call("GET", "/api/staff/faq/unanswered", { token: tok }))).questions as { questionKey: string; example: string; count: number }[];
    const ranked = await list();
    expect(ranked.map((q) => [q.questionKey, q.count])).toEqual([["gia ve xe buyt tay ninh bao nhieu", 3], ["cach nuoi ca canh", 2], ["thoi tiet ngay mai", 1]]);
    expect(ranked[0]!.example).toBe("gia ve xe buyt tay ninh bao nhieu");

    const created = await w.call("POST", "/api/staff/faq/entries", { token: tok, body: { ...busFareFaqEntry, fromQuestionKey: "gia ve xe buyt tay ninh bao nhieu" } });
    expect(created.status).toBe(201);
    const { entry: e, resolved } = await readJson(created);
    expect(resolved).toBe(3);
    const rows = await w.rows(sql`select resolved_entry_id as id, count(*) as n from faq_unanswered where question_key = ${"gia ve xe buyt tay ninh bao nhieu"} group by 1`);
    expect(rows).toEqual([{ id: e.id, n: 3 }]);
    expect((await list()).map((q) => q.questionKey)).toEqual(["cach nuoi ca canh", "thoi tiet ngay mai"]);
    const now = await ask("giá vé xe buýt Tây Ninh bao nhiêu");
    expect(now.answered).toBe(true);
    expect(now.matches[0]!.id).toBe(e.id);

    // Attach another question to an existing entry as another phrasing.
    const target = await entry(tok, e.id);
    const attached = await w.call("POST", "/api/staff/faq/unanswered/attach", { token: tok, body: { questionKey: "thoi tiet ngay mai", entryId: e.id, version: target.version } });
    expect(attached.status).toBe(200);
    const a = await readJson(attached);
    expect(a.resolved).toBe(1);
    expect(a.entry.alternativesVi).toContain("thời tiết ngày mai");
    expect((await list()).map((q) => q.questionKey)).toEqual(["cach nuoi ca canh"]);
    // A stale version is refused like any other edit.
    expect((await w.call("POST", "/api/staff/faq/unanswered/attach", { token: tok, body: { questionKey: "cach nuoi ca canh", entryId: e.id, version: target.version } })).status).toBe(409);
  });

  it("only admins and communicators may keep the FAQ", async () => {
    await world();
    expect((await w.call("GET", "/api/staff/faq/entries", { token: await token("phuong-tan-ninh") })).status).toBe(403);
    expect((await w.call("GET", "/api/staff/faq/entries")).status).toBe(401);
    const list = await w.call("GET", "/api/staff/faq/entries", { token: await token() });
    expect(list.status).toBe(200);
    expect((await readJson(list)).entries).toHaveLength(FAQ_ENTRIES.length);
  });

  it("console: prefilled from an unanswered question, saved in one step; an edit form keeps the officer's text on a conflict", async () => {
    await world();
    await ask("cách nuôi cá cảnh");
    await ask("cach nuoi ca canh");
    const { cookie, token: session } = await consoleLogin(w, "truyen-thong", PASSWORD);
    const csrf = csrfTokenFor(session);

    const list = await (await consoleRequest(w, "/staff/faq", { cookie })).text();
    expect(list).toContain("/staff/faq/new?fromKey=cach%20nuoi%20ca%20canh");
    const form = await (await consoleRequest(w, "/staff/faq/new?fromKey=cach%20nuoi%20ca%20canh", { cookie })).text();
    expect(form).toContain('value="cach nuoi ca canh"');
    expect(form).toContain('name="fromQuestionKey" value="cach nuoi ca canh"');

    const fields = {
      _csrf: csrf, fromQuestionKey: "cach nuoi ca canh", topic: "other", service: "",
      questionVi: "Cách nuôi cá cảnh?", alternativesVi: "cach nuoi ca canh\n\nnuôi cá cảnh thế nào", answerVi: "Trợ lý chỉ hỗ trợ về thủ tục hành chính. Anh/chị có thể gọi tổng đài 1022.",
      questionEn: "How to keep aquarium fish?", alternativesEn: "aquarium fish", answerEn: "The assistant only helps with public services. You can call the 1022 hotline.",
      sourceTitle: "Quy chế hoạt động của Zalo OA", sourceRef: "Mục 1",
    };
    const invalid = await consoleRequest(w, "/staff/faq/new", { cookie, form: { ...fields, answerVi: "" } });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain("Câu trả lời (tiếng Việt): vui lòng nhập.");

    const saved = await consoleRequest(w, "/staff/faq/new", { cookie, form: fields });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/staff/faq/cach-nuoi-ca-canh?saved=created&resolved=2");
    expect((await getFaqEntry(w.handle.db, "cach-nuoi-ca-canh"))!.alternatives.vi).toEqual(["cach nuoi ca canh", "nuôi cá cảnh thế nào"]);
    expect((await ask("cách nuôi cá cảnh")).matches[0]!.id).toBe("cach-nuoi-ca-canh");
    expect(await (await consoleRequest(w, "/staff/faq", { cookie })).text()).toContain("Không còn câu hỏi nào chưa được xử lý.");

    // Two tabs on version 1: the second save is refused, the officer's text stays in the form.
    const first = await consoleRequest(w, "/staff/faq/cach-nuoi-ca-canh", { cookie, form: { ...fields, version: "1", answerVi: `${fields.answerVi} Bản A.` } });
    expect(first.status).toBe(303);
    const second = await consoleRequest(w, "/staff/faq/cach-nuoi-ca-canh", { cookie, form: { ...fields, version: "1", answerVi: `${fields.answerVi} Bản B.` } });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("truyen-thong đã lưu mục này trong lúc bạn sửa (nay là phiên bản 2)");
    expect(html).toContain("Bản B.</textarea>");
    expect((await getFaqEntry(w.handle.db, "cach-nuoi-ca-canh"))!.answerVi).toContain("Bản A.");
  });
});
