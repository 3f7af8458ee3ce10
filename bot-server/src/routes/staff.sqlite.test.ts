/**
 * What only an SQLite database can hold: reports stored whole by versions before issue 13, as one
 * JSON column (a PostgreSQL database never had them, and its jsonb could not hold what is here).
 */
import { afterEach, describe, expect, it } from "vitest";
import { importListSchema, staffSessionSchema } from "@hccd/shared";
import { twoAgencyCatalogue } from "../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../testing/world.js";
import { createStaffUser } from "../services/staff/staff-auth.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";

describe("import reports stay bounded (issue 13, finding 1)", () => {
  it("lists imports, and reads one, without loading any report", async () => {
    w = await createTestWorld({ catalogue: twoAgencyCatalogue });
    if (w.handle.engine !== "sqlite") throw new Error("this file runs on SQLite only");
    const sqlite = w.handle.sqlite;
    const me = await createStaffUser(w.services, { username: "admin", displayName: "Cán bộ admin", password: PASSWORD, role: "admin", agency: null, wardCode: null });
    const login = await w.call("POST", "/api/staff/session", { body: { username: me.username, password: PASSWORD } });
    const { token } = staffSessionSchema.parse(await login.json());
    // Reports written by earlier versions as one JSON column, here not even JSON: a query that
    // loaded them would fail on each (as it ran out of memory on five 472 MB ones).
    const insert = sqlite.prepare("insert into imports (id, file_name, format, imported_by, status, started_at, rows, rejected, report) values (?, ?, 'csv', ?, 'finished', ?, 10, 10, ?)");
    for (let i = 0; i < 5; i++) insert.run(`imp-old-${i}`, `cu-${i}.csv`, me.id, w.clock.now().getTime() - i, "[{ not json");
    // Nor does the list read the counts per column and reason (only an import's own page does).
    sqlite.prepare("update imports set problem_counts = '[{ not json' where id <> 'imp-old-0'").run();
    const list = await w.call("GET", "/api/staff/imports", { token });
    expect(list.status).toBe(200);
    expect(importListSchema.parse(await list.json()).imports.map((i) => i.id)).toEqual(["imp-old-0", "imp-old-1", "imp-old-2", "imp-old-3", "imp-old-4"]);
    expect((await w.call("GET", "/api/staff/imports/imp-old-0", { token })).status).toBe(200);
  });
});
