import { eq, inArray } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { zaloUsers } from "../schema.js";

export type ZaloUser = typeof zaloUsers.$inferSelect;

export function getZaloUser(db: Db, id: string): ZaloUser | undefined {
  return db.select().from(zaloUsers).where(eq(zaloUsers.id, id)).get();
}

/** Records a Zalo user the first time they are seen; later calls refresh the display name only. */
export function upsertZaloUser(db: Db, user: { id: string; displayName: string | null; now: Date }): ZaloUser {
  return db
    .insert(zaloUsers)
    .values({ id: user.id, displayName: user.displayName, updatedAt: user.now })
    .onConflictDoUpdate({ target: zaloUsers.id, set: { displayName: user.displayName, updatedAt: user.now } })
    .returning()
    .get();
}

export function setZaloUserPhone(db: Db, id: string, phone: string, now: Date): void {
  db.update(zaloUsers).set({ phone, phoneLinkedAt: now, updatedAt: now }).where(eq(zaloUsers.id, id)).run();
}

/** Zalo users whose linked phone is one of these numbers (to reach a person on Zalo). */
export function findZaloUsersByPhones(db: Db, phones: string[]): ZaloUser[] {
  if (phones.length === 0) return [];
  return db.select().from(zaloUsers).where(inArray(zaloUsers.phone, phones)).all();
}
