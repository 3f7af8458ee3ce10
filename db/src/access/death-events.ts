import { eq } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { deathEvents } from "../schema.js";

export type DeathEvent = typeof deathEvents.$inferSelect;

export function findDeathEventByNoticeNo(db: Db, noticeNo: string): DeathEvent | undefined {
  return db.select().from(deathEvents).where(eq(deathEvents.noticeNo, noticeNo)).get();
}

export function insertDeathEvent(db: Db, row: typeof deathEvents.$inferInsert): DeathEvent {
  return db.insert(deathEvents).values(row).returning().get();
}
