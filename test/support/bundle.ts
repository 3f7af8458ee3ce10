import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** Zalo's limits for a Mini App upload (zalo.md): 3 MB per file, 10 MB in all. */
export const ZALO_MAX_FILE_BYTES = 3 * 1024 * 1024;
export const ZALO_MAX_TOTAL_BYTES = 10 * 1024 * 1024;
/** Issue 5: the JavaScript a phone must download before the first screen, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

export interface BuiltFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  files: BuiltFile[];
  totalBytes: number;
  /** The JavaScript Zalo loads before the app runs (app-config.json `listSyncJS`) and what it imports statically. */
  initial: BuiltFile[];
  initialGzipBytes: number;
  /** Every other script: route chunks and the zmp-sdk chunk, loaded when needed. */
  lazy: BuiltFile[];
  appConfig: { listSyncJS: string[]; listCSS: string[] };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Reads a production build (`mini-app/www`) the way Zalo would receive it. */
export function analyseBuild(www: string): BundleReport {
  const files = walk(www).map((p) => {
    const content = readFileSync(p);
    return { path: relative(www, p), bytes: statSync(p).size, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const appConfig = JSON.parse(readFileSync(join(www, "app-config.json"), "utf8")) as BundleReport["appConfig"];
  const byPath = new Map(files.map((f) => [f.path, f]));
  // Static imports between chunks (`from "./x.js"` / `import "./x.js"`), not `import("./x.js")`.
  const initialPaths = new Set<string>();
  const visit = (path: string) => {
    if (initialPaths.has(path) || !byPath.has(path)) return;
    initialPaths.add(path);
    const code = readFileSync(join(www, path), "utf8");
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(join(path, "..", m[1]!));
  };
  appConfig.listSyncJS.forEach(visit);
  const scripts = files.filter((f) => f.path.endsWith(".js"));
  const initial = scripts.filter((f) => initialPaths.has(f.path));
  return {
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    initial,
    initialGzipBytes: initial.reduce((n, f) => n + f.gzipBytes, 0),
    lazy: scripts.filter((f) => !initialPaths.has(f.path)),
    appConfig,
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
