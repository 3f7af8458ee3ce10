import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DraftView } from "@hccd/shared";
import { listOpenTickets, listTicketMessages, topUnansweredQuestions } from "@hccd/db";
import { createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "../../testing/world.js";
import { followEvent, type EventUser } from "../../webhook/events.js";
import { fixedFaq } from "../../testing/fixtures.js";
import { closeHandover, staffReply } from "../../services/chat/handover.js";
import { seedReference } from "../../runtime.js";
import { importCsvText } from "../../testing/imports.js";

const faq = fixedFaq;

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** A chat user who verified the demo mother's phone in the Mini App. */
async function motherInChat(): Promise<EventUser> {
  const u = w.chatUser();
  await w.sendEvent(followEvent(w.secrets, u, w.clock.now()));
  await w.verifyPhone(u, "0912345678");
  await w.settle();
  return u;
}

async function ask(u: EventUser, text: string) {
  const before = w.inbox(u).length;
  await w.say(u, text);
  await w.settle();
  return w.inbox(u).slice(before);
}

describe("bot features", () => {
  it("FAQ: answers with the source, offers the top matches and a person when unsure, logs what it could not answer", async () => {
    w = await createTestWorld({ faq });
    const u = w.chatUser();
    expect((await ask(u, "đăng ký khai sinh mấy ngày"))[0]!.text).toBe("Trong 60 ngày kể từ ngày sinh.\nCăn cứ: Luật Hộ tịch 2014, Điều 15");
    const unsure = (await ask(u, "giay to can gi"))[0]!;
    expect(unsure.text).toContain("Có phải anh/chị muốn hỏi");
    expect(unsure.buttons.map((b) => b.title)).toEqual(["Hạn đăng ký khai sinh?", "Câu B", "Gặp cán bộ"]);
    expect((await ask(u, "#faq:birth-deadline"))[0]!.text).toContain("Trong 60 ngày kể từ ngày sinh.");
    const none = (await ask(u, "giá vàng hôm nay"))[0]!;
    expect(none.text).toContain("chưa tìm được câu trả lời");
    await ask(u, "Giá vàng hôm nay?");
    expect((await topUnansweredQuestions(w.handle.db))[0]).toMatchObject({ questionKey: "gia vang hom nay", count: 1 });
    expect((await topUnansweredQuestions(w.handle.db)).reduce((n, q) => n + q.count, 0)).toBe(3);
  });

  it("language switch is remembered for the user", async () => {
    w = await createTestWorld({ faq });
    const u = w.chatUser();
    expect((await ask(u, "English"))[0]!.text).toBe("Switched to English.");
    expect((await ask(u, "menu"))[0]!.text).toBe("How can we help? Type your question, or choose below.");
    expect((await ask(u, "#lang:vi"))[0]!.text).toBe("Đã chuyển sang tiếng Việt.");
  });

  it("opt-out stops reminders (the birth notice is not sent) but not dossier updates; opt-in restores them", async () => {
    w = await createTestWorld({ faq });
    await seedReference(w.handle.db);
    const u = await motherInChat();
    expect((await ask(u, "dừng nhận tin"))[0]!.text).toContain("đã ngừng nhận");
    expect((await ask(u, "dung nhan tin"))[0]!.text).toContain("đang không nhận");
    // Without the father, nobody else can be told: nothing is queued.
    await w.postCertificate(makeBirthCertificate({ father: undefined } as never));
    const notices = (nationalId: string) =>
      w.one(sql`select count(*) as n from outbox o join persons p on p.id = o.person_id where o.idempotency_key like 'birth-draft-ready:%' and p.national_id = ${nationalId}`);
    expect(await notices("072195001234")).toEqual({ n: 0 });
    // With the father on the certificate, he is told instead of her.
    await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-2" }));
    expect(await notices("072195001234")).toEqual({ n: 0 });
    expect(await notices("072092004321")).toEqual({ n: 1 });
    expect((await ask(u, "nhận lại tin"))[0]!.text).toContain("nhận lại");
    await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-3" }));
    expect(await notices("072195001234")).toEqual({ n: 1 });
  });

  it("handover: a ticket with the last question, an honest wait message, silence until staff closes it", async () => {
    w = await createTestWorld({ faq });
    const u = w.chatUser();
    await ask(u, "tôi muốn hỏi về đất đai nhà tôi");
    const opened = (await ask(u, "gặp cán bộ"))[0]!;
    expect(opened.text).toContain("giờ hành chính");
    expect(opened.text).toContain("1022");
    expect(await ask(u, "nhà tôi ở phường Tân Ninh")).toEqual([]);
    expect((await ask(u, "gap can bo"))[0]!.text).toContain("đã nhận yêu cầu");
    expect((await ask(u, "alo có ai không"))[0]!.text).toContain("đã nhận yêu cầu");
    const [ticket] = await listOpenTickets(w.handle.db);
    expect(ticket).toMatchObject({ reason: "tôi muốn hỏi về đất đai nhà tôi" });
    expect((await listTicketMessages(w.handle.db, ticket!.id)).map((m) => m.text)).toEqual(["tôi muốn hỏi về đất đai nhà tôi", "nhà tôi ở phường Tân Ninh", "gap can bo", "alo có ai không"]);
    await staffReply(w.handle.db, { ticketId: ticket!.id, staffId: "officer-1", text: "Chào chị, tôi là cán bộ phường.", now: w.clock.now(), newId: () => crypto.randomUUID() });
    expect(await closeHandover(w.handle.db, { ticketId: ticket!.id, staffId: "officer-1", now: w.clock.now(), newId: () => crypto.randomUUID() })).toBe(true);
    await w.settle();
    expect(w.inbox(u).slice(-2).map((m) => m.text)).toEqual(["Chào chị, tôi là cán bộ phường.", expect.stringContaining("Trợ lý tự động tiếp tục")]);
    expect((await ask(u, "menu"))[0]!.text).toContain("Anh/chị cần gì");
  });

  it("my dossiers, my deadlines and the vaccination calendar for a linked parent", async () => {
    w = await createTestWorld({ faq });
    await seedReference(w.handle.db);
    const u = w.chatUser();
    expect((await ask(u, "hồ sơ của tôi"))[0]!.text).toContain("xác minh số điện thoại");
    await w.verifyPhone(u, "84912345678");
    await w.postCertificate(makeBirthCertificate());
    const dossiers = (await ask(u, "ho so cua toi"))[0]!.text;
    expect(dossiers).toContain("Trần Bảo Ngọc: đang chờ anh/chị kiểm tra, hạn 19/01/2027");
    const deadlines = (await ask(u, "#deadlines"))[0]!.text;
    expect(deadlines).toContain("Đăng ký khai sinh cho cháu Trần Bảo Ngọc: trước ngày 19/01/2027");
    expect(deadlines).toContain("Lao (BCG)"); // born 20/11, BCG within a month: still open on 24/11
    const calendar = (await ask(u, "lịch tiêm"))[0]!.text;
    expect(calendar).toContain("Lịch tiêm chủng mở rộng của cháu Trần Bảo Ngọc");
    expect(calendar).toContain("20/01/2027: Vắc xin 5 trong 1");
  });

  it("my deadlines list what the Mini App's home lists: a document nearing expiry too (one service)", async () => {
    w = await createTestWorld({ faq });
    await seedReference(w.handle.db);
    const u = await motherInChat();
    await importCsvText(w.services, w.catalogue, "tour-guide-card,HDV-1,person,Nguyễn Thị Lan,0912345678,2027-01-23\n");
    const deadlines = (await ask(u, "#deadlines"))[0]!.text;
    expect(deadlines).toContain("số HDV-1: có hạn đến ngày 23/01/2027");
    const { accessToken } = w.sim!.zalo!.issueAccessToken({ userId: u.appUserId! });
    const home = await readJson(await w.call("GET", "/api/me/upcoming", { token: accessToken }));
    expect(home.items.map((i: { subject: string }) => i.subject)).toEqual(["HDV-1"]);
  });

  it("rating after completion: only the parent who consented, 1–5, once per dossier (a new rating replaces it)", async () => {
    w = await createTestWorld({ faq });
    await seedReference(w.handle.db);
    const u = await motherInChat();
    const { draftId } = await readJson(await w.postCertificate(makeBirthCertificate()));
    await w.worker.drain();
    const mother = await w.citizen({ phone: "0912345678" });
    let view: DraftView = await readJson(await w.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }));
    view = await readJson(await w.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.token, body: { version: view.version, changes: { "child.hometown": "Tây Ninh" } } }));
    const { submissionId } = await readJson(await w.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } }));
    expect((await ask(u, `#rate:${submissionId}:5`))[0]!.text).toBe("Không tìm thấy hồ sơ cần đánh giá."); // not completed yet
    await w.sim!.caseSystem!.idle(); // the dossier went out with the reply above; the case walks to completed
    await w.worker.drain();
    const prompt = w.inbox(u).find((m) => m.text.includes("đánh giá thế nào"));
    expect(prompt?.buttons.map((b) => b.title)).toEqual(["1", "2", "3", "4", "5"]);
    expect((await ask(u, `#rate:${submissionId}:4`))[0]!.text).toContain("4/5");
    expect((await ask(u, `#rate:${submissionId}:5`))[0]!.text).toContain("5/5");
    expect(await w.rows(sql`select score from satisfaction_ratings`)).toEqual([{ score: 5 }]);
    const stranger = w.chatUser();
    expect((await ask(stranger, `#rate:${submissionId}:1`))[0]!.text).toBe("Không tìm thấy hồ sơ cần đánh giá.");
  });
});

describe("a request for a person, as people type it, outranks the FAQ", () => {
  const opened = expect.stringContaining("Đã chuyển cuộc trò chuyện cho cán bộ");

  it.each(["cho e gap nhan vien tu van vs", "gặp người thật", "tổng đài viên", "cho tôi nói chuyện với cán bộ", "can I talk to a human", "nv oi cho e gap ng that"])("%s → a ticket, not an FAQ answer", async (text) => {
    w = await createTestWorld();
    const u = w.chatUser();
    expect((await ask(u, text)).map((m) => m.text)).toEqual([opened]);
    expect(await listOpenTickets(w.handle.db)).toHaveLength(1);
    // Asked again while the ticket is open: one short acknowledgement, the message goes to the ticket.
    expect((await ask(u, text))[0]!.text).toContain("đã nhận yêu cầu");
    const [ticket] = await listOpenTickets(w.handle.db);
    expect((await listTicketMessages(w.handle.db, ticket!.id)).map((m) => m.text)).toEqual([text]);
  });

  it("keeps what the request is about in the ticket, so the officer sees the question", async () => {
    w = await createTestWorld();
    const u = w.chatUser();
    await ask(u, "tôi muốn hỏi về đất đai nhà tôi");
    const text = "cho e gặp nhân viên tư vấn vs, e muốn hỏi về hồ sơ khai sinh của con";
    expect((await ask(u, text)).map((m) => m.text)).toEqual([opened]);
    const [ticket] = await listOpenTickets(w.handle.db);
    expect(ticket).toMatchObject({ reason: text });
    expect((await listTicketMessages(w.handle.db, ticket!.id)).map((m) => m.text)).toEqual([text]);
  });

  it("a bare request keeps the question asked just before it, as the command did", async () => {
    w = await createTestWorld();
    const u = w.chatUser();
    await ask(u, "tôi muốn hỏi về đất đai nhà tôi");
    await ask(u, "bot ko hieu, cho e gap ng that");
    const [ticket] = await listOpenTickets(w.handle.db);
    expect(ticket).toMatchObject({ reason: "tôi muốn hỏi về đất đai nhà tôi" });
  });

  it("answers from the FAQ the questions that only mention staff or the hotline", async () => {
    w = await createTestWorld();
    const u = w.chatUser();
    expect((await ask(u, "số tổng đài là gì"))[0]!.text).toContain("1022 là tổng đài");
    expect((await ask(u, "cán bộ hộ tịch làm việc mấy giờ"))[0]!.text).not.toContain("Đã chuyển cuộc trò chuyện");
    expect((await ask(u, "nhân viên y tế có đến nhà tiêm cho bé không"))[0]!.text).not.toContain("Đã chuyển cuộc trò chuyện");
    expect(await listOpenTickets(w.handle.db)).toEqual([]);
  });
});

