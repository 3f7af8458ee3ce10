import { insertInboxEvent, markInboxProcessed, type Db } from "@hccd/db";

/**
 * Stores a signed Zalo event in the inbox before it is acknowledged, once per `dedupeKey` (Zalo
 * resends). An event given a `setAside` reason (unreadable, or dated outside the accepted window)
 * is kept for staff with that reason and never processed. `created` is false for a repeat.
 */
export async function storeZaloEvent(db: Db, input: { id: string; dedupeKey: string; payload: unknown; now: Date; setAside: string | null }): Promise<{ created: boolean }> {
  const stored = await insertInboxEvent(db, { id: input.id, source: "zalo_webhook", dedupeKey: input.dedupeKey, payload: input.payload, now: input.now });
  if (stored.created && input.setAside !== null) await markInboxProcessed(db, stored.row.id, input.now, input.setAside);
  return { created: stored.created };
}
