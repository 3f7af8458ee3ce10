import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "../create-db.js";
import { cancelPendingOutbox, claimDueOutbox, enqueueOutbox, getOutboxRow, markOutboxSent, rescheduleOutbox } from "./outbox.js";

const t0 = new Date("2026-11-24T03:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
let handles: DbHandle[] = [];
afterEach(() => {
  handles.forEach((h) => h.close());
  handles = [];
});
function open(path = ":memory:") {
  const h = createDb(path);
  handles.push(h);
  return h;
}
const row = (key: string, nextAttemptAt = t0) => ({ id: `id-${key}`, kind: "case_submission" as const, idempotencyKey: key, channel: "case_system" as const, payload: { submissionId: key }, nextAttemptAt, now: t0 });

describe("createDb", () => {
  it("applies migrations and turns on WAL and foreign keys on a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-db-"));
    try {
      const h = open(join(dir, "nested", "x.db"));
      expect(h.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(h.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      const tables = h.sqlite.prepare("select name from sqlite_master where type='table'").all().map((r) => (r as { name: string }).name);
      expect(tables).toEqual(expect.arrayContaining(["persons", "drafts", "consents", "submissions", "outbox", "inbox", "audit_log", "machine_clients"]));
      expect(() => h.sqlite.prepare("insert into draft_parties (draft_id, person_id, role) values ('x','y','mother')").run()).toThrow(/FOREIGN KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("outbox", () => {
  it("stores one row per idempotency key", () => {
    const { db } = open();
    const a = enqueueOutbox(db, row("k1"));
    const b = enqueueOutbox(db, { ...row("k1"), id: "other" });
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(b.row.id).toBe("id-k1");
  });

  it("returns on insert exactly the row it stored (the insert bypasses drizzle for speed)", () => {
    const { db } = open();
    const { row: inserted } = enqueueOutbox(db, { ...row("exact"), kind: "notification", channel: "zns", fallbackChannels: ["sms"], payload: { message: { type: "x", text: "Kính gửi Ông/Bà" } } });
    expect(getOutboxRow(db, "id-exact")).toEqual(inserted);
    markOutboxSent(db, "id-exact", "zns-1", at(5_000));
    expect(getOutboxRow(db, "id-exact")).toMatchObject({ status: "sent", providerRef: "zns-1", sentAt: at(5_000), lockedUntil: null });
  });

  it("claims through the (status, next_attempt_at) index, not by reading every row", () => {
    const { sqlite } = open();
    const plan = (sql: string) => (sqlite.prepare(`explain query plan ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("; ");
    expect(plan("select id, next_attempt_at from outbox where status = 'pending' and next_attempt_at <= 1 order by next_attempt_at limit 10")).toContain("outbox_due_idx");
    expect(plan("select id, next_attempt_at from outbox where status = 'sending' and locked_until <= 1 order by next_attempt_at limit 10")).toContain("outbox_due_idx");
  });

  it("claims due rows once, and a crashed send again after its lease", () => {
    const { db } = open();
    enqueueOutbox(db, row("due"));
    enqueueOutbox(db, row("later", at(60_000)));
    const first = claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000 });
    expect(first.map((r) => r.idempotencyKey)).toEqual(["due"]);
    expect(first[0]).toMatchObject({ status: "sending", attempts: 1 });
    expect(claimDueOutbox(db, { now: at(1000), limit: 10, leaseMs: 30_000 })).toEqual([]);
    // The worker died: after the lease both the orphan and the now-due row are claimed.
    const again = claimDueOutbox(db, { now: at(60_000), limit: 10, leaseMs: 30_000 });
    expect(again.map((r) => r.idempotencyKey).sort()).toEqual(["due", "later"]);
    expect(again.find((r) => r.idempotencyKey === "due")?.attempts).toBe(2);
  });

  it("does not claim sent, cancelled or rescheduled rows early", () => {
    const { db } = open();
    enqueueOutbox(db, row("a"));
    enqueueOutbox(db, row("b"));
    enqueueOutbox(db, row("c"));
    claimDueOutbox(db, { now: t0, limit: 1, leaseMs: 30_000 });
    markOutboxSent(db, "id-a", "case-1", t0);
    expect(cancelPendingOutbox(db, "b", t0)).toBe(true);
    expect(cancelPendingOutbox(db, "a", t0)).toBe(false); // already sent
    const [c] = claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000 });
    expect(c?.idempotencyKey).toBe("c");
    rescheduleOutbox(db, "id-c", { nextAttemptAt: at(10_000), lastError: "timeout", now: t0 });
    expect(claimDueOutbox(db, { now: at(9_999), limit: 10, leaseMs: 30_000 })).toEqual([]);
    expect(claimDueOutbox(db, { now: at(10_000), limit: 10, leaseMs: 30_000 }).map((r) => r.idempotencyKey)).toEqual(["c"]);
    expect(getOutboxRow(db, "id-b")?.status).toBe("cancelled");
  });
});
