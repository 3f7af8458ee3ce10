import { checkDb, type DbHandle } from "@hccd/db";

/**
 * Whether this instance may take traffic (`/readyz`): the database answers and every committed
 * migration is applied. Says why not instead of throwing.
 */
export function databaseReadiness(handle: DbHandle): Promise<{ ok: true } | { ok: false; reason: string }> {
  return checkDb(handle);
}
