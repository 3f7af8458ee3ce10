/**
 * Leases for what must run once across instances: `tryAcquireLease` before the work, `renewLease`
 * while it goes on (well within the TTL), `releaseLease` when done. Every step is one conditional
 * write, so of two instances racing, exactly one holds a lease at any moment; one that dies hands
 * over when its lease expires. `now` comes from the caller (`deps.now()`): instances' clocks must
 * agree to well within the TTL.
 */
import { and, eq, gt, or, lte } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { leases } from "../schema.js";

export type LeaseRow = typeof leases.$inferSelect;

/**
 * Takes the lease `name` for `holder` until `now + ttlMs` if nobody holds it, its holder's lease
 * has expired, or `holder` already holds it (then it is renewed). True when `holder` has it.
 */
export async function tryAcquireLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const { leases } = tablesOf(db);
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db
    .insert(leases)
    .values({ name, holder, expiresAt, acquiredAt: now })
    .onConflictDoUpdate({
      target: leases.name,
      set: { holder, expiresAt, acquiredAt: now },
      setWhere: or(lte(leases.expiresAt, now), eq(leases.holder, holder)),
    })
    .returning({ holder: leases.holder });
  return taken.length === 1;
}

/** Extends `holder`'s unexpired lease to `now + ttlMs`. False when it expired or another took it: stop the work. */
export async function renewLease(db: Db, name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const { leases } = tablesOf(db);
  const renewed = await db
    .update(leases)
    .set({ expiresAt: new Date(now.getTime() + ttlMs) })
    .where(and(eq(leases.name, name), eq(leases.holder, holder), gt(leases.expiresAt, now)))
    .returning({ name: leases.name });
  return renewed.length === 1;
}

/** Gives the lease up (only `holder`'s own), so another instance can take it at once. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  const { leases } = tablesOf(db);
  await db.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder)));
}

/** Who holds the lease and until when (expired or not), for status pages and tests. */
export async function getLease(db: Db, name: string): Promise<LeaseRow | undefined> {
  const { leases } = tablesOf(db);
  return (await db.select().from(leases).where(eq(leases.name, name)).limit(1))[0];
}
