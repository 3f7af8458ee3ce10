import { afterEach, describe, expect, it } from "vitest";
import { createTestWorld, readJson, type TestWorld } from "../testing/world.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

describe("GET /api/rules/*", () => {
  it("vaccination schedule for a date of birth", async () => {
    w = await createTestWorld();
    const res = await w.call("GET", "/api/rules/vaccination-schedule?dob=2026-11-20");
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.source).toContain("10/2024/TT-BYT");
    expect(body.doses[0]).toEqual({ vaccine: "hepb_birth", dose: 1, name: { vi: "Viêm gan B sơ sinh", en: "Hepatitis B birth dose" }, dueOn: "2026-11-20", latestOn: "2026-11-21" });
  });

  it("ID card renewal, and for life after 58", async () => {
    w = await createTestWorld();
    expect(await readJson(await w.call("GET", "/api/rules/id-card-renewal?dob=2012-03-10&issued=2024-08-01"))).toMatchObject({ renewBy: "2037-03-10", milestoneAge: 25 });
    expect(await readJson(await w.call("GET", "/api/rules/id-card-renewal?dob=1966-01-01&issued=2024-06-01"))).toMatchObject({ renewBy: null, milestoneAge: null });
  });

  it.each([
    ["/api/rules/id-card-renewal?dob=2026-02-30&issued=2026-03-01", ["query.dob"]],
    ["/api/rules/id-card-renewal?dob=2000-01-01&issued=1999-12-31", ["query.issued"]],
    ["/api/rules/id-card-renewal?dob=2000-13-01", ["query.dob", "query.issued"]],
    ["/api/rules/vaccination-schedule?dob=20/11/2026", ["query.dob"]],
    ["/api/rules/vaccination-schedule", ["query.dob"]],
    // Found by the fuzzer: real calendar dates no one was born on answered 500.
    ["/api/rules/vaccination-schedule?dob=9999-12-31", ["query.dob"]],
    ["/api/rules/vaccination-schedule?dob=0000-00-00", ["query.dob"]],
    ["/api/rules/vaccination-schedule?dob=1800-01-01", ["query.dob"]],
    ["/api/rules/id-card-renewal?dob=9999-12-31&issued=9999-12-31", ["query.dob", "query.issued"]],
  ])("%s → 422 naming %j", async (path, fields) => {
    w = await createTestWorld();
    const res = await w.call("GET", path);
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(fields);
  });
});
