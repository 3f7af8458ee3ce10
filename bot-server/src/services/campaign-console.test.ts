import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { schema } from "@hccd/db";
import { csrfTokenFor, createStaffUser } from "./staff-auth.js";
import { createTestWorld, readJson, type TestWorld } from "../testing/world.js";
import { consoleLogin, consoleRequest } from "../testing/console.js";
import { createSyntheticFollowers } from "./campaign-fixtures.js";
import { CSRF_FIELD } from "../middleware/staff-auth.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});
const PASSWORD = "mật-khẩu-đủ-dài-2026";

function world() {
  w = createTestWorld();
  createStaffUser(w.services, { username: "truyen-thong", displayName: "Cán bộ truyền thông", password: PASSWORD, role: "communicator", agency: null, wardCode: null });
  createStaffUser(w.services, { username: "nguoi-xem", displayName: "Người xem", password: PASSWORD, role: "viewer", agency: null, wardCode: null });
  createStaffUser(w.services, { username: "so-yte", displayName: "Cán bộ Sở", password: PASSWORD, role: "department", agency: "Sở Y tế", wardCode: null });
  return w;
}

const composed = { name: "Tuần lễ truyền thông", bodyVi: "Kính gửi {{ten}}, mời Ông/Bà theo dõi OA.", bodyEn: "Dear {{name}}, please follow the OA.", linkUrl: "https://zalo.me/hccd", wardCode: "", serviceKey: "", ageBand: "", holderKind: "", follower: "", language: "" };

describe("campaign pages and API: who may use them", () => {
  it("lets a communicator compose and send through the pages; a viewer and a department officer get 403", async () => {
    world();
    createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 3, now: w.clock.now() });
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
    expect(w.services.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "campaign.started")).all()).toHaveLength(1);

    for (const who of ["nguoi-xem", "so-yte"]) {
      const s = await consoleLogin(w, who, PASSWORD);
      expect((await consoleRequest(w, "/staff/campaigns", { cookie: s.cookie })).status).toBe(403);
      expect((await consoleRequest(w, `/staff/campaigns/${id}/cancel`, { cookie: s.cookie, form: { [CSRF_FIELD]: csrfTokenFor(s.token) } })).status).toBe(403);
      expect((await w.call("GET", "/api/staff/campaigns", { token: s.token })).status).toBe(403);
    }
  });

  it("speaks English to an English-speaking officer on every page of the area, with no text left untranslated", async () => {
    world();
    createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 1, now: w.clock.now(), language: () => "en", name: () => "Mai" });
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const cookie = `${comm.cookie}; hccd_staff_lang=en`;
    const saved = await consoleRequest(w, "/staff/campaigns/new", { cookie, form: { ...composed, intent: "save", [CSRF_FIELD]: csrfTokenFor(comm.token) } });
    const id = saved.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const user = w.services.db.select().from(schema.zaloUsers).get()!;
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
    world();
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const res = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, intent: "save" } });
    expect(res.status).toBe(403);
    expect(w.services.db.select().from(schema.campaigns).all()).toHaveLength(0);
  });

  it("shows each error next to its field, in Vietnamese, and keeps what was typed", async () => {
    world();
    const comm = await consoleLogin(w, "truyen-thong", PASSWORD);
    const res = await consoleRequest(w, "/staff/campaigns/new", { cookie: comm.cookie, form: { ...composed, bodyVi: "Kính gửi {{hoten}}, mời theo dõi OA.", linkUrl: "http://zalo.me/x", intent: "save", [CSRF_FIELD]: csrfTokenFor(comm.token) } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<textarea name="bodyVi"[^>]*aria-invalid="true"/);
    expect(html).toContain('data-testid="error-bodyVi">Nội dung tiếng Việt: không có ô chèn {{hoten}}.');
    expect(html).toContain('data-testid="error-linkUrl">Đường dẫn dưới tin (không bắt buộc): chỉ nhận đường dẫn bắt đầu bằng https://.');
    expect(html).toContain("Kính gửi {{hoten}}, mời theo dõi OA.</textarea>");
    expect(html).toContain('value="Tuần lễ truyền thông"');
    expect(w.services.db.select().from(schema.campaigns).all()).toHaveLength(0);
  });

  it("serves the same services over the API: 422 naming the field, then create, audience and send", async () => {
    world();
    createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 2, now: w.clock.now(), optedOut: (i) => i === 0 });
    const login = await readJson(await w.call("POST", "/api/staff/session", { body: { username: "truyen-thong", password: PASSWORD } }));
    const token = login.token as string;
    const bad = await w.call("POST", "/api/staff/campaigns", { token, body: { name: "X", bodyVi: "Chào {{dichvu}}", bodyEn: "Hi", filters: {} } });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).error.fields).toEqual([{ path: "bodyVi", message: "uses {{dichvu}} but the target group names no service" }]);
    const created = await w.call("POST", "/api/staff/campaigns", { token, body: { name: "X", bodyVi: "Chào {{ten}}", bodyEn: "Hi {{name}}", filters: { language: "vi" } } });
    expect(created.status).toBe(201);
    const c = await readJson(created);
    expect(await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}/audience`, { token }))).toEqual({ matched: 2, willReceive: 1, optedOut: 1, unreachable: 0 });
    expect((await w.call("POST", `/api/staff/campaigns/${c.id}/send`, { token })).status).toBe(202);
    await w.jobs.idle();
    await w.worker.drain();
    await w.campaigns.runOnce();
    const after = await readJson(await w.call("GET", `/api/staff/campaigns/${c.id}`, { token }));
    expect(after).toMatchObject({ status: "completed", counts: { recipients: 2, sent: 1, optedOut: 1, queued: 0 } });
    expect((await w.call("POST", `/api/staff/campaigns/${c.id}/pause`, { token })).status).toBe(409);
  });
});
