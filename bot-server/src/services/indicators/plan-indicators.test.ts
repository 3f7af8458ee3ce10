/**
 * The plans' own indicators over known rows, counted by hand:
 * - plan 920 row 1 (seed 000, Kế hoạch 6259/KH-SYT service 1): "100% trẻ sinh tại bệnh viện công
 *   được nhắc đúng mốc" — over every birth received, not over the reminders planned;
 * - Sơn La 169 (seed 002, 2026 criterion (2)): filing within 5 minutes on average;
 * - the case system's processing time (received → result);
 * - people found per data source; and the citizens' rating comments.
 * The clock stands at Tuesday 24/11/2026 10:00 Vietnam time: the default period is 26/10–24/11/2026.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { tablesOf, upsertWards, type Db, type StaffRole, type StaffUser } from "@hccd/db";
import { DEMO_WARDS } from "../../seed/demo.js";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { createStaffUser } from "../staff/staff-auth.js";
import { indicatorReport } from "./indicators.js";
import { exportIndicatorCsv } from "./indicators-csv.js";
import { listRatingComments } from "./rating-comments.js";

const H = 3_600_000;
const MIN = 60_000;
const vn = (s: string) => new Date(`${s}+07:00`);
const WARD_A = "25453";
const WARD_B = "25454";
const PASSWORD = "mật-khẩu-đủ-dài-2026";
let w: TestWorld;

async function seed(db: Db) {
  const t = tablesOf(db);
  const now = vn("2026-11-24T10:00:00");
  await db.insert(t.machineClients).values({ id: "his", name: "HIS", scopes: [], apiKeyHash: "h" });
  const person = (id: string, ward: string | null) => db.insert(t.persons).values({ id, fullName: `Người ${id}`, nameKey: id, residenceWardCode: ward, updatedAt: now });
  await person("PA", WARD_A);
  await person("PB", WARD_B);
  const birth = (id: string, mother: string, receivedAt: Date) =>
    db.insert(t.birthEvents).values({ id, certificateNo: id, payloadHash: id, payload: {}, facilityCode: "F", childBornAt: receivedAt, motherPersonId: mother, clientId: "his", receivedAt });
  let seq = 0;
  const reminder = (birthEventId: string, nextAt: Date, status: "planned" | "queued" | "skipped", extra: { outboxId?: string; reason?: string } = {}) =>
    db.insert(t.reminders).values({ id: `R${++seq}`, subject: "vaccination", birthEventId, doseKey: `d#${seq}`, serviceKey: "child-vaccination", dueOn: "2027-03-01", step: "P7D", nextAt, status, idempotencyKey: `r${seq}`, outboxId: extra.outboxId ?? null, reason: extra.reason ?? null, updatedAt: now });
  const sent = (id: string, at: Date) => db.insert(t.outbox).values({ id, kind: "notification", idempotencyKey: id, channel: "zns", payload: {}, status: "sent", nextAttemptAt: at, createdAt: at, updatedAt: at, sentAt: new Date(at.getTime() + H) });

  // B1 (ward A): its one milestone so far sent within the hour, the next ahead → on time.
  await birth("B1", "PA", vn("2026-11-01T09:00:00"));
  await sent("O1", vn("2026-11-05T08:00:00"));
  await reminder("B1", vn("2026-11-05T08:00:00"), "queued", { outboxId: "O1" });
  await reminder("B1", vn("2026-12-20T08:00:00"), "planned");
  // B2 (ward A): nobody to tell → late or missed.
  await birth("B2", "PA", vn("2026-11-02T09:00:00"));
  await reminder("B2", vn("2026-11-06T08:00:00"), "skipped", { reason: "unreachable" });
  // B3 (ward A): born days ago, no milestone yet.
  await birth("B3", "PA", vn("2026-11-20T09:00:00"));
  await reminder("B3", vn("2026-12-20T08:00:00"), "planned");
  // B4 (ward A): no reminder planned at all — counted all the same.
  await birth("B4", "PA", vn("2026-11-21T09:00:00"));
  // B6 (ward B): on time.
  await birth("B6", "PB", vn("2026-11-03T09:00:00"));
  await sent("O6", vn("2026-11-07T08:00:00"));
  await reminder("B6", vn("2026-11-07T08:00:00"), "queued", { outboxId: "O6" });
  // B5: received before the period.
  await birth("B5", "PA", vn("2026-10-01T09:00:00"));

  // A death notice in the period (deceased of ward B).
  await db.insert(t.deathEvents).values({ id: "DE1", noticeNo: "N1", payloadHash: "n", payload: {}, facilityCode: "F", diedAt: vn("2026-11-10T09:00:00"), deceasedPersonId: "PB", informantPersonId: "PA", clientId: "his", receivedAt: vn("2026-11-10T12:00:00") });
  // Departments' lists: two persons (one with two documents) and an organisation in the period, one person before it.
  const doc = (id: string, holderId: string, holderKind: "person" | "organization", ward: string, createdAt: Date) =>
    db.insert(t.documents).values({ id, serviceKey: "tour-guide-card", documentNo: id, holderKind, holderName: id, holderId, expiresOn: "2027-06-01", wardCode: ward, createdAt, updatedAt: createdAt });
  await doc("D1", "072090000001", "person", WARD_A, vn("2026-11-05T08:00:00"));
  await doc("D2", "072090000001", "person", WARD_A, vn("2026-11-05T08:00:00"));
  await doc("D3", "072090000002", "person", WARD_B, vn("2026-11-06T08:00:00"));
  await doc("D4", "0312345678", "organization", WARD_A, vn("2026-11-06T08:00:00"));
  await doc("D5", "072090000003", "person", WARD_A, vn("2026-10-01T08:00:00"));
  // Population data (contract 5): deadlines it found for PA in the period (two services, one person), for PB before it.
  const found = (id: string, personId: string, serviceKey: string, createdAt: Date) =>
    db.insert(t.reminders).values({ id, subject: "person", personId, serviceKey, dueOn: "2027-09-01", step: "P30D", nextAt: vn("2027-08-01T08:00:00"), status: "planned", idempotencyKey: id, createdAt, updatedAt: createdAt });
  await found("P1", "PA", "id-card-renewal", vn("2026-11-07T08:00:00"));
  await found("P2", "PA", "temporary-residence", vn("2026-11-07T08:00:00"));
  await found("P3", "PB", "id-card-renewal", vn("2026-10-02T08:00:00"));

  // Drafts opened in the Mini App and consented: 3 and 10 minutes; one opened and left.
  const day = vn("2026-11-12T08:00:00").getTime();
  const draft = (id: string, service: string) => db.insert(t.drafts).values({ id, service, procedureCode: "1.0", fields: {}, dueBy: "2026-12-31", createdAt: new Date(day), updatedAt: new Date(day) });
  await db.insert(t.zaloUsers).values({ id: "U1", phone: "84900000001", updatedAt: now });
  for (const [id, service, party, minutes] of [["DR1", "birth-registration", "PA", 3], ["DR2", "death-registration", "PB", 10], ["DR3", "birth-registration", "PA", null]] as const) {
    await draft(id, service);
    await db.insert(t.draftParties).values({ draftId: id, personId: party, role: "holder" });
    await db.insert(t.draftEvents).values({ draftId: id, kind: "opened", at: new Date(day + H) });
    if (minutes !== null) await db.insert(t.consents).values({ id: `C-${id}`, draftId: id, draftVersion: 1, zaloUserId: "U1", personId: party, role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: new Date(day + H + minutes * MIN) });
  }
  // The case system's statuses: DR1 received → completed in 2 h; DR2 received → rejected in 5 h.
  const submission = (id: string, draftId: string, status: "completed" | "rejected" | "processing", history: [string, Date][]) =>
    db.insert(t.submissions).values({ id, draftId, consentId: `C-${draftId}`, procedureCode: "1.0", status, updatedAt: new Date(day) }).then(() => Promise.all(history.map(([s, at]) => db.insert(t.submissionStatusHistory).values({ submissionId: id, status: s, at }))));
  await submission("S1", "DR1", "completed", [["received", new Date(day + 2 * H)], ["processing", new Date(day + 3 * H)], ["completed", new Date(day + 4 * H)]]);
  await submission("S2", "DR2", "rejected", [["received", new Date(day + 2 * H)], ["rejected", new Date(day + 7 * H)]]);

  // Ratings with comments: S1 (ward A, through PA's consent) and S2 (ward B).
  const rate = (submissionId: string, zaloUserId: string, score: number, comment: string | null, at: Date) => db.insert(t.satisfactionRatings).values({ submissionId, zaloUserId, score, comment, at });
  await rate("S1", "U1", 5, "Cán bộ gọi lại số 0912345678 rất nhanh, cảm ơn.", new Date(day + 5 * H));
  await db.insert(t.zaloUsers).values({ id: "U2", updatedAt: now });
  await rate("S2", "U2", 2, "Hồ sơ bị trả lại mà không rõ lý do", new Date(day + 9 * H));
  await db.insert(t.zaloUsers).values({ id: "U3", updatedAt: now });
  await rate("S2", "U3", 4, null, new Date(day + 10 * H));
}

const deps = () => ({ ...w.services, catalogue: w.catalogue });

function staff(role: StaffRole, extra: { agency?: string; wardCode?: string } = {}): Promise<StaffUser> {
  return createStaffUser(w.services, { username: `${role.replace("_", "-")}-${Math.random().toString(36).slice(2, 8)}`, displayName: `Cán bộ ${role}`, password: PASSWORD, role, ...extra });
}

beforeEach(async () => {
  w = await createTestWorld();
  w.clock.set("2026-11-24T03:00:00Z");
  await upsertWards(w.db, [...DEMO_WARDS]);
  await seed(w.db);
});
afterEach(async () => {
  await w?.close();
});

describe("the plans' own indicators", () => {
  it("counts children reminded at the milestone over every birth received, not over the reminders planned (plan 920 row 1: 100%)", async () => {
    const r = await indicatorReport(deps(), await staff("admin"), {});
    expect(r.birthsReminded).toEqual({
      appliesTo: ["period", "ward"],
      target: 1,
      births: 5,
      onTime: 2,
      share: 0.4,
      byOutcome: [
        { outcome: "on_time", count: 2 },
        { outcome: "late_or_missed", count: 1 },
        { outcome: "waiting", count: 0 },
        { outcome: "opted_out", count: 0 },
        { outcome: "none_due_yet", count: 1 },
        { outcome: "not_planned", count: 1 },
      ],
    });
    const ward = await indicatorReport(deps(), await staff("ward_officer", { wardCode: WARD_A }), {});
    expect(ward.birthsReminded).toMatchObject({ births: 4, onTime: 1, share: 0.25 });
  });

  it("times opening a draft to filing it against Sơn La 169's 5 minutes: mean, median and p90", async () => {
    const r = await indicatorReport(deps(), await staff("admin"), {});
    expect(r.draftToSubmission).toEqual({ appliesTo: ["period", "service", "agency", "ward"], targetMs: 5 * MIN, drafts: 2, meanMs: 6.5 * MIN, medianMs: 6.5 * MIN, p90Ms: 10 * MIN, withinTarget: 1 });
  });

  it("times the case system's processing from received to the result, per service", async () => {
    const r = await indicatorReport(deps(), await staff("admin"), {});
    expect(r.processingTime).toEqual({
      appliesTo: ["period", "service", "agency", "ward"],
      total: { cases: 2, medianMs: 3.5 * H, p90Ms: 5 * H },
      byService: [
        { service: "birth-registration", cases: 1, completed: 1, rejected: 0, medianMs: 2 * H, p90Ms: 2 * H },
        { service: "death-registration", cases: 1, completed: 0, rejected: 1, medianMs: 5 * H, p90Ms: 5 * H },
      ],
    });
  });

  // Found in issue 15: a case the officer gave back for more (need_more_info) ends on its supplement,
  // which the case system never reports "received" (the case was): such cases dropped out.
  it("times a case given back for more from its first receipt to the supplement's result, once", async () => {
    const t = tablesOf(w.db);
    const day = vn("2026-11-12T08:00:00").getTime();
    await w.db.insert(t.drafts).values({ id: "DR4", service: "birth-registration", procedureCode: "1.0", fields: {}, dueBy: "2026-12-31", createdAt: new Date(day), updatedAt: new Date(day) });
    await w.db.insert(t.draftParties).values({ draftId: "DR4", personId: "PA", role: "holder" });
    await w.db.insert(t.consents).values({ id: "C-DR4-1", draftId: "DR4", draftVersion: 1, zaloUserId: "U1", personId: "PA", role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: new Date(day + H), voidedAt: new Date(day + 3 * H), voidReason: "more_info_requested" });
    await w.db.insert(t.consents).values({ id: "C-DR4-2", draftId: "DR4", draftVersion: 2, zaloUserId: "U1", personId: "PA", role: "holder", contentHash: "h2", consentTextVersion: "1", consentedAt: new Date(day + 4 * H) });
    await w.db.insert(t.submissions).values({ id: "S3", draftId: "DR4", consentId: "C-DR4-1", procedureCode: "1.0", status: "need_more_info", caseId: "CASE-3", updatedAt: new Date(day) });
    await w.db.insert(t.submissions).values({ id: "S4", draftId: "DR4", consentId: "C-DR4-2", procedureCode: "1.0", status: "completed", caseId: "CASE-3", supplementOf: "S3", updatedAt: new Date(day) });
    for (const [submissionId, status, hours] of [["S3", "received", 2], ["S3", "need_more_info", 3], ["S4", "processing", 5], ["S4", "completed", 8]] as const) {
      await w.db.insert(t.submissionStatusHistory).values({ submissionId, status, at: new Date(day + hours * H) });
    }
    const r = await indicatorReport(deps(), await staff("admin"), {});
    // Received at 2 h, result at 8 h: 6 h, beside DR1's 2 h.
    expect(r.processingTime.byService).toContainEqual({ service: "birth-registration", cases: 2, completed: 2, rejected: 0, medianMs: 4 * H, p90Ms: 6 * H });
    expect(r.processingTime.total.cases).toBe(3);
  });

  it("counts the people each source found, population data by the people it gave a deadline to", async () => {
    const r = await indicatorReport(deps(), await staff("admin"), {});
    expect(r.citizenSources.sources).toEqual([
      { source: "population_data", people: 1 },
      { source: "department_list", people: 2 },
      { source: "birth_certificate", people: 5 },
      { source: "death_notice", people: 1 },
    ]);
    const ward = await indicatorReport(deps(), await staff("ward_officer", { wardCode: WARD_B }), {});
    expect(ward.citizenSources.sources.map((s) => s.people)).toEqual([0, 1, 1, 1]);
  });

  it("exports each new indicator as CSV with its figures", async () => {
    const admin = await staff("admin");
    const births = parse((await exportIndicatorCsv(deps(), admin, {}, "birthsReminded", { lang: "vi" })).body.replace(/^\uFEFF/, "")) as string[][];
    expect(births.map((r) => r.slice(5))).toEqual([
      ["Chỉ tiêu", "Giá trị"],
      ["Số trẻ (giấy chứng sinh nhận được)", "5"],
      ["Được nhắc đúng mốc", "2"],
      ["Có lượt nhắc muộn, không gửi được", "1"],
      ["Đang chờ gửi", "0"],
      ["Cha mẹ từ chối nhận tin", "0"],
      ["Chưa đến mốc nào", "1"],
      ["Chưa được lên lịch nhắc", "1"],
      ["Tỷ lệ đúng mốc (%)", "40,0"],
      ["Mục tiêu (%)", "100,0"],
    ]);
    const filing = parse((await exportIndicatorCsv(deps(), admin, {}, "draftToSubmission", { lang: "en" })).body.replace(/^\uFEFF/, "")) as string[][];
    expect(filing.slice(1).map((r) => r.slice(5))).toEqual([["Drafts", "2"], ["Mean (minutes)", "6.5"], ["Median (minutes)", "6.5"], ["90% within (minutes)", "10.0"], ["Drafts under the target", "1"], ["Target (minutes)", "5.0"]]);
    const processing = parse((await exportIndicatorCsv(deps(), admin, {}, "processingTime", { lang: "vi" })).body.replace(/^\uFEFF/, "")) as string[][];
    expect(processing.at(-1)!.slice(5)).toEqual(["Tổng", "2", "1", "1", "3,5", "5,0"]);
    const sources = parse((await exportIndicatorCsv(deps(), admin, {}, "citizenSources", { lang: "vi" })).body.replace(/^\uFEFF/, "")) as string[][];
    expect(sources.slice(1).map((r) => r.slice(5))).toEqual([["Dữ liệu dân cư", "1"], ["Danh sách của sở, ngành", "2"], ["Giấy chứng sinh", "5"], ["Giấy báo tử", "1"]]);
  });
});

describe("citizens' rating comments", () => {
  it("shows comments newest first, phones masked, within the officer's ward, and audits the read", async () => {
    const admin = await staff("admin");
    const all = await listRatingComments(deps(), admin, { page: 1 });
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(all.comments.map((c) => [c.score, c.comment, c.service])).toEqual([
      [2, "Hồ sơ bị trả lại mà không rõ lý do", "death-registration"],
      [5, "Cán bộ gọi lại số *******678 rất nhanh, cảm ơn.", "birth-registration"],
    ]);
    const ward = await listRatingComments(deps(), await staff("ward_officer", { wardCode: WARD_A }), { page: 1 });
    expect(ward.comments.map((c) => c.score)).toEqual([5]);
    expect(await w.rows(sql`select action from audit_log where action = 'rating_comments.read'`)).toHaveLength(2);
  });

  it("pages through many comments, bounded, and refuses roles that do not act on them", async () => {
    const t = tablesOf(w.db);
    for (let i = 0; i < 25; i++) {
      await w.db.insert(t.zaloUsers).values({ id: `UX${i}`, updatedAt: w.clock.now() });
      await w.db.insert(t.satisfactionRatings).values({ submissionId: "S1", zaloUserId: `UX${i}`, score: 3, comment: `Ý kiến số ${i}`, at: vn(`2026-11-20T08:${String(i).padStart(2, "0")}:00`) });
    }
    const admin = await staff("admin");
    const first = await listRatingComments(deps(), admin, { page: 1 });
    expect(first.total).toBe(27);
    expect(first.comments).toHaveLength(20);
    expect(first.comments[0]!.comment).toBe("Ý kiến số 24");
    const second = await listRatingComments(deps(), admin, { page: 2 });
    expect(second.comments).toHaveLength(7);
    expect(second.comments.at(-1)!.comment).toBe("Cán bộ gọi lại số *******678 rất nhanh, cảm ơn.");

    const viewer = await staff("viewer");
    const login = await w.call("POST", "/api/staff/session", { body: { username: viewer.username, password: PASSWORD } });
    const token = (await readJson(login)).token as string;
    expect((await w.call("GET", "/api/staff/satisfaction-comments", { token })).status).toBe(403);
    const adminToken = (await readJson(await w.call("POST", "/api/staff/session", { body: { username: admin.username, password: PASSWORD } }))).token as string;
    expect((await w.call("GET", "/api/staff/satisfaction-comments?page=501", { token: adminToken })).status).toBe(422);
    expect((await readJson(await w.call("GET", "/api/staff/satisfaction-comments?page=2", { token: adminToken }))).comments).toHaveLength(7);
  });
});
