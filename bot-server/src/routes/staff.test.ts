import { afterEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import type { StaffRole } from "@hccd/db";
import { importDetailSchema, importListSchema, staffSessionSchema, failedDeliveriesSchema } from "@hccd/shared";
import { twoAgencyCatalogue } from "../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { createStaffUser, LOGIN_BLOCK_MS, LOGIN_LIMITS } from "../services/staff/staff-auth.js";
import { STORED_ERROR_MAX, STORED_FILE_NAME_MAX } from "../services/imports/import-report.js";
import { fileReasons } from "../services/imports/import-reasons.js";
import { CUT_MARK, MAX_CELL_CHARS } from "../services/imports/import-text.js";

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } };

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
const HEADER = "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ";
const CSV = `\uFEFF${HEADER}
tour-guide-card,HDV-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
petrol-retail-licence,XD-07,Tổ chức,Công ty TNHH Xăng dầu Tây Ninh,3901234567,0987654321,,2027-05-01,,
tour-guide-card,HDV-003,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
`;

async function world() {
  w = await createTestWorld({ catalogue: twoAgencyCatalogue });
  return w;
}

async function staff(role: StaffRole, username = role.replace("_", "-")) {
  return createStaffUser(w.services, {
    username, displayName: `Cán bộ ${role}`, password: PASSWORD, role,
    agency: role === "department" ? "Sở Văn hóa, Thể thao và Du lịch" : null,
    wardCode: role === "ward_officer" ? "25453" : null,
  });
}

async function login(username: string, password = PASSWORD) {
  return w.call("POST", "/api/staff/session", { body: { username, password } });
}

async function tokenFor(role: StaffRole, username?: string): Promise<string> {
  const u = await staff(role, username);
  const res = await login(u.username);
  expect(res.status).toBe(200);
  return staffSessionSchema.parse(await res.json()).token;
}

function upload(token: string, name: string, content: string | Uint8Array, type = "text/csv") {
  const form = new FormData();
  form.set("file", new File([typeof content === "string" ? content : new Blob([content as Uint8Array<ArrayBuffer>])], name, { type }));
  return w.app.request("/api/staff/imports", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

async function finished(token: string, importId: string) {
  await w.jobs.idle();
  const res = await w.call("GET", `/api/staff/imports/${importId}`, { token });
  expect(res.status).toBe(200);
  return importDetailSchema.parse(await res.json());
}

// Each login checks a scrypt hash: ~100 ms of a core, several times that on a loaded machine.
describe("staff sessions", { timeout: 30_000 }, () => {
  it("logs in with the right password, answers /me, and logs out for good", async () => {
    await world();
    const token = await tokenFor("admin");
    const me = await w.call("GET", "/api/staff/me", { token });
    expect(await me.json()).toMatchObject({ username: "admin", role: "admin" });
    expect((await w.call("DELETE", "/api/staff/session", { token })).status).toBe(204);
    expect((await w.call("GET", "/api/staff/me", { token })).status).toBe(401);
    // The password is stored as a salted scrypt hash, never as itself.
    const row = (await w.one<{ password_hash: string }>(sql`select password_hash from staff_users`))!;
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it("refuses a wrong password and an unknown user alike, and throttles the account from that client after repeated failures", async () => {
    await world();
    await staff("viewer");
    const unknown = await login("nobody");
    const wrong = await login("viewer", "sai-mat-khau-roi-nhe");
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(((await unknown.json()) as ErrorBody).error.message).toBe(((await wrong.json()) as ErrorBody).error.message);
    for (let i = 1; i < LOGIN_LIMITS.userClient; i++) expect((await login("viewer", "sai-mat-khau-roi-nhe")).status).toBe(401);
    // Locked now: even the right password is refused until the lock passes.
    const locked = await login("viewer");
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as ErrorBody).error.code).toBe("too_many_attempts");
    w.clock.advance(LOGIN_BLOCK_MS + 1000);
    expect((await login("viewer")).status).toBe(200);
    const audits = await w.rows(sql`select action, count(*) as n from audit_log where action like 'staff.login%' group by action order by action`);
    expect(audits).toEqual([{ action: "staff.login", n: 1 }, { action: "staff.login_failed", n: LOGIN_LIMITS.userClient }]);
  });

  it("expires sessions after a working day", async () => {
    await world();
    const token = await tokenFor("viewer");
    w.clock.advance(8 * 3_600_000 + 1);
    expect((await w.call("GET", "/api/staff/me", { token })).status).toBe(401);
  });

  it("names the missing fields of a login", async () => {
    await world();
    const res = await w.call("POST", "/api/staff/session", { body: { username: "admin" } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("password");
  });
});

describe("who may do what on the staff API", { timeout: 30_000 }, () => {
  const endpoints: { method: string; path: string; allowed: StaffRole[] }[] = [
    { method: "GET", path: "/api/staff/me", allowed: ["admin", "department", "ward_officer", "communicator", "viewer"] },
    { method: "GET", path: "/api/staff/imports", allowed: ["admin", "department"] },
    { method: "GET", path: "/api/staff/reminders/failed", allowed: ["admin", "department"] },
    { method: "POST", path: "/api/staff/reminders/sweep", allowed: ["admin"] },
  ];
  const roles: StaffRole[] = ["admin", "department", "ward_officer", "communicator", "viewer"];

  it("answers 401 without a session and 403 to a role that may not", async () => {
    await world();
    const tokens = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await tokenFor(r)] as const))) as Record<StaffRole, string>;
    for (const e of endpoints) {
      expect((await w.call(e.method, e.path)).status, `${e.method} ${e.path} without a session`).toBe(401);
      expect((await w.call(e.method, e.path, { token: "not-a-session" })).status).toBe(401);
      for (const role of roles) {
        const status = (await w.call(e.method, e.path, { token: tokens[role] })).status;
        expect(status, `${role} → ${e.method} ${e.path}`).toBe(e.allowed.includes(role) ? 200 : 403);
      }
    }
    const form = await upload(tokens.viewer, "list.csv", CSV);
    expect(form.status).toBe(403);
  });
});

describe("imports through the staff API", () => {
  it("takes a CSV upload at once, imports it in the background and reports the bad rows", async () => {
    await world();
    const token = await tokenFor("admin");
    const res = await upload(token, "danh-sach.csv", CSV);
    expect(res.status).toBe(202);
    const { importId } = (await res.json()) as { importId: string };
    const report = await finished(token, importId);
    // Row 4 (the header is row 1) is rejected with each of its problems.
    expect(report).toMatchObject({ status: "finished", rows: 3, created: 2, rejected: 1, fileName: "danh-sach.csv" });
    expect(report.report.map((r) => [r.row, r.column])).toEqual([[4, "holder_kind"], [4, "phone"], [4, "expires_on"]]);
    const list = importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token })).json());
    expect(list.imports.map((i) => i.id)).toEqual([importId]);
    // The temporary copy of the upload is gone.
    expect(await w.one(sql`select count(*) as n from documents`)).toEqual({ n: 2 });
    const reads = await w.rows(sql`select action from audit_log where action like 'import.%' order by id`);
    expect(reads).toEqual([{ action: "import.started" }, { action: "import.report_read" }]);
  });

  it("reads an .xlsx upload", async () => {
    await world();
    const token = await tokenFor("admin");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.addRow(HEADER.split(","));
    ws.addRow(["tour-guide-card", "HDV-010", "Cá nhân", "Phạm Thị Hoa", "072192001234", "0912000111", new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2027, 5, 30)), "25453", "Phường Tân Ninh"]);
    const buf = await wb.xlsx.writeBuffer();
    const res = await upload(token, "danh-sach.xlsx", new Uint8Array(buf), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.status).toBe(202);
    const report = await finished(token, ((await res.json()) as { importId: string }).importId);
    expect(report).toMatchObject({ status: "finished", format: "xlsx", rows: 1, created: 1, rejected: 0 });
    expect(await w.one(sql`select expires_on from documents`)).toEqual({ expires_on: "2027-06-30" });
  });

  it("lets a department officer import only their agency's services, and not read an admin's imports", async () => {
    await world();
    const officer = await tokenFor("department");
    const admin = await tokenFor("admin");
    const res = await upload(officer, "vhttdl.csv", CSV);
    const report = await finished(officer, ((await res.json()) as { importId: string }).importId);
    expect(report.created).toBe(1);
    const petrol = report.report.find((r) => r.row === 3);
    expect(report.report.map((r) => r.row)).toEqual([3, 4, 4, 4]);
    expect(petrol).toMatchObject({ column: "service_code" });
    expect(petrol!.reason).toContain("Sở Công Thương");
    expect(await w.rows(sql`select document_no from documents`)).toEqual([{ document_no: "HDV-001" }]);
    // The admin's own import is not the officer's to read.
    const adminImport = ((await (await upload(admin, "all.csv", CSV)).json()) as { importId: string }).importId;
    await w.jobs.idle();
    expect((await w.call("GET", `/api/staff/imports/${adminImport}`, { token: officer })).status).toBe(404);
    const mine = importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token: officer })).json());
    expect(mine.imports).toHaveLength(1);
    const all = importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token: admin })).json());
    expect(all.imports).toHaveLength(2);
  });

  it("shows a department's imports to its other officers, and not to another department's", async () => {
    await world();
    const officer = await tokenFor("department");
    const colleague = await tokenFor("department", "dong-nghiep");
    const other = await createStaffUser(w.services, { username: "so-cong-thuong", displayName: "Cán bộ Sở Công Thương", password: PASSWORD, role: "department", agency: "Sở Công Thương" });
    const otherToken = staffSessionSchema.parse(await (await login(other.username)).json()).token;
    const id = ((await (await upload(officer, "vhttdl.csv", CSV)).json()) as { importId: string }).importId;
    await w.jobs.idle();
    expect((await w.call("GET", `/api/staff/imports/${id}`, { token: colleague })).status).toBe(200);
    expect(importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token: colleague })).json()).imports.map((i) => i.id)).toEqual([id]);
    expect((await w.call("GET", `/api/staff/imports/${id}`, { token: otherToken })).status).toBe(404);
    expect(importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token: otherToken })).json()).imports).toEqual([]);
  });

  it("refuses a missing file, a wrong type, a fake workbook and an empty file, naming the field", async () => {
    await world();
    const token = await tokenFor("admin");
    const none = await w.app.request("/api/staff/imports", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: new FormData() });
    expect(none.status).toBe(422);
    for (const [name, content, reason] of [["list.pdf", "%PDF-1.4", ".csv or .xlsx"], ["list.xlsx", "not a zip", "zip"], ["list.csv", "", "empty"]] as const) {
      const res = await upload(token, name, content);
      expect(res.status, name).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.fields[0]).toMatchObject({ path: "file" });
      expect(body.error.fields[0]!.message).toContain(reason);
    }
    expect(await w.one(sql`select count(*) as n from imports`)).toEqual({ n: 0 });
  });

  it("refuses a file larger than IMPORT_MAX_BYTES with 413", async () => {
    w = await createTestWorld({ catalogue: twoAgencyCatalogue, env: { IMPORT_MAX_BYTES: "2048" } });
    const token = await tokenFor("admin");
    const big = `${HEADER}\n${"tour-guide-card,HDV-1,Cá nhân,A,,,,2027-01-01,,\n".repeat(100)}`;
    const res = await upload(token, "big.csv", big);
    expect(res.status).toBe(413);
    expect(await w.one(sql`select count(*) as n from imports`)).toEqual({ n: 0 });
  });
});

describe("import reports stay bounded (issue 13, finding 1)", () => {
  const badPhoneRows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `tour-guide-card,HDV-B${from + i},Cá nhân,Lê Văn Hùng,,12345,,2027-03-01,,`).join("\n");

  it("keeps the first 1,000 rejected rows of a 3,000-bad-row file, with the true totals and counts by column and reason, in pages of 100", async () => {
    await world();
    const token = await tokenFor("admin");
    const csv = `${HEADER}\n${badPhoneRows(3000)}\ntour-guide-card,HDV-OK1,Cá nhân,Lê Văn Hùng,,0912345678,,2027-03-01,,\n`;
    const { importId } = (await (await upload(token, "nhieu-loi.csv", csv)).json()) as { importId: string };
    const first = await finished(token, importId);
    expect(first).toMatchObject({ status: "finished", rows: 3001, created: 1, rejected: 3000, problems: 3000, rejectedNotKept: 2000, page: 1, pages: 10 });
    expect(first.problemCounts).toEqual([{ column: "phone", reason: expect.stringContaining("Vietnamese mobile number"), count: 3000 }]);
    expect(first.report.map((r) => r.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const last = importDetailSchema.parse(await (await w.call("GET", `/api/staff/imports/${importId}?page=10`, { token })).json());
    expect(last.report.map((r) => r.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 902));
    // The list carries the totals too, so a reader knows the report was cut before opening it.
    const list = importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token })).json());
    expect(list.imports[0]).toMatchObject({ rejected: 3000, rejectedNotKept: 2000 });
    // The download is the kept rows, and says how many are missing.
    const file = await w.call("GET", `/api/staff/imports/${importId}/rejected.csv`, { token });
    expect(file.headers.get("x-rejected-rows-not-kept")).toBe("2000");
    expect((await file.text()).trimEnd().split("\r\n")).toHaveLength(1 + 1000);
  }, 30_000);

  // The reader's notes about the file (here a column contract 4 does not know) survive the bounded
  // report: kept first, counted with the problems, never a rejected row nor a line of rejected.csv.
  it("keeps the notes about the file with a cut report, first, without counting them as rejected rows", async () => {
    await world();
    const token = await tokenFor("admin");
    const note = 'column "Ghi chú" is not a column of contract 4: its values were not imported';
    const csv = `${HEADER},Ghi chú\n${badPhoneRows(1200)}\n`;
    const { importId } = (await (await upload(token, "ghi-chu.csv", csv)).json()) as { importId: string };
    const detail = await finished(token, importId);
    expect(detail).toMatchObject({ status: "finished", rows: 1200, created: 0, rejected: 1200, problems: 1201, rejectedNotKept: 200 });
    expect(detail.report[0]).toEqual({ row: 1, column: "(file)", reason: note, values: {} });
    expect(detail.report.slice(1).map((r) => r.row)).toEqual(Array.from({ length: 99 }, (_, i) => i + 2));
    expect(detail.problemCounts).toEqual([{ column: "phone", reason: expect.stringContaining("Vietnamese mobile number"), count: 1200 }, { column: "(file)", reason: note, count: 1 }]);
    const list = importListSchema.parse(await (await w.call("GET", "/api/staff/imports", { token })).json());
    expect(list.imports[0]).toMatchObject({ rejected: 1200, rejectedNotKept: 200 });
    const file = await w.call("GET", `/api/staff/imports/${importId}/rejected.csv`, { token });
    expect(file.headers.get("x-rejected-rows-not-kept")).toBe("200");
    const lines = (await file.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 1000);
    expect(lines.join("\n")).not.toContain("Ghi chú");
  }, 30_000);

  // One cut, not two: the reader cuts a cell at 1,000 characters and reports it; the report keeps
  // the value as the reader passed it on, with the length it had.
  it("keeps a value the reader cut as cut, marked, with its length, and rejects its row for it", async () => {
    await world();
    const token = await tokenFor("admin");
    const address = "Đường ".repeat(400);
    const csv = `${HEADER}\ntour-guide-card,HDV-L1,Cá nhân,Lê Văn Hùng,,0912345678,,2027-03-01,,${address}\n`;
    const detail = await finished(token, ((await (await upload(token, "dai.csv", csv)).json()) as { importId: string }).importId);
    expect(detail).toMatchObject({ rejected: 1, rejectedNotKept: 0 });
    expect(detail.report).toHaveLength(1);
    const entry = detail.report[0]!;
    expect(entry).toMatchObject({ row: 2, column: "address", reason: `has 2400 characters, more than the ${MAX_CELL_CHARS} a cell may have: cut, the cut marked ${CUT_MARK}` });
    expect(entry.values.address).toBe(address.slice(0, MAX_CELL_CHARS) + CUT_MARK);
    expect(entry.values.holder_name).toBe("Lê Văn Hùng");
    expect(entry.truncated).toEqual({ address: 2400 });
  });

  it("stores why a file could not be read in the reader's words, naming the line, not quoting the file", async () => {
    await world();
    const token = await tokenFor("admin");
    const csv = `${HEADER}\ntour-guide-card,HDV-Q,Cá nhân,${"Lê Văn Hùng ".repeat(10_000)}"Hùng",,,,2027-03-01,,\n`;
    const detail = await finished(token, ((await (await upload(token, "ngoac.csv", csv)).json()) as { importId: string }).importId);
    expect(detail.status).toBe("failed");
    expect(detail.error).toBe(fileReasons.strayQuote(2));
    expect(detail.error!.length).toBeLessThanOrEqual(STORED_ERROR_MAX + CUT_MARK.length);
  });

  it("bounds the file name it stores", async () => {
    await world();
    const token = await tokenFor("admin");
    const res = await upload(token, `${"danh-sach-".repeat(10_000)}.csv`, `${HEADER}\ntour-guide-card,HDV-N,Cá nhân,Lê Văn Hùng,,0912345678,,2027-03-01,,\n`);
    const detail = await finished(token, ((await res.json()) as { importId: string }).importId);
    expect(detail).toMatchObject({ status: "finished", created: 1 });
    expect(detail.fileName.length).toBeLessThanOrEqual(STORED_FILE_NAME_MAX + CUT_MARK.length);
    expect(detail.fileName.endsWith(CUT_MARK)).toBe(true);
  });

});

describe("reminders for staff", () => {
  it("runs the sweep on demand and lists the reminders nobody could be told about, scoped to the officer's agency", async () => {
    await world();
    const importer = await tokenFor("admin", "importer");
    // Two holders without a phone: their reminders cannot go anywhere.
    const csv = `${HEADER}\ntour-guide-card,HDV-100,Cá nhân,Lê Văn Hùng,,,,2027-02-20,,\npetrol-retail-licence,XD-100,Tổ chức,Công ty A,3901234567,,,2027-02-20,,\n`;
    await finished(importer, ((await (await upload(importer, "no-phone.csv", csv)).json()) as { importId: string }).importId);
    w.clock.set("2026-12-22T03:00:00Z"); // 60 days before 2027-02-20, 10:00 in Vietnam
    const admin = await tokenFor("admin");
    const officer = await tokenFor("department");
    const sweep = await w.call("POST", "/api/staff/reminders/sweep", { token: admin });
    expect(await sweep.json()).toEqual({ queued: 0, skipped: 2, cancelled: 0 });
    const all = failedDeliveriesSchema.parse(await (await w.call("GET", "/api/staff/reminders/failed", { token: admin })).json());
    expect(all.skippedReminders.map((r) => r.serviceKey).sort()).toEqual(["petrol-retail-licence", "tour-guide-card"]);
    expect(all.skippedReminders[0]!.reason).toBe("unreachable");
    const mine = failedDeliveriesSchema.parse(await (await w.call("GET", "/api/staff/reminders/failed", { token: officer })).json());
    expect(mine.skippedReminders.map((r) => r.serviceKey)).toEqual(["tour-guide-card"]);
    expect(await w.one(sql`select count(*) as n from audit_log where action = 'reminders.failed_listed'`)).toEqual({ n: 2 });
  });
});
