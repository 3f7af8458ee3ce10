import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { prepared } from "../prepared.js";
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

/**
 * Links the phone Zalo verified for this user (the Mini App's phone token, exchanged by the
 * server). Never call it with a phone the user typed: that is `setZaloUserContactPhone`.
 */
export function setZaloUserVerifiedPhone(db: Db, id: string, phone: string, now: Date): void {
  db.update(zaloUsers).set({ phone, phoneLinkedAt: now, updatedAt: now }).where(eq(zaloUsers.id, id)).run();
}

/** Records a phone the user typed into the OA's form: contact data, never identity. */
export function setZaloUserContactPhone(db: Db, id: string, phone: string, now: Date): void {
  db.update(zaloUsers).set({ contactPhone: phone, contactPhoneAt: now, updatedAt: now }).where(eq(zaloUsers.id, id)).run();
}

/**
 * Zalo users whose phone is one of these numbers, as Zalo verified it: the users who *are* the
 * person with that phone (their notices, drafts and documents).
 */
export function findZaloUsersByPhones(db: Db, phones: string[]): ZaloUser[] {
  if (phones.length === 0) return [];
  if (phones.length === 1) {
    // One phone (every reminder): a prepared query.
    return prepared(db, "zaloUsersByPhone", (d) => d.select().from(zaloUsers).where(eq(zaloUsers.phone, sql.placeholder("phone"))).prepare()).all({ phone: phones[0] });
  }
  return db.select().from(zaloUsers).where(inArray(zaloUsers.phone, phones)).all();
}

/**
 * Zalo users reachable at this phone: verified, or typed into the OA's form. Only for sending
 * something that discloses nothing about the phone's owner (a staff member's own test message).
 */
export function findZaloUsersReachableAt(db: Db, phone: string): ZaloUser[] {
  return db.select().from(zaloUsers).where(or(eq(zaloUsers.phone, phone), eq(zaloUsers.contactPhone, phone))).all();
}

export function findZaloUserByOaId(db: Db, oaUserId: string): ZaloUser | undefined {
  return db.select().from(zaloUsers).where(eq(zaloUsers.oaUserId, oaUserId)).get();
}

/**
 * The user behind an OA webhook event. Webhooks carry the OA-scoped id (`sender.id`) and usually
 * the app-scoped id (`user_id_by_app`), the one the Mini App sees: a user known from either side
 * is found, and the other id is filled in.
 */
export function upsertZaloUserFromOa(db: Db, input: { oaUserId: string; appUserId: string | null; now: Date }): ZaloUser {
  const byOa = findZaloUserByOaId(db, input.oaUserId);
  if (byOa) return byOa;
  const byApp = input.appUserId ? getZaloUser(db, input.appUserId) : undefined;
  if (byApp) {
    db.update(zaloUsers).set({ oaUserId: input.oaUserId, updatedAt: input.now }).where(eq(zaloUsers.id, byApp.id)).run();
    return { ...byApp, oaUserId: input.oaUserId };
  }
  return db
    .insert(zaloUsers)
    .values({ id: input.appUserId ?? `oa-${input.oaUserId}`, oaUserId: input.oaUserId, updatedAt: input.now })
    .returning()
    .get();
}

export function updateZaloUser(db: Db, id: string, patch: Partial<Pick<ZaloUser, "follower" | "lastInteractionAt" | "language" | "optedOutAt" | "displayName" | "notificationPrefs">> & { updatedAt: Date }): void {
  db.update(zaloUsers).set(patch).where(eq(zaloUsers.id, id)).run();
}
