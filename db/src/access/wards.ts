import { asc, eq } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { wards } from "../schema.js";

export type WardRow = typeof wards.$inferSelect;

export function listWards(db: Db): WardRow[] {
  return db.select().from(wards).orderBy(asc(wards.name)).all();
}

export function getWard(db: Db, code: string): WardRow | undefined {
  return db.select().from(wards).where(eq(wards.code, code)).get();
}

/** Inserts or renames wards; a re-run with the same list changes nothing. */
export function upsertWards(db: Db, rows: WardRow[]): void {
  for (const w of rows) {
    db.insert(wards).values(w).onConflictDoUpdate({ target: wards.code, set: { name: w.name, provinceCode: w.provinceCode } }).run();
  }
}
