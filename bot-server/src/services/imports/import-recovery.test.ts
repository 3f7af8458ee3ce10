import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { executeStatement, insertImport, tablesOf, toJson, type NewImport } from "@hccd/db";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { boundLegacyImportReports, IMPORT_INTERRUPTED, IMPORT_STOPPED_TWICE } from "./import-recovery.js";
import { STORED_ERROR_MAX } from "./import-report.js";
import { CUT_MARK, MAX_CELL_CHARS } from "./import-text.js";
import { importLicences } from "./licence-import.js";

let w: TestWorld | undefined;
let dir: string | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const HEADER = "service_code,document_no,holder_kind,holder_name,phone,expires_on";
const good = (i: number) => `tour-guide-card,HDV-${i},person,Lê Văn Hùng,0912345678,2027-03-01`;
/** What an import's `report` held before issue 13. */
type LegacyReport = { row: number; column: string; reason: string; values: Record<string, string> }[];
const bad = (i: number) => `tour-guide-card,HDV-${i},person,Lê Văn Hùng,12345,2027-03-01`;

/** A world on a database file, so that a second world on it is "the next start". */
async function start(): Promise<TestWorld> {
  dir ??= mkdtempSync(join(tmpdir(), "hccd-recovery-"));
  w = await createTestWorld({ dbPath: join(dir, "db.sqlite"), catalogue: tourGuideCatalogue });
  return w;
}

async function restart(): Promise<TestWorld> {
  await w!.close();
  const next = await start();
  await next.jobs.idle();
  return next;
}

/** An import as a process that died left it: running, its file kept, held by `holder`. */
async function leftRunning(t: TestWorld, id: string, patch: Partial<NewImport> & { file?: string[] } = {}): Promise<string> {
  const path = join(t.importDir, `${id}.csv`);
  if (patch.file) writeFileSync(path, `${HEADER}\n${patch.file.join("\n")}\n`);
  const { file: _file, ...row } = patch;
  await insertImport(t.handle.db, {
    id, fileName: `${id}.csv`, format: "csv", importedBy: "o", startedAt: t.clock.now(), status: "running", stage: "reading",
    filePath: path, leaseHolder: "elsewhere:4242:cafe0000", leaseUntil: new Date(t.clock.now().getTime() - 1000), ...row,
  });
  return path;
}

const importRow = (t: TestWorld, id: string) => t.one(sql`select status, stage, error, rows, created, updated, unchanged, rejected, attempts, file_path, lease_holder from imports where id = ${id}`);

describe("imports left running by a process that died, at the next start (issue 13, finding 4)", () => {
  it("fails one whose file was not kept (started before files were kept, or the file is gone), saying why", async () => {
    let t = await start();
    await insertImport(t.handle.db, { id: "imp-old", fileName: "cu.csv", format: "csv", importedBy: "o", startedAt: t.clock.now(), status: "running", rows: 5000, created: 4000 });
    await leftRunning(t, "imp-gone");
    t = await restart();
    expect(await importRow(t, "imp-old")).toMatchObject({ status: "failed", stage: null, error: IMPORT_INTERRUPTED, created: 4000, lease_holder: null });
    expect(await importRow(t, "imp-gone")).toMatchObject({ status: "failed", error: IMPORT_INTERRUPTED });
  });

  it("resumes one from its kept file, skipping the rows a previous run stored, and removes the file", async () => {
    let t = await start();
    // The previous run stored the first two rows (and counted them) before it died.
    const first = join(dir!, "first.csv");
    writeFileSync(first, `${HEADER}\n${good(1)}\n${good(2)}\n`);
    await importLicences(t.services, { path: first, fileName: "first.csv", format: "csv", importedBy: "o", catalogue: tourGuideCatalogue });
    const path = await leftRunning(t, "imp-resume", { stage: "applying", rows: 6, rejected: 1, created: 2, file: [good(1), bad(9), good(2), good(3), good(4), good(5)] });
    t = await restart();
    // Rows 1–2 were not stored a second time (they would count as unchanged).
    expect(await importRow(t, "imp-resume")).toMatchObject({ status: "finished", stage: null, error: null, rows: 6, created: 5, updated: 0, unchanged: 0, rejected: 1, attempts: 2, file_path: null, lease_holder: null });
    expect(await t.one(sql`select count(*) as n from documents`)).toEqual({ n: 5 });
    expect(existsSync(path)).toBe(false);
  });

  it("does not try a third time an import two processes died on, and removes its file", async () => {
    let t = await start();
    const path = await leftRunning(t, "imp-twice", { attempts: 2, file: [good(1)] });
    t = await restart();
    expect(await importRow(t, "imp-twice")).toMatchObject({ status: "failed", error: IMPORT_STOPPED_TWICE, created: 0 });
    expect(existsSync(path)).toBe(false);
  });

  it("leaves alone an import a live process runs (on this host, or elsewhere within its lease), and removes uploads no import owns", async () => {
    let t = await start();
    const mine = await leftRunning(t, "imp-live-here", { leaseHolder: `${hostname()}:${process.ppid}:beef0000`, file: [good(1)] });
    const theirs = await leftRunning(t, "imp-live-there", { leaseUntil: new Date(t.clock.now().getTime() + 60_000), file: [good(2)] });
    writeFileSync(join(t.importDir, "imp-never-recorded.csv"), `${HEADER}\n${good(3)}\n`);
    t = await restart();
    expect(await importRow(t, "imp-live-here")).toMatchObject({ status: "running", attempts: 1 });
    expect(await importRow(t, "imp-live-there")).toMatchObject({ status: "running", attempts: 1 });
    expect(readdirSync(t.importDir).sort()).toEqual(["imp-live-here.csv", "imp-live-there.csv"]);
    expect([existsSync(mine), existsSync(theirs)]).toEqual([true, true]);
  });
});

describe("reports stored whole by earlier versions, at start (issue 13, finding 1)", () => {
  const entry = (row: number, column: string, value: string) => ({ row, column, reason: "is required", values: { service_code: "tour-guide-card", [column]: value } });

  it("are moved into bounded rows without being read whole, and the rest of each is said to be cut", async () => {
    let t = await start();
    const at = t.clock.now();
    const legacy = (id: string, status: "finished" | "failed", rows: number, rejected: number, report: LegacyReport) =>
      t.db.insert(tablesOf(t.db).imports).values({ id, fileName: "cu.csv", format: "csv", importedBy: "o", status, startedAt: at, rows, rejected, report });
    await legacy("imp-small", "finished", 3, 2, [entry(2, "expires_on", ""), entry(2, "phone", "12345"), entry(3, "expires_on", "")]);
    await legacy("imp-many", "finished", 2500, 2500, Array.from({ length: 2500 }, (_, i) => entry(i + 2, "phone", "1")));
    // Bigger than start-up reads (4 Mi characters): only the entries whole in its beginning are kept.
    await legacy("imp-cut", "finished", 2, 2, [entry(2, "phone", "1"), entry(3, "address", "Đ".repeat(5_000_000))]);
    // A value stored whole: cut as the reader now cuts a cell.
    await legacy("imp-long", "finished", 1, 1, [entry(2, "address", "Đ".repeat(3000))]);
    await legacy("imp-header", "failed", 0, 0, [{ row: 1, column: "expires_on", reason: "required column missing", values: {} }]);
    // A reader's message quoting a 2 MB field, stored whole.
    await executeStatement(t.db, sql`update imports set error = ${`Invalid Opening Quote: value is "${"x".repeat(2_000_000)}"`} where id = 'imp-header'`);
    t = await restart();
    expect(await t.one(sql`select length(error) as n from imports where id = 'imp-header'`)).toEqual({ n: STORED_ERROR_MAX + CUT_MARK.length });
    const imports = await t.rows<{ id: string; report: unknown; problems: number; notKept: number; cut: number | null }>(sql`select id, report, problems, rejected_not_kept as "notKept", legacy_report_bytes as cut from imports order by id`);
    expect(imports.map((r) => ({ ...r, report: toJson(r.report) }))).toEqual([
      { id: "imp-cut", report: [], problems: 1, notKept: 1, cut: expect.any(Number) },
      { id: "imp-header", report: [], problems: 1, notKept: 0, cut: null },
      { id: "imp-long", report: [], problems: 1, notKept: 0, cut: null },
      { id: "imp-many", report: [], problems: 2500, notKept: 1500, cut: null },
      { id: "imp-small", report: [], problems: 3, notKept: 0, cut: null },
    ]);
    const kept = (id: string) => t.rows<{ row: number; problems: unknown }>(sql`select row, problems from import_rejected_rows where import_id = ${id} order by row`);
    expect((await kept("imp-small")).map((r) => [r.row, toJson<unknown[]>(r.problems).length])).toEqual([[2, 2], [3, 1]]);
    expect(await kept("imp-many")).toHaveLength(1000);
    expect((await kept("imp-cut")).map((r) => r.row)).toEqual([2]);
    expect((await kept("imp-header")).map((r) => r.row)).toEqual([1]);
    const long = await t.one<{ values: unknown; truncated: unknown }>(sql`select "values", truncated from import_rejected_rows where import_id = 'imp-long'`);
    expect(toJson<Record<string, string>>(long!.values).address).toBe(`${"Đ".repeat(MAX_CELL_CHARS)}${CUT_MARK}`);
    expect(toJson(long!.truncated)).toEqual({ address: 3000 });
    const counts = await t.one<{ problem_counts: unknown }>(sql`select problem_counts from imports where id = 'imp-many'`);
    expect(toJson(counts!.problem_counts)).toEqual([{ column: "phone", reason: "is required", count: 2500 }]);
  }, 30_000);

  it("keeps nothing of a report above the most start-up may read, and says how large it was", async () => {
    const t = await start();
    const report = [entry(2, "phone", "1"), entry(3, "phone", "2")];
    await t.db.insert(tablesOf(t.db).imports).values({ id: "imp-huge", fileName: "cu.csv", format: "csv", importedBy: "o", status: "finished", startedAt: new Date(0), rows: 2, rejected: 2, report });
    expect(await boundLegacyImportReports(t.services, { readChars: 50, maxBytes: 100 })).toBe(1);
    const huge = await t.one<{ report: unknown; notKept: number; cut: number }>(sql`select report, rejected_not_kept as "notKept", legacy_report_bytes as cut from imports`);
    expect({ ...huge, report: toJson(huge!.report) }).toEqual({ report: [], notKept: 2, cut: Buffer.byteLength(JSON.stringify(report)) });
    // Done once: the next start finds nothing to do.
    expect(await boundLegacyImportReports(t.services)).toBe(0);
  });
});

describe("a list too long to hold its rows between reading and storing", () => {
  it("is read a second time to store them, with the same outcome", async () => {
    const t = await start();
    const path = join(dir!, "dai.csv");
    writeFileSync(path, `${HEADER}\n${[good(1), bad(2), good(3), good(4), good(5)].join("\n")}\n`);
    const r = await importLicences(t.services, { path, fileName: "dai.csv", format: "csv", importedBy: "o", catalogue: tourGuideCatalogue, bufferedRowsMax: 2 });
    expect(r).toMatchObject({ rows: 5, created: 4, rejectedRows: 1 });
    expect(await t.one(sql`select count(*) as n from documents`)).toEqual({ n: 4 });
  });
});
