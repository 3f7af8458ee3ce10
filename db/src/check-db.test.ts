import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { checkDb } from "./create-db.js";
import { executeStatement } from "./raw.js";
import { testDbs } from "./testing/test-db.js";

const open = testDbs(afterEach);

describe("checkDb (readiness)", () => {
  it("is ready when every committed migration is applied, and says how many are not", async () => {
    const handle = await open();
    expect(await checkDb(handle)).toEqual({ ok: true });
    const table = handle.engine === "sqlite" ? sql`"__drizzle_migrations"` : sql`drizzle."__drizzle_migrations"`;
    await executeStatement(handle.db, sql`delete from ${table} where created_at = (select max(created_at) from ${table})`);
    expect(await checkDb(handle)).toEqual({ ok: false, reason: "1 migration(s) not applied" });
  });

  it("says the database does not answer instead of throwing", async () => {
    const handle = await open();
    await handle.close();
    const result = await checkDb(handle);
    expect(result.ok).toBe(false);
  });
});
