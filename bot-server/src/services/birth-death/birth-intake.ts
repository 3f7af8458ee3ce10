import {
  BIRTH_REGISTRATION_PROCEDURE,
  birthRegistrationDueBy,
  prefillBirthDraft,
  vietnamDate,
  type BirthCertificate,
} from "@hccd/shared";
import { addDraftParty, findBirthEventByCertificateNo, findDraftByBirthEvent, insertBirthEvent, insertDraft, insertDraftEvent } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict } from "../../errors.js";
import { payloadHash } from "../hashing.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { matchOrCreatePerson } from "./persons.js";
import { enqueueNotification } from "../delivery/notifications.js";
import { audit } from "../staff/audit.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { planVaccinationReminders, VACCINATION_SERVICE_KEY } from "../reminders/reminder-planning.js";

export type BirthIntakeResult = { created: boolean; eventId: string; draftId: string };

/**
 * Receives a hospital's electronic birth certificate (contract 1): stores it, matches the parents
 * to known persons by ID number, prepares the prefilled birth-registration draft and queues the
 * notice to the mother and the child's vaccination reminders (when the catalogue has the
 * service), all in one transaction, so an acknowledged certificate is never lost.
 * The same certificate again is idempotent; a different payload under a known number is a conflict.
 * The same certificate posted to two instances at once stores one draft: the one that loses the
 * race on `birth_events_certificate_uq` runs again and answers as the repeat, with the same ids.
 */
export async function receiveBirthCertificate(deps: ServiceDeps & { catalogue: ReminderCatalogue }, input: { certificate: BirthCertificate; clientId: string; requestId?: string }): Promise<BirthIntakeResult> {
  const { db, now: clock, newId } = deps;
  const c = input.certificate;
  const hash = payloadHash(c);
  const now = clock();
  return retryOnUniqueViolation(() => db.transaction(async (tx) => {
    const existing = await findBirthEventByCertificateNo(tx, c.certificateNo);
    if (existing) {
      if (existing.payloadHash !== hash) {
        throw conflict("certificate_conflict", `certificate ${c.certificateNo} was already received with different content; send a correction through the hospital's correction process`);
      }
      const draft = await findDraftByBirthEvent(tx, existing.id);
      if (!draft) throw new Error(`birth event ${existing.id} has no draft`);
      return { created: false, eventId: existing.id, draftId: draft.id };
    }

    const ctx = { now, newId };
    const mother = await matchOrCreatePerson(tx, { ...c.mother, sex: "female" }, ctx);
    const father = c.father ? await matchOrCreatePerson(tx, { ...c.father, sex: "male" }, ctx) : null;
    const event = await insertBirthEvent(tx, {
      id: newId(),
      certificateNo: c.certificateNo,
      payloadHash: hash,
      payload: c,
      facilityCode: c.facility.code,
      childBornAt: new Date(c.child.bornAt),
      motherPersonId: mother.person.id,
      fatherPersonId: father?.person.id ?? null,
      clientId: input.clientId,
      receivedAt: now,
    });
    const dateOfBirth = vietnamDate(c.child.bornAt);
    const dueBy = birthRegistrationDueBy(dateOfBirth);
    const draft = await insertDraft(tx, {
      id: newId(),
      service: "birth-registration",
      procedureCode: BIRTH_REGISTRATION_PROCEDURE,
      birthEventId: event.id,
      version: 1,
      fields: prefillBirthDraft({ certificate: c, knownMother: mother.known, knownFather: father?.known ?? null }),
      status: "open",
      dueBy,
      createdAt: now,
      updatedAt: now,
    });
    await addDraftParty(tx, { draftId: draft.id, personId: mother.person.id, role: "mother" });
    if (father) await addDraftParty(tx, { draftId: draft.id, personId: father.person.id, role: "father" });
    await insertDraftEvent(tx, { draftId: draft.id, kind: "draft_created", at: now });

    // The mother is told first; the father only when the mother cannot be reached on Zalo.
    const params = { birthDate: dateOfBirth, facilityName: c.facility.name, dueBy };
    let notified = await enqueueNotification(tx, {
      config: deps.config, now, newId, recipient: { personId: mother.person.id, phone: mother.person.phone },
      idempotencyKey: `birth-draft-ready:${draft.id}`, purpose: "reminder",
      message: { type: "birth_draft_ready", draftId: draft.id, params: { ...params, parentName: mother.person.fullName } },
    });
    if (!notified.queued && father) {
      notified = await enqueueNotification(tx, {
        config: deps.config, now, newId, recipient: { personId: father.person.id, phone: father.person.phone },
        idempotencyKey: `birth-draft-ready:${draft.id}`, purpose: "reminder",
        message: { type: "birth_draft_ready", draftId: draft.id, params: { ...params, parentName: father.person.fullName } },
      });
    }
    const vaccinationReminders = deps.catalogue.has(VACCINATION_SERVICE_KEY)
      ? await planVaccinationReminders({ db: tx, newId }, deps.catalogue, { serviceKey: VACCINATION_SERVICE_KEY, birthEventId: event.id, dateOfBirth, now })
      : 0;
    await audit(tx, {
      at: now,
      actor: { kind: "machine", id: input.clientId },
      action: "birth_certificate.received",
      target: { kind: "draft", id: draft.id },
      ...(input.requestId ? { requestId: input.requestId } : {}),
      details: { eventId: event.id, motherKnown: mother.known !== null, fatherKnown: father?.known != null, notice: notified.queued ? notified.channel : "unreachable", vaccinationReminders },
    });
    if (!notified.queued) deps.logger.warn({ draftId: draft.id }, "birth draft prepared but no parent can be reached on Zalo: the ward officer must contact the family");
    return { created: true, eventId: event.id, draftId: draft.id };
  }));
}
