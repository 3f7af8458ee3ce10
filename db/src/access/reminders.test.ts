import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../engine.js";
import { testDbs } from "../testing/test-db.js";
import { sql } from "drizzle-orm";
import { queryRows } from "../raw.js";
import { dueReminders, findDocumentsByNumber, getDocuments, insertDocument, insertDocuments, planReminder, planReminders, setReminderStatus, setReminderStatuses, supersededReminders } from "./documents.js";

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

  it("plans many reminders at once, more than one statement can carry, each key once", async () => {
    const db = await seed();
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: `m${i}`, subject: "document" as const, documentId: "d2", serviceKey: "tour-guide-card", dueOn: "2027-04-10", step: `P${i}D`, nextAt: now, idempotencyKey: `m:${i}`, updatedAt: now }));
    // A key planned already (r30's), and one given twice, plan nothing more.
    const again = { ...rows[0]!, id: "m-again" };
    const known = { ...rows[1]!, id: "k-again", idempotencyKey: "k:r30" };
    expect(await db.transaction((tx) => planReminders(tx, [...rows, again, known]))).toBe(5_000);
    expect(await queryRows(db, sql`select count(*) as n, min(status) as status from reminders where id like 'm%'`)).toEqual([{ n: 5_000, status: "planned" }]);
    expect(await queryRows(db, sql`select id from reminders where id in ('m-again', 'k-again')`)).toEqual([]);
  });

  it("records many reminders' outcomes at once, each with its outbox row or reason", async () => {
    const db = await seed();
    await setReminderStatuses(db, [{ id: "r30", status: "cancelled", reason: "superseded by a later notice" }, { id: "r10", status: "queued", outboxId: "o1" }, { id: "s40", status: "skipped", reason: "unreachable" }], now);
    expect(await queryRows(db, sql`select id, status, outbox_id, reason, updated_at from reminders order by id`)).toEqual([
      { id: "r10", status: "queued", outbox_id: "o1", reason: null, updated_at: now.getTime() },
      { id: "r30", status: "cancelled", outbox_id: null, reason: "superseded by a later notice", updated_at: now.getTime() },
      { id: "r7", status: "planned", outbox_id: null, reason: null, updated_at: now.getTime() },
      { id: "s30", status: "planned", outbox_id: null, reason: null, updated_at: now.getTime() },
      { id: "s40", status: "skipped", outbox_id: null, reason: "unreachable", updated_at: now.getTime() },
    ]);
  });

  it("stores many documents at once, more than one statement can carry, and finds a batch's by service and number", async () => {
    const db = await seed();
    const doc = (i: number, serviceKey = "petrol-retail-certificate") => ({ id: `p${i}`, serviceKey, documentNo: `HDV-${i}`, holderKind: "organization" as const, holderName: `Công ty ${i}`,
      holderId: "3901234567", phone: null, issuedOn: "2023-01-01", expiresOn: "2028-01-01", wardCode: "25747", address: "Tây Ninh", lastImportId: null, createdAt: now, updatedAt: now });
    await db.transaction((tx) => insertDocuments(tx, Array.from({ length: 5_000 }, (_, i) => doc(i))));
    const found = await findDocumentsByNumber(db, [
      { serviceKey: "tour-guide-card", documentNo: "HDV-1" },
      { serviceKey: "tour-guide-card", documentNo: "HDV-3" },
      { serviceKey: "petrol-retail-certificate", documentNo: "HDV-1" },
      { serviceKey: "petrol-retail-certificate", documentNo: "HDV-4999" },
    ]);
    expect(found.map((d) => d.id).sort()).toEqual(["d1", "p1", "p4999"]);
    expect(found.find((d) => d.id === "p4999")).toMatchObject({ holderName: "Công ty 4999", holderId: "3901234567", phone: null, issuedOn: "2023-01-01", wardCode: "25747", createdAt: now, updatedAt: now, lastImportId: null });
  });
});
