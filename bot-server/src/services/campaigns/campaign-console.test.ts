import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tablesOf } from "@hccd/db";
import { csrfTokenFor, createStaffUser } from "../staff/staff-auth.js";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { consoleLogin, consoleRequest } from "../../testing/console.js";
import { createSyntheticFollowers } from "./campaign-fixtures.js";
import { CSRF_FIELD } from "../../middleware/staff-auth.js";

let w: TestWorld;
const tables = () => tablesOf(w.services.db);
afterEach(async () => {
  await w?.close();
});
const PASSWORD = "mật-khẩu-đủ-dài-2026";

async function world() {
  w = await createTestWorld();
  await createStaffUser(w.services, { username: "truyen-thong", displayName: "Cán bộ truyền thông", password: PASSWORD, role: "communicator", agency: null, wardCode: null });
  await createStaffUser(w.services, { username: "nguoi-xem", displayName: "Người xem", password: PASSWORD, role: "viewer", agency: null, wardCode: null });
  await createStaffUser(w.services, { username: "so-yte", displayName: "Cán bộ Sở", password: PASSWORD, role: "department", agency: "Sở Y tế", wardCode: null });
  return w;
}

const composed = { name: "Tuần lễ truyền thông", bodyVi: "Kính gửi {{ten}}, mời Ông/Bà theo dõi OA.", bodyEn: "Dear {{name}}, please follow the OA.", linkUrl: "https://zalo.me/hccd", wardCode: "", serviceKey: "", ageBand: "", holderKind: "", follower: "", language: "" };

describe("campaign pages and API: who may use them", () => {
  it("lets a communicator compose and send through the pages; a viewer and a department officer get 403", async () => {
    await world();
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 3, now: w.clock.now() });
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const csrf = csrfTokenFor(comm.token);
    const saved = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, intent: "save", [CSRF_FIELD]: csrf } });
    expect(saved.status).toBe(303);
    const page = await consoleRequest(w, saved.headers.get("location")!, { cookie: comm.cookie });
    const html = await page.text();
    expect(html).toContain("Đã lưu bản nháp.");
    expect(html).toMatch(/data-testid="audience-will-receive">3</);
    const id = saved.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const sent = await consoleRequest(w, `/staff/campaigns/${id}/send`, { cookie: comm.cookie, form: { [CSRF_FIELD]: csrf } });
    expect(sent.status).toBe(303);
    await w.jobs.idle();
    await w.worker.drain();
    expect(w.sim!.zalo!.messages()).toHaveLength(3);
    expect(await w.services.db.select().from(tables().auditLog).where(eq(tables().auditLog.action, "campaign.started"))).toHaveLength(1);

    for (const who of ["nguoi-xem", "so-yte"]) {
      const s = await consoleLogin(w, who, PASSWORD);
      expect((await consoleRequest(w, "/staff/campaigns", { cookie: s.cookie })).status).toBe(403);
      expect((await consoleRequest(w, `/staff/campaigns/${id}/cancel`, { cookie: s.cookie, form: { [CSRF_FIELD]: csrfTokenFor(s.token) } })).status).toBe(403);
      expect((await w.call("GET", "/api/staff/campaigns", { token: s.token })).status).toBe(403);
    }
  });

  it("speaks English to an English-speaking officer on every page of the area, with no text left untranslated", async () => {
    await world();
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 1, now: w.clock.now(), language: () => "en", name: () => "Mai" });
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const cookie = `${comm.cookie}; hccd_staff_lang=en`;
    const saved = await consoleRequest(w, "/staff/campaigns/new", { cookie, form: { ...composed, intent: "save", [CSRF_FIELD]: csrfTokenFor(comm.token) } });
    const id = saved.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const user = (await w.services.db.select().from(tables().zaloUsers).limit(1))[0]!;
    for (const path of ["/staff/campaigns", "/staff/campaigns/new?template=communication-week", `/staff/campaigns/${id}`, `/staff/campaigns/${id}/edit`, `/staff/campaigns/${id}/preview?zaloUserId=${user.id}`]) {
      const html = await (await consoleRequest(w, path, { cookie })).text();
      expect(html, path).toContain('<html lang="en">');
      expect(html, path).not.toMatch(/campaigns\.[a-zA-Z]+(\.[a-zA-Z]+)*</);
    }
    const preview = await (await consoleRequest(w, `/staff/campaigns/${id}/preview?zaloUserId=${user.id}`, { cookie })).text();
    expect(preview).toContain('data-testid="preview-text">Dear Mai, please follow the OA.</p>');
    expect(preview).toContain("Button: https://zalo.me/hccd");
  });

  it("refuses a forged form without the CSRF token", async () => {
    await world();
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const res = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, intent: "save" } });
    expect(res.status).toBe(403);
    expect(await w.services.db.select().from(tables().campaigns)).toHaveLength(0);
  });

  it("shows each error next to its field, in Vietnamese, and keeps what was typed", async () => {
    await world();
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const res = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, bodyVi: "Kính gửi {{hoten}}, mời theo dõi OA.", linkUrl: "http://zalo.me/x", intent: "save", [CSRF_FIELD]: csrfTokenFor(comm.token) } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<textarea name="bodyVi"[^>]*aria-invalid="true"/);
    expect(html).toContain('data-testid="error-bodyVi">Nội dung tiếng Việt: không có ô chèn {{hoten}}.');
    expect(html).toContain('data-testid="error-linkUrl">Đường dẫn dưới tin (không bắt buộc): chỉ nhận đường dẫn bắt đầu bằng https://.');
    expect(html).toContain("Kính gửi {{hoten}}, mời theo dõi OA.</textarea>");
    expect(html).toContain('value="Tuần lễ truyền thông"');
    expect(await w.services.db.select().from(tables().campaigns)).toHaveLength(0);
  });

  it("serves the same services over the API: 422 naming the field, then create, audience and send", async () => {
    await world();
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 2, now: w.clock.now(), optedOut: (i) => i === 0 });
    const login = await readJson(await w.call("POST", "/api/staff/session", { body: { username: "truyen-thong", password: PASSWORD } }));
    const token = login.token as string;
    const bad = await w.call("POST", "/api/staff/campaigns", { token, body: { name: "X", bodyVi: "Chào {{dichvu}}", bodyEn: "Hi", filters: {} } });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).error.fields).toEqual([{ path: "bodyVi", message: "uses {{dichvu}} but the target group names no service" }]);
    const created = await w.call("POST", "/api/staff/campaigns", { token, body: { name: "X", bodyVi: "Chào {{ten}}", bodyEn: "Hi {{name}}", filters: { language: "vi" } } });
    expect(created.status).toBe(201);
    const c = await readJson(created);
    expect(await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}/audience`, { token }))).toEqual({ matched: 2, willReceive: 1, optedOut: 1, unreachable: 0, notFollowing: 0, outsideWindow: 0, nobodyReachableBecause: [] });
    expect((await w.call("POST", `/api/staff/campaigns/${c.id}/send`, { token })).status).toBe(202);
    await w.jobs.idle();
    await w.worker.drain();
    await w.campaigns.runOnce();
    const after = await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}`, { token }));
    expect(after).toMatchObject({ status: "completed", counts: { recipients: 2, sent: 1, optedOut: 1, queued: 0 } });
    expect((await w.call("POST", `/api/staff/campaigns/${c.id}/pause`, { token })).status).toBe(409);
  });
});

describe("a campaign nobody can receive", () => {
  /** Three followers who last wrote to the OA 8 days ago (outside Zalo's 7-day window) and one who opted out. */
  async function unreachableAudience() {
    await world();
    const eightDaysAgo = new Date(w.clock.now().getTime() - 7 * 86_400_000);
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 4, now: eightDaysAgo, optedOut: (i) => i === 0 });
  }
  async function apiToken() {
    return (await readJson(await w.call("POST", "/api/staff/session", { body: { username: "truyen-thong", password: PASSWORD } }))).token as string;
  }

  it("says over the API that nobody is reachable and why, refuses to send it now, and schedules it only when told to", async () => {
    await unreachableAudience();
    const token = await apiToken();
    const c = await readJson(await w.call("POST", "/api/staff/campaigns", { token, body: { name: "X", bodyVi: "Chào {{ten}}", bodyEn: "Hi {{name}}", filters: {} } }));
    expect(await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}/audience`, { token }))).toEqual({
      matched: 4, willReceive: 0, optedOut: 1, unreachable: 3, notFollowing: 0, outsideWindow: 3, nobodyReachableBecause: ["opted_out", "outside_window"],
    });
    const send = await w.call("POST", `/api/staff/campaigns/${c.id}/send`, { token });
    expect(send.status).toBe(409);
    const refusal = (await readJson(send)).error;
    expect(refusal.code).toBe("campaign_audience_empty");
    expect(refusal.message).toContain("1 opted out");
    expect(refusal.message).toContain("3 have not written to the OA in the last 7 days");
    const schedule = await w.call("POST", `/api/staff/campaigns/${c.id}/schedule`, { token, body: { at: "2026-11-25T09:00" } });
    expect(schedule.status).toBe(422);
    expect((await readJson(schedule)).error).toMatchObject({ code: "campaign_audience_empty", fields: [{ path: "confirmEmptyAudience", message: expect.stringContaining("nobody in the target group can receive it now") }] });
    expect((await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}`, { token }))).status).toBe("draft");
    const confirmed = await w.call("POST", `/api/staff/campaigns/${c.id}/schedule`, { token, body: { at: "2026-11-25T09:00", confirmEmptyAudience: true } });
    expect(confirmed.status).toBe(200);
    expect((await readJson(confirmed)).status).toBe("scheduled");
  });

  it("warns in the console before sending, says why in Vietnamese, offers no 'send now', and asks to confirm a schedule", async () => {
    await unreachableAudience();
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const csrf = csrfTokenFor(comm.token);
    const saved = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, intent: "save", [CSRF_FIELD]: csrf } });
    const id = saved.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const html = await (await consoleRequest(w, `/staff/campaigns/${id}`, { cookie: comm.cookie })).text();
    expect(html).toContain('data-testid="audience-empty"');
    expect(html).toContain("Hiện không ai trong nhóm nhận tin nhận được tin này");
    expect(html).toContain("1 người đã từ chối nhận tin");
    expect(html).toContain("3 người không nhắn cho OA trong 7 ngày gần nhất");
    expect(html).not.toContain('data-testid="campaign-send-now"');
    expect(html).toContain('data-testid="field-confirmEmptyAudience"');
    // Sending anyway (a stale page, a forged form) is refused with the same reasons; nothing starts.
    const sent = await consoleRequest(w, `/staff/campaigns/${id}/send`, { cookie: comm.cookie, form: { [CSRF_FIELD]: csrf } });
    expect(sent.status).toBe(409);
    expect(await sent.text()).toContain("Hiện không ai trong nhóm nhận tin nhận được tin này");
    const unconfirmed = await consoleRequest(w, `/staff/campaigns/${id}/schedule`, { cookie: comm.cookie, form: { at: "2026-11-25T09:00", [CSRF_FIELD]: csrf } });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('data-testid="error-confirmEmptyAudience"');
    const confirmed = await consoleRequest(w, `/staff/campaigns/${id}/schedule`, { cookie: comm.cookie, form: { at: "2026-11-25T09:00", confirmEmptyAudience: "yes", [CSRF_FIELD]: csrf } });
    expect(confirmed.status).toBe(303);
    expect((await w.services.db.select().from(tables().campaigns).limit(1))[0]?.status).toBe("scheduled");
  });
});

describe("a campaign's state after it was started", () => {
  async function started(count: number) {
    await world();
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count, now: w.clock.now() });
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const csrf = csrfTokenFor(comm.token);
    const saved = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, intent: "save", [CSRF_FIELD]: csrf } });
    const id = saved.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const sent = await consoleRequest(w, `/staff/campaigns/${id}/send`, { cookie: comm.cookie, form: { [CSRF_FIELD]: csrf } });
    expect(sent.headers.get("location")).toBe(`/staff/campaigns/${id}?done=started`);
    const page = async () => (await consoleRequest(w, `/staff/campaigns/${id}?done=started`, { cookie: comm.cookie })).text();
    return { id, page, cookie: comm.cookie, csrf };
  }

  it("shows a finished campaign as finished at the page the send left open, not as being sent", async () => {
    const c = await started(3);
    expect(await c.page()).toContain("Chiến dịch đang được gửi");
    await w.jobs.idle();
    await w.worker.drain();
    await w.campaigns.runOnce();
    const html = await c.page();
    expect(html).not.toContain("đang được gửi");
    expect(html).toMatch(/data-testid="campaign-state"[^>]*>Chiến dịch đã gửi xong lúc 24\/11\/2026 10:00/);
  });

  it("shows a paused and a cancelled campaign as such", async () => {
    const c = await started(3);
    await w.jobs.idle();
    expect((await consoleRequest(w, `/staff/campaigns/${c.id}/pause`, { cookie: c.cookie, form: { [CSRF_FIELD]: c.csrf } })).status).toBe(303);
    let html = await c.page();
    expect(html).not.toContain("đang được gửi");
    expect(html).toMatch(/data-testid="campaign-state"[^>]*>Chiến dịch đang tạm dừng/);
    expect((await consoleRequest(w, `/staff/campaigns/${c.id}/cancel`, { cookie: c.cookie, form: { [CSRF_FIELD]: c.csrf } })).status).toBe(303);
    html = await c.page();
    expect(html).not.toContain("đang được gửi");
    expect(html).toMatch(/data-testid="campaign-state"[^>]*>Chiến dịch đã hủy lúc 24\/11\/2026 10:00/);
  });
});
