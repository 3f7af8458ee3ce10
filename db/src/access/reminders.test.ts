import { afterEach, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../create-db.js";
import { dueReminders, getDocuments, insertDocument, planReminder, setReminderStatus, supersededReminders } from "./documents.js";

const now = new Date("2027-03-01T13:00:00Z");
let h: DbHandle;
afterEach(() => h?.close());

function seed() {
  h = createDb(":memory:");
  const doc = insertDocument(h.db, { id: "d1", serviceKey: "tour-guide-card", documentNo: "HDV-1", holderKind: "person", holderName: "Lê Văn Hùng", expiresOn: "2027-03-10", updatedAt: now });
  insertDocument(h.db, { id: "d2", serviceKey: "tour-guide-card", documentNo: "HDV-2", holderKind: "person", holderName: "Trần Thị Mai", expiresOn: "2027-04-10", updatedAt: now });
  const plan = (id: string, documentId: string, dueOn: string, step: string, nextAt: Date) =>
    planReminder(h.db, { id, subject: "document", documentId, serviceKey: "tour-guide-card", dueOn, step, nextAt, idempotencyKey: `k:${id}`, updatedAt: now });
  plan("r30", "d1", "2027-03-10", "P30D", new Date("2027-02-08T01:00:00Z")); // missed
  plan("r10", "d1", "2027-03-10", "P10D", new Date("2027-02-28T01:00:00Z")); // also due: supersedes r30
  plan("r7", "d1", "2027-03-10", "P7D", new Date("2027-03-03T01:00:00Z")); // not due yet
  plan("s30", "d2", "2027-04-10", "P30D", new Date("2027-03-11T01:00:00Z"));
  plan("s40", "d2", "2027-04-10", "P40D", new Date("2027-03-01T01:00:00Z"));
  return doc;
}

describe("reminder queries", () => {
  it("takes the due planned reminders oldest first, and marks one overtaken by a later due step", () => {
    seed();
    const due = dueReminders(h.db, now, 10);
    expect(due.map((r) => r.id)).toEqual(["r30", "r10", "s40"]);
    expect([...supersededReminders(h.db, due, now)]).toEqual(["r30"]);
    setReminderStatus(h.db, "r10", { status: "queued", outboxId: "o1", now });
    expect(dueReminders(h.db, now, 10).map((r) => r.id)).toEqual(["r30", "s40"]);
    // The later step is no longer planned: the missed one is the latest left.
    expect([...supersededReminders(h.db, dueReminders(h.db, now, 10), now)]).toEqual([]);
    expect([...getDocuments(h.db, ["d1", "d2", "d1", "nope"]).keys()].sort()).toEqual(["d1", "d2"]);
  });

  it("finds due reminders through the partial index, and a document's through its own index", () => {
    seed();
    const plan = (q: string) => (h.sqlite.prepare(`explain query plan ${q}`).all() as { detail: string }[]).map((r) => r.detail).join("; ");
    expect(plan("select * from reminders where status = 'planned' and next_at <= 1 order by next_at limit 10")).toContain("reminders_planned_idx");
    expect(plan("select next_at from reminders where document_id in ('a','b') and status = 'planned' and +next_at <= 1")).toContain("reminders_document_only_idx");
  });
});
