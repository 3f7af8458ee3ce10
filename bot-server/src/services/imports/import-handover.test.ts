/**
 * An import survives the instance that started it (issue 14): the uploaded file is kept in the
 * database, so when the instance running the import dies, another instance on the same database
 * claims it once its lease has run out and finishes it after the last committed batch.
 */
import { afterEach, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { insertImport, putImportFile, type Db, type StaffUser } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { SHORT_LICENCE_HEADER } from "../../testing/imports.js";
import { createClock, createTestWorld, type TestWorld } from "../../testing/world.js";
import { IMPORT_STOPPED_TWICE, resumeImports } from "./import-recovery.js";
import { IMPORT_LEASE_MS } from "./import-run.js";
import { startStaffImport } from "./staff-imports.js";

const open = testDbs(afterEach);
const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

const officer = { id: "officer-1", role: "admin", agency: null, wardCode: null, username: "officer", displayName: "Cán bộ" } as unknown as StaffUser;
const good = (i: number) => `tour-guide-card,HDV-${i},person,Lê Văn Hùng,0912345678,2027-03-01`;
const csv = (n: number) => new TextEncoder().encode(`${SHORT_LICENCE_HEADER}\n${Array.from({ length: n }, (_, i) => good(i + 1)).join("\n")}\n`);
// Instances on other hosts: only their leases say whether they are alive.
const A = "instance-a.example:101:aaaa0000";
const B = "instance-b.example:202:bbbb0000";

/**
 * The database as an instance that dies sees it: after `transactions` transactions, the next one
 * and everything after it fails, as for a process killed there (it writes nothing more).
 */
function dyingAfter(db: Db, transactions: number): Db {
  let left = transactions;
  let dead = false;
  const died = () => new Error("the instance died");
  return new Proxy(db, {
    get(target, prop) {
      if (dead) throw died();
      if (prop === "transaction") {
        return (fn: Parameters<Db["transaction"]>[0]) => {
          if (left-- <= 0) {
            dead = true;
            throw died();
          }
          return target.transaction(fn);
        };
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

async function twoWorlds() {
  const [ha, hb] = await open.shared(2);
  const clock = createClock();
  const a = await createTestWorld({ database: ha!, clock, catalogue: tourGuideCatalogue });
  worlds.push(a);
  const b = await createTestWorld({ database: hb!, clock, catalogue: tourGuideCatalogue });
  worlds.push(b);
  return { a, b, clock };
}

const importRow = (w: TestWorld, id: string) =>
  w.one(sql`select status, error, rows, created, updated, unchanged, attempts, lease_holder as "leaseHolder" from imports where id = ${id}`);
const keptFiles = async (w: TestWorld) => (await w.one<{ n: number }>(sql`select count(*) as n from import_files`))?.n;

describe("an import whose instance dies (issue 14)", () => {
  it("is finished by another instance on the same database after the lease, from the last committed batch, nothing stored twice", async () => {
    const { a, b, clock } = await twoWorlds();
    // Instance A: the upload's transaction, the report's, the first batch of 1,000 rows; then it dies.
    const depsA = { ...a.services, db: dyingAfter(a.db, 3), jobs: a.jobs, catalogue: tourGuideCatalogue, importDir: a.importDir };
    const { importId } = await startStaffImport(depsA, { staff: officer, fileName: "hdv.csv", content: csv(2500), holder: A });
    await a.jobs.idle();
    // A's disk went with its machine.
    rmSync(a.importDir, { recursive: true, force: true });
    expect(await importRow(b, importId)).toMatchObject({ status: "running", created: 1000, leaseHolder: A, attempts: 1 });
    expect(await keptFiles(b)).toBe(1);

    // Within A's lease, B leaves it alone.
    const deps = { ...b.services, jobs: b.jobs, catalogue: tourGuideCatalogue, importDir: b.importDir };
    expect(await resumeImports(deps, { holder: B })).toEqual({ resumed: [], failed: [] });
    clock.advance(IMPORT_LEASE_MS + 1);
    expect(await resumeImports(deps, { holder: B })).toEqual({ resumed: [importId], failed: [] });
    await b.jobs.idle();

    expect(await importRow(b, importId)).toMatchObject({ status: "finished", error: null, rows: 2500, created: 2500, updated: 0, unchanged: 0, attempts: 2, leaseHolder: null });
    expect(await b.one(sql`select count(*) as n, count(distinct document_no) as distinct_no from documents`)).toEqual({ n: 2500, distinct_no: 2500 });
    // The upload is not kept once the import has ended.
    expect(await keptFiles(b)).toBe(0);
  }, 60_000);

  it("runs once when two instances look at once: one claims it, the other leaves it", async () => {
    const { a, b, clock } = await twoWorlds();
    const depsA = { ...a.services, db: dyingAfter(a.db, 1), jobs: a.jobs, catalogue: tourGuideCatalogue, importDir: a.importDir };
    const { importId } = await startStaffImport(depsA, { staff: officer, fileName: "hdv.csv", content: csv(10), holder: A });
    await a.jobs.idle();
    rmSync(a.importDir, { recursive: true, force: true });
    clock.advance(IMPORT_LEASE_MS + 1);
    const depsOf = (w: TestWorld) => ({ ...w.services, jobs: w.jobs, catalogue: tourGuideCatalogue, importDir: w.importDir });
    const [x, y] = await Promise.all([resumeImports(depsOf(a), { holder: "instance-c.example:1:c" }), resumeImports(depsOf(b), { holder: B })]);
    expect([...x.resumed, ...y.resumed]).toEqual([importId]);
    await Promise.all([a.jobs.idle(), b.jobs.idle()]);
    expect(await importRow(b, importId)).toMatchObject({ status: "finished", created: 10, attempts: 2 });
    expect(await b.one(sql`select count(*) as n from documents`)).toEqual({ n: 10 });
  }, 60_000);

  it("is not taken from an instance by its own periodic pass while it runs there, however long since its last news", async () => {
    const { a, clock } = await twoWorlds();
    // The upload is recorded; this instance's job has not run yet (a busy instance).
    const waiting: (() => Promise<unknown>)[] = [];
    const jobs = { ...a.jobs, run: (_name: string, work: () => Promise<unknown>) => void waiting.push(work) };
    const deps = { ...a.services, jobs, catalogue: tourGuideCatalogue, importDir: a.importDir };
    const { importId } = await startStaffImport(deps, { staff: officer, fileName: "hdv.csv", content: csv(10) });
    clock.advance(IMPORT_LEASE_MS + 1);
    expect(await resumeImports(deps)).toEqual({ resumed: [], failed: [] });
    await Promise.all(waiting.map((work) => work()));
    expect(await importRow(a, importId)).toMatchObject({ status: "finished", created: 10, attempts: 1 });
  });

  it("is failed with the reason, its file removed, when instances died on it twice: not tried a third time", async () => {
    const { b, clock } = await twoWorlds();
    await insertImport(b.db, { id: "imp-killer", fileName: "k.csv", format: "csv", importedBy: "o", startedAt: clock.now(), status: "running", stage: "reading", leaseHolder: A, leaseUntil: new Date(clock.now().getTime() - 1), attempts: 2 });
    await putImportFile(b.db, { importId: "imp-killer", content: Buffer.from(csv(1)), bytes: 10, sha256: "x" });
    const deps = { ...b.services, jobs: b.jobs, catalogue: tourGuideCatalogue, importDir: b.importDir };
    expect(await resumeImports(deps, { holder: B })).toEqual({ resumed: [], failed: ["imp-killer"] });
    expect(await importRow(b, "imp-killer")).toMatchObject({ status: "failed", error: IMPORT_STOPPED_TWICE, leaseHolder: null });
    expect(await keptFiles(b)).toBe(0);
    // The next pass finds nothing to do.
    clock.advance(IMPORT_LEASE_MS + 1);
    expect(await resumeImports(deps, { holder: B })).toEqual({ resumed: [], failed: [] });
  });
});

describe("a file the reader cannot read", () => {
  it("is failed at once with the reader's reason and its kept file removed, not retried", async () => {
    const { a, b, clock } = await twoWorlds();
    // A workbook whose bytes start right (a zip) and then break off.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("DS").addRow(SHORT_LICENCE_HEADER.split(","));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer()).slice(0, 200);
    const deps = { ...a.services, jobs: a.jobs, catalogue: tourGuideCatalogue, importDir: a.importDir };
    const { importId } = await startStaffImport(deps, { staff: officer, fileName: "hong.xlsx", content: bytes, holder: A });
    await a.jobs.idle();
    const row = await importRow(a, importId);
    expect(row).toMatchObject({ status: "failed", attempts: 1, leaseHolder: null });
    expect(String(row!.error)).not.toBe("");
    expect(await keptFiles(a)).toBe(0);
    clock.advance(IMPORT_LEASE_MS + 1);
    expect(await resumeImports({ ...b.services, jobs: b.jobs, catalogue: tourGuideCatalogue, importDir: b.importDir }, { holder: B })).toEqual({ resumed: [], failed: [] });
  });
});
