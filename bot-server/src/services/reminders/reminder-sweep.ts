import { dueReminders, getBirthEvent, getDocuments, getPersons, setReminderStatus, supersededReminders, type Db, type DocumentRow, type ReminderRow } from "@hccd/db";
import { vaccinationSchedule, vietnamDate } from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { enqueueNotification, type EnqueueResult } from "../delivery/notifications.js";
import { remindFromPopulation } from "../population/population-reminders.js";

export interface SweepResult {
  queued: number;
  skipped: number;
  cancelled: number;
}

type Outcome = { kind: "queued"; outboxId: string } | { kind: "skipped"; reason: string } | { kind: "cancelled"; reason: string };

const fromEnqueue = (r: EnqueueResult): Outcome => (r.queued ? { kind: "queued", outboxId: r.outboxId } : { kind: "skipped", reason: r.reason });

/** A document's reminder goes to the holder's phone (contract 4), in the service's own words. */
async function remindDocument(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, r: ReminderRow, doc: DocumentRow | undefined, now: Date): Promise<Outcome> {
  if (!doc || doc.expiresOn !== r.dueOn) return { kind: "cancelled", reason: "the deadline changed" };
  // A late notice (after the file-by lead, e.g. 6 months for food safety) must not ask for a date
  // already past: it asks for the expiry, the last day the document still holds.
  const fileBy = catalogue.fileBy(doc.serviceKey, doc.expiresOn);
  const askBy = fileBy < vietnamDate(now) ? doc.expiresOn : fileBy;
  return fromEnqueue(
    await enqueueNotification(tx, {
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
    }),
  );
}

/** A dose reminder goes to the mother, or to the father when she cannot be reached on Zalo. */
async function remindVaccination(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, r: ReminderRow, now: Date): Promise<Outcome> {
  const event = r.birthEventId ? await getBirthEvent(tx, r.birthEventId) : undefined;
  if (!event) return { kind: "cancelled", reason: "the birth record is gone" };
  const dateOfBirth = vietnamDate(event.childBornAt);
  const dose = vaccinationSchedule(dateOfBirth).find((d) => `${d.vaccine}#${d.dose}` === r.doseKey);
  if (!dose || dose.dueOn !== r.dueOn) return { kind: "cancelled", reason: "the schedule changed" };
  const known = await getPersons(tx, [event.motherPersonId, ...(event.fatherPersonId ? [event.fatherPersonId] : [])]);
  const parents = [event.motherPersonId, event.fatherPersonId].flatMap((id) => known.filter((p) => p.id === id));
  let last: EnqueueResult = { queued: false, reason: "unreachable" };
  for (const parent of parents) {
    last = await enqueueNotification(tx, {
      config: deps.config, now, newId: deps.newId,
      recipient: { personId: parent.id, phone: parent.phone },
      idempotencyKey: r.idempotencyKey,
      purpose: "reminder",
      ...(catalogue.channels ? { allowedChannels: catalogue.channels(r.serviceKey) } : {}),
      message: { type: "vaccination_due", birthEventId: event.id, params: { parentName: parent.fullName, doseName: dose.name, dueOn: dose.dueOn, birthDate: dateOfBirth } },
    });
    if (last.queued || last.reason === "opted_out") break;
  }
  return fromEnqueue(last);
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
      // What the batch needs, read once for the batch rather than once per reminder.
      const superseded = await supersededReminders(tx, due, now);
      const docs = await getDocuments(tx, due.flatMap((r) => (r.documentId ? [r.documentId] : [])));
      for (const r of due) {
        // A notice whose later step is also due says less than that one (60 days left, when 7 are): skip to the latest.
        const outcome: Outcome = superseded.has(r.id)
          ? { kind: "cancelled", reason: "superseded by a later notice" }
          : r.subject === "vaccination"
            ? await remindVaccination(tx, deps, input.catalogue, r, now)
            : r.subject === "person"
              ? await remindFromPopulation(tx, deps, input.catalogue, r, now)
              : await remindDocument(tx, deps, input.catalogue, r, r.documentId ? docs.get(r.documentId) : undefined, now);
        if (outcome.kind === "queued") {
          await setReminderStatus(tx, r.id, { status: "queued", outboxId: outcome.outboxId, now });
          result.queued++;
        } else if (outcome.kind === "skipped") {
          // Nobody to tell on Zalo or by SMS, or they opted out: recorded, not retried (staff see it).
          await setReminderStatus(tx, r.id, { status: "skipped", reason: outcome.reason, now });
          result.skipped++;
        } else {
          await setReminderStatus(tx, r.id, { status: "cancelled", reason: outcome.reason, now });
          result.cancelled++;
        }
      }
    });
    if (due.length < batchSize) break;
  }
  return result;
}
