import {
  applyDraftEdits,
  openRequiredFields,
  type DraftView,
  type DraftSummary,
  type EditDraftRequest,
  type ConsentRequest,
  type TimelineEntry,
  type SubmissionStatus,
} from "@hccd/shared";
import {
  activeConsentForDraft,
  cancelPendingOutbox,
  findOutboxByKey,
  getDraft,
  getDraftParties,
  insertConsent,
  insertDraftEvent,
  hasDraftEvent,
  insertStatusHistory,
  insertSubmission,
  latestSubmissionForDraft,
  latestLiveSubmissionForDraft,
  listDraftAttachments,
  listDraftEvents,
  listDraftsForPersons,
  listWards,
  updateDraftFields,
  updateSubmission,
  voidConsent,
  enqueueOutbox,
  setDraftStatus,
  type Db,
  type Draft,
  type ZaloUser,
  type Person,
  type DraftParty,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { conflict, DomainError, notFound, validationFailed } from "../../errors.js";
import { draftContentHash } from "../hashing.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";
import { draftProfile, type DraftProfile } from "./draft-profile.js";
import { personsOfZaloUser } from "../citizens/citizen-identity.js";
import { mayRate } from "../dossiers/rating.js";
import { moreInfoOf, supplementTarget } from "../dossiers/supplements.js";

/**
 * Loads a draft for a citizen, or answers 404: only its parties (a child's parents, a death's
 * informant, a document's holder) may see or act on it, and to anyone else the draft does not
 * exist (not 403, which would confirm it does).
 */
export async function loadDraftForCitizen(db: Db, draftId: string, user: ZaloUser): Promise<{ draft: Draft; person: Person; role: DraftParty["role"] }> {
  const draft = await getDraft(db, draftId);
  if (!draft) throw notFound("draft");
  const parties = await getDraftParties(db, draft.id);
  for (const person of await personsOfZaloUser(db, user)) {
    const party = parties.find((p) => p.personId === person.id);
    if (party) return { draft, person, role: party.role };
  }
  throw notFound("draft");
}

/** The SHA-256 of each attached file by key: part of what a consent covers. */
export async function attachmentHashes(db: Db, draftId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await listDraftAttachments(db, draftId)).map((a) => [a.key, a.sha256]));
}

/**
 * The content hash of exactly what the citizen is shown: fields, papers and the consent text
 * version. The papers' hashes are read unless given.
 */
export async function contentHashOf(db: Db, draft: Draft, consentTextVersion = draftProfile(draft.service).consentTextVersion, attachments?: Record<string, string>): Promise<string> {
  return draftContentHash({ id: draft.id, procedureCode: draft.procedureCode, version: draft.version, fields: draft.fields, consentTextVersion, attachments: attachments ?? (await attachmentHashes(db, draft.id)) });
}

/** A short title for lists and headings: the child's name, the deceased's name, the document's number. */
function titleOf(draft: Draft): string | null {
  const value = draft.fields[draftProfile(draft.service).titleField]?.value;
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * A party opens their draft: the view, and the first time the `opened` event (the indicators'
 * funnel step between the notice and the consent).
 */
export async function openDraftForCitizen(db: Db, draftId: string, citizen: ZaloUser, now: Date): Promise<DraftView> {
  const { draft } = await loadDraftForCitizen(db, draftId, citizen);
  if (!(await hasDraftEvent(db, draft.id, "opened"))) await insertDraftEvent(db, { draftId: draft.id, kind: "opened", at: now });
  return buildDraftView(db, draft, citizen);
}

/** The draft as the Mini App shows it to `viewer` (one of its parties), with the content hash of exactly that. */
export async function buildDraftView(db: Db, draft: Draft, viewer: ZaloUser): Promise<DraftView> {
  // One query after the other: `db` may be a transaction, whose one connection runs one at a time.
  const consent = await activeConsentForDraft(db, draft.id);
  const submission = await latestLiveSubmissionForDraft(db, draft.id);
  const moreInfo = await moreInfoOf(db, draft.id, submission);
  const events = await listDraftEvents(db, draft.id);
  const attached = await listDraftAttachments(db, draft.id);
  // "opened" is for the indicators (the funnel), not a step the citizen needs to see.
  const timeline: TimelineEntry[] = events.filter((e): e is typeof e & { kind: TimelineEntry["kind"] } => e.kind !== "opened").map((e) => {
    const entry: TimelineEntry = { kind: e.kind, at: e.at.toISOString() };
    if (e.data.status) entry.status = e.data.status as SubmissionStatus;
    if (e.data.note) entry.note = e.data.note;
    if (e.data.receiptNo) entry.receiptNo = e.data.receiptNo;
    return entry;
  });
  const profile = draftProfile(draft.service);
  const fields = Object.entries(draft.fields)
    .map(([key, f]) => {
      const optionLabels = profile.optionLabelsOf(key);
      return { key, group: profile.groupOf(key), label: profile.labelOf(key), ...(optionLabels ? { optionLabels } : {}), ...f };
    })
    .sort((a, b) => profile.orderOf(a.key) - profile.orderOf(b.key));
  const files = new Map(attached.map((a) => [a.key, a]));
  return {
    id: draft.id,
    service: draft.service,
    serviceName: profile.serviceName,
    kind: profile.kind,
    agency: profile.agency,
    procedureCode: draft.procedureCode,
    filing: filedBySystem(profile, draft) ? "system" : "citizen",
    status: draft.status,
    version: draft.version,
    contentHash: await contentHashOf(db, draft, profile.consentTextVersion, Object.fromEntries(attached.map((a) => [a.key, a.sha256]))),
    consentTextVersion: profile.consentTextVersion,
    dueBy: draft.dueBy,
    title: titleOf(draft),
    fields,
    openFields: openRequiredFields(draft.fields),
    attachments: profile.attachments.map((a) => {
      const file = files.get(a.key);
      return { key: a.key, label: a.label, required: a.required, file: file ? { fileName: file.fileName, mediaType: file.mediaType, size: file.size, uploadedAt: file.uploadedAt.toISOString() } : null };
    }),
    consent: consent
      ? { consentId: consent.id, consentedAt: consent.consentedAt.toISOString(), contentHash: consent.contentHash, consentTextVersion: consent.consentTextVersion }
      : null,
    submission: submission
      ? { submissionId: submission.id, status: submission.status, receiptNo: submission.receiptNo, resultRef: submission.resultRef, mayRate: await mayRate(db, viewer, submission) }
      : null,
    timeline,
    ...(moreInfo ? { moreInfo } : {}),
  };
}

/**
 * True when we submit the confirmed dossier to the case system (the service's level says so and the
 * draft names the procedure it goes under); else the citizen files it (shared/domain/filing.ts).
 */
function filedBySystem(profile: DraftProfile, draft: Draft): draft is Draft & { procedureCode: string } {
  return profile.filing.by === "system" && draft.procedureCode !== null;
}

/** A draft as the lists show it: what, for whom, by when, and where its dossier is. */
export async function draftSummaryOf(db: Db, d: Draft): Promise<DraftSummary> {
  const s = await latestLiveSubmissionForDraft(db, d.id);
  const profile = draftProfile(d.service);
  return {
    id: d.id,
    service: d.service,
    serviceName: profile.serviceName,
    kind: profile.kind,
    status: d.status,
    title: titleOf(d),
    dueBy: d.dueBy,
    submissionStatus: s && s.status !== "cancelled" ? s.status : null,
    receiptNo: s && s.status !== "cancelled" ? s.receiptNo : null,
    updatedAt: d.updatedAt.toISOString(),
    filing: filedBySystem(profile, d) ? "system" : "citizen",
  };
}

export async function listDraftsForCitizen(db: Db, user: ZaloUser): Promise<DraftSummary[]> {
  const drafts = await listDraftsForPersons(db, (await personsOfZaloUser(db, user)).map((p) => p.id));
  const summaries: DraftSummary[] = [];
  for (const d of drafts) summaries.push(await draftSummaryOf(db, d));
  return summaries;
}

/**
 * True once the case system may have the dossier: from then on the draft cannot change, until the
 * case asks for more (`need_more_info`), when the citizen prepares a supplement.
 */
async function submissionInFlight(db: Db, draftId: string): Promise<boolean> {
  const s = await latestLiveSubmissionForDraft(db, draftId);
  if (!s || s.status === "need_more_info") return false;
  if (s.status !== "queued") return true;
  const row = await findOutboxByKey(db, s.id);
  return row !== undefined && row.status !== "pending" && row.status !== "cancelled";
}

/**
 * Voids a consent and withdraws its queued submission: what was consented to is no longer what
 * would be sent (an edit, a new paper), or the citizen took the consent back. Only call while the
 * submission has not left (see `submissionInFlight`).
 */
export async function withdrawConsent(tx: Db, draftId: string, consentId: string, reason: "draft_edited" | "attachment_changed" | "withdrawn", now: Date): Promise<void> {
  await voidConsent(tx, consentId, reason, now);
  const submission = await latestSubmissionForDraft(tx, draftId);
  if (submission && submission.status === "queued") {
    await cancelPendingOutbox(tx, submission.id, now);
    await updateSubmission(tx, submission.id, { status: "cancelled", updatedAt: now });
    await insertStatusHistory(tx, { submissionId: submission.id, status: "cancelled", note: reason === "withdrawn" ? "consent withdrawn by the citizen" : "draft changed after consent", at: now });
  }
  await setDraftStatus(tx, draftId, "open", now);
  await insertDraftEvent(tx, { draftId, kind: "consent_voided", at: now, data: { reason } });
}

/** Refuses a change once the dossier has left for the case system. */
export async function assertChangeable(tx: Db, draft: Draft): Promise<void> {
  if (draft.status === "submitted" || draft.status === "closed" || (await submissionInFlight(tx, draft.id))) {
    throw conflict("already_submitted", "the dossier has already been sent to the case system and can no longer be changed");
  }
}

/**
 * A parent edits the fields only they can decide. The edit must quote the version it was made
 * on. An edit after consent voids that consent and withdraws the queued submission: what was
 * consented to is no longer what would be sent.
 */
export async function editDraft(deps: ServiceDeps, user: ZaloUser, draftId: string, req: EditDraftRequest, requestId?: string): Promise<DraftView> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { draft, person } = await loadDraftForCitizen(tx, draftId, user);
    await assertChangeable(tx, draft);
    if (req.version !== draft.version) throw conflict("stale_draft", `the draft is at version ${draft.version}, the edit was made on version ${req.version}`);
    const wardCodes = new Set((await listWards(tx)).map((w) => w.code));
    const result = applyDraftEdits(draft.fields, req.changes, { wardCodes });
    if (!result.ok) throw validationFailed(result.errors, "Some changes are not valid");
    if (result.changed.length === 0) return buildDraftView(tx, draft, user);

    const consent = await activeConsentForDraft(tx, draft.id);
    const updated = await updateDraftFields(tx, draft.id, draft.version, result.fields, "open", now);
    if (!updated) throw conflict("stale_draft", "the draft changed while saving; reload it");
    if (consent) await withdrawConsent(tx, draft.id, consent.id, "draft_edited", now);
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "draft.edited", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { personId: person.id, fields: result.changed, consentVoided: Boolean(consent) } });
    return buildDraftView(tx, updated, user);
  });
}

/**
 * Records a parent's consent to exactly the content they were shown (its hash and the consent
 * text version), then, where the service's level has us file it (`filedBySystem`), queues the
 * dossier for the case system through the outbox; a level-2 dossier is only confirmed: the citizen
 * files it where the procedure guidance says, and nothing is sent. Nothing is submitted without this. A consent quoting an old hash is refused with 409: the draft changed.
 * The same consent sent twice at once (a double tap, two instances) records one consent and one
 * submission: the request that loses the race on `consents_active_version_uq` runs again and
 * answers as the repeat.
 */
export async function consentToDraft(deps: ServiceDeps, user: ZaloUser, draftId: string, req: ConsentRequest, requestId?: string): Promise<{ created: boolean; consentId: string; submissionId: string | null; draft: DraftView }> {
  const now = deps.now();
  return retryOnUniqueViolation(() => deps.db.transaction(async (tx) => {
    const { draft, person, role } = await loadDraftForCitizen(tx, draftId, user);
    const profile = draftProfile(draft.service);
    const attached = await attachmentHashes(tx, draft.id);
    const currentHash = await contentHashOf(tx, draft, profile.consentTextVersion, attached);
    const existing = await activeConsentForDraft(tx, draft.id);
    if (existing && existing.contentHash === req.contentHash) {
      const submission = await latestSubmissionForDraft(tx, draft.id);
      if (submission) return { created: false, consentId: existing.id, submissionId: submission.id, draft: await buildDraftView(tx, draft, user) };
      if (!filedBySystem(profile, draft)) return { created: false, consentId: existing.id, submissionId: null, draft: await buildDraftView(tx, draft, user) };
    }
    if (draft.status === "submitted" || draft.status === "closed") throw conflict("already_submitted", "the dossier has already been sent");
    if (req.contentHash !== currentHash) throw conflict("stale_draft", "the draft has changed since it was shown; review it again before consenting");
    if (req.consentTextVersion !== profile.consentTextVersion) throw conflict("stale_consent_text", `the consent text is now ${profile.consentTextVersion}; read it again before consenting`);
    const missing = [
      ...openRequiredFields(draft.fields).map((k) => ({ path: `fields.${k}`, message: "is required" })),
      ...profile.attachments.filter((a) => a.required && !(a.key in attached)).map((a) => ({ path: `attachments.${a.key}`, message: "is required: add the file before consenting" })),
    ];
    if (missing.length > 0) throw new DomainError(422, "draft_incomplete", "Some required information is still missing", missing);

    const consent = await insertConsent(tx, {
      id: deps.newId(),
      draftId: draft.id,
      draftVersion: draft.version,
      zaloUserId: user.id,
      personId: person.id,
      role,
      contentHash: currentHash,
      consentTextVersion: profile.consentTextVersion,
      consentedAt: now,
    });
    if (!filedBySystem(profile, draft)) {
      // Level 2: the dossier is the citizen's to file; confirmed, and nothing leaves the platform.
      await setDraftStatus(tx, draft.id, "consented", now);
      await insertDraftEvent(tx, { draftId: draft.id, kind: "consented", at: now });
      await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "draft.confirmed_for_self_filing", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { personId: person.id, role, consentId: consent.id, contentHash: currentHash, procedureCode: draft.procedureCode } });
      const confirmed = (await getDraft(tx, draft.id)) ?? draft;
      return { created: true, consentId: consent.id, submissionId: null, draft: await buildDraftView(tx, confirmed, user) };
    }
    // After `need_more_info` this is a supplement: it goes to the same case (supplements.ts).
    const answers = supplementTarget(await latestLiveSubmissionForDraft(tx, draft.id));
    const submission = await insertSubmission(tx, {
      id: deps.newId(),
      draftId: draft.id,
      consentId: consent.id,
      ...answers,
      procedureCode: draft.procedureCode,
      status: "queued",
      createdAt: now,
      updatedAt: now,
    });
    await insertStatusHistory(tx, { submissionId: submission.id, status: "queued", at: now });
    // The submission id is the idempotency key all the way to the case system (contract 3).
    await enqueueOutbox(tx, {
      id: deps.newId(),
      kind: "case_submission",
      idempotencyKey: submission.id,
      channel: "case_system",
      priority: "transactional",
      personId: person.id,
      payload: { submissionId: submission.id },
      nextAttemptAt: now,
      now,
    });
    await setDraftStatus(tx, draft.id, "consented", now);
    await insertDraftEvent(tx, { draftId: draft.id, kind: "consented", at: now });
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "draft.consented", target: { kind: "draft", id: draft.id }, ...(requestId ? { requestId } : {}), details: { personId: person.id, role, consentId: consent.id, submissionId: submission.id, contentHash: currentHash, ...(answers.supplementOf ? { supplementOf: answers.supplementOf } : {}) } });
    const fresh = (await getDraft(tx, draft.id)) ?? draft;
    return { created: true, consentId: consent.id, submissionId: submission.id, draft: await buildDraftView(tx, fresh, user) };
  }));
}
