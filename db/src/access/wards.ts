import { asc, eq } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { wards } from "../schema.js";

export type WardRow = typeof wards.$inferSelect;

export async function listWards(db: Db): Promise<WardRow[]> {
  const { wards } = tablesOf(db);
  return db.select().from(wards).orderBy(asc(wards.name), asc(wards.code));
}

export async function getWard(db: Db, code: string): Promise<WardRow | undefined> {
  const { wards } = tablesOf(db);
  return (await db.select().from(wards).where(eq(wards.code, code)).limit(1))[0];
}

/** Inserts or renames wards; a re-run with the same list changes nothing. */
export async function upsertWards(db: Db, rows: WardRow[]): Promise<void> {
  const { wards } = tablesOf(db);
  for (const w of rows) {
    await db.insert(wards).values(w).onConflictDoUpdate({ target: wards.code, set: { name: w.name, provinceCode: w.provinceCode } });
  }
}
