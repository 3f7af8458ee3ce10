import { describe, expect, it } from "vitest";
import { ASSET_VERSION, consoleAssets } from "./assets.js";

describe("console assets", () => {
  it("serves its two files, cached for good with the version", async () => {
    const res = await consoleAssets().request(`/console.css?v=${ASSET_VERSION}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "missing.css"])("answers 404 to %s (no file by that name), not 500", async (name) => {
    const res = await consoleAssets().request(`/${name}`);
    expect(res.status).toBe(404);
  });
});
