import { nameKey, populationRecordSchema, zodIssuesToFields, type PopulationBatch, type PopulationBatchResult, type PopulationRecord } from "@hccd/shared";
import {
  findPopulationBatch,
  insertPerson,
  insertPopulationBatch,
  insertPopulationRecord,
  personsByNationalIds,
  populationRecordsOf,
  replacePopulationRecord,
  setPopulationBatchResult,
  updatePerson,
  type Db,
  type Person,
  type PopulationRecordRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { planPopulationReminders } from "./population-reminders.js";

type Outcome = "accepted" | "unchanged" | "stale";

/**
 * The person's facts as population data gives them. Population data is the reference (Đề án 06):
 * what it gives replaces what a certificate or a citizen gave; what it leaves out ("not known",
 * contract 5) keeps what we hold. The person records where their facts come from (`facts_source`).
 */
function personFacts(r: PopulationRecord, batchId: string, now: Date) {
  return {
    fullName: r.fullName,
    nameKey: nameKey(r.fullName),
    dateOfBirth: r.dateOfBirth,
    ...(r.sex ? { sex: r.sex } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.residence ? { residenceWardCode: r.residence.wardCode, residenceAddress: r.residence.address } : {}),
    factsSource: "population_data" as const,
    factsSourceRef: batchId,
    updatedAt: now,
  };
}

/** Stores one valid record: newer than what we hold (or the first), the same version, or older. */
async function applyRecord(
  tx: Db,
  deps: Pick<ServiceDeps, "newId">,
  catalogue: ReminderCatalogue,
  held: { persons: Map<string, Person>; records: Map<string, PopulationRecordRow> },
  input: { record: PopulationRecord; batchId: string; clientId: string; now: Date },
): Promise<Outcome> {
  const { record, batchId, clientId, now } = input;
  const updatedAt = new Date(record.updatedAt);
  let person = held.persons.get(record.nationalId);
  const current = person ? held.records.get(person.id) : undefined;
  if (current) {
    if (updatedAt.getTime() < current.recordUpdatedAt.getTime()) return "stale";
    if (updatedAt.getTime() === current.recordUpdatedAt.getTime()) return "unchanged";
  }
  const facts = personFacts(record, batchId, now);
  if (person) {
    await updatePerson(tx, person.id, facts);
    person = { ...person, ...facts };
  } else {
    person = await insertPerson(tx, { id: deps.newId(), nationalId: record.nationalId, ...facts });
  }
  held.persons.set(record.nationalId, person);
  const row = { personId: person.id, nationalId: record.nationalId, record: record as unknown as Record<string, unknown>, recordUpdatedAt: updatedAt, deceased: record.deceased ?? false, batchId, clientId, receivedAt: now };
  if (current) {
    // Another instance may have stored a newer version since this batch read: then this one is stale.
    if (!(await replacePopulationRecord(tx, row))) return "stale";
  } else {
    await insertPopulationRecord(tx, row);
  }
  held.records.set(person.id, row);
  await planPopulationReminders(tx, deps, catalogue, { person, record, now });
  return "accepted";
}

/**
 * Receives a batch of population records (contract 5). Each record is checked on its own: the good
 * ones are stored even when others are bad, and each bad one is answered by its index with every
 * field that is wrong. A record with the same `updatedAt` as the one held is `unchanged`, an older
 * one `stale`; neither changes anything. The whole batch is one transaction that claims its batch id
 * first: the same batch again (also two instances given it at once, the loser waiting on the key and
 * running again) answers the stored counts and changes nothing.
 */
export async function receivePopulationBatch(deps: ServiceDeps & { catalogue: ReminderCatalogue }, input: { batch: PopulationBatch; clientId: string; requestId?: string }): Promise<PopulationBatchResult> {
  const { batchId, records } = input.batch;
  const rejected: PopulationBatchResult["rejected"] = [];
  const valid: PopulationRecord[] = [];
  records.forEach((raw, index) => {
    const r = populationRecordSchema.safeParse(raw);
    if (r.success) valid.push(r.data);
    else rejected.push({ index, fields: zodIssuesToFields(r.error.issues) });
  });
  const now = deps.now();
  return retryOnUniqueViolation(() =>
    deps.db.transaction(async (tx) => {
      const known = await findPopulationBatch(tx, input.clientId, batchId);
      if (known) return { batchId, ...known.result };
      const counts = { accepted: 0, unchanged: 0, stale: 0 };
      await insertPopulationBatch(tx, { clientId: input.clientId, batchId, result: { ...counts, rejected }, receivedAt: now });
      const persons = await personsByNationalIds(tx, valid.map((r) => r.nationalId));
      const held = { persons, records: await populationRecordsOf(tx, [...persons.values()].map((p) => p.id)) };
      // In ID-number order (stable for a person listed twice): two batches touching the same people
      // on two instances lock their rows in the same order, so neither waits on the other in a cycle.
      const ordered = [...valid].sort((x, y) => (x.nationalId < y.nationalId ? -1 : x.nationalId > y.nationalId ? 1 : 0));
      for (const record of ordered) counts[await applyRecord(tx, deps, deps.catalogue, held, { record, batchId, clientId: input.clientId, now })]++;
      const result = { ...counts, rejected };
      await setPopulationBatchResult(tx, input.clientId, batchId, result);
      await audit(tx, {
        at: now,
        actor: { kind: "machine", id: input.clientId },
        action: "population_batch.received",
        target: { kind: "population_batch", id: batchId },
        ...(input.requestId ? { requestId: input.requestId } : {}),
        details: { records: records.length, ...counts, rejected: rejected.length },
      });
      return { batchId, ...result };
    }),
  );
}
