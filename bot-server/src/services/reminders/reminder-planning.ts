import { noticeInstant, pendingNotices, vaccinationSchedule, vietnamDate } from "@hccd/shared";
import { planReminders, type DocumentRow, type NewReminder } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";

/**
 * Plans a document's reminders for its deadline: one per notice step still ahead (see
 * `pendingNotices`). Keys are document + deadline + step, so re-planning is harmless. A notice
 * dated `date` goes out at `sendAt(date, now)`: by default 08:00 in Vietnam that day.
 */
export async function planDocumentReminders(
  deps: Pick<ServiceDeps, "db" | "newId">,
  catalogue: ReminderCatalogue,
  doc: DocumentRow,
  now: Date,
  sendAt: (date: string, now: Date) => Date = noticeInstant,
): Promise<number> {
  return planReminders(deps.db, documentReminderRows(deps.newId, catalogue, doc, now, sendAt));
}

/** The reminders `planDocumentReminders` plans for a document, to plan many documents' at once (an import's batch). */
export function documentReminderRows(
  newId: () => string,
  catalogue: ReminderCatalogue,
  doc: Pick<DocumentRow, "id" | "serviceKey" | "expiresOn">,
  now: Date,
  sendAt: (date: string, now: Date) => Date = noticeInstant,
): NewReminder[] {
  const notices = catalogue.steps(doc.serviceKey).map((step) => ({ step, date: catalogue.noticeDate(doc.expiresOn, step) }));
  return pendingNotices({ deadline: doc.expiresOn, notices, today: vietnamDate(now) }).map(({ step, date }) => ({
    id: newId(), subject: "document", documentId: doc.id, serviceKey: doc.serviceKey, dueOn: doc.expiresOn, step,
    nextAt: sendAt(date, now), idempotencyKey: `reminder:${doc.id}:${doc.expiresOn}:${step}`, updatedAt: now,
  }));
}

/** The catalogue's key for child vaccination reminders (plan 920 row 1). */
export const VACCINATION_SERVICE_KEY = "child-vaccination";

/**
 * Plans the reminders to a child's parents before each dose of the expanded immunisation schedule
 * (plan 920 row 1: "nhắc phụ huynh về các mốc tiêm chủng của trẻ"). Doses due at birth (hepatitis
 * B birth dose, BCG) are given at the maternity ward before discharge, so they get no reminder; every
 * later dose gets one per notice step still ahead, keyed by birth, dose and step.
 */
export async function planVaccinationReminders(
  deps: Pick<ServiceDeps, "db" | "newId">,
  catalogue: ReminderCatalogue,
  input: { serviceKey: string; birthEventId: string; dateOfBirth: string; now: Date },
): Promise<number> {
  const today = vietnamDate(input.now);
  const rows: NewReminder[] = [];
  for (const dose of vaccinationSchedule(input.dateOfBirth)) {
    if (dose.dueOn <= input.dateOfBirth) continue;
    const doseKey = `${dose.vaccine}#${dose.dose}`;
    const notices = catalogue.steps(input.serviceKey).map((step) => ({ step, date: catalogue.noticeDate(dose.dueOn, step) }));
    for (const { step, date } of pendingNotices({ deadline: dose.dueOn, notices, today })) {
      rows.push({
        id: deps.newId(), subject: "vaccination", birthEventId: input.birthEventId, doseKey, serviceKey: input.serviceKey, dueOn: dose.dueOn, step,
        nextAt: noticeInstant(date, input.now), idempotencyKey: `vaccination:${input.birthEventId}:${doseKey}:${step}`, updatedAt: input.now,
      });
    }
  }
  return planReminders(deps.db, rows);
}
