import { eq } from "drizzle-orm";
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
