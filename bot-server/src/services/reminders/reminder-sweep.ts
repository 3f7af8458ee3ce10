import { dueReminders, getBirthEvent, getDocuments, getPersons, setReminderStatuses, supersededReminders, type Db, type DocumentRow, type ReminderOutcome, type ReminderRow } from "@hccd/db";
import { vaccinationSchedule, vietnamDate } from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { enqueueNotifications, planNotifications, type EnqueueResult, type NotificationPlan, type NotificationRequest } from "../delivery/notifications.js";
import { populationNotices } from "../population/population-reminders.js";
import { listOutrankedByPopulation, OUTRANKED_BY_POPULATION } from "../population/population-precedence.js";

export interface SweepResult {
  queued: number;
  skipped: number;
  cancelled: number;
}

type Outcome = { kind: "queued"; outboxId: string } | { kind: "skipped"; reason: string } | { kind: "cancelled"; reason: string };

const fromEnqueue = (r: EnqueueResult): Outcome => (r.queued ? { kind: "queued", outboxId: r.outboxId } : { kind: "skipped", reason: r.reason });

/** A reminder's notice decided but not yet stored, or what became of the reminder already. */
type Decision = { kind: "notify"; plan: NotificationPlan } | Outcome;

const fromPlan = (plan: NotificationPlan): Decision => (plan.queued ? { kind: "notify", plan } : { kind: "skipped", reason: plan.reason });

/** Of a reminder's possible recipients in order, the first it can be sent to, unless one opted out before; else why the last could not be reached. */
const firstReachable = (plans: readonly NotificationPlan[]): Decision => fromPlan(plans.find((p) => p.queued || p.reason === "opted_out") ?? plans.at(-1) ?? { queued: false, reason: "unreachable" });

/** A document's reminder goes to the holder's phone (contract 4), in the service's own words; null when its deadline changed. */
function documentNotice(deps: ServiceDeps, catalogue: ReminderCatalogue, r: ReminderRow, doc: DocumentRow | undefined, now: Date): NotificationRequest | null {
  if (!doc || doc.expiresOn !== r.dueOn) return null;
  // A late notice (after the file-by lead, e.g. 6 months for food safety) must not ask for a date
  // already past: it asks for the expiry, the last day the document still holds.
  const fileBy = catalogue.fileBy(doc.serviceKey, doc.expiresOn);
  const askBy = fileBy < vietnamDate(now) ? doc.expiresOn : fileBy;
  return {
    config: deps.config, now, newId: deps.newId,
    recipient: { personId: null, phone: doc.phone },
    idempotencyKey: r.idempotencyKey,
    purpose: "reminder",
    ...(catalogue.channels ? { allowedChannels: catalogue.channels(doc.serviceKey) } : {}),
    message: {
      type: "document_expiry",
      documentId: doc.id,
      serviceKey: doc.serviceKey,
      params: { holderName: doc.holderName, serviceName: catalogue.name(doc.serviceKey), documentNo: doc.documentNo, expiresOn: doc.expiresOn, fileBy: askBy },
    },
  };
}

/** A dose reminder goes to the mother, or to the father when she cannot be reached on Zalo. */
async function remindVaccination(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, r: ReminderRow, now: Date): Promise<Decision> {
  const event = r.birthEventId ? await getBirthEvent(tx, r.birthEventId) : undefined;
  if (!event) return { kind: "cancelled", reason: "the birth record is gone" };
  const dateOfBirth = vietnamDate(event.childBornAt);
  const dose = vaccinationSchedule(dateOfBirth).find((d) => `${d.vaccine}#${d.dose}` === r.doseKey);
  if (!dose || dose.dueOn !== r.dueOn) return { kind: "cancelled", reason: "the schedule changed" };
  const known = await getPersons(tx, [event.motherPersonId, ...(event.fatherPersonId ? [event.fatherPersonId] : [])]);
  const parents = [event.motherPersonId, event.fatherPersonId].flatMap((id) => known.filter((p) => p.id === id));
  const plans = await planNotifications(
    tx,
    parents.map((parent) => ({
      config: deps.config, now, newId: deps.newId,
      recipient: { personId: parent.id, phone: parent.phone },
      idempotencyKey: r.idempotencyKey,
      purpose: "reminder" as const,
      ...(catalogue.channels ? { allowedChannels: catalogue.channels(r.serviceKey) } : {}),
      message: { type: "vaccination_due" as const, birthEventId: event.id, params: { parentName: parent.fullName, doseName: dose.name, dueOn: dose.dueOn, birthDate: dateOfBirth } },
    })),
  );
  return firstReachable(plans);
}

/**
 * The reminder sweep: takes the planned reminders that are due (through the (status, next_at)
 * index, so its cost grows with what is due, not with the tables) and queues each through the
 * channel policy. The reminder's key is the outbox key: it is never sent twice, across restarts and
 * re-imports. A reminder whose deadline changed since it was planned is cancelled, and so is one
 * overtaken by a later step that is due too (only the latest is sent).
 */
export async function sweepReminders(deps: ServiceDeps, input: { catalogue: ReminderCatalogue; batchSize?: number; maxBatches?: number }): Promise<SweepResult> {
  const result: SweepResult = { queued: 0, skipped: 0, cancelled: 0 };
  const batchSize = input.batchSize ?? 500;
  for (let b = 0; b < (input.maxBatches ?? 10_000); b++) {
    const now = deps.now();
    const due = await dueReminders(deps.db, now, batchSize);
    if (due.length === 0) break;
    await deps.db.transaction(async (tx) => {
      // What the batch needs, read once for the batch rather than once per reminder, and written
      // once for the batch: its notices in the outbox, then each reminder's outcome.
      const superseded = await supersededReminders(tx, due, now);
      const docs = await getDocuments(tx, due.flatMap((r) => (r.documentId ? [r.documentId] : [])));
      // Population data stored meanwhile by another instance (neither saw the other's rows) still outranks the list.
      const outranked = await listOutrankedByPopulation(tx, input.catalogue, [...docs.values()]);
      // A population deadline checks the record again (a parent or the person), for the batch at once.
      const population = await populationNotices(tx, deps, input.catalogue, due.filter((r) => r.subject === "person" && !superseded.has(r.id)), now);
      const decisions = new Map<string, Decision>();
      const documentNotices: { id: string; request: NotificationRequest }[] = [];
      const populationRequests: { id: string; requests: NotificationRequest[] }[] = [];
      for (const r of due) {
        // A notice whose later step is also due says less than that one (60 days left, when 7 are): skip to the latest.
        if (superseded.has(r.id)) decisions.set(r.id, { kind: "cancelled", reason: "superseded by a later notice" });
        else if (r.subject === "vaccination") decisions.set(r.id, await remindVaccination(tx, deps, input.catalogue, r, now));
        else if (r.subject === "person") {
          const notice = population.get(r.id)!;
          if (notice.kind === "notify") populationRequests.push({ id: r.id, requests: notice.requests });
          else decisions.set(r.id, notice);
        }
        else if (r.documentId && docs.has(r.documentId) && outranked(docs.get(r.documentId)!)) decisions.set(r.id, { kind: "cancelled", reason: OUTRANKED_BY_POPULATION });
        else {
          const request = documentNotice(deps, input.catalogue, r, r.documentId ? docs.get(r.documentId) : undefined, now);
          if (request) documentNotices.push({ id: r.id, request });
          else decisions.set(r.id, { kind: "cancelled", reason: "the deadline changed" });
        }
      }
      const plans = await planNotifications(tx, documentNotices.map((n) => n.request));
      documentNotices.forEach((n, i) => decisions.set(n.id, fromPlan(plans[i]!)));
      // Every possible recipient of every population notice decided at once (one read of Zalo accounts).
      const populationPlans = await planNotifications(tx, populationRequests.flatMap((n) => n.requests));
      let next = 0;
      for (const n of populationRequests) decisions.set(n.id, firstReachable(populationPlans.slice(next, (next += n.requests.length))));
      const notified = due.flatMap((r) => {
        const d = decisions.get(r.id)!;
        return d.kind === "notify" ? [{ id: r.id, plan: d.plan }] : [];
      });
      const queued = new Map((await enqueueNotifications(tx, notified.map((n) => n.plan))).map((res, i) => [notified[i]!.id, fromEnqueue(res)]));
      const outcomes: ReminderOutcome[] = due.map((r) => {
        const d = decisions.get(r.id)!;
        const outcome: Outcome = d.kind === "notify" ? queued.get(r.id)! : d;
        result[outcome.kind]++;
        // Skipped: nobody to tell on Zalo or by SMS, or they opted out: recorded, not retried (staff see it).
        return outcome.kind === "queued" ? { id: r.id, status: "queued", outboxId: outcome.outboxId } : { id: r.id, status: outcome.kind, reason: outcome.reason };
      });
      await setReminderStatuses(tx, outcomes, now);
    });
    if (due.length < batchSize) break;
  }
  return result;
}
