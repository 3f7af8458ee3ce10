import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "../create-db.js";
import { cancelPendingOutbox, claimDueOutbox, CLAIM_OUTBOX_SQL, enqueueOutbox, getOutboxRow, markOutboxSent, rescheduleOutbox, type OutboxPriority, type OutboxRow } from "./outbox.js";

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
const row = (key: string, nextAttemptAt = t0) => ({ id: `id-${key}`, kind: "case_submission" as const, idempotencyKey: key, channel: "case_system" as const, priority: "transactional" as const, payload: { submissionId: key }, nextAttemptAt, now: t0 });

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

  it("claims through the (status, channel, priority, next_attempt_at) index alone, not by reading rows", () => {
    const { sqlite } = open();
    const steps = (sqlite.prepare(`explain query plan ${CLAIM_OUTBOX_SQL}`).all({ now: 0, lease: 0, limit: 10, channel: "oa" }) as { detail: string }[]).map((r) => r.detail);
    // Each pending branch reads only the index (rowid is in it) and stops at the limit; the
    // expired-lease branch reads the rows being sent (a worker's batch at most).
    expect(steps.filter((d) => d.includes("USING COVERING INDEX outbox_claim_idx (status=? AND channel=? AND priority=? AND next_attempt_at<?)"))).toHaveLength(3);
    expect(steps.some((d) => d.includes("USING INDEX outbox_claim_idx (status=? AND channel=?)"))).toBe(true);
    // No branch reads the table or sorts it; only the few rows they found are merged in order.
    expect(steps.filter((d) => /SCAN outbox\b/.test(d))).toEqual([]);
    expect(steps.filter((d) => d.includes("TEMP B-TREE"))).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
  });

  /** A notification on a channel, of a priority, due at `due`. */
  const message = (key: string, channel: "oa" | "zns" | "sms", priority: OutboxPriority, due = t0) => ({
    id: `id-${key}`, kind: "notification" as const, idempotencyKey: key, channel, priority, payload: { message: { type: "chat", text: key } }, nextAttemptAt: due, now: t0,
  });

  it("claims per channel: a backlog of OA replies does not hide a due ZNS notice or a dossier", () => {
    const { db } = open();
    db.transaction((tx) => {
      for (let i = 0; i < 300; i++) enqueueOutbox(tx, message(`oa-${i}`, "oa", "transactional", at(-600_000 + i)));
    });
    enqueueOutbox(db, message("birth-notice", "zns", "transactional"));
    enqueueOutbox(db, row("dossier"));
    const claim = (channel: OutboxRow["channel"]) => claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel }).map((r) => r.idempotencyKey);
    expect(claim("zns")).toEqual(["birth-notice"]);
    expect(claim("case_system")).toEqual(["dossier"]);
    expect(claim("sms")).toEqual([]);
    expect(claim("oa")).toEqual(Array.from({ length: 10 }, (_, i) => `oa-${i}`));
  });

  it("claims a channel's transactional messages before its reminders and campaign traffic, each in due order", () => {
    const { db } = open();
    db.transaction((tx) => {
      for (let i = 0; i < 200; i++) enqueueOutbox(tx, message(`campaign-${i}`, "oa", "campaign", at(-600_000 + i)));
      for (let i = 0; i < 3; i++) enqueueOutbox(tx, message(`reminder-${i}`, "oa", "reminder", at(-300_000 + i)));
    });
    enqueueOutbox(db, message("reply-later", "oa", "transactional", at(-1)));
    enqueueOutbox(db, message("reply", "oa", "transactional", at(-2)));
    enqueueOutbox(db, message("reply-not-due", "oa", "transactional", at(60_000)));
    const claimed = claimDueOutbox(db, { now: t0, limit: 7, leaseMs: 30_000, channel: "oa" });
    expect(claimed.map((r) => r.idempotencyKey)).toEqual(["reply", "reply-later", "reminder-0", "reminder-1", "reminder-2", "campaign-0", "campaign-1"]);
    // A crashed send comes back after its lease, in its place among the others.
    expect(claimDueOutbox(db, { now: at(30_000), limit: 3, leaseMs: 30_000, channel: "oa" }).map((r) => r.idempotencyKey)).toEqual(["reply", "reply-later", "reminder-0"]);
  });

  it("claims due rows once, and a crashed send again after its lease", () => {
    const { db } = open();
    enqueueOutbox(db, row("due"));
    enqueueOutbox(db, row("later", at(60_000)));
    const first = claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(first.map((r) => r.idempotencyKey)).toEqual(["due"]);
    expect(first[0]).toMatchObject({ status: "sending", attempts: 1 });
    expect(claimDueOutbox(db, { now: at(1000), limit: 10, leaseMs: 30_000, channel: "case_system" })).toEqual([]);
    // The worker died: after the lease both the orphan and the now-due row are claimed.
    const again = claimDueOutbox(db, { now: at(60_000), limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(again.map((r) => r.idempotencyKey).sort()).toEqual(["due", "later"]);
    expect(again.find((r) => r.idempotencyKey === "due")?.attempts).toBe(2);
  });

  it("does not claim sent, cancelled or rescheduled rows early", () => {
    const { db } = open();
    enqueueOutbox(db, row("a"));
    enqueueOutbox(db, row("b"));
    enqueueOutbox(db, row("c"));
    claimDueOutbox(db, { now: t0, limit: 1, leaseMs: 30_000, channel: "case_system" });
    markOutboxSent(db, "id-a", "case-1", t0);
    expect(cancelPendingOutbox(db, "b", t0)).toBe(true);
    expect(cancelPendingOutbox(db, "a", t0)).toBe(false); // already sent
    const [c] = claimDueOutbox(db, { now: t0, limit: 10, leaseMs: 30_000, channel: "case_system" });
    expect(c?.idempotencyKey).toBe("c");
    rescheduleOutbox(db, "id-c", { nextAttemptAt: at(10_000), lastError: "timeout", now: t0 });
    expect(claimDueOutbox(db, { now: at(9_999), limit: 10, leaseMs: 30_000, channel: "case_system" })).toEqual([]);
    expect(claimDueOutbox(db, { now: at(10_000), limit: 10, leaseMs: 30_000, channel: "case_system" }).map((r) => r.idempotencyKey)).toEqual(["c"]);
    expect(getOutboxRow(db, "id-b")?.status).toBe("cancelled");
  });
});
