import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../engine.js";
import { testDbs } from "../testing/test-db.js";
import { dueReminders, getDocuments, insertDocument, planReminder, setReminderStatus, supersededReminders } from "./documents.js";

const now = new Date("2027-03-01T13:00:00Z");
const open = testDbs(afterEach);

async function seed(): Promise<Db> {
  const { db } = await open();
  await insertDocument(db, { id: "d1", serviceKey: "tour-guide-card", documentNo: "HDV-1", holderKind: "person", holderName: "Lê Văn Hùng", expiresOn: "2027-03-10", updatedAt: now });
  await insertDocument(db, { id: "d2", serviceKey: "tour-guide-card", documentNo: "HDV-2", holderKind: "person", holderName: "Trần Thị Mai", expiresOn: "2027-04-10", updatedAt: now });
  const plan = (id: string, documentId: string, dueOn: string, step: string, nextAt: Date) =>
    planReminder(db, { id, subject: "document", documentId, serviceKey: "tour-guide-card", dueOn, step, nextAt, idempotencyKey: `k:${id}`, updatedAt: now });
  await plan("r30", "d1", "2027-03-10", "P30D", new Date("2027-02-08T01:00:00Z")); // missed
  await plan("r10", "d1", "2027-03-10", "P10D", new Date("2027-02-28T01:00:00Z")); // also due: supersedes r30
  await plan("r7", "d1", "2027-03-10", "P7D", new Date("2027-03-03T01:00:00Z")); // not due yet
  await plan("s30", "d2", "2027-04-10", "P30D", new Date("2027-03-11T01:00:00Z"));
  await plan("s40", "d2", "2027-04-10", "P40D", new Date("2027-03-01T01:00:00Z"));
  return db;
}

describe("reminder queries", () => {
  it("takes the due planned reminders oldest first, and marks one overtaken by a later due step", async () => {
    const db = await seed();
    const due = await dueReminders(db, now, 10);
    expect(due.map((r) => r.id)).toEqual(["r30", "r10", "s40"]);
    expect([...(await supersededReminders(db, due, now))]).toEqual(["r30"]);
    await setReminderStatus(db, "r10", { status: "queued", outboxId: "o1", now });
    expect((await dueReminders(db, now, 10)).map((r) => r.id)).toEqual(["r30", "s40"]);
    // The later step is no longer planned: the missed one is the latest left.
    expect([...(await supersededReminders(db, await dueReminders(db, now, 10), now))]).toEqual([]);
    expect([...(await getDocuments(db, ["d1", "d2", "d1", "nope"])).keys()].sort()).toEqual(["d1", "d2"]);
  });

  it("plans a reminder once per idempotency key", async () => {
    const db = await seed();
    expect(await planReminder(db, { id: "again", subject: "document", documentId: "d1", serviceKey: "tour-guide-card", dueOn: "2027-03-10", step: "P30D", nextAt: now, idempotencyKey: "k:r30", updatedAt: now })).toBe(false);
    expect((await dueReminders(db, now, 10)).map((r) => r.id)).toEqual(["r30", "r10", "s40"]);
  });
});
