import { and, desc, eq, inArray, or } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { birthEvents } from "../schema.js";
import type { ReminderRow } from "./documents.js";

export type BirthEvent = typeof birthEvents.$inferSelect;

export async function findBirthEventByCertificateNo(db: Db, certificateNo: string): Promise<BirthEvent | undefined> {
  const { birthEvents } = tablesOf(db);
  return (await db.select().from(birthEvents).where(eq(birthEvents.certificateNo, certificateNo)).limit(1))[0];
}

export async function getBirthEvent(db: Db, id: string): Promise<BirthEvent | undefined> {
  const { birthEvents } = tablesOf(db);
  return (await db.select().from(birthEvents).where(eq(birthEvents.id, id)).limit(1))[0];
}

export async function insertBirthEvent(db: Db, row: typeof birthEvents.$inferInsert): Promise<BirthEvent> {
  const { birthEvents } = tablesOf(db);
  return (await db.insert(birthEvents).values(row).returning())[0]!;
}

/** Births where one of these persons is the mother or the father, newest first. */
export async function listBirthEventsForParents(db: Db, personIds: string[]): Promise<BirthEvent[]> {
  if (personIds.length === 0) return [];
  const { birthEvents } = tablesOf(db);
  return db
    .select()
    .from(birthEvents)
    .where(or(inArray(birthEvents.motherPersonId, personIds), inArray(birthEvents.fatherPersonId, personIds)))
    .orderBy(desc(birthEvents.childBornAt), desc(birthEvents.id));
}

/** The reminders of a birth (a child's vaccination doses) not sent yet: planned, or queued in the outbox. */
export async function openBirthEventReminders(db: Db, birthEventId: string): Promise<ReminderRow[]> {
  const { reminders } = tablesOf(db);
  return db.select().from(reminders).where(and(eq(reminders.birthEventId, birthEventId), inArray(reminders.status, ["planned", "queued"])));
}
