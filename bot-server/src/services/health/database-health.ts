import { sql } from "drizzle-orm";
import type { Db } from "@hccd/db";

/** Throws when the database does not answer (`/healthz` is then a 500). */
export function pingDatabase(db: Db): void {
  db.run(sql`select 1`);
}
