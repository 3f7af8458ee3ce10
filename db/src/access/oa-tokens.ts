import { and, eq, isNull, lte, or } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { oaTokens } from "../schema.js";

export type OaTokenRow = typeof oaTokens.$inferSelect;

export async function getOaTokens(db: Db, oaId: string): Promise<OaTokenRow | undefined> {
  const { oaTokens } = tablesOf(db);
  return (await db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId)).limit(1))[0];
}

/** Stores a token pair (the first one, from the authorization code, or a refreshed one) and releases the lease. */
export async function saveOaTokens(db: Db, row: { oaId: string; accessToken: string; refreshToken: string; expiresAt: Date; now: Date }): Promise<void> {
  const { oaTokens } = tablesOf(db);
  const values = { oaId: row.oaId, accessToken: row.accessToken, refreshToken: row.refreshToken, expiresAt: row.expiresAt, lockedBy: null, lockedUntil: null, updatedAt: row.now };
  await db.insert(oaTokens).values(values).onConflictDoUpdate({ target: oaTokens.oaId, set: values });
}

/** Takes the refresh lease if nobody holds it (or theirs expired). True when this holder has it. */
export async function acquireOaTokenLease(db: Db, oaId: string, holder: string, until: Date, now: Date): Promise<boolean> {
  const { oaTokens } = tablesOf(db);
  const won = await db
    .update(oaTokens)
    .set({ lockedBy: holder, lockedUntil: until })
    .where(and(eq(oaTokens.oaId, oaId), or(isNull(oaTokens.lockedUntil), lte(oaTokens.lockedUntil, now), eq(oaTokens.lockedBy, holder))))
    .returning({ oaId: oaTokens.oaId });
  return won.length > 0;
}

export async function releaseOaTokenLease(db: Db, oaId: string, holder: string): Promise<void> {
  const { oaTokens } = tablesOf(db);
  await db.update(oaTokens).set({ lockedBy: null, lockedUntil: null }).where(and(eq(oaTokens.oaId, oaId), eq(oaTokens.lockedBy, holder)));
}
