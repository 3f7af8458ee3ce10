import { addDays, CHILD_ID_CARD_SERVICE_KEY, childIdCardInvitation, maskIdentifier, mayConcernChildIdCard, noticeInstant, pendingNotices, populationDeadlines, remindsParents, vietnamDate, type PopulationDeadline, type PopulationRecord, type PopulationService } from "@hccd/shared";
import {
  bringForwardPersonReminders,
  cancelPendingOutboxKeys,
  cancelPlannedRemindersOfDocuments,
  getPersons,
  openRemindersOfPersons,
  personDocumentsOfHolders,
  personsByNationalIds,
  personsWithDeathNotice,
  planReminders,
  populationRecordsOf,
  setReminderStatuses,
  type Db,
  type NewReminder,
  type Person,
  type ReminderRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import type { NotificationRequest } from "../delivery/notifications.js";
import { OUTRANKED_BY_POPULATION, servicesOutrankedBy } from "./population-precedence.js";
import { childInvitationNotice, planChildIdCardDraft } from "./child-id-card-drafts.js";
import { withdrawRemindersOfDeceasedChild } from "./deceased-child.js";

/** The reminder key of a population deadline's notice step: person, service, deadline and step (re-planning is harmless). */
const reminderKey = (personId: string, d: Pick<PopulationDeadline, "serviceKey" | "dueOn">, step: string) => `population:${personId}:${d.serviceKey}:${d.dueOn}:${step}`;

/** The deadlines of a stored record that the catalogue has a service for. */
function deadlinesOf(record: PopulationRecord, catalogue: ReminderCatalogue): PopulationDeadline[] {
  return populationDeadlines(record).filter((d) => catalogue.has(d.serviceKey));
}

const sameDeadline = (r: Pick<ReminderRow, "serviceKey" | "dueOn">, d: { serviceKey: string; dueOn: string }) => r.serviceKey === d.serviceKey && r.dueOn === d.dueOn;

/**
 * Whether a reminder planned from population data still stands on the record now held: one of its
 * deadlines, or a young child's ID card invitation (`planChildIdCards` plans it; the same pure rule
 * says whether it holds, so the two rules need not run in a particular order).
 */
function stillPlanned(r: Pick<ReminderRow, "serviceKey" | "dueOn">, change: PopulationChange, catalogue: ReminderCatalogue, today: string): boolean {
  if (change.deadlines.some((d) => sameDeadline(r, d))) return true;
  if (r.serviceKey !== CHILD_ID_CARD_SERVICE_KEY || !catalogue.has(CHILD_ID_CARD_SERVICE_KEY)) return false;
  const invitation = childIdCardInvitation(change.record, today);
  return invitation.kind === "invite" && invitation.until === r.dueOn;
}

/**
 * A person whose population record the rules plan from: the version held now. Rules read nothing
 * of earlier versions: what they plan follows from the record and what is stored, so running them
 * again over the same record changes nothing, and a rule added later plans over the records
 * already held as it would over new ones (the planner, `POPULATION_RULES_VERSION`).
 */
export interface PopulationChange {
  person: { id: string; nationalId: string };
  record: PopulationRecord;
  /** The record's deadlines the catalogue has a service for (none for a deceased person). */
  deadlines: PopulationDeadline[];
}

export function populationChange(person: PopulationChange["person"], record: PopulationRecord, catalogue: ReminderCatalogue): PopulationChange {
  return { person, record, deadlines: deadlinesOf(record, catalogue) };
}

/** What a rule is given: the services' dependencies (database through `tx` only) and the reminder catalogue. */
export type PopulationRuleDeps = ServiceDeps & { catalogue: ReminderCatalogue };

/**
 * A rule from population data (the planning step of contract 5): it is given a slice of records
 * to plan from, each person once with the version now held, inside the planner's transaction. It
 * reads and writes for the whole slice at once (a query or a multi-row statement each, never one
 * per person: a first sync is 3 million records), and must be idempotent: it runs again over a
 * record it planned before whenever the rules' version is raised or a re-planning run asks.
 */
export type PopulationRule = (tx: Db, deps: PopulationRuleDeps, changes: readonly PopulationChange[], now: Date) => Promise<void>;

/**
 * Plans the reminders of the changed records' deadlines, and withdraws what they no longer
 * support: a renewed card or an extended registration moves the deadline, so the reminders of the
 * old one — planned, or queued and not sent yet — are cancelled; a deceased person's are all
 * cancelled and nothing new is planned (`populationDeadlines` gives none).
 */
export const planDeadlineReminders: PopulationRule = async (tx, deps, changes, now) => {
  const today = vietnamDate(now);
  const rows: NewReminder[] = [];
  for (const { person, deadlines } of changes) {
    for (const d of deadlines) {
      const notices = deps.catalogue.steps(d.serviceKey).map((step) => ({ step, date: deps.catalogue.noticeDate(d.dueOn, step) }));
      for (const { step, date } of pendingNotices({ deadline: d.dueOn, notices, today })) {
        rows.push({
          id: deps.newId(), subject: "person", personId: person.id, serviceKey: d.serviceKey, dueOn: d.dueOn, step,
          nextAt: noticeInstant(date, now), idempotencyKey: reminderKey(person.id, d, step), updatedAt: now,
        });
      }
    }
  }
  await planReminders(tx, rows);
  const byPerson = new Map(changes.map((c) => [c.person.id, c]));
  const withdrawn = (await openRemindersOfPersons(tx, [...byPerson.keys()])).filter((r) => !stillPlanned(r, byPerson.get(r.personId!)!, deps.catalogue, today));
  // A queued notice not yet sent is withdrawn too; one already being sent or sent stays as it is.
  await cancelPendingOutboxKeys(tx, withdrawn.filter((r) => r.status === "queued").map((r) => r.idempotencyKey), now);
  await setReminderStatuses(tx, withdrawn.map((r) => ({ id: r.id, status: "cancelled", reason: byPerson.get(r.personId!)!.record.deceased ? "the person died" : "the deadline changed" })), now);
};

/**
 * Population data outranks a department's list (Đề án 06): the planned reminders of a listed
 * document of the same service held under the same ID number are cancelled, the population
 * deadline being the one told. A deceased person's listed documents are reminded of no more either
 * (their phone may be the family's).
 */
export const outrankListedDocuments: PopulationRule = async (tx, deps, changes, now) => {
  const byNationalId = new Map(changes.map((c) => [c.person.nationalId, { change: c, services: new Set(servicesOutrankedBy(c.record, deps.catalogue)) }]));
  const outranked = { died: [] as string[], held: [] as string[] };
  for (const doc of await personDocumentsOfHolders(tx, [...byNationalId.keys()])) {
    const { change, services } = byNationalId.get(doc.holderId)!;
    if (!services.has(doc.serviceKey)) continue;
    (change.record.deceased ? outranked.died : outranked.held).push(doc.id);
  }
  await cancelPlannedRemindersOfDocuments(tx, outranked.died, "the holder died", now);
  await cancelPlannedRemindersOfDocuments(tx, outranked.held, OUTRANKED_BY_POPULATION, now);
};

/**
 * Plan 920 row 2 (level 2): a living child under 6 without an ID card gets an application prepared
 * for the parents, and one invitation (`planChildIdCardDraft`). Only records of children under 7
 * cost anything (an older record is read no further); their living parents are read for the batch
 * at once.
 */
export const planChildIdCards: PopulationRule = async (tx, deps, changes, now) => {
  const today = vietnamDate(now);
  const children = changes.filter((c) => mayConcernChildIdCard(c.record.dateOfBirth, today));
  if (children.length === 0) return;
  const parentsOf = await livingParents(tx, children.map((c) => c.record));
  for (const { person, record } of children) await planChildIdCardDraft(tx, deps, deps.catalogue, { person, record, parents: parentsOf(record), now });
};

/**
 * A child who died: the reminders of their birth — vaccination doses, planned from the hospital's
 * certificate — stop, so the family is not reminded of a dose for a child they lost. Only a minor
 * whose record lists parents can have such reminders; deaths of minors are few in a slice, each is
 * looked up on its own (again at a re-planning run: what is cancelled stays cancelled).
 */
export const withdrawDeceasedChildrensReminders: PopulationRule = async (tx, _deps, changes, now) => {
  const today = vietnamDate(now);
  for (const { record } of changes) {
    if (record.deceased && (record.parents?.length ?? 0) > 0 && remindsParents(record.dateOfBirth, today)) await withdrawRemindersOfDeceasedChild(tx, { record, now });
  }
};

/**
 * What population records set off. Each rule stands on its own (none reads what another wrote in
 * the same slice); a new rule from population data is one more entry here, and a raise of
 * `POPULATION_RULES_VERSION` (population-planner.ts) so that it runs over the records held too.
 */
export const POPULATION_RULES: readonly PopulationRule[] = [planDeadlineReminders, outrankListedDocuments, planChildIdCards, withdrawDeceasedChildrensReminders];

/** Runs every rule of `POPULATION_RULES` over a slice of records. */
export async function applyPopulationRules(tx: Db, deps: PopulationRuleDeps, changes: readonly PopulationChange[], now: Date): Promise<void> {
  if (changes.length === 0) return;
  for (const rule of POPULATION_RULES) await rule(tx, deps, changes, now);
}

/** A due population reminder checked again: cancelled (why), or whom it may go to, in order (the first reachable is told). */
export type PopulationNotice = { kind: "cancelled"; reason: string } | { kind: "notify"; requests: NotificationRequest[] };

/**
 * The notices of due population reminders (the sweep's `person` subject), for a batch at once, after
 * checking again what each record says now: a deadline moved or a death recorded since it was
 * planned (by this feed or by a death notice) cancels it. An adult is told on their own phone; a
 * minor's reminder goes to a living parent (mother or father as the record lists them), else to the
 * minor's own phone. Reads a few queries for the whole batch; stores nothing, but for a child's ID
 * card invitation whose application could not be prepared when the record came (no parent known
 * then): it is prepared now (`childInvitationNotice`).
 */
export async function populationNotices(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, due: readonly ReminderRow[], now: Date): Promise<Map<string, PopulationNotice>> {
  const out = new Map<string, PopulationNotice>();
  if (due.length === 0) return out;
  const personIds = [...new Set(due.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const persons = new Map((await getPersons(tx, personIds)).map((p) => [p.id, p]));
  const records = await populationRecordsOf(tx, personIds);
  const dead = await personsWithDeathNotice(tx, personIds);
  const today = vietnamDate(now);
  const minors = due.flatMap((r) => {
    const record = r.personId ? (records.get(r.personId)?.record as PopulationRecord | undefined) : undefined;
    return record && remindsParents(record.dateOfBirth, today) ? [record] : [];
  });
  const parentsOf = await livingParents(tx, minors);
  for (const r of due) {
    const person = r.personId ? persons.get(r.personId) : undefined;
    const held = person ? records.get(person.id) : undefined;
    if (!person || !held) {
      out.set(r.id, { kind: "cancelled", reason: "the population record is gone" });
      continue;
    }
    const record = held.record as PopulationRecord;
    if (held.deceased || dead.has(person.id)) {
      out.set(r.id, { kind: "cancelled", reason: "the person died" });
      continue;
    }
    if (r.serviceKey === CHILD_ID_CARD_SERVICE_KEY) {
      out.set(r.id, await childInvitationNotice(tx, deps, catalogue, { reminder: r, child: person, record, parents: parentsOf(record), now }));
      continue;
    }
    const deadline = deadlinesOf(record, catalogue).find((d) => sameDeadline(r, d));
    if (!deadline) {
      out.set(r.id, { kind: "cancelled", reason: "the deadline changed" });
      continue;
    }
    const parents = remindsParents(record.dateOfBirth, today) ? parentsOf(record) : [];
    const recipients = [...parents.map((p) => ({ person: p, child: true })), { person, child: false }];
    const fileBy = catalogue.fileBy(deadline.serviceKey, deadline.dueOn);
    const requests = recipients.flatMap((to): NotificationRequest[] =>
      to.person.phone
        ? [{
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
                documentNo: deadline.documentNo ? maskIdentifier(deadline.documentNo) : null,
                dueOn: deadline.dueOn,
                fileBy: fileBy < today ? deadline.dueOn : fileBy,
              },
            },
          }]
        : [],
    );
    out.set(r.id, { kind: "notify", requests });
  }
  return out;
}

/**
 * Minors' parents as their records list them, known to us and not deceased (a dead parent is never
 * addressed), read for all the minors at once: the answer gives each record's, in the order listed.
 */
async function livingParents(tx: Db, records: readonly PopulationRecord[]): Promise<(record: PopulationRecord) => Person[]> {
  const known = await personsByNationalIds(tx, records.flatMap((r) => (r.parents ?? []).map((p) => p.nationalId)));
  const ids = [...known.values()].map((p) => p.id);
  const held = await populationRecordsOf(tx, ids);
  const dead = await personsWithDeathNotice(tx, ids);
  return (record) =>
    (record.parents ?? []).flatMap((p) => {
      const person = known.get(p.nationalId);
      return person && !held.get(person.id)?.deceased && !dead.has(person.id) ? [person] : [];
    });
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
