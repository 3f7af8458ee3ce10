import { desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { birthEvents } from "../schema.js";

export type BirthEvent = typeof birthEvents.$inferSelect;

export function findBirthEventByCertificateNo(db: Db, certificateNo: string): BirthEvent | undefined {
  return db.select().from(birthEvents).where(eq(birthEvents.certificateNo, certificateNo)).get();
}

export function getBirthEvent(db: Db, id: string): BirthEvent | undefined {
  return db.select().from(birthEvents).where(eq(birthEvents.id, id)).get();
}

export function insertBirthEvent(db: Db, row: typeof birthEvents.$inferInsert): BirthEvent {
  return db.insert(birthEvents).values(row).returning().get();
}

/** Births where one of these persons is the mother or the father, newest first. */
export function listBirthEventsForParents(db: Db, personIds: string[]): BirthEvent[] {
  if (personIds.length === 0) return [];
  return db
    .select()
    .from(birthEvents)
    .where(or(inArray(birthEvents.motherPersonId, personIds), inArray(birthEvents.fatherPersonId, personIds)))
    .orderBy(desc(birthEvents.childBornAt))
    .all();
}
