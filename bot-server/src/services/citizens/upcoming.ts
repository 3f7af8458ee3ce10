import { addDays, CHILD_ID_CARD_SERVICE_KEY, serviceByKey, vaccinationSchedule, vietnamDate, type Child, type UpcomingItem, type Upcoming } from "@hccd/shared";
import { listBirthEventsForParents, listDraftsForPersons, type Db, type Draft, type ZaloUser } from "@hccd/db";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { draftSummaryOf } from "../drafts/citizen-drafts.js";
import { personsOfZaloUser } from "./citizen-identity.js";
import { documentsOfCitizen } from "../drafts/renewal-drafts.js";
import { citizenServiceName } from "../drafts/draft-profile.js";
import { VACCINATION_SERVICE_KEY } from "../reminders/reminder-planning.js";

/** How far ahead the home screen looks for vaccinations (a child's next dose, not the whole childhood). */
const VACCINATION_HORIZON_DAYS = 60;

function nameOf(serviceKey: string): { vi: string; en: string } {
  const entry = serviceByKey(serviceKey);
  return entry ? citizenServiceName(entry) : { vi: serviceKey, en: serviceKey };
}

/** The citizen's children: births where one of their persons is the mother or the father, named as in the birth draft. */
export async function childrenOfCitizen(db: Db, user: ZaloUser): Promise<Child[]> {
  const personIds = (await personsOfZaloUser(db, user)).map((p) => p.id);
  return childrenOf(db, personIds, await listDraftsForPersons(db, personIds));
}

async function childrenOf(db: Db, personIds: string[], drafts: readonly Draft[]): Promise<Child[]> {
  const byBirth = new Map(drafts.filter((d) => d.birthEventId).map((d) => [d.birthEventId as string, d]));
  return (await listBirthEventsForParents(db, personIds)).map((e) => {
    const name = byBirth.get(e.id)?.fields["child.fullName"]?.value;
    return { id: e.id, name: typeof name === "string" && name !== "" ? name : null, dateOfBirth: vietnamDate(e.childBornAt) };
  });
}

/**
 * The home screen: open drafts, documents nearing expiry (with the renewal the app can prepare),
 * and each child's next vaccination, soonest first. Closed drafts and expired-long-ago documents
 * are left out: the list is what to do next.
 */
export async function upcomingForCitizen(deps: { db: Db; now: () => Date; catalogue: ReminderCatalogue }, user: ZaloUser): Promise<Upcoming> {
  const { db } = deps;
  const today = vietnamDate(deps.now());
  const items: UpcomingItem[] = [];
  const personIds = (await personsOfZaloUser(db, user)).map((p) => p.id);
  const rows = await listDraftsForPersons(db, personIds);
  const renewalDraftOf = new Map<string, string>();
  for (const row of rows) {
    if (row.documentId) renewalDraftOf.set(`${row.documentId}@${row.documentExpiresOn}`, row.id);
    if (row.status === "closed") continue;
    const d = await draftSummaryOf(db, row);
    items.push({
      kind: "draft", id: d.id, serviceKey: d.service, serviceName: d.serviceName, subject: d.title,
      // A child's ID card application (plan 920 row 2) is the child's, like their birth registration.
      whose: d.kind === "birth-registration" || d.service === CHILD_ID_CARD_SERVICE_KEY ? "child" : "me", dueOn: d.dueBy, actBy: null, status: d.status, ...(d.filing ? { filing: d.filing } : {}),
      action: { type: "open_draft", draftId: d.id },
    });
  }
  const inDrafts = new Set(items.map((i) => i.id));
  for (const doc of await documentsOfCitizen(db, user)) {
    if (doc.expiresOn < addDays(today, -90)) continue;
    const draftId = renewalDraftOf.get(`${doc.id}@${doc.expiresOn}`);
    if (draftId && inDrafts.has(draftId)) continue;
    const entry = serviceByKey(doc.serviceKey);
    const renewable = Boolean(entry?.draft) && entry?.trigger.kind === "document-expiry";
    const actBy = deps.catalogue.has(doc.serviceKey) ? deps.catalogue.fileBy(doc.serviceKey, doc.expiresOn) : doc.expiresOn;
    items.push({
      kind: "document", id: doc.id, serviceKey: doc.serviceKey, serviceName: nameOf(doc.serviceKey), subject: doc.documentNo,
      whose: doc.holderKind === "organization" ? "organization" : "me", dueOn: doc.expiresOn, actBy: actBy < doc.expiresOn ? actBy : null, status: null,
      action: draftId ? { type: "open_draft", draftId } : renewable ? { type: "prepare_renewal", documentId: doc.id } : { type: "none" },
    });
  }
  const children = await childrenOf(db, personIds, rows);
  const horizon = addDays(today, VACCINATION_HORIZON_DAYS);
  for (const child of children) {
    const next = vaccinationSchedule(child.dateOfBirth).find((d) => (d.latestOn ?? d.dueOn) >= today && d.dueOn <= horizon);
    if (!next) continue;
    items.push({
      kind: "vaccination", id: `${child.id}:${next.vaccine}#${next.dose}`, serviceKey: VACCINATION_SERVICE_KEY, serviceName: next.name,
      subject: child.name, whose: "child", dueOn: next.dueOn, actBy: null, status: null, action: { type: "vaccination", childId: child.id },
    });
  }
  // ISO dates sort as text; what must be done first comes first.
  items.sort((a, b) => (a.actBy ?? a.dueOn).localeCompare(b.actBy ?? b.dueOn));
  return { items, children };
}
