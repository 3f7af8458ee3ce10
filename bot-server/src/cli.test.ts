import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, lte, sql, type SQL } from "drizzle-orm";
import { createDb, queryRows, recordLoginFailure, tablesOf, type DbHandle } from "@hccd/db";
import { openTestDb, testEngine } from "@hccd/db/testing";
import { addDays, populationBatchSchema, vietnamDate } from "@hccd/shared";
import { runCli } from "./cli.js";
import { parseConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { provisionClients, POPULATION_CLIENT_ID } from "./services/integrations/machine-clients.js";
import { receivePopulationBatch } from "./services/population/population-intake.js";
import { POPULATION_RULES_VERSION } from "./services/population/population-planner.js";

let dir: string;
let out: string[];
let err: string[];
/** The database the CLI works on, opened beside it for the test's own checks. */
let database: DbHandle;
/** How the CLI is pointed at it: DATABASE_PATH (SQLite), or DATABASE_URL (a fresh PostgreSQL test database). */
let databaseEnv: Record<string, string>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hccd-cli-"));
  out = [];
  err = [];
  if (testEngine() === "postgres") {
    database = await openTestDb();
    databaseEnv = { DATABASE_URL: database.engine === "postgres" ? (database.pool.options.connectionString ?? "") : "" };
  } else {
    database = await createDb(join(dir, "cli.db"));
    databaseEnv = {};
  }
});
afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// DATABASE_PATH always: on PostgreSQL too its folder is where imports keep their files.
const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: { DATABASE_PATH: join(dir, "cli.db"), ...databaseEnv, ZALO_MODE: "sim", LOG_LEVEL: "silent", QUIET_HOURS: "0-0", INIT_CWD: dir, ...env } });
const rows = (query: SQL) => queryRows(database.db, query);

const HEADER = "service_code,document_no,holder_kind,holder_name,phone,expires_on\n";

describe("pnpm hccd import", () => {
  it("imports good rows, reports bad ones by row and column, exits 2, and a second run changes nothing", async () => {
    writeFileSync(join(dir, "list.csv"), `${HEADER}tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\ntour-guide-card,HDV-2,person,Trần Thị Mai,12345,2027-01-23\n`);
    expect(await run(["import", "list.csv", "--report", "report.json"])).toBe(2);
    expect(out.join("")).toContain("Đã đọc 2 dòng: 1 mới, 0 cập nhật, 0 không đổi, 1 dòng bị từ chối (1 lỗi).");
    expect(out.join("")).toContain("dòng 3, cột phone:");
    expect(JSON.parse(readFileSync(join(dir, "report.json"), "utf8")).rejected).toEqual([expect.objectContaining({ row: 3, column: "phone" })]);
    out = [];
    expect(await run(["import", "list.csv", "--lang", "en"])).toBe(2);
    expect(out.join("")).toContain("Read 2 rows: 0 new, 0 updated, 1 unchanged, 1 rejected (problems found: 1).");
    expect(await rows(sql`select count(*) as n from documents`)).toEqual([{ n: 1 }]);
  });

  // The reader's notes about the file are problems of the report, not rejected rows: the CLI's count
  // of rejected rows, its exit code and the stored import agree.
  it("counts a note about the file as a problem of the report, not as a rejected row", async () => {
    writeFileSync(join(dir, "notes.csv"), `${HEADER.trimEnd()},Ghi chú\ntour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23,đã gọi\ntour-guide-card,HDV-2,person,Trần Thị Mai,12345,2027-01-23,\n`);
    expect(await run(["import", "notes.csv"])).toBe(2);
    expect(out.join("")).toContain("Đã đọc 2 dòng: 1 mới, 0 cập nhật, 0 không đổi, 1 dòng bị từ chối (2 lỗi).");
    expect(out.join("")).toContain("dòng 1, cột (file): cột “Ghi chú” không có trong mẫu danh sách");
    expect(await rows(sql`select rejected, problems from imports`)).toEqual([{ rejected: 1, problems: 2 }]);
    out = [];
    writeFileSync(join(dir, "notes-ok.csv"), `${HEADER.trimEnd()},Ghi chú\ntour-guide-card,HDV-3,person,Lê Văn Hùng,0912345678,2027-01-23,\n`);
    expect(await run(["import", "notes-ok.csv"])).toBe(0);
    expect(out.join("")).toContain("0 dòng bị từ chối (1 lỗi)");
  });

  it("exits 0 when every row is good, and 1 with the usage for a missing file or an unknown option", async () => {
    writeFileSync(join(dir, "ok.csv"), `${HEADER}tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n`);
    expect(await run(["import", "ok.csv"])).toBe(0);
    expect(await run(["import", "missing.csv"])).toBe(1);
    expect(err.join("")).toContain("Không tìm thấy tệp");
    expect(err.join("")).toContain("Cách dùng: pnpm hccd");
    expect(await run(["import", "ok.csv", "--force"])).toBe(1);
    expect(err.join("")).toContain("--force");
    expect(await run(["import", "notes.pdf"])).toBe(1);
    writeFileSync(join(dir, "fake.xlsx"), "not a workbook");
    expect(await run(["import", "fake.xlsx"])).toBe(1);
    expect(err.join("")).toContain("file: tệp có đuôi .xlsx nhưng không phải bảng tính Excel");
    expect(await run(["import", "fake.xlsx", "--lang", "en"])).toBe(1);
    expect(err.join("")).toContain("file: is not an .xlsx workbook");
  });

  // Finding 11 (issue 13): what the CLI says about a refused file or a rejected row is in the operator's language.
  it("says why a file or a row was refused in the chosen language, never the zip reader's words", async () => {
    writeFileSync(join(dir, "cut.xlsx"), Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(300, 7)]));
    expect(await run(["import", "cut.xlsx"])).toBe(1);
    expect(err.join("")).toContain("tệp bị hỏng hoặc không đầy đủ");
    expect(err.join("")).not.toMatch(/FILE_ENDED|invalid signature/);
    writeFileSync(join(dir, "typo.csv"), "service_code,document_no,holder_kind,holder_name,So dien thoa,expires_on\ntour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n");
    expect(await run(["import", "typo.csv"])).toBe(1);
    expect(err.join("")).toContain("phone: cột “So dien thoa” không có trong mẫu danh sách");
    writeFileSync(join(dir, "bad.csv"), `${HEADER}tour-guide-card,HDV-2,person,Trần Thị Mai,12345,2027-01-23\n`);
    expect(await run(["import", "bad.csv"])).toBe(2);
    expect(out.join("")).toContain("dòng 2, cột phone: không phải số di động Việt Nam");
  });
});

describe("pnpm hccd sweep", () => {
  it("queues the reminders that are due and sends them", async () => {
    const soon = addDays(vietnamDate(new Date()), 30);
    writeFileSync(join(dir, "ok.csv"), `${HEADER}tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${soon}\n`);
    expect(await run(["import", "ok.csv"])).toBe(0);
    // The CLI runs on the real clock and the 30-day notice goes at 08:00 today: make it due whatever the hour.
    const { reminders } = tablesOf(database.db);
    const due = await database.db
      .update(reminders)
      .set({ nextAt: new Date(Date.now() - 60_000) })
      .where(and(eq(reminders.status, "planned"), lte(reminders.nextAt, new Date(Date.now() + 86_400_000))))
      .returning({ id: reminders.id });
    expect(due).toHaveLength(1);
    out = [];
    expect(await run(["sweep"])).toBe(0);
    expect(out.join("")).toMatch(/Quét nhắc hẹn: 1 tin đã xếp hàng gửi/);
    expect(await rows(sql`select channel, status from outbox`)).toEqual([{ channel: "zns", status: "sent" }]);
  });
});

describe("pnpm hccd staff create", () => {
  it("creates the first admin with a password from the environment, and refuses a weak one naming the field", async () => {
    expect(await run(["staff", "create", "--username", "admin", "--name", "Quản trị viên", "--role", "admin"], { HCCD_STAFF_PASSWORD: "một mật khẩu dài đủ" })).toBe(0);
    expect(out.join("")).toContain("Đã tạo tài khoản admin (admin).");
    const [row] = await queryRows<{ role: string; passwordHash: string }>(database.db, sql`select role, password_hash as "passwordHash" from staff_users where username = 'admin'`);
    expect(row?.role).toBe("admin");
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(await run(["staff", "create", "--username", "weak", "--name", "A", "--role", "admin"], { HCCD_STAFF_PASSWORD: "short" })).toBe(1);
    expect(err.join("")).toContain("password: must be at least 12 characters");
    expect(await run(["staff", "create", "--username", "x", "--role", "admin"], { HCCD_STAFF_PASSWORD: "một mật khẩu dài đủ" })).toBe(1);
    expect(err.join("")).toContain("--name");
  });
});

describe("pnpm hccd help", () => {
  it.each(["--help", "-h", "help", "import --help"])("pnpm hccd %s prints the usage and exits 0", async (line) => {
    expect(await run(line.split(" "))).toBe(0);
    expect(out.join("")).toContain("Cách dùng: pnpm hccd <lệnh> [tùy chọn]");
    expect(err).toEqual([]);
  });

  it("speaks English with --lang en", async () => {
    expect(await run(["help", "--lang", "en"])).toBe(0);
    expect(out.join("")).toContain("Usage: pnpm hccd <command> [options]");
  });

  it("exits 1 with the usage on stderr for no command or an unknown one, naming it", async () => {
    expect(await run([])).toBe(1);
    expect(err.join("")).toContain("Cách dùng: pnpm hccd");
    err = [];
    expect(await run(["frobnicate"])).toBe(1);
    expect(err.join("")).toContain("Không có lệnh “frobnicate”.");
    expect(err.join("")).toContain("Cách dùng: pnpm hccd");
    expect(out).toEqual([]);
  });

  it.each(["fast", "-1", "1.5", "60001"])("simulate --delay-ms %s exits 1 naming the option, before listening", async (delay) => {
    expect(await run(["simulate", "--port", "0", `--delay-ms=${delay}`])).toBe(1);
    expect(err.join("")).toContain("--delay-ms phải là số nguyên mili giây từ 0 đến 60000.");
    expect(out).toEqual([]);
  });
});

describe("pnpm hccd staff unlock", () => {
  it("lets a throttled username log in again at once, everywhere or from one address", async () => {
    expect(await run(["staff", "create", "--username", "admin", "--name", "Quản trị viên", "--role", "admin"], { HCCD_STAFF_PASSWORD: "một mật khẩu dài đủ" })).toBe(0);
    const now = new Date();
    for (const client of ["203.0.113.7", "203.0.113.8"]) await recordLoginFailure(database.db, { scope: "user_client", username: "admin", client }, { now, windowMs: 900_000, limit: 1, blockMs: 900_000 });
    await recordLoginFailure(database.db, { scope: "user", username: "admin", client: "" }, { now, windowMs: 900_000, limit: 1, blockMs: 900_000 });
    out = [];
    expect(await run(["staff", "unlock", "--username", "admin", "--ip", "203.0.113.7"])).toBe(0);
    expect(out.join("")).toContain("Đã cho admin đăng nhập lại (1 bộ đếm lần nhập sai đã xóa).");
    expect(await run(["staff", "unlock", "--username", "admin", "--lang", "en"])).toBe(0);
    expect(out.join("")).toContain("admin may log in again (2 failure counts cleared).");
    expect(await rows(sql`select count(*) as n from login_throttle`)).toEqual([{ n: 0 }]);
    expect(await rows(sql`select count(*) as n from audit_log where action = 'staff.login_unlocked'`)).toEqual([{ n: 2 }]);
    expect(await run(["staff", "unlock"])).toBe(1);
    expect(err.join("")).toContain("--username");
  });
});

describe("pnpm hccd on a database it cannot open", () => {
  it("says which database and why in the operator's language, exit 1, no stack trace, no password", async () => {
    expect(await run(["sweep", "--lang", "en"], { DATABASE_URL: "postgres://hccd:s3cret@127.0.0.1:1/hccd" })).toBe(1);
    expect(err.join("")).toMatch(/^Could not open the database postgres:\/\/hccd@127\.0\.0\.1:1\/hccd: connection refused.*\. Check DATABASE_URL \(or DATABASE_PATH for SQLite\)\.\n$/);
    err = [];
    expect(await run(["sweep"], { DATABASE_URL: "postgres://hccd:s3cret@127.0.0.1:1/hccd" })).toBe(1);
    expect(err.join("")).toMatch(/^Không mở được cơ sở dữ liệu postgres:\/\/hccd@127\.0\.0\.1:1\/hccd: connection refused/);
    expect(err.join("")).not.toMatch(/s3cret|\n\s+at /);
  });
});

describe("pnpm hccd population", () => {
  it("says how many records wait for the rules, and a re-planning run plans every record held", async () => {
    // A resident held, stored without a planner running (the CLI's database, no server on it).
    const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent" });
    await provisionClients(database.db, config.INTEGRATION_API_KEYS);
    const today = vietnamDate(new Date());
    const resident = {
      nationalId: "072196002222", fullName: "Trần Thu Hà", dateOfBirth: "1996-07-15", sex: "female", phone: "0987000222",
      temporaryResidence: { wardCode: "25453", registeredOn: addDays(today, -300), expiresOn: addDays(today, 60) },
      updatedAt: "2026-11-20T01:00:00+07:00",
    };
    const deps = { db: database.db, config, logger: createLogger({ level: "silent" }), now: () => new Date(), newId: randomUUID };
    await receivePopulationBatch(deps, { batch: populationBatchSchema.parse({ batchId: "B-1", records: [resident] }), clientId: POPULATION_CLIENT_ID });
    expect(await run(["population", "status"])).toBe(0);
    expect(out.join("")).toContain("Còn 1 bản ghi dữ liệu dân cư đang chờ lập nhắc hẹn.");
    out = [];
    expect(await run(["population", "replan"])).toBe(0);
    expect(out.join("")).toContain("Đã đánh dấu 1 bản ghi dữ liệu dân cư để lập lại nhắc hẹn.");
    expect(out.join("")).toContain("Đã lập lại 1 bản ghi tại đây; còn 0 bản ghi đang chờ");
    expect(await rows(sql`select service_key as service, due_on as "dueOn" from reminders`)).toContainEqual({ service: "temporary-residence", dueOn: addDays(today, 60) });
    out = [];
    expect(await run(["population", "status", "--lang", "en"])).toBe(0);
    expect(out.join("")).toContain("0 population records are waiting to be planned.");
    expect(await run(["population", "tidy"])).toBe(1);
    expect(err.join("")).toContain("Không có lệnh “population tidy”.");
    expect(await run(["population"])).toBe(1);
    expect(err.join("")).toContain("Không có lệnh “population”.");
    // Nothing was marked by the refused commands.
    expect(await rows(sql`select planned_rules as v from population_records`)).toEqual([{ v: POPULATION_RULES_VERSION }]);
  });
});
