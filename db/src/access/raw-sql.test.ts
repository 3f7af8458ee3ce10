/**
 * The access functions whose SQL is written by hand (or differs by engine) give the same answers
 * on SQLite and PostgreSQL: each is run here on a little data, on both.
 */
import { afterEach, describe, expect, it } from "vitest";
import { tablesOf } from "../engine.js";
import { fixtureNow as now, seedDraft } from "../testing/fixtures.js";
import { testDbs } from "../testing/test-db.js";
import { listAuditActions, searchAudit, writeAudit } from "./audit.js";
import { countFaqQuestion, listInboxTickets, logUnansweredQuestion, topUnansweredQuestions, insertTicket, addTicketMessage } from "./bot.js";
import { audienceBatch, campaignRecipientTally, cancelCampaignMessages, holdCampaignMessages, insertCampaign, insertCampaignRecipients, isInAudience, markRecipientQueued, openCampaignMessages, pendingRecipientCount, pendingRecipients, recipientDetails, releaseCampaignMessages } from "./campaigns.js";
import { insertConsent } from "./consents.js";
import { insertDocument } from "./documents.js";
import { insertFaqEntry, listFaqEntries, listOpenUnansweredGroups } from "./faq-entries.js";
import { clipLegacyImportErrors, insertImport, legacyImportReports, legacyImportReportStart } from "./imports.js";
import { deliveryCounts, draftIndicatorRows, faqAskedCounts, handoverIndicatorRows, ratingCountsByScore, reminderIndicatorRows, unansweredQuestionCounts } from "./indicators.js";
import { countOutboxByStatus, enqueueOutbox, listFailedOutbox, markOutboxFailed, nextOutboxDueAt } from "./outbox.js";
import { updatePerson } from "./persons.js";
import { recordLoginFailure } from "./staff.js";
import { insertSubmission, latestSubmissionForDraft } from "./submissions.js";
import { updateZaloUser, setZaloUserVerifiedPhone } from "./zalo-users.js";
import { upsertWards } from "./wards.js";

const open = testDbs(afterEach);
const at = (ms: number) => new Date(now.getTime() + ms);
const period = { start: at(-86_400_000), end: at(86_400_000) };

describe("hand-written SQL, on either engine", () => {
  it("counts failed logins in windows and blocks at the limit", async () => {
    const { db } = await open();
    const key = { scope: "user_client" as const, username: "lan", client: "203.0.113.7" };
    const opts = { windowMs: 60_000, limit: 3, blockMs: 600_000 };
    expect(await recordLoginFailure(db, key, { ...opts, now })).toEqual({ ...key, windowStart: now, failures: 1, blockedUntil: null });
    await recordLoginFailure(db, key, { ...opts, now: at(1_000) });
    expect(await recordLoginFailure(db, key, { ...opts, now: at(2_000) })).toEqual({ ...key, windowStart: now, failures: 3, blockedUntil: at(602_000) });
    // After the block, the count starts again.
    expect(await recordLoginFailure(db, key, { ...opts, now: at(700_000) })).toEqual({ ...key, windowStart: at(700_000), failures: 1, blockedUntil: null });
  });

  it("finds a campaign's audience, queues, holds, releases and cancels its messages", async () => {
    const { db } = await open();
    const { personId, zaloUserId } = await seedDraft(db);
    await upsertWards(db, [{ code: "25747", name: "Phường Tân Ninh", provinceCode: "72" }]);
    await updatePerson(db, personId, { residenceWardCode: "25747", dateOfBirth: "1990-05-01" });
    await setZaloUserVerifiedPhone(db, zaloUserId, "84912345678", now);
    await updateZaloUser(db, zaloUserId, { follower: true, lastInteractionAt: at(-1_000), updatedAt: now, notificationPrefs: { channels: { sms: false } } });
    const members = await audienceBatch(db, { wardCode: "25747", follower: true, bornOnOrBefore: "2000-01-01" }, { after: null, limit: 10 });
    expect(members).toEqual([{ id: "u1", oaUserId: null, displayName: "Lan", phone: "84912345678", language: "vi", follower: true, lastInteractionAt: at(-1_000), optedOutAt: null, notificationPrefs: { channels: { sms: false } } }]);
    expect(await isInAudience(db, { follower: false }, zaloUserId)).toBe(false);
    expect(await isInAudience(db, { holderKind: "person" }, zaloUserId)).toBe(true);
    await insertCampaign(db, { id: "c1", name: "Tuần lễ", bodyVi: "Xin chào", bodyEn: "Hello", createdBy: "s1", updatedAt: now });
    expect(await insertCampaignRecipients(db, [{ campaignId: "c1", zaloUserId, status: "pending", at: now }])).toBe(1);
    expect(await insertCampaignRecipients(db, [{ campaignId: "c1", zaloUserId, status: "pending", at: now }])).toBe(0);
    expect(await pendingRecipientCount(db, "c1")).toBe(1);
    expect(await pendingRecipients(db, "c1", 10)).toEqual([{ zaloUserId, oaUserId: null, displayName: "Lan", phone: "84912345678", language: "vi", personId, personName: "Nguyễn Thị Lan", wardName: "Phường Tân Ninh", optedOutAt: null }]);
    expect((await recipientDetails(db, zaloUserId))?.wardName).toBe("Phường Tân Ninh");
    await enqueueOutbox(db, { id: "o1", kind: "notification", idempotencyKey: "campaign:c1:u1", channel: "oa", priority: "campaign", payload: { message: { type: "campaign" } }, nextAttemptAt: now, now });
    expect(await markRecipientQueued(db, "c1", zaloUserId, "o1")).toBe(true);
    expect(await openCampaignMessages(db, "c1")).toBe(1);
    expect(await holdCampaignMessages(db, "c1", at(1))).toBe(1);
    expect(await releaseCampaignMessages(db, "c1", at(60_000), at(2))).toBe(1);
    expect(await nextOutboxDueAt(db)).toEqual(at(60_000));
    expect(await cancelCampaignMessages(db, "c1", at(3))).toEqual({ messages: 1, waiting: 0 });
    expect(await campaignRecipientTally(db, "c1")).toEqual([{ recipientStatus: "queued", outboxStatus: "cancelled", count: 1 }]);
    expect(await countOutboxByStatus(db)).toEqual([{ status: "cancelled", kind: "notification", count: 1 }]);
  });

  it("computes the indicators", async () => {
    const { db } = await open();
    const { draftId, personId, zaloUserId } = await seedDraft(db);
    await insertDocument(db, { id: "doc1", serviceKey: "tour-guide-card", documentNo: "HDV-1", holderKind: "person", holderName: "Lan", expiresOn: "2027-01-10", updatedAt: now });
    const { reminders } = tablesOf(db);
    await db.insert(reminders).values({ id: "r1", documentId: "doc1", serviceKey: "tour-guide-card", dueOn: "2027-01-10", step: "P30D", nextAt: now, status: "queued", idempotencyKey: "r1", outboxId: "o1", updatedAt: now });
    await enqueueOutbox(db, { id: "o1", kind: "notification", idempotencyKey: "r1", channel: "zns", priority: "reminder", personId, payload: { message: { type: "reminder", serviceKey: "tour-guide-card", documentId: "doc1" } }, nextAttemptAt: now, now });
    await markOutboxFailed(db, "o1", "quota", at(5));
    await insertConsent(db, { id: "c1", draftId, draftVersion: 1, zaloUserId, personId, role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: at(10) });
    await insertSubmission(db, { id: "s1", draftId, consentId: "c1", procedureCode: "1.001", status: "completed", createdAt: now, updatedAt: now });
    const { satisfactionRatings } = tablesOf(db);
    await db.insert(satisfactionRatings).values({ submissionId: "s1", zaloUserId, score: 5, at: now });
    expect(await reminderIndicatorRows(db, { ...period, serviceKeys: ["tour-guide-card"] })).toEqual([{ serviceKey: "tour-guide-card", status: "queued", reason: null, dueOn: "2027-01-10", nextAt: now.getTime(), outboxStatus: "failed", sentAt: null }]);
    expect(await reminderIndicatorRows(db, { ...period, serviceKeys: [] })).toEqual([]);
    const drafts = await draftIndicatorRows(db, period);
    expect(drafts).toEqual([expect.objectContaining({ service: "tour-guide-card", firstConsentAt: at(10).getTime(), submitted: 0, completed: 1, notifiedEventAt: null })]);
    expect(await ratingCountsByScore(db, period)).toEqual([{ score: 5, count: 1 }]);
    expect(await deliveryCounts(db, period)).toEqual([{ channel: "zns", status: "failed", type: "reminder", serviceKey: "tour-guide-card", draftService: null, count: 1 }]);
    expect(await listFailedOutbox(db, { limit: 10, serviceKeys: ["tour-guide-card"] })).toHaveLength(1);
    expect(await listFailedOutbox(db, { limit: 10, serviceKeys: ["other"] })).toEqual([]);
    await logUnansweredQuestion(db, { question: "Giá vé xe buýt?", questionKey: "gia ve xe buyt", language: "vi", topScore: 20, channel: "bot", at: now });
    await logUnansweredQuestion(db, { question: "Giá vé xe buýt bao nhiêu?", questionKey: "gia ve xe buyt", language: "vi", topScore: 25, channel: "bot", at: at(1) });
    expect(await unansweredQuestionCounts(db, period)).toEqual({ total: { logged: 2, distinct: 1, resolved: 0 }, byChannel: [{ channel: "bot", logged: 2, distinct: 1, resolved: 0 }] });
    expect(await topUnansweredQuestions(db)).toEqual([{ questionKey: "gia ve xe buyt", example: "Giá vé xe buýt?", count: 2, lastAt: at(1) }]);
    expect(await listOpenUnansweredGroups(db)).toEqual([{ questionKey: "gia ve xe buyt", example: "Giá vé xe buýt bao nhiêu?", language: "vi", count: 2, firstAt: now, lastAt: at(1) }]);
    await countFaqQuestion(db, { day: "2026-11-24", channel: "bot", language: "vi", answered: true });
    await countFaqQuestion(db, { day: "2026-11-24", channel: "bot", language: "vi", answered: false });
    expect(await faqAskedCounts(db, { from: "2026-11-24", to: "2026-11-24" })).toEqual({ total: { asked: 2, answered: 1, personRequests: 0 }, byChannel: [{ channel: "bot", asked: 2, answered: 1, personRequests: 0 }] });
    await insertTicket(db, { id: "t1", zaloUserId, reason: "gặp cán bộ", openedAt: now });
    expect(await handoverIndicatorRows(db, period)).toEqual([{ openedAt: now.getTime(), firstResponseAt: null }]);
  });

  it("lists the staff inbox with its timings", async () => {
    const { db } = await open();
    const { zaloUserId } = await seedDraft(db);
    await insertTicket(db, { id: "t1", zaloUserId, reason: "gặp cán bộ", openedAt: now });
    await addTicketMessage(db, { ticketId: "t1", from: "citizen", text: "Chào", at: at(1) });
    await addTicketMessage(db, { ticketId: "t1", from: "staff", text: "Chào anh/chị", at: at(2) });
    await addTicketMessage(db, { ticketId: "t1", from: "citizen", text: "Cảm ơn", at: at(3) });
    const [row] = await listInboxTickets(db, { scope: { kind: "ward", wardCode: "25747" } });
    expect(row).toMatchObject({ lastStaffAt: at(2), firstUnansweredAt: at(3), lastMessageAt: at(3), messages: 3, wardCode: null, claimedByName: null });
  });

  it("keeps insertion order where SQLite used rowid, and reads legacy import reports and audit actions", async () => {
    const { db } = await open();
    const entry = (id: string) => ({ id, topic: "t", questionVi: id, questionEn: id, alternatives: { vi: [], en: [] }, answerVi: "a", answerEn: "a", sourceTitle: "s", sourceRef: "r", origin: "builtin" as const, updatedAt: now });
    for (const id of ["z", "a", "m"]) await insertFaqEntry(db, entry(id));
    const listed = await listFaqEntries(db);
    expect(listed.map((e) => e.id)).toEqual(["z", "a", "m"]);
    expect(Object.keys(listed[0]!)).not.toContain("rowid");
    const { draftId, personId, zaloUserId } = await seedDraft(db);
    for (const [c, v] of [["c1", 1], ["c2", 2]] as const) {
      await insertConsent(db, { id: c, draftId, draftVersion: v, zaloUserId, personId, role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: now });
      await insertSubmission(db, { id: `s-${c === "c1" ? "b" : "a"}`, draftId, consentId: c, procedureCode: "1", status: "queued", createdAt: now, updatedAt: now });
    }
    expect((await latestSubmissionForDraft(db, draftId))?.id).toBe("s-a");
    const { imports } = tablesOf(db);
    await insertImport(db, { id: "i1", fileName: "cu.csv", format: "csv", importedBy: "o", startedAt: now, error: "x".repeat(50) });
    await db.update(imports).set({ report: [{ row: 2, column: "phone", reason: "is required", values: {} }] });
    const [legacy] = await legacyImportReports(db);
    expect(legacy).toMatchObject({ id: "i1", rejected: 0 });
    expect(legacy!.bytes).toBeGreaterThan(2);
    expect(await legacyImportReportStart(db, "i1", 7)).toBe(`[{"row"`);
    expect(await clipLegacyImportErrors(db, 10, "…")).toBe(1);
    for (const action of ["import.started", "draft.consented", "import.started"]) await writeAudit(db, { at: now, actorKind: "staff", actorId: "s1", action, targetKind: "import", targetId: "i1" });
    expect(await listAuditActions(db)).toEqual(["draft.consented", "import.started"]);
    const page = await searchAudit(db, { actionPrefix: "import." }, { limit: 1 });
    expect(page.entries).toHaveLength(1);
    expect((await searchAudit(db, { actionPrefix: "import." }, { limit: 1, beforeId: page.nextBeforeId! })).nextBeforeId).toBeNull();
  });
});
