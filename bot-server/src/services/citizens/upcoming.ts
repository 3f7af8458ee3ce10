import {
  addDays,
  serviceByKey,
  vaccinationSchedule,
  vietnamDate,
  type Child,
  type MyData,
  type Settings,
  type UpcomingItem,
  type Upcoming,
  type UpdateSettings,
  type DraftView,
  NOTIFICATION_CHANNELS,
} from "@hccd/shared";
import {
  consentsOfZaloUser,
  getConsent,
  getDraft,
  getZaloUser,
  listBirthEventsForParents,
  listDraftsForPersons,
  outboxOfPersons,
  ratingsOfZaloUser,
  updateZaloUser,
  latestSubmissionForDraft,
  type Db,
  type Draft,
  type ZaloUser,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { DomainError, notFound } from "../../errors.js";
import { assertChangeable, buildDraftView, draftSummaryOf, loadDraftForCitizen, withdrawConsent } from "../drafts/citizen-drafts.js";
import { personsOfZaloUser } from "./citizen-identity.js";
import { documentsOfCitizen } from "../drafts/renewal-drafts.js";
import { citizenServiceName } from "../drafts/draft-profile.js";
import { VACCINATION_SERVICE_KEY } from "../reminders/reminder-planning.js";
import { audit } from "../staff/audit.js";

/** How far ahead the home screen looks for vaccinations (a child's next dose, not the whole childhood). */
const VACCINATION_HORIZON_DAYS = 60;

function nameOf(serviceKey: string): { vi: string; en: string } {
  const entry = serviceByKey(serviceKey);
  return entry ? citizenServiceName(entry) : { vi: serviceKey, en: serviceKey };
}

/** The citizen's children: births where one of their persons is the mother or the father, named as in the birth draft. */
export function childrenOfCitizen(db: Db, user: ZaloUser): Child[] {
  const personIds = personsOfZaloUser(db, user).map((p) => p.id);
  return childrenOf(db, personIds, listDraftsForPersons(db, personIds));
}

function childrenOf(db: Db, personIds: string[], drafts: readonly Draft[]): Child[] {
  const byBirth = new Map(drafts.filter((d) => d.birthEventId).map((d) => [d.birthEventId as string, d]));
  return listBirthEventsForParents(db, personIds).map((e) => {
    const name = byBirth.get(e.id)?.fields["child.fullName"]?.value;
    return { id: e.id, name: typeof name === "string" && name !== "" ? name : null, dateOfBirth: vietnamDate(e.childBornAt) };
  });
}

/**
 * The home screen: open drafts, documents nearing expiry (with the renewal the app can prepare),
 * and each child's next vaccination, soonest first. Closed drafts and expired-long-ago documents
 * are left out: the list is what to do next.
 */
export function upcomingForCitizen(deps: { db: Db; now: () => Date; catalogue: ReminderCatalogue }, user: ZaloUser): Upcoming {
  const { db } = deps;
  const today = vietnamDate(deps.now());
  const items: UpcomingItem[] = [];
  const personIds = personsOfZaloUser(db, user).map((p) => p.id);
  const rows = listDraftsForPersons(db, personIds);
  const renewalDraftOf = new Map<string, string>();
  for (const row of rows) {
    if (row.documentId) renewalDraftOf.set(`${row.documentId}@${row.documentExpiresOn}`, row.id);
    if (row.status === "closed") continue;
    const d = draftSummaryOf(db, row);
    items.push({
      kind: "draft", id: d.id, serviceKey: d.service, serviceName: d.serviceName, subject: d.title,
      whose: d.kind === "birth-registration" ? "child" : "me", dueOn: d.dueBy, actBy: null, status: d.status,
      action: { type: "open_draft", draftId: d.id },
    });
  }
  const inDrafts = new Set(items.map((i) => i.id));
  for (const doc of documentsOfCitizen(db, user)) {
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
  const children = childrenOf(db, personIds, rows);
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

export function settingsOf(user: ZaloUser): Settings {
  return { language: user.language, optedOut: user.optedOutAt !== null, services: { ...(user.notificationPrefs.services ?? {}) }, channels: { ...(user.notificationPrefs.channels ?? {}) } };
}

/** Changes language and notification choices; at least one channel stays on (else opting out is the way to say "nothing"). */
export function updateSettings(deps: ServiceDeps, user: ZaloUser, req: UpdateSettings, requestId?: string): Settings {
  const now = deps.now();
  const services = { ...(user.notificationPrefs.services ?? {}), ...(req.services ?? {}) };
  for (const key of Object.keys(req.services ?? {})) {
    if (!serviceByKey(key)) throw new DomainError(422, "validation_failed", "Unknown service", [{ path: `services.${key}`, message: "is not a service of the catalogue" }]);
  }
  const channels = { ...(user.notificationPrefs.channels ?? {}), ...(req.channels ?? {}) };
  if (NOTIFICATION_CHANNELS.every((c) => channels[c] === false)) {
    throw new DomainError(422, "validation_failed", "Keep at least one way to reach you, or stop all reminders instead", [{ path: "channels", message: "must keep at least one channel on; use optedOut to stop all reminders" }]);
  }
  const optedOutAt = req.optedOut === undefined ? user.optedOutAt : req.optedOut ? (user.optedOutAt ?? now) : null;
  deps.db.transaction((tx) => {
    updateZaloUser(tx, user.id, { language: req.language ?? user.language, optedOutAt, notificationPrefs: { services, channels }, updatedAt: now });
    audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "settings.updated", target: { kind: "zalo_user", id: user.id }, ...(requestId ? { requestId } : {}), details: { changed: Object.keys(req) } });
  });
  const fresh = getZaloUser(deps.db, user.id) ?? user;
  return settingsOf(fresh);
}

/** The citizen takes a consent back: a dossier still queued is stopped; one already sent cannot be recalled from here. */
export function withdrawCitizenConsent(deps: ServiceDeps, user: ZaloUser, consentId: string, requestId?: string): { consentId: string; stoppedSubmission: boolean; draft: DraftView } {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const consent = getConsent(tx, consentId);
    if (!consent || consent.zaloUserId !== user.id) throw notFound("consent");
    const { draft } = loadDraftForCitizen(tx, consent.draftId, user);
    if (consent.voidedAt) return { consentId, stoppedSubmission: false, draft: buildDraftView(tx, draft, user) };
    assertChangeable(tx, draft);
    const queued = latestSubmissionForDraft(tx, draft.id)?.status === "queued";
    withdrawConsent(tx, draft.id, consent.id, "withdrawn", now);
    audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "consent.withdrawn", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { consentId } });
    return { consentId, stoppedSubmission: queued, draft: buildDraftView(tx, getDraft(tx, draft.id) ?? draft, user) };
  });
}

/** The consents a citizen gave, newest first (the same records "my data" holds). */
export function consentsOfCitizen(db: Db, user: ZaloUser): MyData["consents"] {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return consentsOfZaloUser(db, user.id).map((c) => ({ id: c.id, draftId: c.draftId, consentedAt: c.consentedAt.toISOString(), contentHash: c.contentHash, consentTextVersion: c.consentTextVersion, voidedAt: iso(c.voidedAt), voidReason: c.voidReason }));
}

/** Everything held about the citizen (Law 91/2025/QH15 art. on the data subject's right of access), with the read audited. */
export function myData(deps: ServiceDeps, user: ZaloUser, requestId?: string): MyData {
  const { db } = deps;
  const now = deps.now();
  const persons = personsOfZaloUser(db, user);
  const personIds = persons.map((p) => p.id);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const data: MyData = {
    exportedAt: now.toISOString(),
    zaloUser: { id: user.id, displayName: user.displayName, phone: user.phone, contactPhone: user.contactPhone, language: user.language, follower: user.follower, optedOutAt: iso(user.optedOutAt), linkedAt: iso(user.phoneLinkedAt) },
    persons: persons.map((p) => ({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) })),
    documents: documentsOfCitizen(db, user).map((d) => ({ serviceKey: d.serviceKey, documentNo: d.documentNo, holderKind: d.holderKind, holderName: d.holderName, holderId: d.holderId, phone: d.phone, issuedOn: d.issuedOn, expiresOn: d.expiresOn, wardCode: d.wardCode, address: d.address })),
    drafts: listDraftsForPersons(db, personIds).map((d) => ({ id: d.id, service: d.service, status: d.status, dueBy: d.dueBy, fields: Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, f.value])), createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt) })),
    consents: consentsOfCitizen(db, user),
    messages: outboxOfPersons(db, personIds).filter((m) => m.kind === "notification").map((m) => ({ id: m.id, channel: m.channel, status: m.status, createdAt: m.createdAt.toISOString(), type: String((m.payload as { message?: { type?: string } }).message?.type ?? "") })),
    ratings: ratingsOfZaloUser(db, user.id).map((r) => ({ submissionId: r.submissionId, score: r.score, comment: r.comment, at: r.at.toISOString() })),
  };
  audit(db, { at: now, actor: { kind: "citizen", id: user.id }, action: "my_data.exported", target: { kind: "zalo_user", id: user.id }, ...(requestId ? { requestId } : {}) });
  return data;
}
