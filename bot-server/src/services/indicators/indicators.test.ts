import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { getWard, listAudit, upsertWards, type Db, type StaffRole, type StaffUser, tablesOf } from "@hccd/db";
import { DEMO_WARDS } from "../../seed/demo.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { consoleLogin, consoleRequest } from "../../testing/console.js";
import { createStaffUser } from "../staff/staff-auth.js";
import { indicatorReport } from "./indicators.js";
import { exportIndicatorCsv } from "./indicators-csv.js";

/**
 * A world with known data: every indicator's expected figure below is counted by hand from these
 * rows (see each block). The clock stands at Tuesday 24/11/2026 10:00 Vietnam time, so the default
 * period is 26/10–24/11/2026.
 */
const H = 3_600_000;
const vn = (s: string) => new Date(`${s}+07:00`);
const WARD_A = "25453";
const WARD_B = "25454";
const VHTTDL = "Sở Văn hóa, Thể thao và Du lịch";
const PASSWORD = "mật-khẩu-đủ-dài-2026";

let w: TestWorld;
const tables = () => tablesOf(w.services.db);
afterEach(async () => {
  await w?.close();
});

async function seed(db: Db) {
  const t = tablesOf(db);
  const now = vn("2026-11-24T10:00:00");
  const person = (id: string, ward: string | null, phone: string) => db.insert(t.persons).values({ id, fullName: `Người ${id}`, nameKey: id, phone, residenceWardCode: ward, updatedAt: now });
  await person("P1", WARD_A, "84900000001");
  await person("P2", WARD_B, "84900000002");
  await person("P3", null, "84900000003");
  const zalo = (id: string, phone: string) => db.insert(t.zaloUsers).values({ id, oaUserId: `oa-${id}`, phone, updatedAt: now });
  await zalo("U1", "84900000001");
  await zalo("U2", "84900000002");
  const doc = (id: string, serviceKey: string, ward: string, expiresOn: string) =>
    db.insert(t.documents).values({ id, serviceKey, documentNo: `NO-${id}`, holderKind: "person", holderName: `Chủ ${id}`, phone: "84900000009", expiresOn, wardCode: ward, updatedAt: now });
  await doc("D1", "tour-guide-card", WARD_A, "2027-01-10");
  await doc("D2", "tour-guide-card", WARD_B, "2027-01-10");
  await doc("D3", "medical-practising-certificate", WARD_A, "2027-01-10");

  const out = (id: string, o: { channel: "oa" | "zns" | "sms"; status: "sent" | "delivered" | "failed" | "pending"; createdAt: Date; sentAt?: Date | null; personId?: string | null; message: Record<string, unknown>; key?: string }) =>
    db.insert(t.outbox).values({ id, kind: "notification", idempotencyKey: o.key ?? `key-${id}`, channel: o.channel, personId: o.personId ?? null, payload: { message: o.message }, status: o.status, nextAttemptAt: o.createdAt, createdAt: o.createdAt, updatedAt: o.createdAt, sentAt: o.sentAt ?? null, deliveredAt: o.status === "delivered" ? o.sentAt ?? null : null });
  const expiry = (documentId: string, serviceKey: string) => ({ type: "document_expiry", documentId, serviceKey });
  let seq = 0;
  const reminder = (documentId: string, serviceKey: string, nextAt: Date, status: "planned" | "queued" | "cancelled" | "skipped", extra: { outboxId?: string; reason?: string; dueOn?: string } = {}) =>
    db.insert(t.reminders).values({ id: `R${++seq}`, documentId, serviceKey, dueOn: extra.dueOn ?? "2027-01-10", step: `P${seq}D`, nextAt, status, idempotencyKey: `rem-${seq}`, outboxId: extra.outboxId ?? null, reason: extra.reason ?? null, updatedAt: now });

  // Reminders (their moment in the period, before now unless said otherwise):
  const t1 = vn("2026-11-10T08:00:00");
  await out("O1", { channel: "zns", status: "sent", createdAt: t1, sentAt: new Date(t1.getTime() + H), message: expiry("D1", "tour-guide-card") });
  await reminder("D1", "tour-guide-card", t1, "queued", { outboxId: "O1" }); // R1 on time, ward A
  const t2 = vn("2026-11-05T08:00:00");
  await out("O2", { channel: "sms", status: "delivered", createdAt: t2, sentAt: new Date(t2.getTime() + 48 * H), message: expiry("D2", "tour-guide-card") });
  await reminder("D2", "tour-guide-card", t2, "queued", { outboxId: "O2" }); // R2 sent late, ward B
  await reminder("D3", "medical-practising-certificate", vn("2026-11-06T08:00:00"), "skipped", { reason: "opted_out" }); // R3 opted out
  await reminder("D3", "medical-practising-certificate", vn("2026-11-07T08:00:00"), "skipped", { reason: "unreachable" }); // R4 unreachable
  await reminder("D1", "tour-guide-card", vn("2026-11-08T08:00:00"), "cancelled", { reason: "superseded by a later notice" }); // R5 cancelled
  const t6 = vn("2026-11-09T08:00:00");
  await out("O6", { channel: "zns", status: "failed", createdAt: t6, message: expiry("D3", "medical-practising-certificate") });
  await reminder("D3", "medical-practising-certificate", t6, "queued", { outboxId: "O6" }); // R6 failed, ward A
  await reminder("D1", "tour-guide-card", new Date(now.getTime() - H), "planned"); // R7 waiting (within the day's grace)
  await reminder("D2", "tour-guide-card", vn("2026-11-14T08:00:00"), "planned"); // R8 missed, ward B
  await reminder("D1", "tour-guide-card", vn("2026-10-01T08:00:00"), "queued", { outboxId: "O1" }); // R9 before the period
  await reminder("D1", "tour-guide-card", vn("2026-11-30T08:00:00"), "planned"); // R10 not due yet

  // Drafts: DR1 birth (P1, ward A) all the way; DR2 death (P2, ward B) consented, queued;
  // DR3 renewal of D1 (ward A through the document) after reminder R1; DR4 birth (P2) untouched; DR5 before the period.
  const day = vn("2026-11-12T08:00:00").getTime();
  const draft = (id: string, service: string, createdAt: Date, documentId: string | null = null) =>
    db.insert(t.drafts).values({ id, service, procedureCode: "1.0", documentId, documentExpiresOn: documentId ? "2027-01-10" : null, fields: {}, dueBy: "2026-12-31", createdAt, updatedAt: createdAt });
  const party = (draftId: string, personId: string) => db.insert(t.draftParties).values({ draftId, personId, role: "holder" });
  const consent = (id: string, draftId: string, personId: string, zaloUserId: string, at: Date) =>
    db.insert(t.consents).values({ id, draftId, draftVersion: 1, zaloUserId, personId, role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: at });
  const submission = (id: string, draftId: string, consentId: string, status: "queued" | "completed") => db.insert(t.submissions).values({ id, draftId, consentId, procedureCode: "1.0", status, updatedAt: new Date(day) });
  await draft("DR1", "birth-registration", new Date(day));
  await party("DR1", "P1");
  await db.insert(t.draftEvents).values({ draftId: "DR1", kind: "notified", at: new Date(day + H) });
  await consent("C1", "DR1", "P1", "U1", new Date(day + 3 * H)); // 2 h after the notice
  await db.insert(t.draftEvents).values({ draftId: "DR1", kind: "submitted", at: new Date(day + 4 * H) });
  await submission("S1", "DR1", "C1", "completed");
  await draft("DR2", "death-registration", new Date(day));
  await party("DR2", "P2");
  await out("O-death", { channel: "zns", status: "sent", createdAt: new Date(day), sentAt: new Date(day), personId: "P2", key: "death-draft-ready:DR2", message: { type: "death_draft_ready", draftId: "DR2" } });
  await consent("C2", "DR2", "P2", "U2", new Date(day + 6 * H)); // 6 h
  await submission("S2", "DR2", "C2", "queued");
  await draft("DR3", "tour-guide-card", vn("2026-11-11T08:00:00"), "D1");
  await party("DR3", "P3");
  await consent("C3", "DR3", "P3", "U1", new Date(t1.getTime() + H + 10 * H)); // 10 h after R1's message was sent
  await draft("DR4", "birth-registration", new Date(day));
  await party("DR4", "P2");
  await draft("DR5", "birth-registration", vn("2026-10-01T08:00:00"));

  // Other messages: a dossier's status (P1, birth registration) and a chat message (no service).
  await out("O-status", { channel: "oa", status: "delivered", createdAt: new Date(day), sentAt: new Date(day), personId: "P1", message: { type: "dossier_status", draftId: "DR1" } });
  await out("O-chat", { channel: "oa", status: "sent", createdAt: new Date(day), sentAt: new Date(day), message: { type: "chat", text: "…" } });

  // Ratings: S1 (ward A) 5 and 4; S2 (ward B) 3 and 2; one before the period.
  const rate = (submissionId: string, zaloUserId: string, score: number, at: Date) => db.insert(t.satisfactionRatings).values({ submissionId, zaloUserId, score, at });
  await rate("S1", "U1", 5, new Date(day + 5 * H));
  await rate("S1", "U2", 4, new Date(day + 5 * H));
  await rate("S2", "U1", 3, new Date(day + 5 * H));
  await rate("S2", "U2", 2, new Date(day + 5 * H));
  await db.insert(t.satisfactionRatings).values({ submissionId: "S2", zaloUserId: "U1", score: 5, at: vn("2026-10-01T08:00:00") }).onConflictDoNothing();

  // Unanswered FAQ questions: bot "a" twice, bot "b" once (since answered by staff), api "a" once; one before the period.
  const q = (key: string, channel: "bot" | "api", at: Date, resolved = false) =>
    db.insert(t.faqUnanswered).values({ question: key, questionKey: key, language: "vi", topScore: 10, channel, at, ...(resolved ? { resolvedEntryId: "e1", resolvedAt: at } : {}) });
  await q("a", "bot", new Date(day));
  await q("a", "bot", new Date(day));
  await q("b", "bot", new Date(day), true);
  await q("a", "api", new Date(day));
  await q("c", "bot", vn("2026-10-01T08:00:00"));
  // Questions asked per Vietnam day, matching the log above: on 12/11 the bot 5 (2 answered, the 3
  // above not) and the API 1 (not answered); the Mini App 2, both answered, on 26/10 (the period's
  // first day, included); before the period, 25/10 and 1/10 (not counted). On 12/11 the bot was
  // also asked for a person 3 times (counted apart), and once on 25/10 (before the period).
  const asked = (day: string, channel: "bot" | "api" | "mini_app", language: "vi" | "en", n: number, answered: number, personRequests = 0) =>
    db.insert(t.faqDailyCounts).values({ day, channel, language, asked: n, answered, personRequests });
  await asked("2026-11-12", "bot", "vi", 4, 2, 3);
  await asked("2026-11-12", "bot", "en", 1, 0);
  await asked("2026-11-12", "api", "vi", 1, 0);
  await asked("2026-10-26", "mini_app", "en", 2, 2);
  await asked("2026-10-25", "bot", "vi", 3, 3, 1);
  await asked("2026-10-01", "bot", "vi", 1, 0);

  // Handovers: U1 is P1 (ward A), U2 is P2 (ward B).
  const ticket = (id: string, user: string, openedAt: Date, firstResponseAt: Date | null) => db.insert(t.handoverTickets).values({ id, zaloUserId: user, status: firstResponseAt ? "closed" : "open", openedAt, firstResponseAt });
  await ticket("T1", "U1", vn("2026-11-17T08:00:00"), vn("2026-11-17T09:00:00")); // 1 h, 1 office hour
  await ticket("T2", "U2", vn("2026-11-20T16:00:00"), vn("2026-11-23T16:00:00")); // Friday → Monday: 72 h, exactly 7.5 office hours
  await ticket("T3", "U1", vn("2026-11-18T08:00:00"), vn("2026-11-19T10:00:00")); // 26 h, 9.5 office hours: late
  await ticket("T4", "U2", vn("2026-11-19T09:00:00"), null); // still waiting, long past the target
  await ticket("T5", "U1", vn("2026-11-24T09:30:00"), null); // waiting for half an hour: not decided yet
}

function staff(role: StaffRole, extra: { agency?: string; wardCode?: string } = {}): Promise<StaffUser> {
  return createStaffUser(w.services, { username: `${role.replace("_", "-")}-${Math.random().toString(36).slice(2, 8)}`, displayName: `Cán bộ ${role}`, password: PASSWORD, role, ...extra });
}

const deps = () => ({ ...w.services, catalogue: w.catalogue });
const report = async (who: StaffUser | Promise<StaffUser>, q: Record<string, string> = {}) => indicatorReport(deps(), await who, q);

beforeEach(async () => {
  w = await createTestWorld();
  await upsertWards(w.services.db, [...DEMO_WARDS]);
  expect((await getWard(w.services.db, WARD_A))?.name).toBe("Phường Tân Ninh");
  expect(await getWard(w.services.db, WARD_B)).toBeDefined();
  await seed(w.services.db);
});

describe("indicators over known data", () => {
  it("counts every indicator for the whole province over the default period", async () => {
    const r = await report(staff("viewer"));
    expect(r.filters).toEqual({ from: "2026-10-26", to: "2026-11-24", service: null, agency: null, ward: null, fixed: { agency: false, ward: false } });
    // R1–R8: on the share's denominator on_time, sent_late, missed, failed, unreachable (5); 1 on time.
    expect(r.reminders.total).toEqual({ due: 8, onTime: 1, sentLate: 1, waiting: 1, missed: 1, failed: 1, unreachable: 1, optedOut: 1, cancelled: 1, counted: 5, onTimeShare: 0.2 });
    expect(r.reminders.target).toBe(1);
    expect(r.reminders.byService.map((s) => [s.service, s.due, s.counted, s.onTimeShare])).toEqual([
      ["medical-practising-certificate", 3, 2, 0],
      ["tour-guide-card", 5, 3, 1 / 3],
    ]);
    expect(r.funnel.steps).toEqual([
      { step: "prepared", count: 4 },
      { step: "notified", count: 3 },
      { step: "opened", count: 3 }, // no opened event yet: DR1, DR2, DR3 through their consent
      { step: "consented", count: 3 },
      { step: "submitted", count: 1 },
      { step: "completed", count: 1 },
    ]);
    expect(r.noticeToConsent).toMatchObject({ drafts: 3, medianMs: 6 * H }); // 2 h, 6 h, 10 h
    expect(r.satisfaction).toMatchObject({ target: 0.95, ratings: 4, satisfied: 2, share: 0.5 });
    expect(r.satisfaction.byScore.map((b) => b.count)).toEqual([0, 1, 1, 1, 1]);
    // Asked on 26/10–24/11: bot 5 (2 answered), API 1 (0), Mini App 2 (2) → 4 of 8.
    expect(r.faq).toEqual({
      appliesTo: ["period"],
      asked: 8,
      answered: 4,
      answeredShare: 0.5,
      personRequests: 3,
      unanswered: 4,
      distinctUnanswered: 2,
      resolvedByStaff: 1,
      byChannel: [
        { channel: "api", asked: 1, answered: 0, answeredShare: 0, personRequests: 0, logged: 1, distinct: 1, resolved: 0 },
        { channel: "bot", asked: 5, answered: 2, answeredShare: 0.4, personRequests: 3, logged: 3, distinct: 2, resolved: 1 },
        { channel: "mini_app", asked: 2, answered: 2, answeredShare: 1, personRequests: 0, logged: 0, distinct: 0, resolved: 0 },
      ],
    });
    // Decided: T1, T2, T3 answered and T4 late while waiting; within one working day: T1, T2.
    expect(r.handover).toEqual({ appliesTo: ["period", "ward"], targetWorkingMs: 7.5 * H, opened: 5, answered: 3, unanswered: 2, medianMs: 26 * H, medianWorkingMs: 7.5 * H, withinTarget: 2, withinTargetShare: 0.5 });
    expect(r.delivery.channels).toEqual([
      { channel: "oa", queued: 0, sent: 2, delivered: 1, failed: 0, cancelled: 0 },
      { channel: "zns", queued: 0, sent: 2, delivered: 0, failed: 1, cancelled: 0 },
      { channel: "sms", queued: 0, sent: 1, delivered: 1, failed: 0, cancelled: 0 },
    ]);
  });

  it("narrows by ward: documents, parties, consenting persons, Zalo users and recipients of that ward", async () => {
    const a = await report(staff("viewer"), { ward: WARD_A });
    expect(a.reminders.total).toMatchObject({ due: 6, onTime: 1, counted: 3, onTimeShare: 1 / 3 }); // R1, R3–R7
    expect(a.funnel.steps.map((s) => s.count)).toEqual([2, 2, 2, 2, 1, 1]); // DR1, DR3
    expect(a.noticeToConsent.medianMs).toBe(6 * H); // 2 h and 10 h
    expect(a.satisfaction).toMatchObject({ ratings: 2, satisfied: 2, share: 1 });
    expect(a.handover).toMatchObject({ opened: 3, answered: 2, withinTarget: 1, withinTargetShare: 0.5, medianMs: 13.5 * H });
    expect(a.delivery.channels.map((c) => [c.channel, c.sent, c.delivered, c.failed])).toEqual([["oa", 1, 1, 0], ["zns", 1, 0, 1], ["sms", 0, 0, 0]]);
    // The FAQ has no ward: the same figures whatever the ward.
    expect(a.faq).toMatchObject({ asked: 8, answered: 4, unanswered: 4 });

    const b = await report(staff("viewer"), { ward: WARD_B });
    expect(b.reminders.total).toMatchObject({ due: 2, sentLate: 1, missed: 1, counted: 2, onTimeShare: 0 });
    expect(b.funnel.steps.map((s) => s.count)).toEqual([2, 1, 1, 1, 0, 0]);
    expect(b.satisfaction).toMatchObject({ ratings: 2, satisfied: 0, share: 0 });
    expect(b.handover).toMatchObject({ opened: 2, answered: 1, withinTarget: 1, withinTargetShare: 0.5 });
  });

  it("narrows by agency and by service; chat messages belong to no service", async () => {
    const v = await report(staff("viewer"), { agency: VHTTDL });
    expect(v.reminders.total).toMatchObject({ due: 5, onTime: 1, counted: 3 });
    expect(v.funnel.steps.map((s) => s.count)).toEqual([1, 1, 1, 1, 0, 0]); // DR3
    expect(v.noticeToConsent.medianMs).toBe(10 * H);
    expect(v.satisfaction).toMatchObject({ ratings: 0, satisfied: 0, share: null });
    expect(v.delivery.channels.map((c) => [c.channel, c.sent])).toEqual([["oa", 0], ["zns", 1], ["sms", 1]]);

    const m = await report(staff("viewer"), { service: "medical-practising-certificate" });
    expect(m.reminders.total).toMatchObject({ due: 3, optedOut: 1, unreachable: 1, failed: 1, counted: 2, onTimeShare: 0 });
    const birth = await report(staff("viewer"), { service: "birth-registration" });
    expect(birth.delivery.channels[0]).toMatchObject({ channel: "oa", sent: 1, delivered: 1 }); // the dossier status, through its draft
    // A service outside the chosen agency: nothing, not everything.
    expect((await report(staff("viewer"), { agency: VHTTDL, service: "birth-registration" })).funnel.steps[0]).toEqual({ step: "prepared", count: 0 });
  });

  it("shows an empty period as zeros and no shares, never a division by zero", async () => {
    const r = await report(staff("admin"), { from: "2025-01-01", to: "2025-01-31" });
    expect(r.reminders.total).toEqual({ due: 0, onTime: 0, sentLate: 0, waiting: 0, missed: 0, failed: 0, unreachable: 0, optedOut: 0, cancelled: 0, counted: 0, onTimeShare: null });
    expect(r.funnel.steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.noticeToConsent).toMatchObject({ drafts: 0, medianMs: null });
    expect(r.satisfaction).toMatchObject({ ratings: 0, share: null });
    expect(r.handover).toMatchObject({ opened: 0, medianMs: null, medianWorkingMs: null, withinTargetShare: null });
    expect(r.faq).toEqual({ appliesTo: ["period"], asked: 0, answered: 0, answeredShare: null, personRequests: 0, unanswered: 0, distinctUnanswered: 0, resolvedByStaff: 0, byChannel: [] });
    expect(r.delivery.channels.every((c) => c.sent === 0 && c.failed === 0)).toBe(true);
  });

  it("refuses unknown filters with the field named", async () => {
    const v = await staff("viewer");
    const fields = async (q: Record<string, string>) => {
      try {
        await report(v, q);
        return null;
      } catch (e) {
        return (e as { fields?: { path: string }[] }).fields?.map((f) => f.path);
      }
    };
    expect(await fields({ service: "no-such-service" })).toEqual(["service"]);
    expect(await fields({ agency: "Sở Không Có" })).toEqual(["agency"]);
    expect(await fields({ ward: "99999" })).toEqual(["ward"]);
    expect(await fields({ from: "2026-11-10", to: "2026-11-01" })).toEqual(["to"]);
    expect(await fields({ from: "2020-01-01", to: "2026-11-01" })).toEqual(["from"]);
  });
});

describe("recorded through the real paths", () => {
  it("counts questions asked through /api/faq/ask on their Vietnam day, by channel, answered or not", async () => {
    const ask = async (body: Record<string, string>) => ((await (await w.call("POST", "/api/faq/ask", { body })).json()) as { answered: boolean }).answered;
    expect(await ask({ question: "đăng ký khai sinh cho con trong bao nhiêu ngày", lang: "vi", source: "mini_app" })).toBe(true);
    expect(await ask({ question: "cách nuôi cá cảnh", lang: "vi" })).toBe(false);
    expect(await ask({ question: "thời tiết ngày mai", source: "mini_app" })).toBe(false);
    // Today (24/11, the period's last day): Mini App 2 asked, 1 answered; API 1 asked, none answered.
    const r = await report(staff("viewer"));
    expect(r.faq).toMatchObject({ asked: 11, answered: 5, answeredShare: 5 / 11, unanswered: 6, distinctUnanswered: 4 });
    expect(r.faq.byChannel).toEqual([
      { channel: "api", asked: 2, answered: 0, answeredShare: 0, personRequests: 0, logged: 2, distinct: 2, resolved: 0 },
      { channel: "bot", asked: 5, answered: 2, answeredShare: 0.4, personRequests: 3, logged: 3, distinct: 2, resolved: 1 },
      { channel: "mini_app", asked: 4, answered: 3, answeredShare: 0.75, personRequests: 0, logged: 1, distinct: 1, resolved: 0 },
    ]);
    // A period of that day alone: only the three questions just asked.
    expect((await report(staff("viewer"), { from: "2026-11-24", to: "2026-11-24" })).faq).toMatchObject({ asked: 3, answered: 1, answeredShare: 1 / 3, unanswered: 2 });
  });

  it("counts a request for a person apart: never an FAQ answer, in neither asked nor answered", async () => {
    const u = w.chatUser();
    await w.say(u, "cho e gap nhan vien tu van vs");
    await w.settle();
    const api = await (await w.call("POST", "/api/faq/ask", { body: { question: "gặp người thật", source: "mini_app" } })).json();
    expect(api).toMatchObject({ answered: false, asksForPerson: true });
    const today = (await report(staff("viewer"), { from: "2026-11-24", to: "2026-11-24" })).faq;
    expect(today).toMatchObject({ asked: 0, answered: 0, answeredShare: null, personRequests: 2, unanswered: 0 });
    expect(today.byChannel.map((c) => [c.channel, c.asked, c.answered, c.personRequests])).toEqual([
      ["bot", 0, 0, 1],
      ["mini_app", 0, 0, 1],
    ]);
  });

  it("counts a draft as opened once its party opens it in the Mini App, or by its consent", async () => {
    const { token } = await w.citizen({ phone: "84900000002" }); // P2: party of DR2 (consented) and DR4 (untouched)
    for (const id of ["DR4", "DR4", "DR2"]) expect((await w.call("GET", `/api/me/drafts/${id}`, { token })).status).toBe(200);
    // Before the period: its opening is not counted.
    await w.services.db.insert(tables().draftEvents).values({ draftId: "DR5", kind: "opened", at: vn("2026-10-02T08:00:00") });
    const opened = async (id: string) => (await w.services.db.select().from(tables().draftEvents)).filter((e) => e.draftId === id && e.kind === "opened").length;
    expect([await opened("DR4"), await opened("DR2")]).toEqual([1, 1]); // recorded once per draft, however often it is opened
    // DR4 by its event; DR2 by its event and its consent, counted once; DR1, DR3 by their consent.
    expect((await report(staff("viewer"))).funnel.steps.map((s) => [s.step, s.count])).toEqual([["prepared", 4], ["notified", 3], ["opened", 4], ["consented", 3], ["submitted", 1], ["completed", 1]]);
    expect((await report(staff("viewer"), { ward: WARD_B })).funnel.steps.map((s) => s.count)).toEqual([2, 1, 2, 1, 0, 0]);
    expect((await report(staff("viewer"), { ward: WARD_A })).funnel.steps.map((s) => s.count)).toEqual([2, 2, 2, 2, 1, 1]);
    // The citizen's timeline does not show the indicator's event.
    const view = (await (await w.call("GET", "/api/me/drafts/DR4", { token })).json()) as { timeline: { kind: string }[] };
    expect(view.timeline.map((e) => e.kind)).not.toContain("opened");
  });
});

describe("scope", () => {
  it("fixes a department officer's agency, whatever the request asks", async () => {
    const officer = await staff("department", { agency: VHTTDL });
    const r = await report(officer, { agency: "Sở Y tế" });
    expect(r.filters).toMatchObject({ agency: VHTTDL, fixed: { agency: true, ward: false } });
    expect(r.reminders.total).toMatchObject({ due: 5, onTime: 1, counted: 3 });
    expect(r.reminders.byService.map((s) => s.service)).toEqual(["tour-guide-card"]);
    expect(r.funnel.steps[0]).toEqual({ step: "prepared", count: 1 });
    // A service of another agency gives nothing.
    expect((await report(officer, { service: "birth-registration" })).funnel.steps[0]).toEqual({ step: "prepared", count: 0 });
  });

  it("fixes a ward officer's ward", async () => {
    const officer = await staff("ward_officer", { wardCode: WARD_A });
    const r = await report(officer, { ward: WARD_B });
    expect(r.filters).toMatchObject({ ward: WARD_A, fixed: { agency: false, ward: true } });
    expect(r.reminders.total.due).toBe(6);
    expect(r.handover.opened).toBe(3);
  });

  it.each<StaffRole>(["admin", "communicator", "viewer"])("lets %s see everything", async (role) => {
    expect((await report(staff(role))).reminders.total.due).toBe(8);
  });
});

describe("CSV export", () => {
  it("writes UTF-8 with a BOM, quotes an agency name with commas, repeats the filters and audits the export", async () => {
    const officer = await staff("department", { agency: VHTTDL });
    const file = await exportIndicatorCsv(deps(), officer, { ward: WARD_A }, "reminders", { lang: "vi", requestId: "req-1" });
    expect(file.fileName).toBe("hccd-chi-so-reminders-2026-10-26-2026-11-24.csv");
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    expect(file.body).toContain(`"${VHTTDL}"`);
    expect(file.body).toContain("\r\n");
    const rows = parse(file.body.slice(1)) as string[][];
    expect(rows[0]!.slice(0, 6)).toEqual(["Từ ngày", "Đến ngày", "Dịch vụ", "Cơ quan chủ trì", "Phường, xã", "Dịch vụ"]);
    // Tour guide cards of ward A: R1 on time, R5 cancelled, R7 waiting → 1 of 1 counted.
    expect(rows.slice(1)).toEqual([
      ["2026-10-26", "2026-11-24", "Tất cả", VHTTDL, "Phường Tân Ninh", expect.any(String), "3", "1", "0", "1", "0", "0", "0", "0", "1", "1", "100,0", "100,0"],
      ["2026-10-26", "2026-11-24", "Tất cả", VHTTDL, "Phường Tân Ninh", "Tổng", "3", "1", "0", "1", "0", "0", "0", "0", "1", "1", "100,0", "100,0"],
    ]);
    const entry = (await listAudit(w.services.db, 5)).find((e) => e.action === "indicators.exported");
    expect(entry).toMatchObject({ actorKind: "staff", actorId: officer.id, requestId: "req-1", details: { indicator: "reminders", from: "2026-10-26", to: "2026-11-24", agency: VHTTDL, ward: WARD_A, service: null } });
  });

  it("writes every funnel step with its count, in English when asked", async () => {
    const file = await exportIndicatorCsv(deps(), await staff("viewer"), {}, "funnel", { lang: "en" });
    const rows = parse(file.body.slice(1)) as string[][];
    expect(rows.map((r) => r.slice(5))).toEqual([["Step", "Drafts"], ["Prepared", "4"], ["Notice sent", "3"], ["Opened", "3"], ["Consented", "3"], ["Submitted", "1"], ["Completed", "1"]]);
  });

  it("writes the FAQ's asked, answered and answered share, in all and per channel", async () => {
    const file = await exportIndicatorCsv(deps(), await staff("viewer"), {}, "faq", { lang: "vi" });
    const rows = parse(file.body.slice(1)) as string[][];
    expect(rows.map((r) => r.slice(5))).toEqual([
      ["Chỉ tiêu", "Giá trị"],
      ["Tổng số câu hỏi", "8"],
      ["Đã trả lời", "4"],
      ["Tỷ lệ trả lời (%)", "50,0"],
      ["Yêu cầu gặp cán bộ", "3"],
      ["Câu hỏi chưa trả lời được", "4"],
      ["Câu hỏi khác nhau", "2"],
      ["Đã được cán bộ bổ sung câu trả lời", "1"],
      ["Tổng số câu hỏi — Cổng hỏi đáp", "1"],
      ["Đã trả lời — Cổng hỏi đáp", "0"],
      ["Tỷ lệ trả lời (%) — Cổng hỏi đáp", "0,0"],
      ["Yêu cầu gặp cán bộ — Cổng hỏi đáp", "0"],
      ["Câu hỏi chưa trả lời được — Cổng hỏi đáp", "1"],
      ["Tổng số câu hỏi — Chatbot Zalo", "5"],
      ["Đã trả lời — Chatbot Zalo", "2"],
      ["Tỷ lệ trả lời (%) — Chatbot Zalo", "40,0"],
      ["Yêu cầu gặp cán bộ — Chatbot Zalo", "3"],
      ["Câu hỏi chưa trả lời được — Chatbot Zalo", "3"],
      ["Tổng số câu hỏi — Mini App", "2"],
      ["Đã trả lời — Mini App", "2"],
      ["Tỷ lệ trả lời (%) — Mini App", "100,0"],
      ["Yêu cầu gặp cán bộ — Mini App", "0"],
      ["Câu hỏi chưa trả lời được — Mini App", "0"],
    ]);
    expect(rows.find((r) => r.includes("Chưa ghi nhận"))).toBeUndefined();
  });
});

describe("API and console", () => {
  it("answers /api/staff/indicators to any role with a session, and refuses without", async () => {
    await staff("viewer");
    await createStaffUser(w.services, { username: "xem-api", displayName: "Người xem", password: PASSWORD, role: "viewer" });
    const session = await w.call("POST", "/api/staff/session", { body: { username: "xem-api", password: PASSWORD } });
    const { token } = (await session.json()) as { token: string };
    const res = await w.call("GET", "/api/staff/indicators?ward=25453", { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reminders: { total: { due: number } }; filters: { ward: string } };
    expect(body.filters.ward).toBe(WARD_A);
    expect(body.reminders.total.due).toBe(6);
    expect((await w.call("GET", "/api/staff/indicators")).status).toBe(401);
    const bad = await w.call("GET", "/api/staff/indicators?from=2026-02-30", { token });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("from");
    const csv = await w.call("GET", "/api/staff/indicators/csv?indicator=delivery&lang=en", { token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="hccd-chi-so-delivery-2026-10-26-2026-11-24.csv"');
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("renders charts with their tables, and the department officer's agency fixed", async () => {
    await createStaffUser(w.services, { username: "so-test", displayName: "Cán bộ sở", password: PASSWORD, role: "department", agency: VHTTDL });
    const { cookie } = await consoleLogin(w, "so-test", PASSWORD);
    const res = await consoleRequest(w, "/staff/indicators", { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="agency-fixed"');
    expect(html).toMatch(/<select id="f-agency" name="agency" disabled/);
    expect(html).toMatch(/<div class="chart hbars" role="img" aria-label="[^"]+" data-testid="chart-reminders"/);
    expect(html).toContain('data-testid="reminders-table"');
    expect(html).toContain("Đã mở");
    expect(html).toContain('data-testid="funnel-opened-definition"');
    expect(html).toMatch(/data-testid="faq-summary"><strong>4\/8 câu hỏi được trả lời \(50\s?%\)\.<\/strong> <span data-testid="faq-person-requests">3 yêu cầu gặp cán bộ \(tính riêng\)\.<\/span>/);
    expect(html).toContain('data-testid="faq-person-requests-definition"');
    expect(html).toMatch(/<div class="chart hbars" role="img" aria-label="[^"]+" data-testid="chart-faq"/);
    expect(html).not.toContain("Chưa ghi nhận");
    expect(html).not.toContain("style=");
    const csv = await consoleRequest(w, "/staff/indicators/export?indicator=satisfaction", { cookie });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment;");
    const bad = await consoleRequest(w, "/staff/indicators?service=nope", { cookie });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('data-testid="indicator-errors"');
  });
});
