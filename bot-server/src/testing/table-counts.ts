import { sql } from "drizzle-orm";
import type { TestWorld } from "./world.js";

/** How many rows each table holds, by table name: to show that something added nothing, or added it once. */
export async function tableCounts<T extends string>(w: TestWorld, tables: readonly T[]): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>;
  for (const table of tables) counts[table] = (await w.one<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`))?.n ?? 0;
  return counts;
}

/** The tables a start with SEED=demo writes to (the demo seed, the machine clients, the built-in FAQ). */
export const DEMO_SEED_TABLES = ["persons", "wards", "birth_events", "drafts", "draft_parties", "outbox", "documents", "reminders", "staff_users", "machine_clients", "faq_entries"] as const;
