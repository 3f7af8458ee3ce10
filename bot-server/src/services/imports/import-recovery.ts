import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { importRejectedRowSchema } from "@hccd/shared";
import { claimImport, clearLegacyImportReport, clipLegacyImportErrors, deleteImportFile, getImport, getImportFile, legacyImportReportStart, legacyImportReports, replaceRejectedRows, runningImports, updateImportIfHeld, type ImportListRow } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { BackgroundJobs } from "../jobs/background-jobs.js";
import { createPeriodicTask, type PeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";
import { createReportCollector, STORED_ERROR_MAX } from "./import-report.js";
import { CUT_MARK, cutText, MAX_CELL_CHARS } from "./import-text.js";
import { IMPORT_LEASE_MS, THIS_PROCESS, type ImportJob } from "./import-run.js";
import { runImport, type ReminderCatalogue } from "./licence-import.js";
import { runBeneficiaryImport } from "../payments/beneficiary-import.js";

/**
 * A process that died on an import twice (a file that kills it?) does not get a third go. A file
 * the reader refuses or throws on is failed at once, with the reader's reason (licence-import.ts).
 */
export const MAX_IMPORT_ATTEMPTS = 2;
export const IMPORT_INTERRUPTED = "the import was interrupted (the server stopped) and its file was not kept: upload the file again (rows already stored count as unchanged)";
export const IMPORT_STOPPED_TWICE = "the server stopped twice while importing this file, so it is not tried again: check the file (or split it) and upload it again";

type RecoveryDeps = ServiceDeps & { jobs: BackgroundJobs; catalogue: ReminderCatalogue; importDir: string };

/**
 * How often every instance looks for imports whose instance died (IMPORT_LEASE_MS after its last
 * news). Each import is claimed by one conditional write on its row (`claimImport`), so the pass
 * needs no leader: of several instances looking at once, one takes each import.
 */
export const IMPORT_RESUME_INTERVAL_MS = 60_000;

/**
 * At start: reports stored whole by earlier versions are bounded, every import left `running` by a
 * process that has died is resumed or failed (resumeImports), and uploads no running import owns
 * are removed from this instance's import folder.
 */
export async function recoverImports(deps: RecoveryDeps, opts: { holder?: string } = {}): Promise<{ resumed: string[]; failed: string[] }> {
  await boundLegacyImportReports(deps);
  const outcome = await resumeImports(deps, opts);
  await removeOrphanUploads(deps);
  return outcome;
}

/**
 * Every import left `running` by an instance that has died (its lease ran out; on this host, its
 * pid is gone) is claimed by this one and resumed in the background from the file kept in the
 * database, after the last batch that instance committed — or failed with the reason: no file was
 * kept, or instances died on it MAX_IMPORT_ATTEMPTS times. Run at start and every
 * IMPORT_RESUME_INTERVAL_MS.
 */
export async function resumeImports(deps: RecoveryDeps, opts: { holder?: string } = {}): Promise<{ resumed: string[]; failed: string[] }> {
  const holder = opts.holder ?? THIS_PROCESS;
  const now = deps.now();
  const resumed: string[] = [];
  const failed: string[] = [];
  for (const imp of await runningImports(deps.db)) {
    if (!holderGone(imp, now, holder)) continue;
    // Two instances looking at once: one takes it.
    if (!(await claimImport(deps.db, imp.id, imp.leaseHolder, holder, new Date(now.getTime() + IMPORT_LEASE_MS)))) continue;
    const local = imp.filePath && existsSync(imp.filePath) ? imp.filePath : null;
    const tooMany = imp.attempts + 1 > MAX_IMPORT_ATTEMPTS;
    // The working copy is written only for an import that will run.
    const file = tooMany ? null : ((await workingCopy(deps, imp)) ?? local);
    const reason = tooMany ? IMPORT_STOPPED_TWICE : !file ? IMPORT_INTERRUPTED : null;
    if (reason) {
      await deps.db.transaction(async (tx) => {
        if (await updateImportIfHeld(tx, imp.id, holder, { status: "failed", stage: null, finishedAt: now, error: reason, filePath: null, leaseHolder: null, leaseUntil: null })) await deleteImportFile(tx, imp.id);
      });
      if (local) rmSync(local, { force: true });
      deps.logger.warn({ importId: imp.id, reason }, "import left running by a process that died: failed");
      failed.push(imp.id);
      continue;
    }
    deps.logger.info({ importId: imp.id, stage: imp.stage, stored: imp.created + imp.updated + imp.unchanged }, "import left running by a process that died: resuming");
    const job: ImportJob = { importId: imp.id, path: file!, format: imp.format, catalogue: deps.catalogue, agency: imp.agency, holder, kept: true };
    // Each kind of list has its importer; both store the same report and resume the same way.
    deps.jobs.run(`import ${imp.id}`, () => (imp.kind === "payment_beneficiaries" ? runBeneficiaryImport(deps, job) : runImport(deps, job)));
    resumed.push(imp.id);
  }
  return { resumed, failed };
}

/** `resumeImports` every IMPORT_RESUME_INTERVAL_MS, on every instance (no leader needed: see there); `start()` is the caller's. */
export function createImportResumer(deps: RecoveryDeps, opts: { intervalMs?: number; holder?: string; timer?: TaskTimer } = {}): PeriodicTask {
  return createPeriodicTask({
    intervalMs: opts.intervalMs ?? IMPORT_RESUME_INTERVAL_MS,
    run: async () => {
      await resumeImports(deps, opts.holder ? { holder: opts.holder } : {});
    },
    onError: (err) => deps.logger.error({ err }, "resuming imports failed"),
    ...(opts.timer ? { timer: opts.timer } : {}),
  });
}

/**
 * The import's file, kept in the database, written to this instance's import folder for the
 * readers (they read a file twice: its encoding, then its rows); undefined when none is kept. A
 * kept file whose hash does not match (damaged storage) is not imported.
 */
async function workingCopy(deps: RecoveryDeps, imp: ImportListRow): Promise<string | undefined> {
  const kept = await getImportFile(deps.db, imp.id);
  if (!kept || createHash("sha256").update(kept.content).digest("hex") !== kept.sha256) return undefined;
  mkdirSync(deps.importDir, { recursive: true, mode: 0o700 });
  const path = join(deps.importDir, `${imp.id}.${imp.format}`);
  writeFileSync(path, kept.content, { mode: 0o600 });
  return path;
}

/**
 * Whether the process that holds an import is gone: this instance's own imports are running here;
 * on this host a holder's pid says so at once (a pid equal to ours is an earlier process of a
 * restarted container); elsewhere its lease has run out. An import with no holder was started
 * before holders were recorded.
 */
function holderGone(imp: ImportListRow, now: Date, self: string): boolean {
  if (!imp.leaseHolder) return true;
  if (imp.leaseHolder === self) return false;
  const parts = imp.leaseHolder.split(":");
  const pid = Number(parts.at(-2));
  if (parts.slice(0, -2).join(":") === hostname()) return pid === process.pid || !pidAlive(pid);
  return !imp.leaseUntil || imp.leaseUntil.getTime() < now.getTime();
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Uploads in the import folder that no running import owns (the process died between keeping the file and recording the import). */
async function removeOrphanUploads(deps: RecoveryDeps): Promise<void> {
  mkdirSync(deps.importDir, { recursive: true });
  for (const name of readdirSync(deps.importDir)) {
    const id = name.replace(/\.(csv|xlsx)$/, "");
    if ((await getImport(deps.db, id))?.status !== "running") rmSync(join(deps.importDir, name), { recursive: true, force: true });
  }
}

/**
 * Legacy reports are read this far at most (4 Mi characters: a few thousand problems, more than the
 * thousand rows kept), and not at all above LEGACY_REPORT_MAX_BYTES: SQLite itself reads the whole
 * stored value to hand over its beginning, and 128 MB of native memory for a moment is the most
 * start-up may cost. A report that was cut records its stored size, for the console to say so.
 */
export const LEGACY_REPORT_READ_CHARS = 4 * 1024 * 1024;
export const LEGACY_REPORT_MAX_BYTES = 128 * 1024 * 1024;

/**
 * Reports stored whole by versions before issue 13 (one JSON value in `imports.report`, 472 MB for
 * a crafted workbook) are moved, bounded as a new import's report is, into `import_rejected_rows`,
 * one import at a time and never whole into the JavaScript heap. The counts of rejected rows were
 * stored apart and stay true. Failure reasons are cut as a new import's are.
 */
export async function boundLegacyImportReports(deps: Pick<ServiceDeps, "db" | "logger">, limits = { readChars: LEGACY_REPORT_READ_CHARS, maxBytes: LEGACY_REPORT_MAX_BYTES }): Promise<number> {
  // Failure reasons quoting the file (a reader's message), cut in SQL as a new import's are.
  await clipLegacyImportErrors(deps.db, STORED_ERROR_MAX, CUT_MARK);
  const legacy = await legacyImportReports(deps.db);
  for (const { id, bytes, rejected } of legacy) {
    const start = bytes <= limits.maxBytes ? await legacyImportReportStart(deps.db, id, limits.readChars) : "";
    const complete = Buffer.byteLength(start) >= bytes;
    const collector = createReportCollector();
    const byRow = new Map<number, { values: Record<string, string>; problems: { column: string; reason: string }[] }>();
    for (const p of legacyEntries(start, complete)) {
      const entry = byRow.get(p.row) ?? { values: p.values, problems: [] };
      entry.problems.push({ column: p.column, reason: p.reason });
      byRow.set(p.row, entry);
    }
    for (const [row, e] of byRow) {
      if (Object.keys(e.values).length === 0) {
        collector.fileProblems(row, e.problems);
        continue;
      }
      // Earlier versions stored values whole: cut as the reader now cuts a cell.
      const values: Record<string, string> = {};
      const truncated: Record<string, number> = {};
      for (const [k, v] of Object.entries(e.values)) {
        const cut = cutText(v, MAX_CELL_CHARS);
        values[k] = cut.text;
        if (cut.cutFrom !== undefined) truncated[k] = cut.cutFrom;
      }
      collector.rejectRow(row, values, e.problems, truncated);
    }
    const r = collector.result();
    const keptRows = r.kept.filter((k) => Object.keys(k.values).length > 0).length;
    await deps.db.transaction(async (tx) => {
      await replaceRejectedRows(tx, id, r.kept);
      await clearLegacyImportReport(tx, id, { problems: r.problems, rejectedNotKept: Math.max(0, rejected - keptRows), problemCounts: r.problemCounts, legacyReportBytes: complete ? null : bytes });
    });
    deps.logger.info({ importId: id, bytes, kept: keptRows, complete }, "import report from an earlier version bounded");
  }
  return legacy.length;
}

/**
 * The problems of a legacy report, or of its beginning: there, the entries it holds whole (each
 * starts with `{"row":`, and a quote never appears unescaped inside a JSON string, so `},{"row":`
 * only ever separates two entries).
 */
function legacyEntries(text: string, complete: boolean) {
  let parsed: unknown = [];
  try {
    if (complete) parsed = JSON.parse(text);
    else {
      const end = text.lastIndexOf('},{"row":');
      if (end > 0) parsed = JSON.parse(`${text.slice(0, end + 1)}]`);
    }
  } catch {
    parsed = [];
  }
  return (Array.isArray(parsed) ? parsed : []).flatMap((e) => {
    const ok = importRejectedRowSchema.safeParse(e);
    return ok.success ? [ok.data] : [];
  });
}
