import { nameKey, vietnamDate, type PopulationRecord } from "@hccd/shared";
import { cancelPendingOutbox, listBirthEventsForParents, openBirthEventReminders, personsByNationalIds, setReminderStatus, type BirthEvent, type Db } from "@hccd/db";

/** What of a hospital's certificate (contract 1) tells one baby from another born the same day. */
type CertifiedChild = { sex?: string; plannedName?: string };

/**
 * The birth (a hospital's certificate) of the child a population record describes: a birth to one
 * of the parents the record lists, on the record's date of birth, of the record's sex; twins of one
 * sex are told apart by the name planned on the certificate. Undefined when no birth or more than
 * one still fits: a living twin's reminders are never taken for their sibling's.
 */
export async function birthOfChild(tx: Db, record: PopulationRecord): Promise<BirthEvent | undefined> {
  const parents = await personsByNationalIds(tx, (record.parents ?? []).map((p) => p.nationalId));
  const births = (await listBirthEventsForParents(tx, [...parents.values()].map((p) => p.id))).filter((b) => {
    const child = ((b.payload as { child?: CertifiedChild }).child ?? {}) as CertifiedChild;
    return vietnamDate(b.childBornAt) === record.dateOfBirth && (!record.sex || !child.sex || child.sex === record.sex);
  });
  if (births.length <= 1) return births[0];
  const byName = births.filter((b) => {
    const planned = ((b.payload as { child?: CertifiedChild }).child ?? {}).plannedName;
    return planned !== undefined && nameKey(planned) === nameKey(record.fullName);
  });
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Population data says a child died: the reminders planned from their birth (vaccination doses,
 * plan 920 row 1) are cancelled, and a notice queued but not sent yet is withdrawn, so the family is
 * not reminded of a dose for a child they lost. A notice already being sent stays as it is.
 */
export async function withdrawRemindersOfDeceasedChild(tx: Db, input: { record: PopulationRecord; now: Date }): Promise<number> {
  const birth = await birthOfChild(tx, input.record);
  if (!birth) return 0;
  let cancelled = 0;
  for (const r of await openBirthEventReminders(tx, birth.id)) {
    if (r.status === "queued") await cancelPendingOutbox(tx, r.idempotencyKey, input.now);
    await setReminderStatus(tx, r.id, { status: "cancelled", reason: "the child died", now: input.now });
    cancelled++;
  }
  return cancelled;
}
