import { tablesOf, type Db, type schema } from "@hccd/db";
import type { ZaloSimulator } from "../../adapters/zalo/simulator.js";

/**
 * Synthetic Zalo users for campaign tests, the benchmark and the browser test: followers who wrote
 * to the OA recently, recorded in our database and known to the Zalo simulator (which enforces the
 * follower rule and the 7-day window like Zalo). Some may be made opted out or not following.
 */
export async function createSyntheticFollowers(
  db: Db,
  sim: ZaloSimulator | undefined,
  opts: { count: number; now: Date; prefix?: bigint; optedOut?: (i: number) => boolean; follower?: (i: number) => boolean; language?: (i: number) => "vi" | "en"; phone?: (i: number) => string | null; name?: (i: number) => string | null },
): Promise<{ appUserId: string; oaUserId: string; optedOut: boolean; follower: boolean }[]> {
  const prefix = opts.prefix ?? 7_200_000_000_000_000_000n;
  const interacted = new Date(opts.now.getTime() - 24 * 3600_000);
  const out: { appUserId: string; oaUserId: string; optedOut: boolean; follower: boolean }[] = [];
  const rows: (typeof schema.zaloUsers.$inferInsert)[] = [];
  for (let i = 0; i < opts.count; i++) {
    const appUserId = String(prefix + BigInt(i));
    const oaUserId = String(prefix + 500_000_000_000_000_000n + BigInt(i));
    const optedOut = opts.optedOut?.(i) ?? false;
    const follower = opts.follower?.(i) ?? true;
    const phone = opts.phone?.(i) ?? null;
    rows.push({
      id: appUserId, oaUserId, displayName: opts.name?.(i) ?? `Người dùng ${i + 1}`, phone, phoneLinkedAt: phone ? opts.now : null, follower,
      lastInteractionAt: interacted, optedOutAt: optedOut ? opts.now : null, language: opts.language?.(i) ?? "vi", updatedAt: opts.now,
    });
    sim?.setFollower(oaUserId, follower);
    sim?.recordInteraction(oaUserId, interacted);
    out.push({ appUserId, oaUserId, optedOut, follower });
  }
  await db.transaction(async (tx) => {
    const { zaloUsers } = tablesOf(tx);
    for (let i = 0; i < rows.length; i += 500) await tx.insert(zaloUsers).values(rows.slice(i, i + 500));
  });
  return out;
}
