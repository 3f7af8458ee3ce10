/**
 * Import benchmark (issue 4): a department's 100,000-row .xlsx list (contract 4, Vietnamese
 * headers, dates as Excel dates, 1 row in 100 with a mistake) imported by the real importer into
 * a SQLite file, planning each document's reminders. The import runs in a child process of its own
 * so its peak memory is the import's, not the file generator's. Printed: file size, rows, time
 * (median of rounds), rows per second, rejected rows, peak memory, and the longest the import kept
 * the event loop (and SQLite's one writer) to itself: how long a webhook arriving meanwhile waits.
 * The same on PostgreSQL when a server is named (see runImportBench).
 */
import { spawnSync } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { createLogger, createRuntime, parseConfig } from "../src/index.js";
import { importLicences } from "../src/services/imports/licence-import.js";
import { benchDatabaseName, benchPostgres, createDatabase, dropDatabase } from "@hccd/db/bench";
import { fmt, median } from "./stats.js";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? process.env.BENCH_ROUNDS ?? 3);
const SERVICES = ["tour-guide-card", "petrol-retail-certificate", "food-safety-certificate-industry", "veterinary-practising-certificate", "radiation-work-licence"];

export async function writeList(path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["Mã dịch vụ", "Số giấy phép", "Loại chủ thể", "Tên tổ chức/cá nhân", "Số điện thoại", "Ngày cấp", "Ngày hết hạn", "Mã xã/phường", "Địa chỉ"]).commit();
  const base = Date.UTC(2027, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 100 === 99;
    const person = i % 3 !== 0;
    ws.addRow([
      SERVICES[i % SERVICES.length],
      `GP-${String(i).padStart(6, "0")}`,
      person ? "Cá nhân" : "Tổ chức",
      person ? `Nguyễn Văn An ${i}` : `Công ty TNHH Thương mại Tây Ninh ${i}`,
      bad ? "12345" : `09${String(10_000_000 + i).slice(-8)}`,
      new Date(base - 3 * 365 * 86_400_000),
      new Date(base + (i % 1095) * 86_400_000),
      "25747",
      "Khu phố 1, phường Tân Ninh, tỉnh Tây Ninh",
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

async function importOnce(file: string, db: string) {
  // On PostgreSQL DATABASE_PATH only places the uploads folder: beside the list, out of the working tree.
  const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", SWEEP_INTERVAL_MS: "0", DATABASE_PATH: join(dirname(file), "unused.db") });
  const runtime = await createRuntime(config, { dbPath: db, logger: createLogger({ level: "silent" }), defaultMetrics: false });
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  const report = await importLicences(runtime.services, { path: file, fileName: "list.xlsx", format: "xlsx", importedBy: "bench", catalogue: runtime.catalogue });
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  await runtime.close();
  return { seconds, rows: report.rows, created: report.created, rejected: report.rejectedRows, peakRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb, longestStallMs: loop.max / 1e6 };
}

type Round = Awaited<ReturnType<typeof importOnce>>;

/** `ROUNDS` imports of `file`, each in a child process of its own into the database `target(r)` names (a fresh one each round). */
async function importRounds(file: string, target: (round: number) => Promise<string>, done: (round: number) => Promise<void>): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    try {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--import", file, await target(r)], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`import round ${r} failed: ${child.stderr}`);
      rounds.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!));
    } finally {
      await done(r);
    }
  }
  return rounds;
}

function report(label: string, mb: number, writeSeconds: number, rounds: Round[]): void {
  const s = median(rounds.map((x) => x.seconds));
  const first = rounds[0]!;
  console.log(
    `${label}: ${ROWS.toLocaleString("en")}-row .xlsx (${fmt(mb, 1)} MB, written in ${fmt(writeSeconds, 1)} s): ` +
      `median ${fmt(s, 1)} s over ${ROUNDS} rounds (${rounds.map((x) => fmt(x.seconds, 1)).join(", ")}), ${fmt(ROWS / s, 0)} rows/s; ` +
      `${first.created.toLocaleString("en")} imported, ${first.rejected.toLocaleString("en")} rejected; ` +
      `peak RSS of the import process ${fmt(median(rounds.map((x) => x.peakRssMb)), 0)} MB (${fmt(median(rounds.map((x) => x.rssBeforeMb)), 0)} MB before it started); ` +
      `longest event-loop stall ${fmt(median(rounds.map((x) => x.longestStallMs)), 0)} ms (median of rounds)`,
  );
}

/**
 * SQLite always (the line `import:`, which scripts/bench-compare.mjs reads); PostgreSQL too when
 * HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) names a server (`import (PostgreSQL):`, each
 * round into a new database), unless BENCH_ENGINE names one engine.
 */
export async function runImportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-bench-import-"));
  try {
    const file = join(dir, "list.xlsx");
    const t0 = performance.now();
    await writeList(file);
    const writeSeconds = (performance.now() - t0) / 1000;
    const mb = statSync(file).size / 1024 / 1024;
    if (process.env.BENCH_ENGINE !== "postgres") {
      const db = (r: number) => join(dir, `round-${r}.db`);
      report("import", mb, writeSeconds, await importRounds(file, async (r) => db(r), async (r) => {
        for (const ext of ["", "-wal", "-shm"]) rmSync(db(r) + ext, { force: true });
      }));
    }
    if (process.env.BENCH_ENGINE === "sqlite") return;
    const server = benchPostgres();
    if (server.url === null) {
      console.log(`import (PostgreSQL): ${server.reason}`);
      return;
    }
    const { url } = server;
    const names = Array.from({ length: ROUNDS }, () => benchDatabaseName("hccd_bench_import"));
    report("import (PostgreSQL)", mb, writeSeconds, await importRounds(file, (r) => createDatabase(url, names[r]!), (r) => dropDatabase(url, names[r]!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--import") {
  process.stdout.write(`${JSON.stringify(await importOnce(process.argv[3]!, process.argv[4]!))}\n`);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runImportBench();
}
