import { nameKey, populationRecordSchema, zodIssuesToFields, type PopulationBatch, type PopulationBatchResult, type PopulationRecord } from "@hccd/shared";
import {
  findPopulationBatch,
  insertPopulationBatch,
  lockPopulationBatch,
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
  type PopulationRecordRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError } from "../../errors.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";
import type { Foreground } from "../jobs/foreground.js";

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

/** A person the batch changes: the version it stores (the last newer one when listed twice), and whether one was held before. */
interface Change {
  personId: string;
  newPerson: boolean;
  /** The version held before the batch, if any. */
  held: PopulationRecordRow | undefined;
  record: PopulationRecord;
  /** How many of the batch's records were accepted for them (undone as stale if another instance stored a newer version). */
  accepted: number;
}

/**
 * Stores a slice of a batch's valid records (in ID-number order) at once: what is held for them is read in two queries, each record
 * is decided in memory (newer than what we hold or the first: accepted; the same version:
 * unchanged; older: stale), then the persons and records are written in multi-row statements. The
 * records stored wait for the planner (`population-planner.ts`), which runs `POPULATION_RULES`.
 */
async function applyRecords(tx: Db, deps: ServiceDeps, ordered: readonly PopulationRecord[], input: { batchId: string; clientId: string; now: Date }): Promise<Counts> {
  const { batchId, clientId, now } = input;
  const counts = { accepted: 0, unchanged: 0, stale: 0 };
  const persons = await personsByNationalIds(tx, ordered.map((r) => r.nationalId));
  const records = await lockPopulationRecords(tx, [...persons.values()].map((p) => p.id));
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
      else changes.set(record.nationalId, { personId: person?.id ?? deps.newId(), newPerson: !person, held: person ? records.get(person.id) : undefined, record, accepted: 1 });
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
  return counts;
}

/**
 * Records stored per transaction. On SQLite (one writer) a webhook waits for the slice in hand, not
 * for the batch: during a sync on the shared machine (load 7-10) a webhook's p50 rose 6-13× with
 * whole batches, 6-9× with 100, about 3× with 25 (the rest is the CPU the sync takes in the same
 * process). It costs SQLite's intake its commits: 5,400-5,700 records/s with whole batches, 2,000-3,300
 * with 25 (PostgreSQL: 2,300 either way), still a first sync of 3 million in about 25 minutes at worst.
 */
export const RECORDS_PER_TRANSACTION = 25;
/** Records checked between two turns of the event loop: a batch's 1,000 at once held the webhooks' acknowledgements up. */
const CHECKED_PER_TURN = 100;

/** Cuts ID-ordered records into slices of about `size`, never between two versions of one person (each slice plans from a person's last). */
function personSlices(ordered: readonly PopulationRecord[], size: number): PopulationRecord[][] {
  const slices: PopulationRecord[][] = [];
  let slice: PopulationRecord[] = [];
  for (const r of ordered) {
    if (slice.length >= size && slice.at(-1)!.nationalId !== r.nationalId) {
      slices.push(slice);
      slice = [];
    }
    slice.push(r);
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Receives a batch of population records (contract 5). Each record is checked on its own: the good
 * ones are stored even when others are bad, and each bad one is answered by its index with every
 * field that is wrong. A record with the same `updatedAt` as the one held is `unchanged`, an older
 * one `stale`; neither changes anything.
 *
 * The batch id is claimed first, in a transaction of its own; the valid records are then stored in
 * ID-number order, a slice per transaction (`RECORDS_PER_TRANSACTION`), each recording the counts
 * so far and what is left with it. The same batch again answers the stored counts and changes
 * nothing; given again before it was finished (the first request died, or another instance has it
 * in hand), it stores the slices left — each slice once, under the batch row's lock — and answers
 * the whole batch's counts. What the records set off (reminders, a child's application) is planned
 * after the answer, by the planner (`createPopulationPlanner`): the platform's request, and the
 * webhooks meanwhile, wait for the storing only.
 */
export async function receivePopulationBatch(
  deps: ServiceDeps & { foreground?: Foreground },
  input: { batch: PopulationBatch; clientId: string; requestId?: string; recordsPerTransaction?: number },
): Promise<PopulationBatchResult> {
  const { batchId, records } = input.batch;
  const { clientId } = input;
  const rejected: PopulationBatchResult["rejected"] = [];
  const valid: PopulationRecord[] = [];
  for (let index = 0; index < records.length; index++) {
    const r = populationRecordSchema.safeParse(records[index]);
    if (r.success) valid.push(r.data);
    else rejected.push({ index, fields: zodIssuesToFields(r.error.issues) });
    if ((index + 1) % CHECKED_PER_TURN === 0) await yieldToEventLoop();
  }
  // In ID-number order (stable for a person listed twice, whose versions then apply in the batch's
  // order): two batches touching the same people on two instances write their rows in the same order.
  const ordered = [...valid].sort((x, y) => (x.nationalId < y.nationalId ? -1 : x.nationalId > y.nationalId ? 1 : 0));
  const now = deps.now();
  const finish = (tx: Db, counts: Counts) =>
    audit(tx, {
      at: now,
      actor: { kind: "machine", id: clientId },
      action: "population_batch.received",
      target: { kind: "population_batch", id: batchId },
      ...(input.requestId ? { requestId: input.requestId } : {}),
      details: { records: records.length, ...counts, rejected: rejected.length },
    });
  let held = await retryOnUniqueViolation(() =>
    deps.db.transaction(async (tx) => {
      const known = await findPopulationBatch(tx, clientId, batchId);
      if (known) return known;
      const row = { clientId, batchId, result: { accepted: 0, unchanged: 0, stale: 0, rejected }, remaining: ordered.length, receivedAt: now };
      await insertPopulationBatch(tx, row);
      if (ordered.length === 0) await finish(tx, row.result);
      return row;
    }),
  );
  let start = 0;
  for (const slice of held.remaining > 0 ? personSlices(ordered, input.recordsPerTransaction ?? RECORDS_PER_TRANSACTION) : []) {
    const end = start + slice.length;
    const from = start;
    await deps.foreground?.giveWay();
    held = await retryOnUniqueViolation(() =>
      deps.db.transaction(async (tx) => {
        const row = (await lockPopulationBatch(tx, clientId, batchId))!;
        const stored = ordered.length - row.remaining;
        if (stored >= end) return row; // stored already, by an earlier request or another instance
        // Only a batch id sent again with other records, before the first was stored whole, lands here.
        if (stored !== from) throw new DomainError(409, "population_batch_differs", `batch ${batchId} is being stored with other records: send a batch again with the same records, or a new batch under a new id`, [{ path: "batchId", message: "was sent before with other records, not stored whole yet" }]);
        const counts = await applyRecords(tx, deps, slice, { batchId, clientId, now });
        const { result } = row;
        const patch = { result: { ...result, accepted: result.accepted + counts.accepted, unchanged: result.unchanged + counts.unchanged, stale: result.stale + counts.stale }, remaining: ordered.length - end };
        await setPopulationBatchResult(tx, clientId, batchId, patch);
        if (patch.remaining === 0) await finish(tx, patch.result);
        return { ...row, ...patch };
      }),
    );
    start = end;
    // Between slices the webhooks and the API get the database (SQLite has one writer).
    await yieldToEventLoop();
  }
  return { batchId, ...held.result };
}
