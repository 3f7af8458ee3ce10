import { sql } from "drizzle-orm";
import { checkDb, queryRows, type Db, type DbHandle } from "@hccd/db";

/** Throws when the database does not answer (`/healthz` is then a 500). */
export async function pingDatabase(db: Db): Promise<void> {
  await queryRows(db, sql`select 1 as ok`);
}

/**
 * Whether this instance may take traffic (`/readyz`): the database answers and every committed
 * migration is applied. Says why not instead of throwing.
 */
export function databaseReadiness(handle: DbHandle): Promise<{ ok: true } | { ok: false; reason: string }> {
  return checkDb(handle);
}
