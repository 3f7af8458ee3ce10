import { and, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { persons, populationBatches, populationRecords } from "../schema.js";
import type { ReminderRow } from "./documents.js";

export type PopulationRecordRow = typeof populationRecords.$inferSelect;
export type NewPopulationRecordRow = typeof populationRecords.$inferInsert;
export type PopulationBatchRow = typeof populationBatches.$inferSelect;
type PersonRow = typeof persons.$inferSelect;

/** A batch already received from this client, with the result it was answered. */
export async function findPopulationBatch(db: Db, clientId: string, batchId: string): Promise<PopulationBatchRow | undefined> {
  const { populationBatches } = tablesOf(db);
  return (await db.select().from(populationBatches).where(and(eq(populationBatches.clientId, clientId), eq(populationBatches.batchId, batchId))).limit(1))[0];
}

/**
 * Claims a batch id (a unique violation when another request holds it: the caller runs again and
 * answers the stored result). Written first in the batch's transaction, with its result set last.
 */
export async function insertPopulationBatch(db: Db, row: PopulationBatchRow): Promise<void> {
  const { populationBatches } = tablesOf(db);
  await db.insert(populationBatches).values(row);
}

export async function setPopulationBatchResult(db: Db, clientId: string, batchId: string, result: PopulationBatchRow["result"]): Promise<void> {
  const { populationBatches } = tablesOf(db);
  await db.update(populationBatches).set({ result }).where(and(eq(populationBatches.clientId, clientId), eq(populationBatches.batchId, batchId)));
}

/** Persons by ID number, in one query (a batch's). */
export async function personsByNationalIds(db: Db, nationalIds: readonly string[]): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(nationalIds)];
  if (unique.length === 0) return new Map();
  const { persons } = tablesOf(db);
  return new Map((await db.select().from(persons).where(inArray(persons.nationalId, unique))).map((p) => [p.nationalId as string, p]));
}

/** The population records held for these persons, in one query. */
export async function populationRecordsOf(db: Db, personIds: readonly string[]): Promise<Map<string, PopulationRecordRow>> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Map();
  const { populationRecords } = tablesOf(db);
  return new Map((await db.select().from(populationRecords).where(inArray(populationRecords.personId, unique))).map((r) => [r.personId, r]));
}

export async function insertPopulationRecord(db: Db, row: NewPopulationRecordRow): Promise<void> {
  const { populationRecords } = tablesOf(db);
  await db.insert(populationRecords).values(row);
}

/**
 * Replaces the record held for a person, only if the one held is older than `row.recordUpdatedAt`
 * (two instances applying versions at once: the older one changes nothing). Returns whether it did.
 */
export async function replacePopulationRecord(db: Db, row: NewPopulationRecordRow & { recordUpdatedAt: Date }): Promise<boolean> {
  const { populationRecords } = tablesOf(db);
  const { personId, ...patch } = row;
  const updated = await db
    .update(populationRecords)
    .set(patch)
    .where(and(eq(populationRecords.personId, personId), lt(populationRecords.recordUpdatedAt, row.recordUpdatedAt)))
    .returning({ personId: populationRecords.personId });
  return updated.length === 1;
}

/** A person's reminders planned from population data (subject `person`) that are not settled yet: planned, or queued. */
export async function openPersonReminders(db: Db, personId: string): Promise<ReminderRow[]> {
  const { reminders } = tablesOf(db);
  return db.select().from(reminders).where(and(eq(reminders.personId, personId), inArray(reminders.status, ["planned", "queued"])));
}

/** Which of these persons a death notice (contract 2) names as deceased. */
export async function personsWithDeathNotice(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Set();
  const { deathEvents } = tablesOf(db);
  return new Set((await db.select({ id: deathEvents.deceasedPersonId }).from(deathEvents).where(inArray(deathEvents.deceasedPersonId, unique))).map((r) => r.id));
}

/** A person's documents from departments' lists (held under their ID number), for population data to outrank. */
export async function personDocumentsOfServices(db: Db, nationalId: string, serviceKeys: readonly string[]): Promise<{ id: string; serviceKey: string }[]> {
  if (serviceKeys.length === 0) return [];
  const { documents } = tablesOf(db);
  return db.select({ id: documents.id, serviceKey: documents.serviceKey }).from(documents).where(and(eq(documents.holderId, nationalId), eq(documents.holderKind, "person"), inArray(documents.serviceKey, [...serviceKeys])));
}

/**
 * Moves the planned population reminders due between `now` and `until` to `now` (the demo: a
 * notice due today goes at start rather than at 08:00). Returns how many.
 */
export async function bringForwardPersonReminders(db: Db, now: Date, until: Date): Promise<number> {
  const { reminders } = tablesOf(db);
  const moved = await db
    .update(reminders)
    .set({ nextAt: now, updatedAt: now })
    .where(and(isNotNull(reminders.personId), sql`${reminders.status} = 'planned'`, gt(reminders.nextAt, now), lt(reminders.nextAt, until)))
    .returning({ id: reminders.id });
  return moved.length;
}
