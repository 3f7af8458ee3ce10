import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLAIM_OUTBOX_SQL } from "./access/outbox.js";
import { createDb, type DbHandle, type SqliteHandle } from "./create-db.js";

let handles: DbHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(handles.map((h) => h.close()));
  handles = [];
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function openSqlite(path = ":memory:"): Promise<SqliteHandle> {
  const h = await createDb(path);
  handles.push(h);
  if (h.engine !== "sqlite") throw new Error("expected SQLite");
  return h;
}

describe("createDb on SQLite", () => {
  it("applies migrations and turns on WAL and foreign keys on a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-db-"));
    dirs.push(dir);
    const h = await openSqlite(join(dir, "nested", "x.db"));
    expect(h.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(h.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = h.sqlite.prepare("select name from sqlite_master where type='table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(["persons", "drafts", "consents", "submissions", "outbox", "inbox", "audit_log", "machine_clients"]));
    expect(() => h.sqlite.prepare("insert into draft_parties (draft_id, person_id, role) values ('x','y','mother')").run()).toThrow(/FOREIGN KEY/);
  });

  it("claims outbox rows through the (status, channel, priority, next_attempt_at) index alone, not by reading rows, and asks the recipient's index what is in the way", async () => {
    const { sqlite } = await openSqlite();
    const steps = (sqlite.prepare(`explain query plan ${CLAIM_OUTBOX_SQL}`).all({ now: 0, lease: 0, limit: 10, channel: "oa" }) as { detail: string }[]).map((r) => r.detail);
    // Each pending branch reads only the index (rowid is in it) and stops at the limit; the
    // expired-lease branch reads the rows being sent (a worker's batch at most).
    expect(steps.filter((d) => d.includes("USING COVERING INDEX outbox_claim_idx (status=? AND channel=? AND priority=? AND next_attempt_at<?)"))).toHaveLength(3);
    expect(steps.some((d) => d.includes("USING INDEX outbox_claim_idx (status=? AND channel=?)"))).toBe(true);
    // Whether an earlier message to the same recipient is in the way: a seek among that
    // recipient's rows still waiting or being sent (the partial index), never a scan.
    expect(steps.filter((d) => d.includes("USING INDEX outbox_recipient_idx (recipient_key=? AND priority=? AND rowid<?)"))).toHaveLength(3);
    // No branch reads the table or sorts it; only the few rows they found are merged in order.
    expect(steps.filter((d) => /SCAN outbox\b/.test(d))).toEqual([]);
    expect(steps.filter((d) => d.includes("TEMP B-TREE"))).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
  });

  it("finds due reminders through the partial index, and a document's through its own index", async () => {
    const { sqlite } = await openSqlite();
    const plan = (q: string) => (sqlite.prepare(`explain query plan ${q}`).all() as { detail: string }[]).map((r) => r.detail).join("; ");
    expect(plan("select * from reminders where status = 'planned' and next_at <= 1 order by next_at limit 10")).toContain("reminders_planned_idx");
    expect(plan("select next_at from reminders where document_id in ('a','b') and status = 'planned' and +next_at <= 1")).toContain("reminders_document_only_idx");
  });
});
