import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { staffSessions, staffUsers } from "../schema.js";

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];
export type NewStaffUser = Omit<typeof staffUsers.$inferInsert, "createdAt" | "failedLogins" | "lockedUntil" | "disabledAt">;

export function insertStaffUser(db: Db, row: NewStaffUser): StaffUser {
  return db.insert(staffUsers).values(row).returning().get();
}

export function findStaffByUsername(db: Db, username: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.username, username)).get();
}

export function getStaffUser(db: Db, id: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
}

/** Records a failed login; returns the new count. Locks the account until `lockUntil` when given. */
export function recordStaffLoginFailure(db: Db, id: string, lockUntil: Date | null): number {
  const r = db
    .update(staffUsers)
    .set({ failedLogins: sql`${staffUsers.failedLogins} + 1`, ...(lockUntil ? { lockedUntil: lockUntil } : {}) })
    .where(eq(staffUsers.id, id))
    .returning({ failedLogins: staffUsers.failedLogins })
    .get();
  return r?.failedLogins ?? 0;
}

export function resetStaffLoginFailures(db: Db, id: string): void {
  db.update(staffUsers).set({ failedLogins: 0, lockedUntil: null }).where(eq(staffUsers.id, id)).run();
}

export function insertStaffSession(db: Db, row: { tokenHash: string; staffId: string; expiresAt: Date; createdAt: Date }): void {
  db.insert(staffSessions).values(row).run();
}

/** The live session behind a token hash, with its user: not revoked, not expired. */
export function findLiveStaffSession(db: Db, tokenHash: string, now: Date): { session: typeof staffSessions.$inferSelect; user: StaffUser } | undefined {
  const r = db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt), gt(staffSessions.expiresAt, now)))
    .get();
  return r;
}

export function revokeStaffSession(db: Db, tokenHash: string, now: Date): void {
  db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.tokenHash, tokenHash)).run();
}
