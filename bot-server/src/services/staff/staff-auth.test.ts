import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { createStaffUser } from "./staff-auth.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const input = { username: "quan-tri", displayName: "Quản trị", password: "mật-khẩu-đủ-dài-2026", role: "admin" as const };

describe("staff accounts", () => {
  it("one account per username, also when two operators create it at once: the other is told 409 username_taken", async () => {
    w = await createTestWorld();
    const [a, b] = await Promise.allSettled([createStaffUser(w.services, input), createStaffUser(w.services, input)]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    const refused = [a, b].find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(refused.reason).toMatchObject({ status: 409, code: "username_taken" });
    expect(await w.rows(sql`select username from staff_users where username = 'quan-tri'`)).toEqual([{ username: "quan-tri" }]);
    // And later, one at a time, the same answer.
    await expect(createStaffUser(w.services, input)).rejects.toMatchObject({ status: 409, code: "username_taken" });
  });
});
