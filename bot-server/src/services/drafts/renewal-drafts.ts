import { draftProcedureCode, nameKey, prefillRenewalDraft, serviceByKey, type DraftView } from "@hccd/shared";
import { addDraftParty, documentsHeldBy, findPersonByNationalId, insertPerson, findDraftByDocument, getDocument, insertDraft, insertDraftEvent, type Db, type DocumentRow, type Person, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { DomainError, notFound } from "../../errors.js";
import { buildDraftView } from "./citizen-drafts.js";
import { personsOfZaloUser } from "../citizens/citizen-identity.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";

/** The documents a signed-in citizen holds (by their linked phone, or their ID number behind it). */
export async function documentsOfCitizen(db: Db, user: ZaloUser): Promise<DocumentRow[]> {
  if (!user.phone) return [];
  const ids = (await personsOfZaloUser(db, user)).flatMap((p) => (p.nationalId ? [p.nationalId] : []));
  return documentsHeldBy(db, { phone: user.phone, nationalIds: ids });
}

/**
 * The document, if this citizen holds it; else 404 (to anyone else it does not exist). `person` is
 * the holder as population data knows them, only when matched by ID number: a phone alone may be
 * shared in a family, so it never lends one person's records to another's draft.
 */
async function documentForCitizen(db: Db, user: ZaloUser, documentId: string): Promise<{ document: DocumentRow; person: Person | null; persons: Person[] }> {
  const document = await getDocument(db, documentId);
  if (!document || !user.phone) throw notFound("document");
  const persons = await personsOfZaloUser(db, user);
  const byId = document.holderId ? persons.find((p) => p.nationalId === document.holderId) : undefined;
  if (!byId && document.phone !== user.phone) throw notFound("document");
  return { document, person: byId ?? null, persons };
}

/**
 * Who the draft's party is: the holder matched by ID number, else a person already known behind
 * this phone, else a record made from the department's list (a person) or of the representative
 * acting on Zalo (an organisation). Always someone behind the citizen's phone, so they see the draft.
 */
async function partyFor(db: Db, user: ZaloUser, found: { document: DocumentRow; person: Person | null; persons: Person[] }, now: Date, newId: () => string): Promise<Person> {
  const existing = found.person ?? found.persons[0];
  if (existing) return existing;
  const d = found.document;
  const fullName = d.holderKind === "person" ? d.holderName : (user.displayName ?? d.holderName);
  // The ID number is recorded only if no one holds it yet (it is unique; a known holder with another phone keeps theirs).
  const nationalId = d.holderKind === "person" && d.holderId && !(await findPersonByNationalId(db, d.holderId)) ? d.holderId : null;
  return insertPerson(db, { id: newId(), fullName, nameKey: nameKey(fullName), phone: user.phone as string, nationalId, updatedAt: now });
}

/**
 * Opens the renewal draft of a document the citizen holds: the one already prepared for this
 * expiry, or a new one filled from the department's list and population data. The link of a
 * reminder (`?service=&document=`) lands here. A level-1 service has no draft (only guidance): 422.
 * The holder becomes the draft's party; nothing is sent until they consent. Two taps on the link
 * at once prepare one draft (`drafts_document_expiry_uq`: the loser runs again and opens it).
 */
export async function openRenewalDraft(deps: ServiceDeps & { catalogue: ReminderCatalogue }, user: ZaloUser, documentId: string, requestId?: string): Promise<{ created: boolean; view: DraftView }> {
  const now = deps.now();
  return retryOnUniqueViolation(() => deps.db.transaction(async (tx) => {
    const found = await documentForCitizen(tx, user, documentId);
    const { document, person } = found;
    const entry = serviceByKey(document.serviceKey);
    if (!entry?.draft || entry.trigger.kind !== "document-expiry") {
      throw new DomainError(422, "no_draft", "This service has no application to prepare here; follow the guidance in the reminder", [{ path: "documentId", message: `service ${document.serviceKey} prepares no renewal draft` }]);
    }
    const existing = await findDraftByDocument(tx, document.id, document.expiresOn);
    if (existing) return { created: false, view: await buildDraftView(tx, existing, user) };

    const party = await partyFor(tx, user, found, now, deps.newId);
    const draft = await insertDraft(tx, {
      id: deps.newId(),
      service: document.serviceKey,
      // The code of what the draft asks for (a renewal, a re-issue), never a guess: null when the plan does not settle it.
      procedureCode: draftProcedureCode(entry),
      documentId: document.id,
      documentExpiresOn: document.expiresOn,
      version: 1,
      fields: prefillRenewalDraft({ specs: entry.draft.fields, document, person: person ? { fullName: person.fullName, nationalId: person.nationalId, residenceAddress: person.residenceAddress } : null, phone: user.phone }),
      status: "open",
      dueBy: deps.catalogue.fileBy(document.serviceKey, document.expiresOn),
      createdAt: now,
      updatedAt: now,
    });
    await addDraftParty(tx, { draftId: draft.id, personId: party.id, role: "holder" });
    await insertDraftEvent(tx, { draftId: draft.id, kind: "draft_created", at: now });
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "renewal_draft.prepared", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { documentId: document.id, serviceKey: document.serviceKey } });
    return { created: true, view: await buildDraftView(tx, draft, user) };
  }));
}
