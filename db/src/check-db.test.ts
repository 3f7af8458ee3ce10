import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkDb, createDb } from "./create-db.js";
import { DatabaseUnavailable } from "./errors.js";
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

describe("createDb on a database it cannot open", () => {
  it("says which database (never its password) and why, for a server that is not there or a file that cannot be made", async () => {
    const refused = createDb("postgres://hccd:s3cret@127.0.0.1:1/hccd").catch((e: unknown) => e);
    expect(await refused).toBeInstanceOf(DatabaseUnavailable);
    expect(await refused).toMatchObject({ target: "postgres://hccd@127.0.0.1:1/hccd", reason: expect.stringMatching(/^connection refused/) });
    expect(String((await refused as Error).message)).not.toContain("s3cret");

    const dir = mkdtempSync(join(tmpdir(), "hccd-open-"));
    try {
      writeFileSync(join(dir, "a-file"), "");
      const blocked = await createDb(join(dir, "a-file", "hccd.db")).catch((e: unknown) => e);
      expect(blocked).toBeInstanceOf(DatabaseUnavailable);
      expect(blocked).toMatchObject({ target: join(dir, "a-file", "hccd.db"), reason: expect.stringMatching(/a-file/) });
      writeFileSync(join(dir, "text.db"), "not a database, and longer than SQLite's header of one hundred bytes: ".repeat(3));
      const notDb = await createDb(join(dir, "text.db")).catch((e: unknown) => e);
      expect(notDb).toMatchObject({ target: join(dir, "text.db"), reason: "file is not a database" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
