/**
 * Prints what a phone downloads: the initial JavaScript (gzipped, budget 150 KB), each lazy chunk,
 * and the build against Zalo's limits. `pnpm --filter @hccd/test bench:bundle`.
 */
import { buildMiniApp } from "../support/server.js";
import { analyseBuild, INITIAL_JS_BUDGET_BYTES, kb, ZALO_MAX_FILE_BYTES, ZALO_MAX_TOTAL_BYTES } from "../support/bundle.js";

const report = analyseBuild(buildMiniApp());
const name = (p: string) => p.replace(/^assets\//, "").replace(/[.-][A-Za-z0-9_-]{8}(?=\.module\.js$|\.js$|\.css$)/, "");
console.log("Mini App bundle (production build, gzip -9)");
console.log(`  initial JS: ${kb(report.initialGzipBytes)} gzipped (budget ${kb(INITIAL_JS_BUDGET_BYTES)}) in ${report.initial.map((f) => name(f.path)).join(", ")}`);
console.log("  lazy chunks (gzipped / raw):");
for (const f of [...report.lazy].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`    ${name(f.path).padEnd(34)} ${kb(f.gzipBytes).padStart(9)} / ${kb(f.bytes)}`);
const largest = [...report.files].sort((a, b) => b.bytes - a.bytes)[0]!;
console.log(`  largest file: ${name(largest.path)} ${kb(largest.bytes)} (Zalo limit ${kb(ZALO_MAX_FILE_BYTES)})`);
console.log(`  total: ${kb(report.totalBytes)} in ${report.files.length} files (Zalo limit ${kb(ZALO_MAX_TOTAL_BYTES)})`);
