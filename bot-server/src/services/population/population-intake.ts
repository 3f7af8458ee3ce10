import { nameKey, populationRecordSchema, zodIssuesToFields, type PopulationBatch, type PopulationBatchResult, type PopulationRecord } from "@hccd/shared";
import {
  findPopulationBatch,
  insertPopulationBatch,
  insertPopulationPersons,
  insertPopulationRecords,
  lockPopulationRecords,
  personsByNationalIds,
  replacePopulationRecords,
  setPopulationBatchResult,
  updatePopulationPersons,
  type Db,
  type NewPopulationRecordRow,
  type PopulationPersonFacts,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { applyPopulationRules, populationChange, type PopulationChange } from "./population-reminders.js";

type Counts = { accepted: number; unchanged: number; stale: number };

/**
 * The person's facts as population data gives them. Population data is the reference (Đề án 06):
 * what it gives replaces what a certificate or a citizen gave; what it leaves out ("not known",
 * contract 5) keeps what we hold (null here). The person records where their facts come from
 * (`facts_source`, the batch in `facts_source_ref`).
 */
function personFacts(id: string, r: PopulationRecord, batchId: string, now: Date): PopulationPersonFacts {
  return {
    id, nationalId: r.nationalId, fullName: r.fullName, nameKey: nameKey(r.fullName), dateOfBirth: r.dateOfBirth, sex: r.sex ?? null, phone: r.phone ?? null,
    residenceWardCode: r.residence?.wardCode ?? null, residenceAddress: r.residence?.address ?? null, factsSourceRef: batchId, updatedAt: now,
  };
}

/** A person the batch changes: the version it stores (the last newer one when listed twice), and what was held before. */
interface Change {
  personId: string;
  newPerson: boolean;
  held: Date | undefined;
  record: PopulationRecord;
  /** How many of the batch's records were accepted for them (undone as stale if another instance stored a newer version). */
  accepted: number;
}

/**
 * Stores a batch's valid records at once: what is held for them is read in two queries, each record
 * is decided in memory (newer than what we hold or the first: accepted; the same version:
 * unchanged; older: stale), then the persons and records are written in multi-row statements and
 * the rules of `POPULATION_RULES` run once over the people it changed.
 */
async function applyRecords(tx: Db, deps: Pick<ServiceDeps, "newId">, catalogue: ReminderCatalogue, valid: readonly PopulationRecord[], input: { batchId: string; clientId: string; now: Date }): Promise<Counts> {
  const { batchId, clientId, now } = input;
  const counts = { accepted: 0, unchanged: 0, stale: 0 };
  const persons = await personsByNationalIds(tx, valid.map((r) => r.nationalId));
  const records = await lockPopulationRecords(tx, [...persons.values()].map((p) => p.id));
  // In ID-number order (stable for a person listed twice, whose versions then apply in the batch's
  // order): two batches touching the same people on two instances write their rows in the same order.
  const ordered = [...valid].sort((x, y) => (x.nationalId < y.nationalId ? -1 : x.nationalId > y.nationalId ? 1 : 0));
  const changes = new Map<string, Change>();
  for (const record of ordered) {
    const updatedAt = new Date(record.updatedAt);
    const change = changes.get(record.nationalId);
    const person = persons.get(record.nationalId);
    const current = change ? new Date(change.record.updatedAt) : person ? records.get(person.id)?.recordUpdatedAt : undefined;
    if (current && updatedAt.getTime() < current.getTime()) counts.stale++;
    else if (current && updatedAt.getTime() === current.getTime()) counts.unchanged++;
    else {
      counts.accepted++;
      if (change) Object.assign(change, { record, accepted: change.accepted + 1 });
      else changes.set(record.nationalId, { personId: person?.id ?? deps.newId(), newPerson: !person, held: person ? records.get(person.id)?.recordUpdatedAt : undefined, record, accepted: 1 });
    }
  }
  const all = [...changes.values()];
  const row = (c: Change): NewPopulationRecordRow & { recordUpdatedAt: Date } => ({
    personId: c.personId, nationalId: c.record.nationalId, record: c.record as unknown as Record<string, unknown>, recordUpdatedAt: new Date(c.record.updatedAt), deceased: c.record.deceased ?? false, batchId, clientId, receivedAt: now,
  });
  await insertPopulationPersons(tx, all.filter((c) => c.newPerson).map((c) => personFacts(c.personId, c.record, batchId, now)));
  await insertPopulationRecords(tx, all.filter((c) => !c.held).map(row));
  const replacing = all.filter((c) => c.held);
  const replaced = await replacePopulationRecords(tx, replacing.map(row));
  // A version another instance overtook meanwhile is stale, and changes nothing (the records are
  // locked on PostgreSQL, so this is a safeguard).
  for (const c of replacing.filter((c) => !replaced.has(c.personId))) {
    counts.accepted -= c.accepted;
    counts.stale += c.accepted;
    changes.delete(c.record.nationalId);
  }
  const stored = [...changes.values()];
  await updatePopulationPersons(tx, stored.filter((c) => !c.newPerson).map((c) => personFacts(c.personId, c.record, batchId, now)));
  const planned: PopulationChange[] = stored.map((c) => populationChange({ id: c.personId, nationalId: c.record.nationalId }, c.record, !c.held, catalogue));
  await applyPopulationRules(tx, { newId: deps.newId, catalogue }, planned, now);
  return counts;
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
      await insertPopulationBatch(tx, { clientId: input.clientId, batchId, result: { accepted: 0, unchanged: 0, stale: 0, rejected }, receivedAt: now });
      const counts = await applyRecords(tx, deps, deps.catalogue, valid, { batchId, clientId: input.clientId, now });
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
