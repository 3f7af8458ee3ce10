import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { StaffRole } from "@hccd/db";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { createStaffUser, csrfTokenFor, LOGIN_BLOCK_MS, LOGIN_LIMITS } from "../services/staff/staff-auth.js";
import { consoleLogin, consoleRequest } from "../testing/console.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
async function world() {
  w = await createTestWorld();
  return w;
}
function staff(role: StaffRole, username = role.replace("_", "-")) {
  return createStaffUser(w.services, { username, displayName: `Cán bộ ${role}`, password: PASSWORD, role, agency: role === "department" ? "Sở Y tế" : null, wardCode: role === "ward_officer" ? "25453" : null });
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("console sessions", { timeout: 30_000 }, () => {
  it("logs in with a form: an httpOnly, SameSite=Strict cookie, then the home page names the staff member", async () => {
    await world();
    await staff("admin", "quan-tri");
    const res = await w.app.request("/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }, body: form({ username: "quan-tri", password: PASSWORD, next: "/staff/faq" }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff/faq");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^hccd_staff=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; https sets Secure (next test)
    const home = await consoleRequest(w, "/staff", { cookie: cookie.split(";")[0]! });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Cán bộ admin");
    expect(home.headers.get("cache-control")).toBe("no-store");
    expect(home.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("sets Secure behind HTTPS and never redirects after login to another site", async () => {
    await world();
    await staff("admin", "quan-tri");
    const res = await w.app.request("https://hccd.example.vn/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form({ username: "quan-tri", password: PASSWORD, next: "//evil.example/staff" }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/staff");
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("sends a visitor without a session to the login page and back", async () => {
    await world();
    const res = await w.app.request("/staff/campaigns?status=draft");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/staff/login?next=${encodeURIComponent("/staff/campaigns?status=draft")}`);
  });

  it("answers a wrong password and a wrong username alike, and throttles the account from that client after repeated failures", async () => {
    await world();
    await staff("viewer", "nguoi-xem");
    const attempt = (username: string, password: string) =>
      w.app.request("/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form({ username, password }) });
    const unknown = await attempt("khong-co", "sai-mat-khau-1234");
    const wrong = await attempt("nguoi-xem", "sai-mat-khau-1234");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const text = (html: string) => /data-testid="login-error"[^>]*>([^<]+)</.exec(html)?.[1];
    expect(text(await wrong.text())).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    expect(text(await unknown.text())).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    for (let i = 1; i < LOGIN_LIMITS.userClient; i++) await attempt("nguoi-xem", "sai-mat-khau-1234");
    const locked = await attempt("nguoi-xem", PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("tạm dừng");
    w.clock.advance(LOGIN_BLOCK_MS + 1000);
    expect((await attempt("nguoi-xem", PASSWORD)).status).toBe(303);
  });

  it("refuses a change without the session's CSRF token, or from another site, and accepts it with the token", async () => {
    await world();
    await staff("admin", "quan-tri");
    const { cookie, token } = await consoleLogin(w, "quan-tri", PASSWORD);
    const logout = (headers: Record<string, string>, body: Record<string, string> = {}) =>
      w.app.request("/staff/logout", { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers }, body: form(body) });
    expect((await logout({})).status).toBe(403);
    expect((await logout({}, { _csrf: "0".repeat(64) })).status).toBe(403);
    expect((await logout({ "sec-fetch-site": "cross-site" }, { _csrf: csrfTokenFor(token) })).status).toBe(403);
    expect((await logout({ origin: "https://evil.example", host: "localhost" }, { _csrf: csrfTokenFor(token) })).status).toBe(403);
    // Still logged in after every refused attempt.
    expect((await consoleRequest(w, "/staff", { cookie })).status).toBe(200);
    const ok = await logout({ "sec-fetch-site": "same-origin" }, { _csrf: csrfTokenFor(token) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("set-cookie")).toMatch(/hccd_staff=;/);
    const after = await consoleRequest(w, "/staff", { cookie });
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toContain("expired=1");
  });

  it("lets the console's cookie call the staff API, with the CSRF header for changes", async () => {
    await world();
    await staff("admin", "quan-tri");
    const { cookie, token } = await consoleLogin(w, "quan-tri", PASSWORD);
    expect((await w.app.request("/api/staff/me", { headers: { cookie } })).status).toBe(200);
    expect((await w.app.request("/api/staff/reminders/sweep", { method: "POST", headers: { cookie } })).status).toBe(403);
    expect((await w.app.request("/api/staff/reminders/sweep", { method: "POST", headers: { cookie, "x-csrf-token": csrfTokenFor(token) } })).status).toBe(200);
  });

  it("shows a role only its own areas, and a 403 page for the others", async () => {
    await world();
    await staff("communicator", "truyen-thong");
    const { cookie } = await consoleLogin(w, "truyen-thong", PASSWORD);
    const home = await (await consoleRequest(w, "/staff", { cookie })).text();
    expect(home).toContain('data-testid="nav-campaigns"');
    expect(home).not.toContain('data-testid="nav-imports"');
    const imports = await consoleRequest(w, "/staff/imports", { cookie });
    expect(imports.status).toBe(403);
    expect(await imports.text()).toContain("Cán bộ truyền thông");
  });

  it("switches the language for the console only", async () => {
    await world();
    const res = await w.app.request("/staff/lang/en?next=/staff/login");
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const page = await (await w.app.request("/staff/login", { headers: { cookie } })).text();
    expect(page).toContain('lang="en"');
    expect(page).toContain("Log in");
  });
});

describe("console request bodies", () => {
  it("stops a form or upload that is too large before the session's form is read", async () => {
    w = await createTestWorld({ env: { IMPORT_MAX_BYTES: "1024" } });
    await createStaffUser(w.services, { username: "quan-tri", displayName: "Quản trị", password: PASSWORD, role: "admin" });
    const { cookie, token } = await consoleLogin(w, "quan-tri", PASSWORD);
    const big = "x".repeat(300 * 1024);
    const form = await consoleRequest(w, "/staff/faq/new", { cookie, form: { _csrf: csrfTokenFor(token), answerVi: big } });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain("lớn hơn 256 KB");
    const upload = new FormData();
    upload.set("_csrf", csrfTokenFor(token));
    upload.set("file", new File(["a".repeat(80 * 1024)], "lon.csv", { type: "text/csv" }));
    const res = await w.app.request("/staff/imports", { method: "POST", headers: { cookie, "sec-fetch-site": "same-origin" }, body: upload });
    expect(res.status).toBe(413);
    expect(await w.one(sql`select count(*) as n from imports`)).toEqual({ n: 0 });
  });
});
