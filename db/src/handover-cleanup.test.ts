/**
 * The hand-written migration that makes room for "one open handover ticket per citizen": a database
 * that already holds several open tickets of one citizen (two instances raced before the index)
 * keeps the newest open and closes the others, so that the index can be built.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { upsertZaloUser } from "./access/zalo-users.js";
import { executeStatement, queryRows, toDate } from "./raw.js";
import { fixtureNow } from "./testing/fixtures.js";
import { testDbs } from "./testing/test-db.js";

const open = testDbs(afterEach);
const MIGRATIONS = join(fileURLToPath(import.meta.url), "..", "..", "migrations");

function cleanupSql(engine: "sqlite" | "postgres"): string {
  const dir = join(MIGRATIONS, engine);
  const file = readdirSync(dir).find((f) => f.endsWith("_handover_close_duplicate_open.sql"));
  if (!file) throw new Error(`no handover cleanup migration in ${dir}`);
  return readFileSync(join(dir, file), "utf8");
}

describe("the migration before one open handover ticket per citizen", () => {
  it("keeps each citizen's newest open ticket and closes the older ones as of its opening", async () => {
    const handle = await open();
    const { db } = handle;
    await executeStatement(db, sql`drop index handover_one_open_uq`);
    for (const id of ["lan", "binh"]) await upsertZaloUser(db, { id, displayName: id, now: fixtureNow });
    const at = (minutes: number) => new Date(fixtureNow.getTime() + minutes * 60_000);
    const tickets = [
      { id: "lan-1", user: "lan", status: "open", openedAt: at(0) },
      { id: "lan-2", user: "lan", status: "open", openedAt: at(5) },
      { id: "lan-3", user: "lan", status: "closed", openedAt: at(9) },
      { id: "binh-1", user: "binh", status: "open", openedAt: at(1) },
    ];
    const instant = (d: Date) => (handle.engine === "sqlite" ? sql`${d.getTime()}` : sql`${d.toISOString()}::timestamptz`);
    for (const t of tickets) await executeStatement(db, sql`insert into handover_tickets (id, zalo_user_id, status, opened_at) values (${t.id}, ${t.user}, ${t.status}, ${instant(t.openedAt)})`);
    await executeStatement(db, sql.raw(cleanupSql(handle.engine)));
    const rows = await queryRows<{ id: string; status: string; closedAt: unknown; closedBy: string | null }>(db, sql`select id, status, closed_at as "closedAt", closed_by as "closedBy" from handover_tickets order by id`);
    expect(rows.map((r) => ({ ...r, closedAt: toDate(r.closedAt)?.toISOString() ?? null }))).toEqual([
      { id: "binh-1", status: "open", closedAt: null, closedBy: null },
      { id: "lan-1", status: "closed", closedAt: at(5).toISOString(), closedBy: "migration:handover_one_open" },
      { id: "lan-2", status: "open", closedAt: null, closedBy: null },
      { id: "lan-3", status: "closed", closedAt: null, closedBy: null },
    ]);
    await executeStatement(db, sql`create unique index handover_one_open_uq on handover_tickets (zalo_user_id) where status = 'open'`);
  });
});
