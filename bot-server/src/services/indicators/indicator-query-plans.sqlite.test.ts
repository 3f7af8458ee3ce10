import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@hccd/db";
import { queryPlan, queryPlanWorld } from "../../testing/query-plans.js";
import { indicatorReport } from "./indicators.js";

/**
 * The indicators count what came in a period: people found by a department's list are the
 * documents created in it. Without an index on `documents.created_at` that count read every
 * document of every list ever imported (the 30-day report rose from 219 to 322 ms in the bench);
 * with it, only the period's. SQLite's plan does not depend on how many rows there are here.
 */
let world: Awaited<ReturnType<typeof queryPlanWorld>>;
const viewer = { id: "v", username: "v", displayName: "V", role: "viewer", agency: null, wardCode: null } as StaffUser;

beforeAll(async () => {
  world = await queryPlanWorld();
});
afterAll(async () => {
  await world?.close();
});

describe("the indicators read documents of the period through their created_at index (EXPLAIN QUERY PLAN)", () => {
  it.each([
    ["30 days, province", {}],
    ["30 days, one ward", { ward: "25453" }],
  ])("%s: people found by departments' lists", async (_label, q) => {
    const { w, sqlite, recorder } = world;
    const deps = { db: w.handle.db, now: w.clock.now, catalogue: w.catalogue };
    const ran = await recorder.record(() => indicatorReport(deps, viewer, q));
    const counting = ran.filter((s) => s.sql.includes("'department_list'"));
    expect(counting).toHaveLength(1);
    const plan = queryPlan(sqlite, counting[0]!);
    expect(plan.filter((step) => /^SCAN doc\b/.test(step))).toEqual([]);
    expect(plan.some((step) => /^SEARCH doc USING INDEX documents_created_at_idx \(created_at>\? AND created_at<\?\)/.test(step))).toBe(true);
  });
});
