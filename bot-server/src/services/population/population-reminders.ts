import { addDays, CHILD_ID_CARD_SERVICE_KEY, mayConcernChildIdCard, maskPersonalData, noticeInstant, pendingNotices, populationDeadlines, remindsParents, vietnamDate, type PopulationDeadline, type PopulationRecord, type PopulationService } from "@hccd/shared";
import {
  bringForwardPersonReminders,
  cancelPendingOutbox,
  cancelPlannedReminders,
  getPerson,
  openPersonReminders,
  personDocumentsOfServices,
  personsByNationalIds,
  personsWithDeathNotice,
  planReminder,
  populationRecordsOf,
  setReminderStatus,
  type Db,
  type Person,
  type ReminderRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { enqueueNotification, type EnqueueResult } from "../delivery/notifications.js";
import { planChildIdCardDraft, remindChildIdCard } from "./child-id-card-drafts.js";
import { withdrawRemindersOfDeceasedChild } from "./deceased-child.js";

/** The reminder key of a population deadline's notice step: person, service, deadline and step (re-planning is harmless). */
const reminderKey = (personId: string, d: Pick<PopulationDeadline, "serviceKey" | "dueOn">, step: string) => `population:${personId}:${d.serviceKey}:${d.dueOn}:${step}`;

/** The deadlines of a stored record that the catalogue has a service for. */
function deadlinesOf(record: PopulationRecord, catalogue: ReminderCatalogue): PopulationDeadline[] {
  return populationDeadlines(record).filter((d) => catalogue.has(d.serviceKey));
}

const sameDeadline = (r: Pick<ReminderRow, "serviceKey" | "dueOn">, d: { serviceKey: string; dueOn: string }) => r.serviceKey === d.serviceKey && r.dueOn === d.dueOn;

/**
 * Plans a person's reminders from their population record, and withdraws what it no longer
 * supports: a renewed card or an extended registration moves the deadline, so the reminders of the
 * old one — planned, or queued and not sent yet — are cancelled; a deceased person's are all
 * cancelled and nothing new is planned (`populationDeadlines` gives none). Population data
 * outranks a department's list (Đề án 06): the planned reminders of a listed document of the same
 * service held under the same ID number are cancelled, the population deadline being the one told.
 */
export async function planPopulationReminders(
  tx: Db,
  deps: Pick<ServiceDeps, "newId">,
  catalogue: ReminderCatalogue,
  input: { person: Pick<Person, "id" | "nationalId">; record: PopulationRecord; now: Date },
): Promise<{ planned: number; cancelled: number }> {
  const { person, record, now } = input;
  const deadlines = deadlinesOf(record, catalogue);
  const today = vietnamDate(now);
  let planned = 0;
  for (const d of deadlines) {
    const notices = catalogue.steps(d.serviceKey).map((step) => ({ step, date: catalogue.noticeDate(d.dueOn, step) }));
    for (const { step, date } of pendingNotices({ deadline: d.dueOn, notices, today })) {
      const created = await planReminder(tx, {
        id: deps.newId(), subject: "person", personId: person.id, serviceKey: d.serviceKey, dueOn: d.dueOn, step,
        nextAt: noticeInstant(date, now), idempotencyKey: reminderKey(person.id, d, step), updatedAt: now,
      });
      if (created) planned++;
    }
  }
  // A young child's ID card application (plan 920 row 2); nobody older costs a lookup.
  const invitation = mayConcernChildIdCard(record.dateOfBirth, today)
    ? await planChildIdCardDraft(tx, deps, catalogue, { person, record, parents: await livingParents(tx, record), now })
    : null;
  const reason = record.deceased ? "the person died" : "the deadline changed";
  let cancelled = record.deceased ? await withdrawRemindersOfDeceasedChild(tx, { record, now }) : 0;
  for (const r of await openPersonReminders(tx, person.id)) {
    if (deadlines.some((d) => sameDeadline(r, d)) || (invitation && sameDeadline(r, invitation))) continue;
    // A queued notice not yet sent is withdrawn too; one already being sent or sent stays as it is.
    if (r.status === "queued") await cancelPendingOutbox(tx, r.idempotencyKey, now);
    await setReminderStatus(tx, r.id, { status: "cancelled", reason, now });
    cancelled++;
  }
  if (person.nationalId) {
    // A deceased person's listed documents are reminded of no more either (their phone may be the family's).
    const outranked = record.deceased ? catalogue.keys() : deadlines.map((d) => d.serviceKey);
    for (const doc of await personDocumentsOfServices(tx, person.nationalId, outranked)) {
      cancelled += await cancelPlannedReminders(tx, doc.id, record.deceased ? "the holder died" : "population data holds this deadline", now);
    }
  }
  return { planned, cancelled };
}

type Outcome = { kind: "queued"; outboxId: string } | { kind: "skipped"; reason: string } | { kind: "cancelled"; reason: string };

/**
 * Sends a due population reminder (the sweep's `person` subject), after checking again what the
 * record says now: a deadline moved or a death recorded since it was planned (by this feed or by a
 * death notice) cancels it. An adult is told on their own phone; a minor's reminder goes to a
 * living parent (mother or father as the record lists them), else to the minor's own phone.
 */
export async function remindFromPopulation(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, r: ReminderRow, now: Date): Promise<Outcome> {
  const person = r.personId ? await getPerson(tx, r.personId) : undefined;
  const held = person ? (await populationRecordsOf(tx, [person.id])).get(person.id) : undefined;
  if (!person || !held) return { kind: "cancelled", reason: "the population record is gone" };
  const record = held.record as PopulationRecord;
  if (held.deceased || (await personsWithDeathNotice(tx, [person.id])).size > 0) return { kind: "cancelled", reason: "the person died" };
  if (r.serviceKey === CHILD_ID_CARD_SERVICE_KEY) return remindChildIdCard(tx, deps, catalogue, { reminder: r, child: person, record, parents: await livingParents(tx, record), now });
  const deadline = deadlinesOf(record, catalogue).find((d) => sameDeadline(r, d));
  if (!deadline) return { kind: "cancelled", reason: "the deadline changed" };

  const today = vietnamDate(now);
  const parents = remindsParents(record.dateOfBirth, today) ? await livingParents(tx, record) : [];
  const recipients: { person: Pick<Person, "id" | "fullName" | "phone">; child: boolean }[] = [...parents.map((p) => ({ person: p, child: true })), { person, child: false }];
  const fileBy = catalogue.fileBy(deadline.serviceKey, deadline.dueOn);
  let last: EnqueueResult = { queued: false, reason: "unreachable" };
  for (const to of recipients) {
    if (!to.person.phone) continue;
    last = await enqueueNotification(tx, {
      config: deps.config, now, newId: deps.newId,
      recipient: { personId: to.person.id, phone: to.person.phone },
      idempotencyKey: r.idempotencyKey,
      purpose: "reminder",
      ...(catalogue.channels ? { allowedChannels: catalogue.channels(deadline.serviceKey) } : {}),
      message: {
        type: "population_deadline",
        serviceKey: deadline.serviceKey as PopulationService,
        params: {
          recipientName: to.person.fullName,
          childName: to.child ? person.fullName : null,
          documentNo: deadline.documentNo ? maskPersonalData(deadline.documentNo) : null,
          dueOn: deadline.dueOn,
          fileBy: fileBy < today ? deadline.dueOn : fileBy,
        },
      },
    });
    if (last.queued || last.reason === "opted_out") break;
  }
  return last.queued ? { kind: "queued", outboxId: last.outboxId } : { kind: "skipped", reason: last.reason };
}

/** A minor's parents as their record lists them, known to us and not deceased (a dead parent is never addressed). */
async function livingParents(tx: Db, record: PopulationRecord): Promise<Person[]> {
  const listed = record.parents ?? [];
  const known = await personsByNationalIds(tx, listed.map((p) => p.nationalId));
  const parents = listed.flatMap((p) => {
    const person = known.get(p.nationalId);
    return person ? [person] : [];
  });
  const records = await populationRecordsOf(tx, parents.map((p) => p.id));
  const dead = await personsWithDeathNotice(tx, parents.map((p) => p.id));
  return parents.filter((p) => !records.get(p.id)?.deceased && !dead.has(p.id));
}

/**
 * The demo only (`pnpm start`, like its seeded documents): the population notices dated today go at
 * start rather than at 08:00, so a newcomer trying it at night sees them at once. Quiet hours, when
 * configured, still hold them back (the outbox defers).
 */
export async function sendTodaysPopulationNoticesNow(db: Db, now: Date): Promise<number> {
  const tomorrow = new Date(`${addDays(vietnamDate(now), 1)}T00:00:00+07:00`);
  return bringForwardPersonReminders(db, now, tomorrow);
}
