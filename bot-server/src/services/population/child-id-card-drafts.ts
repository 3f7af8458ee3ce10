import {
  CHILD_ID_CARD_SERVICE_KEY,
  childIdCardInvitation,
  draftProcedureCode,
  noticeInstant,
  prefillFromSpec,
  serviceByKey,
  vietnamDate,
  type DraftFields,
  type PopulationRecord,
} from "@hccd/shared";
import {
  addDraftParty,
  findDraftBySubject,
  getDraftParties,
  insertDraft,
  insertDraftEvent,
  planReminder,
  removeDraftParties,
  setDraftStatus,
  updateDraftFields,
  type Db,
  type Draft,
  type Person,
  type ReminderRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { audit } from "../staff/audit.js";
import type { NotificationRequest } from "../delivery/notifications.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";

/** The one notice of a child's invitation: person, service and the last day under 6 (re-planning is harmless). */
const invitationKey = (personId: string, until: string) => `population:${personId}:${CHILD_ID_CARD_SERVICE_KEY}:${until}:invite`;

/** The step the invitation's reminder is stored under: one notice, on the day `childIdCardInvitation` gives. */
const INVITATION_STEP = "invite";

/** A parent as a draft party: the record's relationship, else the person's sex. */
const roleOf = (parent: Person, record: PopulationRecord): "mother" | "father" => {
  const listed = record.parents?.find((p) => p.nationalId === parent.nationalId)?.relationship;
  if (listed === "mother" || listed === "father") return listed;
  return parent.sex === "female" ? "mother" : "father";
};

/**
 * The application's fields from what the population record holds, and no more (least data: the
 * parents' ID numbers and phones are not copied into it). The guardian is the first living parent
 * the record lists; where to apply is the parent's to say.
 */
function childIdCardFields(record: PopulationRecord, parents: readonly Person[]): DraftFields {
  const spec = serviceByKey(CHILD_ID_CARD_SERVICE_KEY)?.draft;
  if (!spec) throw new Error(`the catalogue has no draft for ${CHILD_ID_CARD_SERVICE_KEY}`);
  return prefillFromSpec(spec.fields, {
    "child.fullName": { value: record.fullName },
    "child.personalId": { value: record.nationalId },
    "child.dateOfBirth": { value: record.dateOfBirth },
    "child.residence": { value: record.residence?.address ?? null },
    "guardian.fullName": { value: parents[0]?.fullName ?? null },
  });
}

/** What population data says of the draft's fields now, keeping what the parent decided (their own fields). */
function refreshedFields(draft: Draft, fresh: DraftFields): DraftFields | null {
  const merged: DraftFields = { ...draft.fields };
  let changed = false;
  for (const [key, field] of Object.entries(fresh)) {
    const held = draft.fields[key];
    if (held?.editable) continue;
    if (held?.value !== field.value) changed = true;
    merged[key] = field;
  }
  return changed ? merged : null;
}

/**
 * Plan 920 row 2 (level 2) from a child's population record: a living child under 6 without an ID
 * card gets one prepared application (`drafts_subject_person_uq`), its parties the living parents
 * the record lists, and one notice to them on the day the rule gives (`childIdCardInvitation`).
 * A newer record re-plans: the prefilled fields follow it while the parents have not confirmed; a
 * card issued or the 6th birthday closes the draft (its pending notice is withdrawn by the
 * deadline rule, which keeps an invitation only while `childIdCardInvitation` gives it); a death
 * closes it and takes it off the family's lists, so they are never shown an application for a child they lost. While none of the parents
 * is known (nobody could see it) only the notice is planned: the sweep prepares the application
 * when it falls due, if a parent is known by then. A closed draft is not reopened.
 */
export async function planChildIdCardDraft(
  tx: Db,
  deps: Pick<ServiceDeps, "newId">,
  catalogue: ReminderCatalogue,
  input: { person: Pick<Person, "id">; record: PopulationRecord; parents: readonly Person[]; now: Date },
): Promise<void> {
  const { person, record, parents, now } = input;
  if (!catalogue.has(CHILD_ID_CARD_SERVICE_KEY)) return;
  const invitation = childIdCardInvitation(record, vietnamDate(now));
  const existing = await findDraftBySubject(tx, CHILD_ID_CARD_SERVICE_KEY, person.id);
  if (invitation.kind === "none") {
    if (existing && existing.status !== "closed") await closeDraft(tx, existing, invitation.reason, now);
    return;
  }
  if (existing?.status === "closed") return;
  if (existing?.status === "open") {
    const fields = refreshedFields(existing, childIdCardFields(record, parents));
    if (fields) await updateDraftFields(tx, existing.id, existing.version, fields, "open", now);
  }
  // Parents not known yet (their records may come later in the batch, or in a later one): the
  // invitation is planned all the same, and the sweep prepares the application once they are.
  if (existing || parents.length > 0) await ensureDraft(tx, deps, { person, record, parents, until: invitation.until, now, existing });
  await planReminder(tx, {
    id: deps.newId(), subject: "person", personId: person.id, serviceKey: CHILD_ID_CARD_SERVICE_KEY, dueOn: invitation.until, step: INVITATION_STEP,
    nextAt: noticeInstant(invitation.notifyOn, now), idempotencyKey: invitationKey(person.id, invitation.until), updatedAt: now,
  });
}

/**
 * The child's one application (`drafts_subject_person_uq`), prepared if there is none yet, with
 * the living parents as its parties. Undefined when there is none and no parent is known.
 * `existing`: the caller's read of it (undefined: there is none), so it is not read twice.
 */
async function ensureDraft(tx: Db, deps: Pick<ServiceDeps, "newId">, input: { person: Pick<Person, "id">; record: PopulationRecord; parents: readonly Person[]; until: string; now: Date; existing?: Draft | undefined }): Promise<Draft | undefined> {
  const { person, record, parents, until, now } = input;
  let draft = "existing" in input ? input.existing : await findDraftBySubject(tx, CHILD_ID_CARD_SERVICE_KEY, person.id);
  if (!draft) {
    if (parents.length === 0) return undefined;
    draft = await insertDraft(tx, {
      id: deps.newId(),
      service: CHILD_ID_CARD_SERVICE_KEY,
      // Plan row 2 names no procedure code: null, and the parent files it (shared/domain/filing.ts).
      procedureCode: draftProcedureCode(serviceByKey(CHILD_ID_CARD_SERVICE_KEY)!),
      subjectPersonId: person.id,
      version: 1,
      fields: childIdCardFields(record, parents),
      status: "open",
      dueBy: until,
      createdAt: now,
      updatedAt: now,
    });
    await insertDraftEvent(tx, { draftId: draft.id, kind: "draft_created", at: now });
    await audit(tx, { at: now, actor: { kind: "system", id: "population" }, action: "child_id_card_draft.prepared", target: { kind: "draft", id: draft.id }, details: { personId: person.id, parents: parents.length } });
  }
  for (const parent of parents) await addDraftParty(tx, { draftId: draft.id, personId: parent.id, role: roleOf(parent, record) });
  return draft;
}

/** Ends a child's application that no longer applies; after a death it also leaves the family's lists. */
async function closeDraft(tx: Db, draft: Draft, reason: "has_card" | "deceased" | "too_old" | "not_born", now: Date): Promise<void> {
  await setDraftStatus(tx, draft.id, "closed", now);
  if (reason === "deceased") await removeDraftParties(tx, draft.id);
  await audit(tx, { at: now, actor: { kind: "system", id: "population" }, action: "child_id_card_draft.closed", target: { kind: "draft", id: draft.id }, details: { reason } });
}

/** A due invitation checked again: cancelled (why), or the parents it may go to, in order (the first reachable is told). */
export type ChildInvitationNotice = { kind: "cancelled"; reason: string } | { kind: "notify"; requests: NotificationRequest[] };

/**
 * A child's invitation when it falls due (the sweep's `person` reminder of `child-id-card`),
 * checked again: still a living child under 6 without a card, the same deadline, and the
 * application still waiting for the parents (one they already confirmed needs no notice). The
 * application is prepared here if the parents were not known when the record came. It goes to the
 * first living parent among the draft's parties who can be reached ("Ông/Bà", about their child);
 * with no parent known still, nobody can be told (the sweep records it skipped, for staff to see).
 */
export async function childInvitationNotice(tx: Db, deps: ServiceDeps, catalogue: ReminderCatalogue, input: { reminder: ReminderRow; child: Pick<Person, "id" | "fullName">; record: PopulationRecord; parents: readonly Person[]; now: Date }): Promise<ChildInvitationNotice> {
  const { reminder: r, child, record, parents, now } = input;
  const invitation = childIdCardInvitation(record, vietnamDate(now));
  if (invitation.kind === "none") return { kind: "cancelled", reason: `no invitation: ${invitation.reason}` };
  if (invitation.until !== r.dueOn) return { kind: "cancelled", reason: "the deadline changed" };
  const draft = await ensureDraft(tx, deps, { person: child, record, parents, until: invitation.until, now });
  if (!draft) return { kind: "notify", requests: [] };
  if (draft.status !== "open") return { kind: "cancelled", reason: "the application is no longer waiting" };
  const parties = new Set((await getDraftParties(tx, draft.id)).map((p) => p.personId));
  const requests = parents.flatMap((parent): NotificationRequest[] =>
    parties.has(parent.id) && parent.phone
      ? [{
          config: deps.config, now, newId: deps.newId,
          recipient: { personId: parent.id, phone: parent.phone },
          idempotencyKey: r.idempotencyKey,
          purpose: "reminder",
          ...(catalogue.channels ? { allowedChannels: catalogue.channels(CHILD_ID_CARD_SERVICE_KEY) } : {}),
          message: { type: "child_id_card_draft_ready", draftId: draft.id, params: { parentName: parent.fullName, childName: child.fullName, dueBy: draft.dueBy } },
        }]
      : [],
  );
  return { kind: "notify", requests };
}
