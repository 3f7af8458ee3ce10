import { populationDeadlines, type PopulationRecord } from "@hccd/shared";
import { personsByNationalIds, populationRecordsOf, type Db } from "@hccd/db";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";

/**
 * The services for which a person's population record outranks a department's list (Đề án 06:
 * population data is the reference): those it puts a deadline on, the population deadline being the
 * one told; every service once it says the person died (their phone may now be the family's).
 * One rule for both orders: population data arriving after the list withdraws the list's reminders
 * (`outrankListedDocuments`), a list arriving after it plans none (`listOutrankedByPopulation`).
 */
export function servicesOutrankedBy(record: PopulationRecord, catalogue: ReminderCatalogue): string[] {
  if (record.deceased) return catalogue.keys();
  return populationDeadlines(record).flatMap((d) => (catalogue.has(d.serviceKey) ? [d.serviceKey] : []));
}

/** Why a listed document's reminders were withdrawn or never planned (staff read it with the reminder). */
export const OUTRANKED_BY_POPULATION = "population data holds this deadline";

/** What of a listed document decides whether population data outranks it (contract 4's holder). */
export interface ListedHolder {
  holderKind: string;
  holderId: string | null;
  serviceKey: string;
}

/**
 * For documents a department's list is storing: whether population data already outranks each,
 * read once for the lot (two queries). A business, or a person listed without an ID number, is never
 * outranked: population data is about residents, found by their ID number.
 */
export async function listOutrankedByPopulation(tx: Db, catalogue: ReminderCatalogue, docs: readonly ListedHolder[]): Promise<(doc: ListedHolder) => boolean> {
  const ids = docs.flatMap((d) => (d.holderKind === "person" && d.holderId ? [d.holderId] : []));
  if (ids.length === 0) return () => false;
  const persons = await personsByNationalIds(tx, ids);
  if (persons.size === 0) return () => false;
  const records = await populationRecordsOf(tx, [...persons.values()].map((p) => p.id));
  const outranked = new Map<string, Set<string>>();
  for (const [nationalId, person] of persons) {
    const held = records.get(person.id);
    if (held) outranked.set(nationalId, new Set(servicesOutrankedBy(held.record as PopulationRecord, catalogue)));
  }
  return (d) => d.holderKind === "person" && !!d.holderId && (outranked.get(d.holderId)?.has(d.serviceKey) ?? false);
}
