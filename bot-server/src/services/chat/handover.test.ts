import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { claimTicket, insertPerson, listAudit, openTicketFor, findZaloUserByOaId } from "@hccd/db";
import { nameKey, type HandoverTicketDetail, type HandoverTicketSummary } from "@hccd/shared";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { userEvent, type EventUser } from "../../webhook/events.js";
import { fixedFaq } from "../../testing/fixtures.js";
import { createStaffUser, csrfTokenFor } from "../staff/staff-auth.js";
import { consoleLogin, consoleRequest } from "../../testing/console.js";
import { seedReference } from "../../runtime.js";
import { waitingSince } from "./handover.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
const TAN_NINH = "25453";
const OTHER_WARD = "25459";
const MINUTE = 60_000;

async function world() {
  w = await createTestWorld({ faq: fixedFaq });
  await seedReference(w.handle.db);
  await createStaffUser(w.services, { username: "quan-tri", displayName: "Quản Trị", password: PASSWORD, role: "admin" });
  await createStaffUser(w.services, { username: "phuong-tan-ninh", displayName: "Cán bộ Tân Ninh", password: PASSWORD, role: "ward_officer", wardCode: TAN_NINH });
  await createStaffUser(w.services, { username: "phuong-go-dau", displayName: "Cán bộ Gò Dầu", password: PASSWORD, role: "ward_officer", wardCode: OTHER_WARD });
  await createStaffUser(w.services, { username: "truyen-thong", displayName: "Truyền Thông", password: PASSWORD, role: "communicator" });
  return w;
}

async function person(phone: string, ward: string, fullName: string) {
  await insertPerson(w.handle.db, { id: w.services.newId(), fullName, nameKey: nameKey(fullName), phone, residenceWardCode: ward, updatedAt: w.clock.now() });
}

async function say(u: EventUser, text: string) {
  await w.say(u, text);
  await w.settle();
}

/** A follower who (optionally) verified a phone in the Mini App, asked something the bot could not answer, then asked for a person. */
async function handedOver(question: string, phone?: string): Promise<EventUser> {
  const u = w.chatUser();
  if (phone) await w.verifyPhone(u, phone);
  await say(u, question);
  await say(u, "gặp cán bộ");
  return u;
}

async function token(username: string): Promise<string> {
  const res = await w.call("POST", "/api/staff/session", { body: { username, password: PASSWORD } });
  expect(res.status).toBe(200);
  return (await readJson(res)).token;
}

const list = async (tok: string, status = "open") => {
  const res = await w.call("GET", `/api/staff/handover?status=${status}`, { token: tok });
  expect(res.status).toBe(200);
  return (await readJson<{ tickets: HandoverTicketSummary[] }>(res)).tickets;
};

/** The citizen types a phone into the OA's information form (`user_submit_info`): contact data, not identity. */
async function submitContactForm(u: EventUser, phone: string) {
  expect((await w.sendEvent(userEvent(w.secrets, u, "user_submit_info", w.clock.now(), undefined, { info: { name: "Lan", phone } }))).status).toBe(200);
  await w.settle();
}

/** The form's number as typed, stored (`84…`) and shown (`0903 111 222`): none may appear where the citizen is withheld. */
const CONTACT = "84903111222";
const contactTraces = ["903111222", "903 111 222", "*222"];
const revealsContact = (text: string) => contactTraces.some((trace) => text.includes(trace));

const ticketOf = async (u: EventUser) => (await openTicketFor(w.handle.db, (await findZaloUserByOaId(w.handle.db, u.oaUserId))!.id))!;

describe("handover inbox", () => {
  it("scopes by ward: a ward officer sees citizens of their ward and the shared queue of unknown ward, not another ward's; admins see all", async () => {
    await world();
    await person("84912345678", TAN_NINH, "Nguyễn Thị Lan");
    await person("84987000111", OTHER_WARD, "Lê Văn Khác");
    const lan = await handedOver("hỏi về đất đai", "0912345678");
    const other = await handedOver("hỏi về thuế", "0987000111");
    const unknown = await handedOver("hỏi về điện");
    const admin = await token("quan-tri");
    const officer = await token("phuong-tan-ninh");

    expect((await list(admin)).map((t) => t.reason).sort()).toEqual(["hỏi về thuế", "hỏi về điện", "hỏi về đất đai"].sort());
    const mine = await list(officer);
    const lanTicket = (await ticketOf(lan)).id;
    expect(mine.map((t) => t.id).sort()).toEqual([lanTicket, (await ticketOf(unknown)).id].sort());
    const own = mine.find((t) => t.id === lanTicket)!;
    expect(own).toMatchObject({ queue: "ward", ward: { code: TAN_NINH, name: "Phường Tân Ninh" }, withheld: false, reason: "hỏi về đất đai" });
    // Least data: the phone masked, no ID number, no address.
    expect(own.citizen.maskedPhone).toBe("84******678");
    expect(JSON.stringify(mine)).not.toContain("84912345678");
    // Another ward's conversation does not exist for this officer: read, reply and close alike.
    for (const u of [other]) {
      const id = (await ticketOf(u)).id;
      expect((await w.call("GET", `/api/staff/handover/${id}`, { token: officer })).status).toBe(404);
      expect((await w.call("POST", `/api/staff/handover/${id}/replies`, { token: officer, body: { text: "Chào anh" } })).status).toBe(404);
      expect((await w.call("POST", `/api/staff/handover/${id}/close`, { token: officer })).status).toBe(404);
    }
    expect((await w.call("GET", `/api/staff/handover/${(await ticketOf(unknown)).id}`, { token: admin })).status).toBe(200);
    // A role without the area: 403.
    expect((await w.call("GET", "/api/staff/handover", { token: await token("truyen-thong") })).status).toBe(403);
  });

  it("puts a citizen of unknown ward in a shared queue every ward officer sees, their data withheld until one claims it; the owner is shown to all", async () => {
    await world();
    const unknown = await handedOver("hỏi về giấy phép kinh doanh của tôi");
    w.clock.advance(12 * MINUTE);
    const id = (await ticketOf(unknown)).id;
    const tanNinh = await token("phuong-tan-ninh");
    const goDau = await token("phuong-go-dau");
    const admin = await token("quan-tri");

    // Before anyone claims it, an officer sees that someone waits and for how long, not who or what about.
    for (const officer of [tanNinh, goDau]) {
      const [queued] = await list(officer);
      expect(queued).toMatchObject({ id, queue: "unknown_ward", ward: null, owner: null, withheld: true, reason: null, waitingMs: 12 * MINUTE, citizen: { displayName: null, maskedPhone: null } });
      const detail = await readJson<HandoverTicketDetail>(await w.call("GET", `/api/staff/handover/${id}`, { token: officer }));
      expect(detail).toMatchObject({ withheld: true, history: [], reason: null });
      const reply = await w.call("POST", `/api/staff/handover/${id}/replies`, { token: officer, body: { text: "Chào anh" } });
      expect(reply.status).toBe(409);
      expect((await readJson(reply)).error.code).toBe("handover_not_claimed");
    }
    expect(JSON.stringify(await list(tanNinh))).not.toContain("giấy phép kinh doanh");

    // The Tân Ninh officer takes it: now it is theirs, with the history; the claim is audited.
    const claimed = await w.call("POST", `/api/staff/handover/${id}/claim`, { token: tanNinh });
    expect(claimed.status).toBe(200);
    expect(await readJson(claimed)).toMatchObject({ owner: { displayName: "Cán bộ Tân Ninh" }, withheld: false, reason: "hỏi về giấy phép kinh doanh của tôi", history: [{ from: "citizen", text: "hỏi về giấy phép kinh doanh của tôi", at: expect.any(String) }] });
    expect((await listAudit(w.handle.db)).find((a) => a.action === "handover.claimed")).toMatchObject({ targetKind: "handover_ticket", targetId: id });
    expect((await w.call("POST", `/api/staff/handover/${id}/replies`, { token: tanNinh, body: { text: "Chào anh, cán bộ phường Tân Ninh đây ạ." } })).status).toBe(202);

    // Everyone else sees whose it is; the other officer still sees nothing of the citizen and cannot act.
    const [seen] = await list(goDau);
    expect(seen).toMatchObject({ id, owner: { displayName: "Cán bộ Tân Ninh" }, withheld: true, reason: null });
    const taken = await w.call("POST", `/api/staff/handover/${id}/claim`, { token: goDau });
    expect(taken.status).toBe(409);
    expect((await readJson(taken)).error).toMatchObject({ code: "handover_claimed", message: expect.stringContaining("Cán bộ Tân Ninh") });
    expect((await w.call("POST", `/api/staff/handover/${id}/close`, { token: goDau })).status).toBe(409);
    expect((await list(admin))[0]).toMatchObject({ id, owner: { displayName: "Cán bộ Tân Ninh" }, withheld: false });
  });

  it("lets one officer only claim a conversation when two claim it at the same moment", async () => {
    await world();
    const unknown = await handedOver("alo");
    const id = (await ticketOf(unknown)).id;
    const [a, b] = [await token("phuong-tan-ninh"), await token("phuong-go-dau")];
    const answers = await Promise.all([w.call("POST", `/api/staff/handover/${id}/claim`, { token: a }), w.call("POST", `/api/staff/handover/${id}/claim`, { token: b })]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const owners = await w.rows<{ claimed_by: string }>(sql`select claimed_by from handover_tickets where id = ${id}`);
    expect(owners).toHaveLength(1);
    // The claim is one conditional update: a second claim changes nothing, whoever makes it.
    expect(await claimTicket(w.handle.db, id, "someone-else", w.clock.now())).toBe(false);
    expect(await w.one(sql`select claimed_by from handover_tickets where id = ${id}`)).toEqual(owners[0]);
  });

  it("shows the phone a citizen typed into the OA's form, marked unverified, to whoever may read them: not in the unclaimed shared queue, to the owner, not to another officer", async () => {
    await world();
    const u = w.chatUser();
    await submitContactForm(u, "0903 111 222");
    await say(u, "xin cán bộ gọi lại giúp tôi về trợ cấp");
    await say(u, "gặp cán bộ");
    const id = (await ticketOf(u)).id;
    const [tanNinh, goDau, admin] = [await token("phuong-tan-ninh"), await token("phuong-go-dau"), await token("quan-tri")];
    const detailText = async (tok: string) => {
      const res = await w.call("GET", `/api/staff/handover/${id}`, { token: tok });
      expect(res.status).toBe(200);
      return res.text();
    };

    // Unclaimed, in the shared queue: neither the list nor the conversation reveals it.
    for (const officer of [tanNinh, goDau]) {
      expect(revealsContact(JSON.stringify(await list(officer)))).toBe(false);
      const text = await detailText(officer);
      expect(revealsContact(text)).toBe(false);
      expect(JSON.parse(text).citizen.contactPhone).toBeNull();
    }

    // The officer who claims it can call the citizen back, told the number is only what they typed.
    const claimed = await readJson<HandoverTicketDetail>(await w.call("POST", `/api/staff/handover/${id}/claim`, { token: tanNinh }));
    const marked = { phone: CONTACT, source: "oa_form", verified: false, submittedAt: expect.any(String) };
    expect(claimed.citizen).toMatchObject({ maskedPhone: null, contactPhone: marked });
    expect(JSON.parse(await detailText(tanNinh)).citizen.contactPhone).toMatchObject(marked);
    // The reads that showed it are audited, and the audit holds who read whom, not the number.
    const reads = (await listAudit(w.handle.db)).filter((a) => a.action === "handover.read" && a.targetId === id);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[0]!.details).toMatchObject({ contactPhoneShown: true });
    expect(revealsContact(JSON.stringify(await listAudit(w.handle.db, 1000)))).toBe(false);

    // Another officer who did not claim it still sees nothing of it; an admin sees it, marked.
    const theirs = await detailText(goDau);
    expect(revealsContact(theirs)).toBe(false);
    expect(JSON.parse(theirs).citizen.contactPhone).toBeNull();
    expect(revealsContact(JSON.stringify(await list(goDau)))).toBe(false);
    expect(JSON.parse(await detailText(admin)).citizen.contactPhone).toMatchObject(marked);

    // Integrators read what it is from the API's description.
    const doc = await readJson(await w.call("GET", "/openapi.json"));
    const citizen = doc.paths["/api/staff/handover/{id}"].get.responses["200"].content["application/json"].schema.properties.citizen;
    expect(citizen.properties.contactPhone.properties.verified.description).toContain("unchecked");
  });

  it("shows a ward's own citizen's typed phone beside the verified one to the ward's officers; a typed phone never places a citizen in a ward", async () => {
    await world();
    await person("84912345678", TAN_NINH, "Nguyễn Thị Lan");
    await person(CONTACT, OTHER_WARD, "Lê Văn Khác");
    const lan = await handedOver("hỏi về hộ khẩu", "0912345678");
    await submitContactForm(lan, "0903111222");
    const detail = await readJson<HandoverTicketDetail>(await w.call("GET", `/api/staff/handover/${(await ticketOf(lan)).id}`, { token: await token("phuong-tan-ninh") }));
    expect(detail.citizen).toMatchObject({ maskedPhone: "84******678", contactPhone: { phone: CONTACT, source: "oa_form", verified: false } });

    // Typing the Gò Dầu resident's number does not make a stranger a Gò Dầu citizen: the shared queue, withheld.
    const stranger = w.chatUser();
    await submitContactForm(stranger, CONTACT);
    await say(stranger, "gặp cán bộ");
    const strangerTicket = (await ticketOf(stranger)).id;
    const [queued] = (await list(await token("phuong-go-dau"))).filter((t) => t.id === strangerTicket);
    expect(queued).toMatchObject({ queue: "unknown_ward", ward: null, withheld: true });
  });

  it("console: staff see how many are waiting in the navigation and on the home page; the list shows ward names, owners and a claim button", async () => {
    await world();
    await person("84912345678", TAN_NINH, "Nguyễn Thị Lan");
    await handedOver("hỏi về hộ khẩu", "0912345678");
    const unknown = await handedOver("hỏi về điện");
    const { cookie, token: session } = await consoleLogin(w, "phuong-tan-ninh", PASSWORD);
    const home = await (await consoleRequest(w, "/staff", { cookie })).text();
    expect(home).toMatch(/data-testid="nav-handover-waiting"[^>]*>2</);
    expect(home).toContain('data-testid="home-handover-waiting"');
    expect(home).toContain("Phạm vi: người dân thuộc Phường Tân Ninh.");
    expect(home).not.toContain(TAN_NINH);
    const listHtml = await (await consoleRequest(w, "/staff/handover", { cookie })).text();
    expect(listHtml).toContain("Phường Tân Ninh");
    expect(listHtml).toContain("Chưa rõ phường, xã");
    expect(listHtml).not.toContain("hỏi về điện");
    const id = (await ticketOf(unknown)).id;
    expect(listHtml).toContain(`action="/staff/handover/${id}/claim"`);
    const claimed = await consoleRequest(w, `/staff/handover/${id}/claim`, { cookie, form: { _csrf: csrfTokenFor(session) } });
    expect(claimed.status).toBe(303);
    expect(await (await consoleRequest(w, claimed.headers.get("location")!, { cookie })).text()).toContain("hỏi về điện");
    // The other ward's officer: the conversation is taken, by whom, and no longer waits for them.
    const other = await consoleLogin(w, "phuong-go-dau", PASSWORD);
    const theirs = await (await consoleRequest(w, "/staff/handover", { cookie: other.cookie })).text();
    expect(theirs).toContain("Cán bộ Tân Ninh");
    expect(theirs).not.toContain('data-testid="nav-handover-waiting"');
  });

  it("lists the longest-waiting first with the waiting time since the citizen's first unanswered message", async () => {
    await world();
    const first = await handedOver("câu hỏi một");
    w.clock.advance(10 * MINUTE);
    await handedOver("câu hỏi hai");
    w.clock.advance(5 * MINUTE);
    const admin = await token("quan-tri");
    let tickets = await list(admin);
    expect(tickets.map((t) => t.reason)).toEqual(["câu hỏi một", "câu hỏi hai"]);
    expect(tickets.map((t) => t.waitingMs)).toEqual([15 * MINUTE, 5 * MINUTE]);

    // Staff answers the first: it is no longer waiting and goes last.
    const res = await w.call("POST", `/api/staff/handover/${(await ticketOf(first)).id}/replies`, { token: admin, body: { text: "Chào chị, cán bộ phường đây ạ." } });
    expect(res.status).toBe(202);
    tickets = await list(admin);
    expect(tickets.map((t) => [t.reason, t.waitingMs])).toEqual([["câu hỏi hai", 5 * MINUTE], ["câu hỏi một", null]]);

    // The citizen writes twice: waiting counts from the first of those messages.
    w.clock.advance(2 * MINUTE);
    await say(first, "cảm ơn, cho tôi hỏi thêm");
    w.clock.advance(3 * MINUTE);
    await say(first, "alo");
    w.clock.advance(1 * MINUTE);
    tickets = await list(admin);
    expect(tickets.map((t) => [t.reason, t.waitingMs])).toEqual([["câu hỏi hai", 11 * MINUTE], ["câu hỏi một", 4 * MINUTE]]);
  });

  it("waitingSince: from the opening when never answered, from the first message after the last reply, none when staff spoke last", () => {
    const openedAt = new Date("2026-11-24T03:00:00Z");
    const ticket = { id: "t", zaloUserId: "u", status: "open" as const, reason: null, openedAt, firstResponseAt: null, closedAt: null, closedBy: null, claimedBy: null, claimedAt: null };
    const later = new Date(openedAt.getTime() + 5 * MINUTE);
    expect(waitingSince({ ticket, lastStaffAt: null, firstUnansweredAt: later })).toEqual(openedAt);
    expect(waitingSince({ ticket, lastStaffAt: openedAt, firstUnansweredAt: later })).toEqual(later);
    expect(waitingSince({ ticket, lastStaffAt: later, firstUnansweredAt: null })).toBeNull();
    expect(waitingSince({ ticket: { ...ticket, status: "closed" }, lastStaffAt: null, firstUnansweredAt: later })).toBeNull();
  });

  it("reads the history (audited), replies through the OA, closes: the citizen is back with the bot", async () => {
    await world();
    const u = await handedOver("tôi muốn hỏi về đất đai nhà tôi");
    await say(u, "alo có ai không");
    const admin = await token("quan-tri");
    const id = (await ticketOf(u)).id;

    const read = await w.call("GET", `/api/staff/handover/${id}`, { token: admin });
    const detail = await readJson<HandoverTicketDetail>(read);
    expect(detail.history.map((m) => [m.from, m.text])).toEqual([["citizen", "tôi muốn hỏi về đất đai nhà tôi"], ["citizen", "alo có ai không"]]);
    expect((await listAudit(w.handle.db)).find((a) => a.action === "handover.read")).toMatchObject({ targetKind: "handover_ticket", targetId: id, actorKind: "staff" });

    // NFC: a reply typed with combining marks is stored and sent composed.
    const decomposed = "Cha\u0300o chi\u0323, ca\u0301n bo\u0323\u0302 phươ\u0300ng đây.";
    expect((await w.call("POST", `/api/staff/handover/${id}/replies`, { token: admin, body: { text: `  ${decomposed} ` } })).status).toBe(202);
    await w.settle();
    expect(w.inbox(u).at(-1)!.text).toBe(decomposed.normalize("NFC").trim());

    const closed = await w.call("POST", `/api/staff/handover/${id}/close`, { token: admin });
    expect(closed.status).toBe(200);
    expect((await readJson(closed)).status).toBe("closed");
    await w.settle();
    expect(w.inbox(u).at(-1)!.text).toContain("Trợ lý tự động tiếp tục");
    // Through the webhook, the bot answers again.
    const before = w.inbox(u).length;
    await say(u, "menu");
    expect(w.inbox(u).slice(before)[0]!.text).toContain("Anh/chị cần gì");
    await say(u, "đăng ký khai sinh mấy ngày");
    expect(w.inbox(u).at(-1)!.text).toContain("60 ngày");
    expect(await list(admin, "closed")).toHaveLength(1);
    // Closing twice: a clear 409.
    expect((await w.call("POST", `/api/staff/handover/${id}/close`, { token: admin })).status).toBe(409);
  });

  it("refuses a reply to a closed conversation, to a citizen outside Zalo's 7-day window, and an empty or too long reply; nothing is queued", async () => {
    await world();
    const u = await handedOver("câu hỏi");
    const admin = await token("quan-tri");
    const id = (await ticketOf(u)).id;
    const outbox = async () => (await w.one<{ n: number }>(sql`select count(*) as n from outbox`))!.n;
    const queued = await outbox();

    const empty = await w.call("POST", `/api/staff/handover/${id}/replies`, { token: admin, body: { text: "   " } });
    expect(empty.status).toBe(422);
    expect((await readJson(empty)).error.fields).toEqual([{ path: "text", message: "must not be empty" }]);
    const long = await w.call("POST", `/api/staff/handover/${id}/replies`, { token: admin, body: { text: "a".repeat(2001) } });
    expect(long.status).toBe(422);
    expect((await readJson(long)).error.fields[0].path).toBe("text");

    w.clock.advance(7 * 24 * 60 * MINUTE);
    const admin2 = await token("quan-tri");
    const late = await w.call("POST", `/api/staff/handover/${id}/replies`, { token: admin2, body: { text: "Xin lỗi đã để anh chờ." } });
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.code).toBe("citizen_unreachable");
    expect((await readJson<HandoverTicketDetail>(await w.call("GET", `/api/staff/handover/${id}`, { token: admin2 }))).citizen).toMatchObject({ reachable: false, unreachableReason: "outside_window" });

    expect((await w.call("POST", `/api/staff/handover/${id}/close`, { token: admin2 })).status).toBe(200);
    const afterClose = await outbox();
    const toClosed = await w.call("POST", `/api/staff/handover/${id}/replies`, { token: admin2, body: { text: "Chào anh" } });
    expect(toClosed.status).toBe(409);
    expect((await readJson(toClosed)).error.code).toBe("handover_closed");
    expect(afterClose - queued).toBe(1); // only the "back with the bot" notice of the close
    expect(await outbox()).toBe(afterClose);
  });

  it("console: the inbox shows the waiting time, the conversation page replies and closes with plain forms", async () => {
    await world();
    await person("84912345678", TAN_NINH, "Nguyễn Thị Lan");
    const u = await handedOver("hỏi về hộ khẩu", "0912345678");
    w.clock.advance(25 * MINUTE);
    const { cookie, token: session } = await consoleLogin(w, "phuong-tan-ninh", PASSWORD);
    const csrf = csrfTokenFor(session);
    const id = (await ticketOf(u)).id;

    const listHtml = await (await consoleRequest(w, "/staff/handover", { cookie })).text();
    expect(listHtml).toContain("Chờ 25 phút");
    expect(listHtml).toContain("84******678");
    expect(listHtml).toContain('data-refresh="10000"');

    const page = await consoleRequest(w, `/staff/handover/${id}`, { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("hỏi về hộ khẩu");
    expect(html).not.toContain("84912345678");
    expect((await listAudit(w.handle.db)).filter((a) => a.action === "handover.read")).toHaveLength(1);
    // The page refreshing itself is not a new opening.
    await consoleRequest(w, `/staff/handover/${id}`, { cookie, headers: { "x-requested-with": "console" } });
    expect((await listAudit(w.handle.db)).filter((a) => a.action === "handover.read")).toHaveLength(1);

    const empty = await consoleRequest(w, `/staff/handover/${id}/reply`, { cookie, form: { _csrf: csrf, text: " " } });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Nội dung trả lời: vui lòng nhập nội dung.");

    const sent = await consoleRequest(w, `/staff/handover/${id}/reply`, { cookie, form: { _csrf: csrf, text: "Chào chị Lan, phường đã nhận câu hỏi." } });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`/staff/handover/${id}?sent=1`);
    await w.settle();
    expect(w.inbox(u).at(-1)!.text).toBe("Chào chị Lan, phường đã nhận câu hỏi.");

    const closed = await consoleRequest(w, `/staff/handover/${id}/close`, { cookie, form: { _csrf: csrf } });
    expect(closed.status).toBe(303);
    const again = await consoleRequest(w, `/staff/handover/${id}/reply`, { cookie, form: { _csrf: csrf, text: "Còn gì nữa không chị?" } });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("hội thoại đã đóng");
    // Without the CSRF token a reply is refused.
    expect((await consoleRequest(w, `/staff/handover/${id}/reply`, { cookie, form: { text: "x" } })).status).toBe(403);
  });

  it("console: the typed phone is not on the unclaimed shared-queue page; the owner sees it marked unverified; another officer does not", async () => {
    await world();
    const u = w.chatUser();
    await submitContactForm(u, "0903 111 222");
    await say(u, "gặp cán bộ");
    const id = (await ticketOf(u)).id;
    const mine = await consoleLogin(w, "phuong-tan-ninh", PASSWORD);
    const other = await consoleLogin(w, "phuong-go-dau", PASSWORD);
    const page = async (cookie: string, path = `/staff/handover/${id}`) => {
      const res = await consoleRequest(w, path, { cookie });
      expect(res.status).toBe(200);
      return res.text();
    };

    for (const officer of [mine, other]) {
      const unclaimed = await page(officer.cookie);
      expect(unclaimed).toContain('data-testid="handover-withheld"');
      expect(revealsContact(unclaimed)).toBe(false);
      expect(unclaimed).not.toContain("chưa xác minh");
      expect(revealsContact(await page(officer.cookie, "/staff/handover"))).toBe(false);
    }

    const claimed = await consoleRequest(w, `/staff/handover/${id}/claim`, { cookie: mine.cookie, form: { _csrf: csrfTokenFor(mine.token) } });
    expect(claimed.status).toBe(303);
    const owned = await page(mine.cookie);
    expect(owned).toMatch(/data-testid="handover-contact-phone"[^>]*>.*0903 111 222/s);
    expect(owned).toContain("Số điện thoại tự khai qua biểu mẫu OA, chưa xác minh");
    expect(owned).toContain('href="tel:+84903111222"');
    // The verified phone's line still says none is linked: the typed one is not taken for it.
    expect(owned).toMatch(/data-testid="handover-citizen-phone"[^>]*>chưa liên kết số điện thoại</);

    const theirs = await page(other.cookie);
    expect(revealsContact(theirs)).toBe(false);
    expect(theirs).not.toContain("chưa xác minh");
    expect(revealsContact(await page(other.cookie, "/staff/handover"))).toBe(false);

    // A week on, Zalo refuses OA replies: the owner is pointed to the typed phone to call back.
    w.clock.advance(7 * 24 * 60 * MINUTE);
    const later = await consoleLogin(w, "phuong-tan-ninh", PASSWORD);
    expect(await page(later.cookie)).toMatch(/data-testid="handover-call-back"[^>]*>Có thể gọi lại/);
  });
});
