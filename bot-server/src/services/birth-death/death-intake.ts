import { DEATH_REGISTRATION_PROCEDURE, deathRegistrationDueBy, nameKey, prefillDeathDraft, serviceByKey, type DeathNotice } from "@hccd/shared";
import { addDraftParty, findDeathEventByNoticeNo, personsByNationalIds, populationRecordsOf, findDraftByDeathEvent, findPersonByNationalId, findPersonsByPhone, insertDeathEvent, insertDraft, insertDraftEvent, insertPerson, type Db, type Person } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict } from "../../errors.js";
import { payloadHash } from "../hashing.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { enqueueNotification } from "../delivery/notifications.js";
import { audit } from "../staff/audit.js";
import { withdrawBirthReminders } from "../population/deceased-child.js";

export const DEATH_SERVICE_KEY = "death-registration";

export type DeathIntakeResult = { created: boolean; eventId: string; draftId: string };

/** The deceased as population data knows them (by ID number), else recorded from the notice. */
async function deceasedPerson(db: Db, n: DeathNotice, ctx: { now: Date; newId: () => string }): Promise<{ person: Person; known: boolean }> {
  const existing = n.deceased.nationalId ? await findPersonByNationalId(db, n.deceased.nationalId) : undefined;
  if (existing) return { person: existing, known: true };
  const person = await insertPerson(db, {
    id: ctx.newId(), nationalId: n.deceased.nationalId ?? null, fullName: n.deceased.fullName, nameKey: nameKey(n.deceased.fullName),
    dateOfBirth: n.deceased.dateOfBirth, sex: n.deceased.sex, phone: null, updatedAt: ctx.now,
  });
  return { person, known: false };
}

/** The informant is who the notice names with their phone: a known person with that name and phone, else a new record. */
async function informantPerson(db: Db, n: DeathNotice, ctx: { now: Date; newId: () => string }): Promise<Person> {
  const key = nameKey(n.informant.fullName);
  const same = (await findPersonsByPhone(db, n.informant.phone)).find((p) => p.nameKey === key);
  if (same) return same;
  return insertPerson(db, { id: ctx.newId(), fullName: n.informant.fullName, nameKey: key, phone: n.informant.phone, updatedAt: ctx.now });
}

/**
 * Receives a death notice (contract 2): stores it, prepares the death-registration draft for the
 * informant and tells them gently, in one transaction. A death is never registered on its own:
 * the draft waits for the informant's review and consent like every other (design.md). The same
 * notice again is idempotent; a different payload under a known number is a conflict, and the same
 * notice posted to two instances at once stores one draft (the loser of the race on
 * `death_events_notice_uq` runs again and answers as the repeat).
 */
export async function receiveDeathNotice(deps: ServiceDeps, input: { notice: DeathNotice; clientId: string; requestId?: string }): Promise<DeathIntakeResult> {
  const { db, newId } = deps;
  const n = input.notice;
  const hash = payloadHash(n);
  const now = deps.now();
  const spec = serviceByKey(DEATH_SERVICE_KEY)?.draft;
  if (!spec) throw new Error(`the catalogue has no draft for ${DEATH_SERVICE_KEY}`);
  return retryOnUniqueViolation(() => db.transaction(async (tx) => {
    const existing = await findDeathEventByNoticeNo(tx, n.noticeNo);
    if (existing) {
      if (existing.payloadHash !== hash) throw conflict("notice_conflict", `death notice ${n.noticeNo} was already received with different content; send a correction through the issuer's correction process`);
      const draft = await findDraftByDeathEvent(tx, existing.id);
      if (!draft) throw new Error(`death event ${existing.id} has no draft`);
      return { created: false, eventId: existing.id, draftId: draft.id };
    }
    const ctx = { now, newId };
    const deceased = await deceasedPerson(tx, n, ctx);
    const informant = await informantPerson(tx, n, ctx);
    const event = await insertDeathEvent(tx, {
      id: newId(), noticeNo: n.noticeNo, payloadHash: hash, payload: n, facilityCode: n.facility.code, diedAt: new Date(n.deceased.diedAt),
      deceasedPersonId: deceased.person.id, informantPersonId: informant.id, clientId: input.clientId, receivedAt: now,
    });
    const dueBy = deathRegistrationDueBy(n.deceased.diedAt);
    const draft = await insertDraft(tx, {
      id: newId(), service: DEATH_SERVICE_KEY, procedureCode: DEATH_REGISTRATION_PROCEDURE, deathEventId: event.id, version: 1,
      fields: prefillDeathDraft({ notice: n, specs: spec.fields, knownDeceased: deceased.known ? { fullName: deceased.person.fullName, residenceWardCode: deceased.person.residenceWardCode } : null }),
      status: "open", dueBy, createdAt: now, updatedAt: now,
    });
    await addDraftParty(tx, { draftId: draft.id, personId: informant.id, role: "informant" });
    await insertDraftEvent(tx, { draftId: draft.id, kind: "draft_created", at: now });
    // A child's death: the reminders of their birth (vaccination doses) stop. The certificate names
    // the parents the population record lists, or the informant (an infant's death is told by a parent).
    const listed = deceased.known ? ((await populationRecordsOf(tx, [deceased.person.id])).get(deceased.person.id)?.record as { parents?: { nationalId: string }[] } | undefined)?.parents ?? [] : [];
    const parentIds = [...(await personsByNationalIds(tx, listed.map((p) => p.nationalId))).values()].map((p) => p.id);
    const birthReminders = await withdrawBirthReminders(tx, { child: n.deceased, parentIds: [...parentIds, informant.id], now });
    const notified = await enqueueNotification(tx, {
      config: deps.config, now, newId, recipient: { personId: informant.id, phone: informant.phone },
      idempotencyKey: `death-draft-ready:${draft.id}`, purpose: "reminder",
      message: { type: "death_draft_ready", draftId: draft.id, params: { informantName: informant.fullName, deceasedName: deceased.person.fullName, dueBy } },
    });
    await audit(tx, {
      at: now, actor: { kind: "machine", id: input.clientId }, action: "death_notice.received", target: { kind: "draft", id: draft.id },
      ...(input.requestId ? { requestId: input.requestId } : {}),
      details: { eventId: event.id, deceasedKnown: deceased.known, notice: notified.queued ? notified.channel : notified.reason, birthRemindersCancelled: birthReminders },
    });
    if (!notified.queued) deps.logger.warn({ draftId: draft.id }, "death draft prepared but the informant cannot be reached on Zalo: the ward officer must contact the family");
    return { created: true, eventId: event.id, draftId: draft.id };
  }));
}
