import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { oaTokens } from "../schema.js";

export type OaTokenRow = typeof oaTokens.$inferSelect;

export function getOaTokens(db: Db, oaId: string): OaTokenRow | undefined {
  return db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId)).get();
}

/** Stores a token pair (the first one, from the authorization code, or a refreshed one) and releases the lease. */
export function saveOaTokens(db: Db, row: { oaId: string; accessToken: string; refreshToken: string; expiresAt: Date; now: Date }): void {
  const values = { oaId: row.oaId, accessToken: row.accessToken, refreshToken: row.refreshToken, expiresAt: row.expiresAt, lockedBy: null, lockedUntil: null, updatedAt: row.now };
  db.insert(oaTokens).values(values).onConflictDoUpdate({ target: oaTokens.oaId, set: values }).run();
}

/** Takes the refresh lease if nobody holds it (or theirs expired). True when this holder has it. */
export function acquireOaTokenLease(db: Db, oaId: string, holder: string, until: Date, now: Date): boolean {
  const r = db
    .update(oaTokens)
    .set({ lockedBy: holder, lockedUntil: until })
    .where(and(eq(oaTokens.oaId, oaId), or(isNull(oaTokens.lockedUntil), lte(oaTokens.lockedUntil, now), eq(oaTokens.lockedBy, holder))))
    .returning({ oaId: oaTokens.oaId })
    .get();
  return r !== undefined;
}

export function releaseOaTokenLease(db: Db, oaId: string, holder: string): void {
  db.update(oaTokens).set({ lockedBy: null, lockedUntil: null }).where(and(eq(oaTokens.oaId, oaId), eq(oaTokens.lockedBy, holder))).run();
}
