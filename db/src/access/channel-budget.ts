/**
 * What a channel may still send, shared by every instance on the database: the per-second
 * throttle and a daily quota (ZNS's) hold for the cluster, not for each process.
 *
 * Each window of each channel is one `channel_budget` row. A claim is one conditional upsert,
 * `used = min(cap, used + n)` only while `used < cap`, which returns what it granted: atomic on
 * SQLite (one writer) and on PostgreSQL (the row lock orders concurrent claims, and each one reads
 * the row as the previous one left it), so the grants of all instances together never pass `cap`.
 * Callers claim a few units at a time and spend them locally (see the delivery budget in
 * bot-server), so a send costs a fraction of a round trip; units an instance claimed but did not
 * spend before its window ended are lost, which errs on the side of sending less.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import { byEngine, tablesOf, type Db } from "../engine.js";

export interface BudgetWindow {
  channel: string;
  /** `s<epoch second>`, `d<YYYY-MM-DD>`: whatever the caller's window is called; one row each. */
  window: string;
  /** The most the window allows in all (used when the row is created; a row keeps its own cap). */
  cap: number;
  /** When the row may be removed (after the window is over). */
  expiresAt: Date;
}

/** Takes up to `n` units of the window's budget. Returns how many were granted: 0 when it is spent. */
export async function takeChannelBudget(db: Db, w: BudgetWindow & { n: number }): Promise<number> {
  const { channelBudget: b } = tablesOf(db);
  const n = Math.max(0, Math.floor(w.n));
  const cap = Math.max(0, Math.floor(w.cap));
  const first = Math.min(n, cap);
  const least = (x: ReturnType<typeof sql>, y: ReturnType<typeof sql>) => byEngine(db, { sqlite: () => sql`min(${x}, ${y})`, postgres: () => sql`least(${x}, ${y})` });
  // In SET every column reads the row as it was: `granted` sees the old `used`.
  const next = least(sql`${b.cap}`, sql`${b.used} + ${n}`);
  const rows = await db
    .insert(b)
    .values({ channel: w.channel, window: w.window, used: first, cap, granted: first, expiresAt: w.expiresAt })
    .onConflictDoUpdate({ target: [b.channel, b.window], set: { granted: sql`${next} - ${b.used}`, used: next }, setWhere: lt(b.used, b.cap) })
    .returning({ granted: b.granted });
  return Number(rows[0]?.granted ?? 0);
}

/**
 * The provider said the window's quota is spent (Zalo's -144/-147, or a send that reported none
 * left): nothing more is granted in it, to any instance.
 */
export async function exhaustChannelBudget(db: Db, w: Omit<BudgetWindow, "cap">): Promise<void> {
  const { channelBudget: b } = tablesOf(db);
  await db
    .insert(b)
    .values({ channel: w.channel, window: w.window, used: 0, cap: 0, granted: 0, expiresAt: w.expiresAt })
    .onConflictDoUpdate({ target: [b.channel, b.window], set: { cap: sql`${b.used}` } });
}

/** A window's row (`used` of `cap`), for tests and status pages. */
export async function getChannelBudget(db: Db, channel: string, window: string): Promise<{ used: number; cap: number } | undefined> {
  const { channelBudget: b } = tablesOf(db);
  return (await db.select({ used: b.used, cap: b.cap }).from(b).where(and(eq(b.channel, channel), eq(b.window, window))).limit(1))[0];
}

/** Removes windows that are over (called now and then by whoever opens a new window). Returns how many. */
export async function removeExpiredChannelBudget(db: Db, now: Date): Promise<number> {
  const { channelBudget: b } = tablesOf(db);
  return (await db.delete(b).where(lt(b.expiresAt, now)).returning({ channel: b.channel })).length;
}
