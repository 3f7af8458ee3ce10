import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { insertImport, type NewImport } from "@hccd/db";
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
const bad = (i: number) => `tour-guide-card,HDV-${i},person,Lê Văn Hùng,12345,2027-03-01`;

/** A world on a database file, so that a second world on it is "the next start". */
function start(): TestWorld {
  dir ??= mkdtempSync(join(tmpdir(), "hccd-recovery-"));
  w = createTestWorld({ dbPath: join(dir, "db.sqlite"), catalogue: tourGuideCatalogue });
  return w;
}

async function restart(): Promise<TestWorld> {
  await w!.close();
  const next = start();
  await next.jobs.idle();
  return next;
}

/** An import as a process that died left it: running, its file kept, held by `holder`. */
function leftRunning(t: TestWorld, id: string, patch: Partial<NewImport> & { file?: string[] } = {}): string {
  const path = join(t.importDir, `${id}.csv`);
  if (patch.file) writeFileSync(path, `${HEADER}\n${patch.file.join("\n")}\n`);
  const { file: _file, ...row } = patch;
  insertImport(t.handle.db, {
    id, fileName: `${id}.csv`, format: "csv", importedBy: "o", startedAt: t.clock.now(), status: "running", stage: "reading",
    filePath: path, leaseHolder: "elsewhere:4242:cafe0000", leaseUntil: new Date(t.clock.now().getTime() - 1000), ...row,
  });
  return path;
}

const importRow = (t: TestWorld, id: string) => t.handle.sqlite.prepare("select status, stage, error, rows, created, updated, unchanged, rejected, attempts, file_path, lease_holder from imports where id = ?").get(id);

describe("imports left running by a process that died, at the next start (issue 13, finding 4)", () => {
  it("fails one whose file was not kept (started before files were kept, or the file is gone), saying why", async () => {
    let t = start();
    insertImport(t.handle.db, { id: "imp-old", fileName: "cu.csv", format: "csv", importedBy: "o", startedAt: t.clock.now(), status: "running", rows: 5000, created: 4000 });
    leftRunning(t, "imp-gone");
    t = await restart();
    expect(importRow(t, "imp-old")).toMatchObject({ status: "failed", stage: null, error: IMPORT_INTERRUPTED, created: 4000, lease_holder: null });
    expect(importRow(t, "imp-gone")).toMatchObject({ status: "failed", error: IMPORT_INTERRUPTED });
  });

  it("resumes one from its kept file, skipping the rows a previous run stored, and removes the file", async () => {
    let t = start();
    // The previous run stored the first two rows (and counted them) before it died.
    const first = join(dir!, "first.csv");
    writeFileSync(first, `${HEADER}\n${good(1)}\n${good(2)}\n`);
    await importLicences(t.services, { path: first, fileName: "first.csv", format: "csv", importedBy: "o", catalogue: tourGuideCatalogue });
    const path = leftRunning(t, "imp-resume", { stage: "applying", rows: 6, rejected: 1, created: 2, file: [good(1), bad(9), good(2), good(3), good(4), good(5)] });
    t = await restart();
    // Rows 1–2 were not stored a second time (they would count as unchanged).
    expect(importRow(t, "imp-resume")).toMatchObject({ status: "finished", stage: null, error: null, rows: 6, created: 5, updated: 0, unchanged: 0, rejected: 1, attempts: 2, file_path: null, lease_holder: null });
    expect(t.handle.sqlite.prepare("select count(*) as n from documents").get()).toEqual({ n: 5 });
    expect(existsSync(path)).toBe(false);
  });

  it("does not try a third time an import two processes died on, and removes its file", async () => {
    let t = start();
    const path = leftRunning(t, "imp-twice", { attempts: 2, file: [good(1)] });
    t = await restart();
    expect(importRow(t, "imp-twice")).toMatchObject({ status: "failed", error: IMPORT_STOPPED_TWICE, created: 0 });
    expect(existsSync(path)).toBe(false);
  });

  it("leaves alone an import a live process runs (on this host, or elsewhere within its lease), and removes uploads no import owns", async () => {
    let t = start();
    const mine = leftRunning(t, "imp-live-here", { leaseHolder: `${hostname()}:${process.ppid}:beef0000`, file: [good(1)] });
    const theirs = leftRunning(t, "imp-live-there", { leaseUntil: new Date(t.clock.now().getTime() + 60_000), file: [good(2)] });
    writeFileSync(join(t.importDir, "imp-never-recorded.csv"), `${HEADER}\n${good(3)}\n`);
    t = await restart();
    expect(importRow(t, "imp-live-here")).toMatchObject({ status: "running", attempts: 1 });
    expect(importRow(t, "imp-live-there")).toMatchObject({ status: "running", attempts: 1 });
    expect(readdirSync(t.importDir).sort()).toEqual(["imp-live-here.csv", "imp-live-there.csv"]);
    expect([existsSync(mine), existsSync(theirs)]).toEqual([true, true]);
  });
});

describe("reports stored whole by earlier versions, at start (issue 13, finding 1)", () => {
  const entry = (row: number, column: string, value: string) => ({ row, column, reason: "is required", values: { service_code: "tour-guide-card", [column]: value } });

  it("are moved into bounded rows without being read whole, and the rest of each is said to be cut", async () => {
    let t = start();
    const legacy = t.handle.sqlite.prepare("insert into imports (id, file_name, format, imported_by, status, started_at, rows, rejected, report) values (?, 'cu.csv', 'csv', 'o', ?, ?, ?, ?, ?)");
    const at = t.clock.now().getTime();
    legacy.run("imp-small", "finished", at, 3, 2, JSON.stringify([entry(2, "expires_on", ""), entry(2, "phone", "12345"), entry(3, "expires_on", "")]));
    legacy.run("imp-many", "finished", at, 2500, 2500, JSON.stringify(Array.from({ length: 2500 }, (_, i) => entry(i + 2, "phone", "1"))));
    // Bigger than start-up reads (4 Mi characters): only the entries whole in its beginning are kept.
    legacy.run("imp-cut", "finished", at, 2, 2, JSON.stringify([entry(2, "phone", "1"), entry(3, "address", "Đ".repeat(5_000_000))]));
    // A value stored whole: cut as the reader now cuts a cell.
    legacy.run("imp-long", "finished", at, 1, 1, JSON.stringify([entry(2, "address", "Đ".repeat(3000))]));
    legacy.run("imp-header", "failed", at, 0, 0, JSON.stringify([{ row: 1, column: "expires_on", reason: "required column missing", values: {} }]));
    // A reader's message quoting a 2 MB field, stored whole.
    t.handle.sqlite.prepare("update imports set error = ? where id = 'imp-header'").run(`Invalid Opening Quote: value is "${"x".repeat(2_000_000)}"`);
    t = await restart();
    expect(t.handle.sqlite.prepare("select length(error) as n from imports where id = 'imp-header'").get()).toEqual({ n: STORED_ERROR_MAX + CUT_MARK.length });
    expect(t.handle.sqlite.prepare("select id, report, problems, rejected_not_kept as notKept, legacy_report_bytes as cut from imports order by id").all()).toEqual([
      { id: "imp-cut", report: "[]", problems: 1, notKept: 1, cut: expect.any(Number) },
      { id: "imp-header", report: "[]", problems: 1, notKept: 0, cut: null },
      { id: "imp-long", report: "[]", problems: 1, notKept: 0, cut: null },
      { id: "imp-many", report: "[]", problems: 2500, notKept: 1500, cut: null },
      { id: "imp-small", report: "[]", problems: 3, notKept: 0, cut: null },
    ]);
    const kept = (id: string) => t.handle.sqlite.prepare("select row, problems from import_rejected_rows where import_id = ? order by row").all(id) as { row: number; problems: string }[];
    expect(kept("imp-small").map((r) => [r.row, JSON.parse(r.problems).length])).toEqual([[2, 2], [3, 1]]);
    expect(kept("imp-many")).toHaveLength(1000);
    expect(kept("imp-cut").map((r) => r.row)).toEqual([2]);
    expect(kept("imp-header").map((r) => r.row)).toEqual([1]);
    const long = t.handle.sqlite.prepare("select \"values\", truncated from import_rejected_rows where import_id = 'imp-long'").get() as { values: string; truncated: string };
    expect(JSON.parse(long.values).address).toBe(`${"Đ".repeat(MAX_CELL_CHARS)}${CUT_MARK}`);
    expect(JSON.parse(long.truncated)).toEqual({ address: 3000 });
    expect(t.handle.sqlite.prepare("select problem_counts from imports where id = 'imp-many'").get()).toEqual({ problem_counts: JSON.stringify([{ column: "phone", reason: "is required", count: 2500 }]) });
  }, 30_000);

  it("keeps nothing of a report above the most start-up may read, and says how large it was", () => {
    const t = start();
    const report = JSON.stringify([entry(2, "phone", "1"), entry(3, "phone", "2")]);
    t.handle.sqlite.prepare("insert into imports (id, file_name, format, imported_by, status, started_at, rows, rejected, report) values ('imp-huge', 'cu.csv', 'csv', 'o', 'finished', 0, 2, 2, ?)").run(report);
    expect(boundLegacyImportReports(t.services, { readChars: 50, maxBytes: 100 })).toBe(1);
    expect(t.handle.sqlite.prepare("select report, rejected_not_kept as notKept, legacy_report_bytes as cut from imports").get()).toEqual({ report: "[]", notKept: 2, cut: Buffer.byteLength(report) });
    // Done once: the next start finds nothing to do.
    expect(boundLegacyImportReports(t.services)).toBe(0);
  });
});

describe("a list too long to hold its rows between reading and storing", () => {
  it("is read a second time to store them, with the same outcome", async () => {
    const t = start();
    const path = join(dir!, "dai.csv");
    writeFileSync(path, `${HEADER}\n${[good(1), bad(2), good(3), good(4), good(5)].join("\n")}\n`);
    const r = await importLicences(t.services, { path, fileName: "dai.csv", format: "csv", importedBy: "o", catalogue: tourGuideCatalogue, bufferedRowsMax: 2 });
    expect(r).toMatchObject({ rows: 5, created: 4, rejectedRows: 1 });
    expect(t.handle.sqlite.prepare("select count(*) as n from documents").get()).toEqual({ n: 4 });
  });
});
