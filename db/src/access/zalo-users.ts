import { eq, inArray, or, sql } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { prepared } from "../prepared.js";
import type { zaloUsers } from "../schema.js";

export type ZaloUser = typeof zaloUsers.$inferSelect;

export async function getZaloUser(db: Db, id: string): Promise<ZaloUser | undefined> {
  const { zaloUsers } = tablesOf(db);
  return (await db.select().from(zaloUsers).where(eq(zaloUsers.id, id)).limit(1))[0];
}

/** Records a Zalo user the first time they are seen; later calls refresh the display name only. */
export async function upsertZaloUser(db: Db, user: { id: string; displayName: string | null; now: Date }): Promise<ZaloUser> {
  const { zaloUsers } = tablesOf(db);
  const [row] = await db
    .insert(zaloUsers)
    .values({ id: user.id, displayName: user.displayName, updatedAt: user.now })
    .onConflictDoUpdate({ target: zaloUsers.id, set: { displayName: user.displayName, updatedAt: user.now } })
    .returning();
  return row!;
}

/**
 * Links the phone Zalo verified for this user (the Mini App's phone token, exchanged by the
 * server). Never call it with a phone the user typed: that is `setZaloUserContactPhone`.
 */
export async function setZaloUserVerifiedPhone(db: Db, id: string, phone: string, now: Date): Promise<void> {
  const { zaloUsers } = tablesOf(db);
  await db.update(zaloUsers).set({ phone, phoneLinkedAt: now, updatedAt: now }).where(eq(zaloUsers.id, id));
}

/** Records a phone the user typed into the OA's form: contact data, never identity. */
export async function setZaloUserContactPhone(db: Db, id: string, phone: string, now: Date): Promise<void> {
  const { zaloUsers } = tablesOf(db);
  await db.update(zaloUsers).set({ contactPhone: phone, contactPhoneAt: now, updatedAt: now }).where(eq(zaloUsers.id, id));
}

/**
 * Zalo users whose phone is one of these numbers, as Zalo verified it: the users who *are* the
 * person with that phone (their notices, drafts and documents).
 */
export async function findZaloUsersByPhones(db: Db, phones: string[]): Promise<ZaloUser[]> {
  if (phones.length === 0) return [];
  if (phones.length === 1) {
    // One phone (every reminder): a prepared query.
    return prepared(db, "zaloUsersByPhone", (d) => d.select().from(tablesOf(d).zaloUsers).where(eq(tablesOf(d).zaloUsers.phone, sql.placeholder("phone"))), { phone: phones[0] });
  }
  const { zaloUsers } = tablesOf(db);
  return db.select().from(zaloUsers).where(inArray(zaloUsers.phone, phones));
}

/**
 * Zalo users reachable at this phone: verified, or typed into the OA's form. Only for sending
 * something that discloses nothing about the phone's owner (a staff member's own test message).
 */
export async function findZaloUsersReachableAt(db: Db, phone: string): Promise<ZaloUser[]> {
  const { zaloUsers } = tablesOf(db);
  return db.select().from(zaloUsers).where(or(eq(zaloUsers.phone, phone), eq(zaloUsers.contactPhone, phone)));
}

export async function findZaloUserByOaId(db: Db, oaUserId: string): Promise<ZaloUser | undefined> {
  const { zaloUsers } = tablesOf(db);
  return (await db.select().from(zaloUsers).where(eq(zaloUsers.oaUserId, oaUserId)).limit(1))[0];
}

/**
 * The user behind an OA webhook event. Webhooks carry the OA-scoped id (`sender.id`) and usually
 * the app-scoped id (`user_id_by_app`), the one the Mini App sees: a user known from either side
 * is found, and the other id is filled in.
 */
export async function upsertZaloUserFromOa(db: Db, input: { oaUserId: string; appUserId: string | null; now: Date }): Promise<ZaloUser> {
  const { zaloUsers } = tablesOf(db);
  const byOa = await findZaloUserByOaId(db, input.oaUserId);
  if (byOa) return byOa;
  const byApp = input.appUserId ? await getZaloUser(db, input.appUserId) : undefined;
  if (byApp) {
    await db.update(zaloUsers).set({ oaUserId: input.oaUserId, updatedAt: input.now }).where(eq(zaloUsers.id, byApp.id));
    return { ...byApp, oaUserId: input.oaUserId };
  }
  const [row] = await db
    .insert(zaloUsers)
    .values({ id: input.appUserId ?? `oa-${input.oaUserId}`, oaUserId: input.oaUserId, updatedAt: input.now })
    .returning();
  return row!;
}

export async function updateZaloUser(db: Db, id: string, patch: Partial<Pick<ZaloUser, "follower" | "lastInteractionAt" | "language" | "optedOutAt" | "displayName" | "notificationPrefs">> & { updatedAt: Date }): Promise<void> {
  const { zaloUsers } = tablesOf(db);
  await db.update(zaloUsers).set(patch).where(eq(zaloUsers.id, id));
}
