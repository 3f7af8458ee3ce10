import { and, asc, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { forUpdate, forUpdateSkipLocked, statementSlices, tablesOf, type Db } from "../engine.js";
import { executeStatement, onSqlite, queryRows } from "../raw.js";
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

/** A batch's row, locked on PostgreSQL until the transaction ends (one slice of it is stored at a time). */
export async function lockPopulationBatch(db: Db, clientId: string, batchId: string): Promise<PopulationBatchRow | undefined> {
  const { populationBatches } = tablesOf(db);
  return (await forUpdate(db.select().from(populationBatches).where(and(eq(populationBatches.clientId, clientId), eq(populationBatches.batchId, batchId))).limit(1)))[0];
}

/** Records a slice stored: the counts so far and the records left. */
export async function setPopulationBatchResult(db: Db, clientId: string, batchId: string, patch: Pick<PopulationBatchRow, "result" | "remaining">): Promise<void> {
  const { populationBatches } = tablesOf(db);
  await db.update(populationBatches).set(patch).where(and(eq(populationBatches.clientId, clientId), eq(populationBatches.batchId, batchId)));
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

/** Which of these persons a death notice (contract 2) names as deceased. */
export async function personsWithDeathNotice(db: Db, personIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return new Set();
  const { deathEvents } = tablesOf(db);
  return new Set((await db.select({ id: deathEvents.deceasedPersonId }).from(deathEvents).where(inArray(deathEvents.deceasedPersonId, unique))).map((r) => r.id));
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

/**
 * The population records held for these persons, for a batch about to replace them: on PostgreSQL
 * locked, in ID-number order, so that two batches touching the same people on two instances wait
 * for each other in the same order (never in a cycle), and each reads what the other committed.
 */
export async function lockPopulationRecords(db: Db, personIds: readonly string[]): Promise<Map<string, PopulationRecordRow>> {
  const unique = [...new Set(personIds)].sort();
  const { populationRecords } = tablesOf(db);
  const held = new Map<string, PopulationRecordRow>();
  for (const slice of statementSlices(db, unique, 1)) {
    const rows = await forUpdate(db.select().from(populationRecords).where(inArray(populationRecords.personId, slice)).orderBy(asc(populationRecords.nationalId)));
    for (const r of rows) held.set(r.personId, r);
  }
  return held;
}

/** A person's facts as population data gives them (`persons`' columns it writes); absent ones are null. */
export interface PopulationPersonFacts {
  id: string;
  nationalId: string;
  fullName: string;
  nameKey: string;
  dateOfBirth: string;
  sex: "male" | "female" | null;
  phone: string | null;
  residenceWardCode: string | null;
  residenceAddress: string | null;
  factsSourceRef: string;
  updatedAt: Date;
}

const PERSON_FACT_COLUMNS = 13;
const INSERT_PERSON_SQL =
  "insert into persons (id, national_id, full_name, name_key, date_of_birth, sex, phone, residence_ward_code, residence_address, facts_source, facts_source_ref, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'population_data', ?, ?, ?)";

/** Stores new persons from population data at once (a batch's residents we did not know). */
export async function insertPopulationPersons(db: Db, rows: readonly PopulationPersonFacts[]): Promise<void> {
  if (rows.length === 0) return;
  const fast = onSqlite(db, "insertPopulationPerson", INSERT_PERSON_SQL, (stmt) => {
    for (const p of rows) stmt.run(p.id, p.nationalId, p.fullName, p.nameKey, p.dateOfBirth, p.sex, p.phone, p.residenceWardCode, p.residenceAddress, p.factsSourceRef, p.updatedAt.getTime(), p.updatedAt.getTime());
  });
  if (fast) return fast;
  const { persons } = tablesOf(db);
  for (const slice of statementSlices(db, rows, PERSON_FACT_COLUMNS)) {
    await db.insert(persons).values(slice.map((p) => ({ ...p, factsSource: "population_data" as const, createdAt: p.updatedAt })));
  }
}

/**
 * Writes population data's facts over persons we hold (population data outranks a certificate or a
 * list, Đề án 06): a fact the record leaves out (null: "not known") keeps what is held.
 */
export async function updatePopulationPersons(db: Db, rows: readonly PopulationPersonFacts[]): Promise<void> {
  if (rows.length === 0) return;
  const fast = onSqlite(
    db,
    "updatePopulationPerson",
    "update persons set full_name = ?, name_key = ?, date_of_birth = ?, sex = coalesce(?, sex), phone = coalesce(?, phone), residence_ward_code = coalesce(?, residence_ward_code), residence_address = coalesce(?, residence_address), facts_source = 'population_data', facts_source_ref = ?, updated_at = ? where id = ?",
    (stmt) => {
      for (const p of rows) stmt.run(p.fullName, p.nameKey, p.dateOfBirth, p.sex, p.phone, p.residenceWardCode, p.residenceAddress, p.factsSourceRef, p.updatedAt.getTime(), p.id);
    },
  );
  if (fast) return fast;
  for (const slice of statementSlices(db, rows, PERSON_FACT_COLUMNS)) {
    const column = (pick: (p: PopulationPersonFacts) => string | null) => sql.param(slice.map(pick));
    await executeStatement(
      db,
      sql`update persons set full_name = v.full_name, name_key = v.name_key, date_of_birth = v.date_of_birth, sex = coalesce(v.sex, persons.sex), phone = coalesce(v.phone, persons.phone),
            residence_ward_code = coalesce(v.ward, persons.residence_ward_code), residence_address = coalesce(v.address, persons.residence_address),
            facts_source = 'population_data', facts_source_ref = v.ref, updated_at = v.updated_at::timestamptz
          from unnest(${column((p) => p.id)}::text[], ${column((p) => p.fullName)}::text[], ${column((p) => p.nameKey)}::text[], ${column((p) => p.dateOfBirth)}::text[], ${column((p) => p.sex)}::text[],
                      ${column((p) => p.phone)}::text[], ${column((p) => p.residenceWardCode)}::text[], ${column((p) => p.residenceAddress)}::text[], ${column((p) => p.factsSourceRef)}::text[], ${column((p) => p.updatedAt.toISOString())}::text[])
            as v(id, full_name, name_key, date_of_birth, sex, phone, ward, address, ref, updated_at)
          where persons.id = v.id`,
    );
  }
}

const POPULATION_RECORD_COLUMNS = 8;

/** Stores the first records of persons at once (a batch's). */
export async function insertPopulationRecords(db: Db, rows: readonly NewPopulationRecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const fast = onSqlite(
    db,
    "insertPopulationRecord",
    "insert into population_records (person_id, national_id, record, record_updated_at, deceased, batch_id, client_id, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    (stmt) => {
      for (const r of rows) stmt.run(r.personId, r.nationalId, JSON.stringify(r.record), r.recordUpdatedAt.getTime(), r.deceased ? 1 : 0, r.batchId, r.clientId, r.receivedAt.getTime());
    },
  );
  if (fast) return fast;
  const { populationRecords } = tablesOf(db);
  for (const slice of statementSlices(db, rows, POPULATION_RECORD_COLUMNS)) await db.insert(populationRecords).values(slice);
}

/**
 * Replaces the records held for persons at once, each only if the one held is older (two instances
 * applying versions at once: the older one changes nothing); answers the persons whose record it
 * replaced. A replaced record waits for the planner again (`planned_rules` 0).
 */
export async function replacePopulationRecords(db: Db, rows: readonly (NewPopulationRecordRow & { recordUpdatedAt: Date })[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const fast = onSqlite(
    db,
    "replacePopulationRecord",
    "update population_records set national_id = ?, record = ?, record_updated_at = ?, deceased = ?, batch_id = ?, client_id = ?, received_at = ?, planned_rules = 0 where person_id = ? and record_updated_at < ?",
    (stmt) => {
      const replaced = new Set<string>();
      for (const r of rows) {
        const at = r.recordUpdatedAt.getTime();
        if (stmt.run(r.nationalId, JSON.stringify(r.record), at, r.deceased ? 1 : 0, r.batchId, r.clientId, r.receivedAt.getTime(), r.personId, at).changes === 1) replaced.add(r.personId);
      }
      return replaced;
    },
  );
  if (fast) return fast;
  const replaced = new Set<string>();
  for (const slice of statementSlices(db, rows, POPULATION_RECORD_COLUMNS)) {
    const column = (pick: (r: NewPopulationRecordRow) => string | boolean) => sql.param(slice.map(pick));
    const done = await queryRows<{ personId: string }>(
      db,
      sql`update population_records set national_id = v.national_id, record = v.record::jsonb, record_updated_at = v.record_updated_at::timestamptz, deceased = v.deceased, batch_id = v.batch_id, client_id = v.client_id, received_at = v.received_at::timestamptz, planned_rules = 0
          from unnest(${column((r) => r.personId)}::text[], ${column((r) => r.nationalId)}::text[], ${column((r) => JSON.stringify(r.record))}::text[], ${column((r) => r.recordUpdatedAt.toISOString())}::text[],
                      ${column((r) => r.deceased ?? false)}::boolean[], ${column((r) => r.batchId)}::text[], ${column((r) => r.clientId)}::text[], ${column((r) => r.receivedAt.toISOString())}::text[])
            as v(person_id, national_id, record, record_updated_at, deceased, batch_id, client_id, received_at)
          where population_records.person_id = v.person_id and population_records.record_updated_at < v.record_updated_at::timestamptz
          returning population_records.person_id as "personId"`,
    );
    for (const r of done) replaced.add(r.personId);
  }
  return replaced;
}

/** The open reminders (planned or queued) planned from population data for these persons, in one query per slice. */
export async function openRemindersOfPersons(db: Db, personIds: readonly string[]): Promise<ReminderRow[]> {
  const { reminders } = tablesOf(db);
  const out: ReminderRow[] = [];
  for (const slice of statementSlices(db, [...new Set(personIds)], 1)) {
    out.push(...(await db.select().from(reminders).where(and(inArray(reminders.personId, slice), inArray(reminders.status, ["planned", "queued"])))));
  }
  return out;
}

/** The documents from departments' lists held under these ID numbers (persons'), for population data to outrank. */
export async function personDocumentsOfHolders(db: Db, nationalIds: readonly string[]): Promise<{ id: string; serviceKey: string; holderId: string }[]> {
  const { documents } = tablesOf(db);
  const out: { id: string; serviceKey: string; holderId: string }[] = [];
  for (const slice of statementSlices(db, [...new Set(nationalIds)], 1)) {
    const rows = await db.select({ id: documents.id, serviceKey: documents.serviceKey, holderId: documents.holderId }).from(documents).where(and(inArray(documents.holderId, slice), eq(documents.holderKind, "person")));
    for (const r of rows) if (r.holderId) out.push({ id: r.id, serviceKey: r.serviceKey, holderId: r.holderId });
  }
  return out;
}

/**
 * Up to `limit` records the rules of `version` have not run over yet (`planned_rules` lower), in a
 * transaction that plans them: on PostgreSQL locked, passing over those another instance's planner
 * holds, so the instances share the work; a batch replacing one of them waits for the plan to commit.
 */
export async function claimUnplannedPopulationRecords(db: Db, version: number, limit: number): Promise<PopulationRecordRow[]> {
  const { populationRecords } = tablesOf(db);
  return forUpdateSkipLocked(
    db.select().from(populationRecords).where(lt(populationRecords.plannedRules, version)).orderBy(asc(populationRecords.plannedRules), asc(populationRecords.personId)).limit(limit),
  );
}

/** Records that the rules of `version` ran over (in the transaction that claimed them). */
export async function markPopulationRecordsPlanned(db: Db, personIds: readonly string[], version: number): Promise<void> {
  const { populationRecords } = tablesOf(db);
  for (const slice of statementSlices(db, [...new Set(personIds)], 1)) {
    await db.update(populationRecords).set({ plannedRules: version }).where(inArray(populationRecords.personId, slice));
  }
}

/** How many records the rules of `version` have not run over yet. */
export async function countUnplannedPopulationRecords(db: Db, version: number): Promise<number> {
  const { populationRecords } = tablesOf(db);
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(populationRecords).where(lt(populationRecords.plannedRules, version));
  return Number(row?.n ?? 0);
}

/**
 * Sets up to `limit` records after `afterPersonId` (in person id order) to be planned again, for a
 * re-planning run over everything held (a rule or a lead time changed); answers the last one, to
 * go on from, or undefined when none was left.
 */
export async function markPopulationRecordsUnplanned(db: Db, afterPersonId: string, limit: number): Promise<{ marked: number; last: string | undefined }> {
  const { populationRecords } = tablesOf(db);
  const ids = (await db.select({ id: populationRecords.personId }).from(populationRecords).where(gt(populationRecords.personId, afterPersonId)).orderBy(asc(populationRecords.personId)).limit(limit)).map((r) => r.id);
  for (const slice of statementSlices(db, ids, 1)) {
    await db.update(populationRecords).set({ plannedRules: 0 }).where(inArray(populationRecords.personId, slice));
  }
  return { marked: ids.length, last: ids.at(-1) };
}
