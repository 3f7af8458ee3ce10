import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import { affectedRows, tablesOf, type Db } from "../engine.js";
import { onSqlite, queryRows, toDate } from "../raw.js";
import type { loginThrottle, staffSessions, staffUsers } from "../schema.js";

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = StaffUser["role"];
export type NewStaffUser = Omit<typeof staffUsers.$inferInsert, "createdAt" | "disabledAt">;

export async function insertStaffUser(db: Db, row: NewStaffUser): Promise<StaffUser> {
  const { staffUsers } = tablesOf(db);
  return (await db.insert(staffUsers).values(row).returning())[0]!;
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffUser | undefined> {
  const { staffUsers } = tablesOf(db);
  return (await db.select().from(staffUsers).where(eq(staffUsers.username, username)).limit(1))[0];
}

export async function getStaffUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const { staffUsers } = tablesOf(db);
  return (await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1))[0];
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
export async function loginThrottleRows(db: Db, keys: readonly LoginThrottleKey[]): Promise<LoginThrottleRow[]> {
  if (keys.length === 0) return [];
  const { loginThrottle } = tablesOf(db);
  return db
    .select()
    .from(loginThrottle)
    .where(or(...keys.map((k) => and(eq(loginThrottle.scope, k.scope), eq(loginThrottle.username, k.username), eq(loginThrottle.client, k.client)))));
}

/**
 * Counts one failed login in a bucket, in one statement (instances racing each other count every
 * failure). A bucket whose window (`windowMs` from its first failure) or block has ended starts
 * again at 1; reaching `limit` blocks it for `blockMs` from now. Returns the bucket as it is now.
 */
export async function recordLoginFailure(db: Db, key: LoginThrottleKey, opts: { now: Date; windowMs: number; limit: number; blockMs: number }): Promise<LoginThrottleRow> {
  type Raw = { scope: LoginThrottleScope; username: string; client: string; window_start: number; failures: number; blocked_until: number | null };
  const stale = "(login_throttle.window_start + @windowMs <= @now or (login_throttle.blocked_until is not null and login_throttle.blocked_until <= @now))";
  const count = `case when ${stale} then 1 else login_throttle.failures + 1 end`;
  const r =
    (await onSqlite(
    db,
    "recordLoginFailure",
    `insert into login_throttle (scope, username, client, window_start, failures, blocked_until)
     values (@scope, @username, @client, @now, 1, case when 1 >= @limit then @now + @blockMs else null end)
     on conflict (scope, username, client) do update set
       window_start = case when ${stale} then @now else login_throttle.window_start end,
       failures = ${count},
       blocked_until = case when ${count} >= @limit then @now + @blockMs when ${stale} then null else login_throttle.blocked_until end
     returning scope, username, client, window_start, failures, blocked_until`,
    (stmt) => stmt.get({ ...key, now: opts.now.getTime(), windowMs: opts.windowMs, limit: opts.limit, blockMs: opts.blockMs }) as Raw,
  )) ?? (await recordLoginFailurePg(db, key, opts));
  return { scope: r.scope, username: r.username, client: r.client, windowStart: toDate(r.window_start)!, failures: Number(r.failures), blockedUntil: toDate(r.blocked_until) };
}

/** recordLoginFailure's statement in PostgreSQL's terms (instants and intervals). */
async function recordLoginFailurePg(db: Db, key: LoginThrottleKey, opts: { now: Date; windowMs: number; limit: number; blockMs: number }) {
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const ms = (n: number) => sql`(${n} * interval '1 millisecond')`;
  const stale = sql`(login_throttle.window_start + ${ms(opts.windowMs)} <= ${now} or (login_throttle.blocked_until is not null and login_throttle.blocked_until <= ${now}))`;
  const count = sql`case when ${stale} then 1 else login_throttle.failures + 1 end`;
  const [row] = await queryRows<{ scope: LoginThrottleScope; username: string; client: string; window_start: number; failures: number; blocked_until: number | null }>(
    db,
    sql`insert into login_throttle (scope, username, client, window_start, failures, blocked_until)
        values (${key.scope}, ${key.username}, ${key.client}, ${now}, 1, case when 1 >= ${opts.limit} then ${now} + ${ms(opts.blockMs)} else null end)
        on conflict (scope, username, client) do update set
          window_start = case when ${stale} then ${now} else login_throttle.window_start end,
          failures = ${count},
          blocked_until = case when ${count} >= ${opts.limit} then ${now} + ${ms(opts.blockMs)} when ${stale} then null else login_throttle.blocked_until end
        returning scope, username, client, window_start, failures, blocked_until`,
  );
  return row!;
}

/** Forgets a bucket (a successful login clears its username-and-client count). */
export async function clearLoginThrottle(db: Db, key: LoginThrottleKey): Promise<void> {
  const { loginThrottle } = tablesOf(db);
  await db.delete(loginThrottle).where(and(eq(loginThrottle.scope, key.scope), eq(loginThrottle.username, key.username), eq(loginThrottle.client, key.client)));
}

/** Lifts every block and count of a username (all clients, or one); returns how many buckets went. */
export async function unlockLoginThrottle(db: Db, username: string, client?: string): Promise<number> {
  const { loginThrottle } = tablesOf(db);
  const where = client === undefined ? eq(loginThrottle.username, username) : and(eq(loginThrottle.username, username), eq(loginThrottle.client, client));
  return affectedRows(await db.delete(loginThrottle).where(where));
}

/** Drops buckets whose window and block are both over (they would start again at 1 anyway). */
export async function pruneLoginThrottle(db: Db, now: Date, windowMs: number): Promise<number> {
  const { loginThrottle } = tablesOf(db);
  return affectedRows(
    await db.delete(loginThrottle).where(and(lte(loginThrottle.windowStart, new Date(now.getTime() - windowMs)), or(isNull(loginThrottle.blockedUntil), lte(loginThrottle.blockedUntil, now)))),
  );
}

/** Whether the staff member opened a session from this client since `since` (one of their usual places). */
export async function hasStaffSessionFrom(db: Db, staffId: string, clientKey: string, since: Date): Promise<boolean> {
  const { staffSessions } = tablesOf(db);
  const found = await db
    .select({ one: sql<number>`1` })
    .from(staffSessions)
    .where(and(eq(staffSessions.staffId, staffId), eq(staffSessions.clientKey, clientKey), gt(staffSessions.createdAt, since)))
    .limit(1);
  return found.length > 0;
}

export async function insertStaffSession(db: Db, row: { tokenHash: string; staffId: string; expiresAt: Date; createdAt: Date; clientKey?: string | null }): Promise<void> {
  const { staffSessions } = tablesOf(db);
  await db.insert(staffSessions).values(row);
}

/** The live session behind a token hash, with its user: not revoked, not expired. */
export async function findLiveStaffSession(db: Db, tokenHash: string, now: Date): Promise<{ session: typeof staffSessions.$inferSelect; user: StaffUser } | undefined> {
  const { staffSessions, staffUsers } = tablesOf(db);
  const [r] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt), gt(staffSessions.expiresAt, now)))
    .limit(1);
  return r;
}

export async function revokeStaffSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  const { staffSessions } = tablesOf(db);
  await db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
}
