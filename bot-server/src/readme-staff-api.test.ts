import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "./testing/world.js";

/**
 * README's list of the staff API (the paragraph ending "the OpenAPI document lists them"), as full
 * paths: each `` `/x` `` under /api/staff, and each `` `/y` `` in the "(+ …)" after it under `/x`;
 * a query (`?page=`) is dropped, a `{param}` kept as it is written.
 */
function readmeStaffPaths(readme: string): string[] {
  const start = readme.indexOf("The same services answer the staff API");
  const end = readme.indexOf("the OpenAPI document lists them", start);
  if (start < 0 || end < 0) throw new Error("README no longer has the staff API paragraph");
  // The list starts after the description of how to authenticate.
  const list = readme.slice(readme.indexOf("header):", start), end);
  const paths: string[] = [];
  let base = "";
  let inGroup = false;
  for (const [token] of list.matchAll(/\(\+|\)|`[^`]+`/g)) {
    if (token === "(+") inGroup = true;
    else if (token === ")") inGroup = false;
    else {
      const path = token.slice(1, -1).replace(/\?.*$/, "");
      if (!path.startsWith("/")) continue;
      if (!inGroup) base = path;
      paths.push(`/api/staff${inGroup ? base + path : path}`);
    }
  }
  return paths;
}

/** A route's path with each parameter as `{}`: `/imports/:id{[0-9a-f-]+}` and README's `/imports/{id}` alike. */
const shape = (path: string) => path.replace(/:[A-Za-z_]\w*(\{[^}]*\})?\??/g, "{}").replace(/\{[A-Za-z_]\w*\}/g, "{}");

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("README's staff API list matches the app's routes", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  it("reads the list (the parser itself: a base path, its (+ …) group, a query dropped)", () => {
    expect(readmeStaffPaths("The same services answer the staff API (`/api/staff/*`, with an `x` header): `/a`, `/b` (+ `/{id}?page=`, `/{id}/c`), `/d` (admin); the OpenAPI document lists them")).toEqual([
      "/api/staff/a", "/api/staff/b", "/api/staff/b/{id}", "/api/staff/b/{id}/c", "/api/staff/d",
    ]);
  });

  it("every path README names is a route of the app", () => {
    const routes = new Set(w.app.routes.filter((r) => r.method !== "ALL").map((r) => shape(r.path)));
    const listed = readmeStaffPaths(readme);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((p) => !routes.has(shape(p)))).toEqual([]);
  });

  it("every area of the staff API is in README's list", () => {
    const area = (path: string) => path.split("/")[3];
    const listed = new Set(readmeStaffPaths(readme).map(area));
    const areas = new Set(w.app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/staff/")).map((r) => area(r.path)));
    expect([...areas].filter((a) => !listed.has(a))).toEqual([]);
  });
});
