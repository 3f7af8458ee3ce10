import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildMiniApp } from "./support/server.js";
import { analyseBuild, INITIAL_JS_BUDGET_BYTES, ZALO_MAX_FILE_BYTES, ZALO_MAX_TOTAL_BYTES } from "./support/bundle.js";

describe("the production build is a deployable Zalo Mini App", () => {
  it("has app-config.json naming files that exist, stays under Zalo's limits and the initial-JS budget", () => {
    const www = buildMiniApp();
    const report = analyseBuild(www);
    expect(report.appConfig.listSyncJS.length).toBeGreaterThan(0);
    for (const f of [...report.appConfig.listSyncJS, ...report.appConfig.listCSS]) expect(existsSync(join(www, f)), f).toBe(true);
    expect(existsSync(join(www, "index.html"))).toBe(true);
    for (const f of report.files) expect(f.bytes, f.path).toBeLessThanOrEqual(ZALO_MAX_FILE_BYTES);
    expect(report.totalBytes).toBeLessThanOrEqual(ZALO_MAX_TOTAL_BYTES);
    expect(report.initialGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    // Screens other than home, and zmp-sdk, are separate chunks.
    expect(report.lazy.map((f) => f.path).join(" ")).toMatch(/draft-page.*|zmp-sdk-calls/);
    expect(report.lazy.length).toBeGreaterThanOrEqual(5);
  });
});
