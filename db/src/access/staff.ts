import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { rawStatement } from "../prepared.js";
import { loginThrottle, staffSessions, staffUsers } from "../schema.js";

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];
export type NewStaffUser = Omit<typeof staffUsers.$inferInsert, "createdAt" | "disabledAt">;

export function insertStaffUser(db: Db, row: NewStaffUser): StaffUser {
  return db.insert(staffUsers).values(row).returning().get();
}

export function findStaffByUsername(db: Db, username: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.username, username)).get();
}

export function getStaffUser(db: Db, id: string): StaffUser | undefined {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
}

export type LoginThrottleScope = (typeof loginThrottle.$inferSelect)["scope"];
/** One bucket of failed logins: `username` and `client` are '' where not part of the key. */
export interface LoginThrottleKey {
  scope: LoginThrottleScope;
  username: string;
  client: string;
}
export type LoginThrottleRow = typeof loginThrottle.$inferSelect;

/** The buckets that exist among these keys. */
export function loginThrottleRows(db: Db, keys: readonly LoginThrottleKey[]): LoginThrottleRow[] {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(loginThrottle)
    .where(or(...keys.map((k) => and(eq(loginThrottle.scope, k.scope), eq(loginThrottle.username, k.username), eq(loginThrottle.client, k.client)))))
    .all();
}

/**
 * Counts one failed login in a bucket, in one statement (instances racing each other count every
 * failure). A bucket whose window (`windowMs` from its first failure) or block has ended starts
 * again at 1; reaching `limit` blocks it for `blockMs` from now. Returns the bucket as it is now.
 */
export function recordLoginFailure(db: Db, key: LoginThrottleKey, opts: { now: Date; windowMs: number; limit: number; blockMs: number }): LoginThrottleRow {
  const stale = "(login_throttle.window_start + @windowMs <= @now or (login_throttle.blocked_until is not null and login_throttle.blocked_until <= @now))";
  const count = `case when ${stale} then 1 else login_throttle.failures + 1 end`;
  const r = rawStatement(
    db,
    "recordLoginFailure",
    `insert into login_throttle (scope, username, client, window_start, failures, blocked_until)
     values (@scope, @username, @client, @now, 1, case when 1 >= @limit then @now + @blockMs else null end)
     on conflict (scope, username, client) do update set
       window_start = case when ${stale} then @now else login_throttle.window_start end,
       failures = ${count},
       blocked_until = case when ${count} >= @limit then @now + @blockMs when ${stale} then null else login_throttle.blocked_until end
     returning scope, username, client, window_start, failures, blocked_until`,
  ).get({ ...key, now: opts.now.getTime(), windowMs: opts.windowMs, limit: opts.limit, blockMs: opts.blockMs }) as { scope: LoginThrottleScope; username: string; client: string; window_start: number; failures: number; blocked_until: number | null };
  return { scope: r.scope, username: r.username, client: r.client, windowStart: new Date(r.window_start), failures: r.failures, blockedUntil: r.blocked_until === null ? null : new Date(r.blocked_until) };
}

/** Forgets a bucket (a successful login clears its username-and-client count). */
export function clearLoginThrottle(db: Db, key: LoginThrottleKey): void {
  db.delete(loginThrottle).where(and(eq(loginThrottle.scope, key.scope), eq(loginThrottle.username, key.username), eq(loginThrottle.client, key.client))).run();
}

/** Lifts every block and count of a username (all clients, or one); returns how many buckets went. */
export function unlockLoginThrottle(db: Db, username: string, client?: string): number {
  const where = client === undefined ? eq(loginThrottle.username, username) : and(eq(loginThrottle.username, username), eq(loginThrottle.client, client));
  return db.delete(loginThrottle).where(where).run().changes;
}

/** Drops buckets whose window and block are both over (they would start again at 1 anyway). */
export function pruneLoginThrottle(db: Db, now: Date, windowMs: number): number {
  return db
    .delete(loginThrottle)
    .where(and(lte(loginThrottle.windowStart, new Date(now.getTime() - windowMs)), or(isNull(loginThrottle.blockedUntil), lte(loginThrottle.blockedUntil, now))))
    .run().changes;
}

/** Whether the staff member opened a session from this client since `since` (one of their usual places). */
export function hasStaffSessionFrom(db: Db, staffId: string, clientKey: string, since: Date): boolean {
  return (
    db
      .select({ one: sql<number>`1` })
      .from(staffSessions)
      .where(and(eq(staffSessions.staffId, staffId), eq(staffSessions.clientKey, clientKey), gt(staffSessions.createdAt, since)))
      .limit(1)
      .get() !== undefined
  );
}

export function insertStaffSession(db: Db, row: { tokenHash: string; staffId: string; expiresAt: Date; createdAt: Date; clientKey?: string | null }): void {
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
