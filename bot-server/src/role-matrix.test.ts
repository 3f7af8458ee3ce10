/**
 * The role matrix (issue 6: "every staff endpoint is tested against every role"). Every route the
 * app registers under /api/staff and /staff is found from the app itself, mapped to its work area
 * by path, and called as each of the five roles and without a session. The expected answers are
 * this file's own copy of the specification — deliberately not an import of STAFF_AREAS, so a
 * wrong grant in staff/permissions.ts fails here — and a route that maps to no area fails too, so
 * a new endpoint cannot slip past the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffRole } from "@hccd/db";
import { createTestWorld, type TestWorld } from "./testing/world.js";
import { consoleLogin } from "./testing/console.js";
import { createStaffUser, csrfTokenFor } from "./services/staff/staff-auth.js";

const ROLES: readonly StaffRole[] = ["admin", "department", "ward_officer", "communicator", "viewer"];
const EVERYONE = ROLES;

/** The table of who may use what. */
const EXPECTED = {
  session: EVERYONE,
  imports: ["admin", "department"],
  // Issue 15, plan 920 row 3: the department prepares the Tết allowance list; an admin oversees.
  payments: ["admin", "department"],
  campaigns: ["admin", "communicator"],
  handover: ["admin", "ward_officer"],
  worklist: ["admin", "ward_officer"],
  faq: ["admin", "communicator"],
  indicators: EVERYONE,
  ratingComments: ["admin", "department", "ward_officer"],
  audit: ["admin"],
  sweep: ["admin"],
  failedReminders: ["admin", "department"],
} as const satisfies Record<string, readonly StaffRole[]>;
type Area = keyof typeof EXPECTED;

/** Which area a path belongs to, by its prefix (first match wins). */
const AREA_BY_PATH: readonly [RegExp, Area][] = [
  [/^\/api\/staff\/(me|session)$/, "session"],
  [/^\/staff\/?$/, "session"],
  [/^\/api\/staff\/reminders\/sweep$/, "sweep"],
  [/^\/api\/staff\/reminders\/failed$/, "failedReminders"],
  [/^\/api\/staff\/satisfaction-comments$/, "ratingComments"],
  ...(["imports", "payments", "campaigns", "handover", "worklist", "faq", "indicators", "audit"] as const).map((area) => [new RegExp(`^/(api/)?staff/${area}(/|$)`), area] as [RegExp, Area]),
];

/** Open to anyone, on purpose: logging in and out, the stylesheet and script, the language switch. */
const PUBLIC = new Set(["POST /api/staff/session", "GET /staff/login", "POST /staff/login", "POST /staff/logout", "GET /staff/assets/:name", "GET /staff/lang/:lng"]);

interface Endpoint {
  method: string;
  path: string;
  area: Area | undefined;
}

/** Every method + path registered under the staff prefixes, once each; `app.use` middleware (method ALL) is not an endpoint. */
function staffEndpoints(w: TestWorld): Endpoint[] {
  const seen = new Map<string, Endpoint>();
  for (const r of w.app.routes) {
    if (r.method === "ALL" || !/^\/(api\/)?staff(\/|$)/.test(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    if (PUBLIC.has(key) || seen.has(key)) continue;
    seen.set(key, { method: r.method, path: r.path, area: AREA_BY_PATH.find(([re]) => re.test(r.path))?.[1] });
  }
  return [...seen.values()];
}

/** A concrete URL for a route pattern: `:id` (with or without a `{regex}`) and `*` get dummy values. */
const concrete = (path: string) => path.replace(/:[A-Za-z_]\w*(\{[^}]*\})?\??/g, "matrix-dummy-1").replace(/\*/g, "x");

let w: TestWorld;
const PASSWORD = "mật-khẩu-đủ-dài-2026";
const bearer = new Map<StaffRole, string>();
const cookies = new Map<StaffRole, { cookie: string; token: string }>();

async function apiLogin(role: StaffRole): Promise<string> {
  const res = await w.call("POST", "/api/staff/session", { body: { username: `matrix-${role}`, password: PASSWORD } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** A call may end its own session (logging out is an endpoint too): then the role logs in again. */
async function keepSessions(role: StaffRole) {
  if ((await w.call("GET", "/api/staff/me", { token: bearer.get(role)! })).status !== 200) bearer.set(role, await apiLogin(role));
  const c = cookies.get(role)!;
  if ((await w.app.request("/staff", { headers: { cookie: c.cookie } })).status !== 200) cookies.set(role, await consoleLogin(w, `matrix-${role}`, PASSWORD));
}

function request(e: Endpoint, as: { role: StaffRole } | null): Promise<Response> {
  const url = concrete(e.path);
  const hasBody = !["GET", "HEAD"].includes(e.method);
  if (url.startsWith("/api/")) {
    const headers: Record<string, string> = hasBody ? { "content-type": "application/json" } : {};
    if (as) headers.authorization = `Bearer ${bearer.get(as.role)!}`;
    return Promise.resolve(w.app.request(url, { method: e.method, headers, ...(hasBody ? { body: "{}" } : {}) }));
  }
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin", ...(hasBody ? { "content-type": "application/x-www-form-urlencoded" } : {}) };
  if (as) {
    const c = cookies.get(as.role)!;
    headers.cookie = c.cookie;
    headers["x-csrf-token"] = csrfTokenFor(c.token);
  }
  return Promise.resolve(w.app.request(url, { method: e.method, headers, ...(hasBody ? { body: "" } : {}) }));
}

describe("the role matrix: every staff endpoint × every role", () => {
  beforeAll(async () => {
    w = await createTestWorld();
    for (const role of ROLES) {
      await createStaffUser(w.services, { username: `matrix-${role}`, displayName: `Ma trận ${role}`, password: PASSWORD, role, agency: role === "department" ? "Sở Văn hóa, Thể thao và Du lịch" : null, wardCode: role === "ward_officer" ? "25453" : null });
      bearer.set(role, await apiLogin(role));
      cookies.set(role, await consoleLogin(w, `matrix-${role}`, PASSWORD));
    }
  });
  afterAll(async () => {
    await w?.close();
  });

  it("finds the staff endpoints of every area, and maps each one to an area", () => {
    const endpoints = staffEndpoints(w);
    const unmapped = endpoints.filter((e) => !e.area).map((e) => `${e.method} ${e.path}`);
    expect(unmapped, "endpoints with no area in the matrix: add them to AREA_BY_PATH (and to the spec)").toEqual([]);
    // The foundation's endpoints at least; the areas' own endpoints join as they are written.
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    for (const k of ["GET /api/staff/me", "DELETE /api/staff/session", "GET /api/staff/imports", "POST /api/staff/imports", "GET /api/staff/imports/:id", "GET /api/staff/imports/:id/rejected.csv", "POST /api/staff/reminders/sweep", "GET /api/staff/reminders/failed", "GET /api/staff/audit", "GET /staff", "GET /staff/imports", "POST /staff/imports", "GET /staff/imports/:id", "GET /staff/campaigns", "GET /staff/handover", "GET /staff/faq", "GET /staff/indicators", "GET /staff/audit"]) {
      expect(keys, k).toContain(k);
    }
  });

  it("answers each role as the specification says: 403 to a role that may not, never 401 or 403 to one that may", async () => {
    const failures: string[] = [];
    const endpoints = staffEndpoints(w).filter((e) => e.area);
    for (const e of endpoints) {
      const allowed: readonly StaffRole[] = EXPECTED[e.area!];
      for (const role of ROLES) {
        await keepSessions(role);
        const res = await request(e, { role });
        const label = `${role} → ${e.method} ${e.path} (${e.area})`;
        if (allowed.includes(role)) {
          if (res.status === 401 || res.status === 403) failures.push(`${label}: ${res.status}, expected allowed`);
          continue;
        }
        if (res.status !== 403) {
          failures.push(`${label}: ${res.status}, expected 403`);
          continue;
        }
        const body = await res.text();
        if (e.path.startsWith("/api/")) {
          if (!body.includes('"code":"forbidden"')) failures.push(`${label}: 403 without the forbidden error: ${body.slice(0, 120)}`);
        } else if (!body.includes('data-testid="forbidden"')) failures.push(`${label}: 403 without the console's 403 page`);
      }
    }
    expect(failures).toEqual([]);
    expect(endpoints.length * ROLES.length).toBeGreaterThan(50);
    // Some 400 real requests, each through the full handler (indicator queries, exports): 3–4 s alone,
    // 6–12 s on a loaded 2-core machine, so vitest's 5 s default failed it for load, not for a wrong answer.
  }, 60_000);

  it("answers 401 on the API and sends the console to the login page without a session", async () => {
    const failures: string[] = [];
    for (const e of staffEndpoints(w).filter((x) => x.area)) {
      const res = await request(e, null);
      if (e.path.startsWith("/api/")) {
        if (res.status !== 401) failures.push(`${e.method} ${e.path}: ${res.status}, expected 401`);
      } else if (res.status !== 303 || !res.headers.get("location")?.startsWith("/staff/login")) {
        failures.push(`${e.method} ${e.path}: ${res.status} ${res.headers.get("location") ?? ""}, expected 303 to the login page`);
      }
    }
    expect(failures).toEqual([]);
  });
});
