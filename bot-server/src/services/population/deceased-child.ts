import { nameKey, vietnamDate, type PopulationRecord } from "@hccd/shared";
import { cancelPendingOutbox, listBirthEventsForParents, openBirthEventReminders, personsByNationalIds, setReminderStatus, type BirthEvent, type Db } from "@hccd/db";

/** What of a hospital's certificate (contract 1) tells one baby from another born the same day. */
type CertifiedChild = { sex?: string; plannedName?: string };

/** Who died, as the record or the notice says: enough to find their birth among their parents'. */
export interface DeceasedChild {
  fullName: string;
  dateOfBirth: string;
  sex?: string | undefined;
}

/**
 * The birth (a hospital's certificate) of a child: a birth to one of `parentIds`, on the child's
 * date of birth, of the child's sex; twins of one sex are told apart by the name planned on the
 * certificate. Undefined when no birth or more than one still fits: a living twin's reminders are
 * never taken for their sibling's.
 */
export async function birthOfChild(tx: Db, child: DeceasedChild, parentIds: readonly string[]): Promise<BirthEvent | undefined> {
  const certified = (b: BirthEvent) => ((b.payload as { child?: CertifiedChild }).child ?? {}) as CertifiedChild;
  const births = (await listBirthEventsForParents(tx, [...new Set(parentIds)])).filter((b) => {
    const c = certified(b);
    return vietnamDate(b.childBornAt) === child.dateOfBirth && (!child.sex || !c.sex || c.sex === child.sex);
  });
  if (births.length <= 1) return births[0];
  const byName = births.filter((b) => {
    const planned = certified(b).plannedName;
    return planned !== undefined && nameKey(planned) === nameKey(child.fullName);
  });
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * A child died: the reminders planned from their birth (vaccination doses, plan 920 row 1) are
 * cancelled, and a notice queued but not sent yet is withdrawn, so the family is not reminded of a
 * dose for a child they lost. A notice already being sent stays as it is. `parentIds`: who may be
 * the parents on the certificate.
 */
export async function withdrawBirthReminders(tx: Db, input: { child: DeceasedChild; parentIds: readonly string[]; now: Date }): Promise<number> {
  const birth = await birthOfChild(tx, input.child, input.parentIds);
  if (!birth) return 0;
  let cancelled = 0;
  for (const r of await openBirthEventReminders(tx, birth.id)) {
    if (r.status === "queued") await cancelPendingOutbox(tx, r.idempotencyKey, input.now);
    await setReminderStatus(tx, r.id, { status: "cancelled", reason: "the child died", now: input.now });
    cancelled++;
  }
  return cancelled;
}

/** Population data says a child died (contract 5): the parents it lists are who the certificate names. */
export async function withdrawRemindersOfDeceasedChild(tx: Db, input: { record: PopulationRecord; now: Date }): Promise<number> {
  const parents = await personsByNationalIds(tx, (input.record.parents ?? []).map((p) => p.nationalId));
  return withdrawBirthReminders(tx, { child: input.record, parentIds: [...parents.values()].map((p) => p.id), now: input.now });
}
