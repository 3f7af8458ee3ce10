import { eq } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { deathEvents } from "../schema.js";

export type DeathEvent = typeof deathEvents.$inferSelect;

export async function findDeathEventByNoticeNo(db: Db, noticeNo: string): Promise<DeathEvent | undefined> {
  const { deathEvents } = tablesOf(db);
  return (await db.select().from(deathEvents).where(eq(deathEvents.noticeNo, noticeNo)).limit(1))[0];
}

export async function insertDeathEvent(db: Db, row: typeof deathEvents.$inferInsert): Promise<DeathEvent> {
  const { deathEvents } = tablesOf(db);
  return (await db.insert(deathEvents).values(row).returning())[0]!;
}
