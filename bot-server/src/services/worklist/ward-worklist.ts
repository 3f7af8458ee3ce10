/**
 * The ward officers' worklist: births and deaths whose family the system could not reach, or who
 * have not consented when about half of the legal time has passed (the rules and their sources:
 * @hccd/shared `domain/ward-worklist.ts`), with the legal deadline, the most urgent first. An
 * officer of the ward records each contact (when, how, what came of it); the latest one puts the
 * item off to a follow-up day or ends it. An item leaves on its own when the family consents or the
 * dossier is submitted (the draft is no longer open).
 *
 * Computed when read, from the drafts, the notices' outbox rows and the contacts: every instance
 * sees the same list, and "30 days passed" needs no job. Reading it is a staff read of personal
 * data: audited. The list shows phones masked; one item's page shows the phone and address in
 * full (the officer calls or visits), never the ID number.
 */
import { countWorklistRows, getDraft, insertWorklistContact, listWorklistContacts, listWorklistRows, worklistPeople, type StaffUser, type WorklistFilter, type WorklistRow } from "@hccd/db";
import {
  CONTACT_OUTCOMES,
  MAX_FOLLOW_UP_DAYS,
  WORKLIST_PAGE_SIZE,
  addDays,
  daysLeft,
  formatVnPhone,
  maskPersonalData,
  maskPhone,
  noConsentListedThrough,
  outcomeResolves,
  suggestedFollowUp,
  vietnamDate,
  worklistReason,
  type ContactMethod,
  type ContactOutcome,
  type WorklistContactRequest,
  type WorklistItem,
  type WorklistItemDetail,
  type WorklistList,
  type WorklistNotice,
} from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import { conflict, forbidden, notFound, validationFailed } from "../../errors.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";

type WorklistDeps = Pick<ServiceDeps, "db" | "now" | "newId">;

/** Whose items a staff member sees: admins every ward's; a ward officer their ward's (none without a ward). */
function wardScope(staff: StaffUser): string | undefined {
  if (staff.role === "admin") return undefined;
  if (staff.role === "ward_officer") return staff.wardCode ?? "";
  throw forbidden(`the ${staff.role} role may not read the ward worklist`);
}

const ENDING_OUTCOMES = CONTACT_OUTCOMES.filter(outcomeResolves);

function listedFilter(today: string): NonNullable<WorklistFilter["listed"]> {
  return { today, birthThrough: noConsentListedThrough("birth-registration", today), deathThrough: noConsentListedThrough("death-registration", today), endingOutcomes: ENDING_OUTCOMES };
}

function noticeOf(status: string | null): WorklistNotice {
  if (status === null) return "none";
  return status === "failed" || status === "cancelled" ? "failed" : "sent";
}

/** Why the item is on the list today (null: it is not, being put off, ended or no longer open). */
function reasonOf(r: WorklistRow, today: string): WorklistItem["reason"] {
  if (r.status !== "open" || Number(r.submitted) === 1) return null;
  if (r.lastOutcome && (outcomeResolves(r.lastOutcome as ContactOutcome) || (r.lastFollowUpOn !== null && r.lastFollowUpOn > today))) return null;
  return worklistReason({ service: r.service, dueBy: r.dueBy, notice: noticeOf(r.noticeStatus) }, today);
}

function itemOf(r: WorklistRow, today: string): WorklistItem {
  return {
    draftId: r.draftId,
    service: r.service,
    reason: reasonOf(r, today),
    dueBy: r.dueBy,
    daysLeft: daysLeft(r.dueBy, today),
    eventDate: vietnamDate(new Date(Number(r.eventAt))),
    ward: r.wardCode ? { code: r.wardCode, name: r.wardName ?? r.wardCode } : null,
    contact: { name: r.contactName, maskedPhone: r.contactPhone ? maskPhone(r.contactPhone) : null },
    deceasedName: r.deceasedName,
    contacts: r.lastSeq ?? 0,
    lastContact:
      r.lastSeq === null
        ? null
        : { contactedAt: new Date(Number(r.lastContactedAt)).toISOString(), method: r.lastMethod as ContactMethod, outcome: r.lastOutcome as ContactOutcome, followUpOn: r.lastFollowUpOn },
  };
}

/** The ward's worklist today, the nearest deadline first, one page (audited: names and masked phones). */
export async function listWorklist(deps: WorklistDeps, staff: StaffUser, opts: { page: number; requestId?: string }): Promise<WorklistList> {
  const now = deps.now();
  const today = vietnamDate(now);
  const filter: WorklistFilter = { wardCode: wardScope(staff), listed: listedFilter(today) };
  const [rows, total] = await Promise.all([listWorklistRows(deps.db, filter, { limit: WORKLIST_PAGE_SIZE, offset: (opts.page - 1) * WORKLIST_PAGE_SIZE }), countWorklistRows(deps.db, filter)]);
  const items = rows.map((r) => itemOf(r, today));
  await audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "worklist.listed", ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { page: opts.page, items: items.length, total } });
  return { today, total, page: opts.page, pageSize: WORKLIST_PAGE_SIZE, items };
}

async function scopedRow(deps: WorklistDeps, staff: StaffUser, draftId: string): Promise<WorklistRow> {
  const [row] = await listWorklistRows(deps.db, { wardCode: wardScope(staff), draftId }, { limit: 1, offset: 0 });
  // Another ward's item is answered like a missing one: its existence is not for this officer.
  if (!row) throw notFound("worklist item");
  return row;
}

/** One item with the people to contact (phone and address in full, ID number masked) and its contacts: audited. */
export async function readWorklistItem(deps: WorklistDeps, staff: StaffUser, draftId: string, opts: { requestId?: string } = {}): Promise<WorklistItemDetail> {
  const row = await scopedRow(deps, staff, draftId);
  const now = deps.now();
  const today = vietnamDate(now);
  const [people, history] = await Promise.all([worklistPeople(deps.db, draftId), listWorklistContacts(deps.db, draftId)]);
  await audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "worklist.read", target: { kind: "draft", id: draftId }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { people: people.length } });
  return {
    ...itemOf(row, today),
    open: row.status === "open",
    people: people.map((p) => ({ role: p.role, fullName: p.fullName, phone: p.phone ? formatVnPhone(p.phone) : null, maskedNationalId: p.nationalId ? maskPersonalData(p.nationalId) : null, residenceAddress: p.residenceAddress })),
    history: history.map((h) => ({ seq: h.seq, contactedAt: h.contactedAt.toISOString(), method: h.method, outcome: h.outcome, followUpOn: h.followUpOn, note: h.note, staffName: h.staffName, recordedAt: h.recordedAt.toISOString() })),
    suggestedFollowUp: suggestedFollowUp(today, row.dueBy),
  };
}

/**
 * Records a contact with the family. Checked: the item is the officer's ward's and still open; the
 * contact is not in the future nor before the draft existed; a follow-up day (tomorrow to
 * {@link MAX_FOLLOW_UP_DAYS} days ahead) unless the outcome ends the follow-up. `expectedContacts`
 * is how many contacts the officer saw: when someone recorded one since, the officer is told (409)
 * rather than their contact silently deciding over it; the same form sent twice is the same contact.
 */
export async function recordWorklistContact(deps: WorklistDeps, staff: StaffUser, draftId: string, input: WorklistContactRequest, requestId?: string): Promise<WorklistItemDetail> {
  const row = await scopedRow(deps, staff, draftId);
  const now = deps.now();
  const today = vietnamDate(now);
  if (row.status !== "open" || Number(row.submitted) === 1) throw conflict("worklist_item_closed", "the family has consented or the dossier was submitted: nothing is left to follow up");
  const draft = await getDraft(deps.db, draftId);
  const contactedAt = input.contactedAt ? new Date(input.contactedAt) : now;
  const ends = outcomeResolves(input.outcome);
  const errors: { path: string; message: string }[] = [];
  // A few minutes' grace: the officer's clock and ours differ a little.
  if (contactedAt.getTime() > now.getTime() + 5 * 60_000) errors.push({ path: "contactedAt", message: "must not be in the future" });
  else if (draft && contactedAt.getTime() < draft.createdAt.getTime() - 60_000) errors.push({ path: "contactedAt", message: "must not be before the draft was prepared" });
  if (!ends) {
    if (!input.followUpOn) errors.push({ path: "followUpOn", message: "is required unless the family registered directly" });
    else if (input.followUpOn <= today) errors.push({ path: "followUpOn", message: "must be after today" });
    else if (input.followUpOn > addDays(today, MAX_FOLLOW_UP_DAYS)) errors.push({ path: "followUpOn", message: `must be at most ${MAX_FOLLOW_UP_DAYS} days ahead` });
  }
  if (errors.length) throw validationFailed(errors, "The contact is not valid");
  const followUpOn = ends ? null : input.followUpOn!;
  const note = input.note ?? null;
  const same = (c: { staffId: string; method: string; outcome: string; note: string | null; followUpOn: string | null; contactedAt: Date }) =>
    c.staffId === staff.id && c.method === input.method && c.outcome === input.outcome && c.note === note && c.followUpOn === followUpOn && (!input.contactedAt || c.contactedAt.getTime() === contactedAt.getTime());

  await retryOnUniqueViolation(() =>
    deps.db.transaction(async (tx) => {
      const contacts = await listWorklistContacts(tx, draftId, 100_000);
      const last = contacts.at(-1);
      if (contacts.length !== input.expectedContacts) {
        // The same form sent twice (a double click, a retry): the contact it stored answers.
        if (last && contacts.length === input.expectedContacts + 1 && same(last)) return;
        throw conflict("worklist_changed", `${last?.staffName ?? "another officer"} recorded a contact on this item meanwhile: read it before recording yours`);
      }
      await insertWorklistContact(tx, { id: deps.newId(), draftId, seq: input.expectedContacts + 1, staffId: staff.id, contactedAt, method: input.method, outcome: input.outcome, note, followUpOn, recordedAt: now });
      await audit(tx, { at: now, actor: { kind: "staff", id: staff.id }, action: "worklist.contact_recorded", target: { kind: "draft", id: draftId }, ...(requestId ? { requestId } : {}), details: { method: input.method, outcome: input.outcome, followUpOn } });
    }),
  );
  return readWorklistItem(deps, staff, draftId, requestId ? { requestId } : {});
}
