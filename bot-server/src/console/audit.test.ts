import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { auditSearchResultSchema } from "@hccd/shared";
import { toJson } from "@hccd/db";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { consoleLogin, consoleRequest } from "../testing/console.js";
import { createStaffUser } from "../services/staff/staff-auth.js";
import { audit } from "../services/staff/audit.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";

async function admin() {
  const u = await createStaffUser(w.services, { username: "quan-tri", displayName: "Quản trị", password: PASSWORD, role: "admin", agency: null, wardCode: null });
  const s = await consoleLogin(w, "quan-tri", PASSWORD);
  return { ...s, id: u.id };
}

const at = (iso: string) => new Date(iso);
/** A few entries by different actors at known instants (Vietnam is UTC+7). */
async function seedEntries(officerId: string) {
  const db = w.handle.db;
  await audit(db, { at: at("2026-11-30T16:59:59Z"), actor: { kind: "staff", id: officerId }, action: "import.started", target: { kind: "import", id: "imp-1" }, requestId: "req-a" }); // 23:59:59 on 30/11 in Vietnam
  await audit(db, { at: at("2026-11-30T17:00:00Z"), actor: { kind: "staff", id: officerId }, action: "import.report_read", target: { kind: "import", id: "imp-1" }, requestId: "req-b" }); // 00:00 on 01/12
  await audit(db, { at: at("2026-12-01T16:59:59Z"), actor: { kind: "citizen", id: "zalo-user-9" }, action: "consent.given", target: { kind: "draft", id: "d-1" }, details: { phone: "0912345678" } });
  await audit(db, { at: at("2026-12-01T17:00:00Z"), actor: { kind: "machine", id: "hospital-1" }, action: "birth_certificate.received", target: { kind: "birth_event", id: "b-1" } });
  await audit(db, { at: at("2026-12-02T03:00:00Z"), actor: { kind: "staff", id: officerId }, action: "importx.other" });
}

async function searchApi(token: string, query: string) {
  const res = await w.call("GET", `/api/staff/audit?${query}`, { token });
  expect(res.status, query).toBe(200);
  return auditSearchResultSchema.parse(await res.json());
}

describe("audit log search", () => {
  it("finds entries by staff username, actor kind, exact action, prefix, target, request id and Vietnam-time period", async () => {
    w = await createTestWorld();
    const a = await admin();
    const officer = await createStaffUser(w.services, { username: "so-vhttdl", displayName: "Sở", password: PASSWORD, role: "department", agency: "Sở Văn hóa, Thể thao và Du lịch", wardCode: null });
    await seedEntries(officer.id);
    const token = ((await (await w.call("POST", "/api/staff/session", { body: { username: "quan-tri", password: PASSWORD } })).json()) as { token: string }).token;
    const actions = async (q: string) => (await searchApi(token, q)).entries.map((e) => e.action);
    expect(await actions("actor=so-vhttdl")).toEqual(["importx.other", "import.report_read", "import.started"]);
    expect((await searchApi(token, "actor=so-vhttdl&limit=1")).entries[0]).toMatchObject({ actorKind: "staff", actorId: officer.id, actorName: "so-vhttdl" });
    expect(await actions("actorKind=citizen")).toEqual(["consent.given"]);
    expect(await actions("actorKind=machine&actor=hospital-1")).toEqual(["birth_certificate.received"]);
    expect(await actions("action=import.started")).toEqual(["import.started"]);
    // A prefix ending with "." is the family; "import." does not catch "importx.".
    expect(await actions("action=import.")).toEqual(["import.report_read", "import.started"]);
    expect(await actions("action=import*")).toEqual(["importx.other", "import.report_read", "import.started"]);
    // LIKE's wildcards in a prefix are matched as themselves.
    expect(await actions("action=birth_*")).toEqual(["birth_certificate.received"]);
    expect(await actions("action=birth*&actorKind=staff")).toEqual([]);
    expect(await actions("targetKind=import&targetId=imp-1")).toEqual(["import.report_read", "import.started"]);
    expect(await actions("requestId=req-a")).toEqual(["import.started"]);
    // Days are Vietnam days: 01/12 runs from 30/11 17:00 UTC to 01/12 16:59:59 UTC, both ends included.
    expect(await actions("from=2026-12-01&to=2026-12-01&actorKind=staff")).toEqual(["import.report_read"]);
    expect(await actions("from=2026-12-01&to=2026-12-01&actor=zalo-user-9")).toEqual(["consent.given"]);
    expect(await actions("from=2026-12-02")).toContain("birth_certificate.received");
    // Details are shown masked, should a phone have slipped into one.
    expect((await searchApi(token, "actorKind=citizen")).entries[0]!.details).toEqual({ phone: "*******678" });
    expect(a.id).toBeTruthy();
  });

  it("pages newest first by keyset: every entry once, in order, then no next page", async () => {
    w = await createTestWorld();
    const a = await admin();
    for (let i = 0; i < 120; i++) await audit(w.handle.db, { at: new Date(Date.UTC(2026, 10, 1, 0, i)), actor: { kind: "system", id: "sweep" }, action: "test.entry", details: { i } });
    const token = ((await (await w.call("POST", "/api/staff/session", { body: { username: "quan-tri", password: PASSWORD } })).json()) as { token: string }).token;
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = await searchApi(token, `action=test.entry&limit=50${before ? `&before=${before}` : ""}`);
      seen.push(...page.entries.map((e) => e.details.i as number));
      before = page.nextBefore;
      pages++;
    } while (before !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => 119 - i));
    // Each search is itself in the log, with what was asked.
    const searches = await w.rows<{ actor_id: string; details: unknown }>(sql`select actor_id, details from audit_log where action = 'audit.searched' order by id`);
    expect(searches).toHaveLength(3);
    expect(searches[0]!.actor_id).toBe(a.id);
    expect(toJson(searches[0]!.details)).toEqual({ filters: { action: "test.entry" }, found: 50 });
  });

  it("names the field of a bad filter, on the API and on the page", async () => {
    w = await createTestWorld();
    const a = await admin();
    const token = ((await (await w.call("POST", "/api/staff/session", { body: { username: "quan-tri", password: PASSWORD } })).json()) as { token: string }).token;
    const res = await w.call("GET", "/api/staff/audit?from=2026-12-05&to=2026-12-01", { token });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toEqual(["query.to"]);
    const bad = await w.call("GET", "/api/staff/audit?from=2026-02-30", { token });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("is not a real calendar date");
    const page = await consoleRequest(w, "/staff/audit?from=2026-12-05&to=2026-12-01", { cookie: a.cookie });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain("Đến ngày: must not be before from");
  });

  it("shows the search on the console page with an 'older' link, and exports the same entries as CSV", async () => {
    w = await createTestWorld();
    const a = await admin();
    for (let i = 0; i < 60; i++) await audit(w.handle.db, { at: new Date(Date.UTC(2026, 10, 1, 0, i)), actor: { kind: "staff", id: a.id }, action: "import.report_read", target: { kind: "import", id: `imp-${i}` } });
    const html = await (await consoleRequest(w, "/staff/audit?actor=quan-tri&actionPrefix=import", { cookie: a.cookie })).text();
    const ids = [...html.matchAll(/data-testid="audit-entry" data-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toHaveLength(50);
    expect(html).toContain("imp-59");
    expect(html).toContain("<option value=\"import.report_read\">import.report_read</option>");
    const older = /href="(\/staff\/audit\?[^"]*before=\d+[^"]*)" data-testid="audit-older"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(older).toBeDefined();
    const next = await (await consoleRequest(w, older!, { cookie: a.cookie })).text();
    expect([...next.matchAll(/data-testid="audit-entry"/g)]).toHaveLength(10);
    expect(next).toContain("imp-0<");
    expect(next).not.toContain('data-testid="audit-older"');
    const csv = await consoleRequest(w, "/staff/audit/export.csv?actor=quan-tri&actionPrefix=import", { cookie: a.cookie });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor_kind,actor_id,actor_username,action,target_kind,target_id,request_id,details");
    expect(lines).toHaveLength(61);
    expect(lines[1]).toContain(",staff,");
    expect(lines[1]).toContain(",quan-tri,import.report_read,import,imp-59,,{}");
    expect(await w.one(sql`select count(*) as n from audit_log where action = 'audit.exported'`)).toEqual({ n: 1 });
  });
});
