import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { botSessions, faqDailyCounts, faqUnanswered, handoverMessages, handoverTickets, persons, satisfactionRatings, staffUsers, wards, zaloUsers } from "../schema.js";

export type HandoverTicket = typeof handoverTickets.$inferSelect;
export type HandoverMessage = typeof handoverMessages.$inferSelect;

/** Session storage for the bot: read, write, delete (grammY's StorageAdapter shape). */
export function readBotSession(db: Db, zaloUserId: string): Record<string, unknown> | undefined {
  return db.select().from(botSessions).where(eq(botSessions.zaloUserId, zaloUserId)).get()?.data;
}

export function writeBotSession(db: Db, zaloUserId: string, data: Record<string, unknown>, now: Date): void {
  db.insert(botSessions).values({ zaloUserId, data, updatedAt: now }).onConflictDoUpdate({ target: botSessions.zaloUserId, set: { data, updatedAt: now } }).run();
}

export function deleteBotSession(db: Db, zaloUserId: string): void {
  db.delete(botSessions).where(eq(botSessions.zaloUserId, zaloUserId)).run();
}

export function openTicketFor(db: Db, zaloUserId: string): HandoverTicket | undefined {
  return db.select().from(handoverTickets).where(and(eq(handoverTickets.zaloUserId, zaloUserId), eq(handoverTickets.status, "open"))).get();
}

export function getTicket(db: Db, id: string): HandoverTicket | undefined {
  return db.select().from(handoverTickets).where(eq(handoverTickets.id, id)).get();
}

export function insertTicket(db: Db, row: { id: string; zaloUserId: string; reason: string | null; openedAt: Date }): HandoverTicket {
  return db.insert(handoverTickets).values({ ...row, status: "open" }).returning().get();
}

export function closeTicket(db: Db, id: string, by: string, now: Date): boolean {
  const r = db.update(handoverTickets).set({ status: "closed", closedAt: now, closedBy: by }).where(and(eq(handoverTickets.id, id), eq(handoverTickets.status, "open"))).returning({ id: handoverTickets.id }).get();
  return r !== undefined;
}

/**
 * Takes an open, unclaimed conversation for a staff member. One conditional UPDATE: of two officers
 * claiming at once, exactly one gets it (true); the other, and any later claim, changes nothing.
 */
export function claimTicket(db: Db, id: string, staffId: string, now: Date): boolean {
  const r = db
    .update(handoverTickets)
    .set({ claimedBy: staffId, claimedAt: now })
    .where(and(eq(handoverTickets.id, id), eq(handoverTickets.status, "open"), sql`${handoverTickets.claimedBy} is null`))
    .returning({ id: handoverTickets.id })
    .get();
  return r !== undefined;
}

export function setTicketFirstResponse(db: Db, id: string, at: Date): void {
  db.update(handoverTickets).set({ firstResponseAt: at }).where(and(eq(handoverTickets.id, id), sql`${handoverTickets.firstResponseAt} is null`)).run();
}

export function addTicketMessage(db: Db, row: { ticketId: string; from: HandoverMessage["from"]; text: string; at: Date }): void {
  db.insert(handoverMessages).values(row).run();
}

export function listTicketMessages(db: Db, ticketId: string): HandoverMessage[] {
  return db.select().from(handoverMessages).where(eq(handoverMessages.ticketId, ticketId)).orderBy(asc(handoverMessages.id)).all();
}

export function listOpenTickets(db: Db): HandoverTicket[] {
  return db.select().from(handoverTickets).where(eq(handoverTickets.status, "open")).orderBy(asc(handoverTickets.openedAt)).all();
}

export function logUnansweredQuestion(db: Db, row: typeof faqUnanswered.$inferInsert): void {
  db.insert(faqUnanswered).values(row).run();
}

/** Counts one question asked of the FAQ (and whether it was answered) on its Vietnam day. */
export function countFaqQuestion(db: Db, row: { day: string; channel: "bot" | "api" | "mini_app"; language: "vi" | "en"; answered: boolean }): void {
  const answered = row.answered ? 1 : 0;
  db.insert(faqDailyCounts)
    .values({ day: row.day, channel: row.channel, language: row.language, asked: 1, answered })
    .onConflictDoUpdate({ target: [faqDailyCounts.day, faqDailyCounts.channel, faqDailyCounts.language], set: { asked: sql`${faqDailyCounts.asked} + 1`, answered: sql`${faqDailyCounts.answered} + ${answered}` } })
    .run();
}

/** Counts one request for a person (not a question for the FAQ) on its Vietnam day. */
export function countPersonRequest(db: Db, row: { day: string; channel: "bot" | "api" | "mini_app"; language: "vi" | "en" }): void {
  db.insert(faqDailyCounts)
    .values({ day: row.day, channel: row.channel, language: row.language, personRequests: 1 })
    .onConflictDoUpdate({ target: [faqDailyCounts.day, faqDailyCounts.channel, faqDailyCounts.language], set: { personRequests: sql`${faqDailyCounts.personRequests} + 1` } })
    .run();
}

/** Unanswered questions grouped by their folded form, most frequent first. */
export function topUnansweredQuestions(db: Db, limit = 50): { questionKey: string; example: string; count: number; lastAt: Date }[] {
  return db
    .select({
      questionKey: faqUnanswered.questionKey,
      example: sql<string>`max(${faqUnanswered.question})`,
      count: count(),
      lastAt: sql<number>`max(${faqUnanswered.at})`.mapWith((v: number) => new Date(v)),
    })
    .from(faqUnanswered)
    .groupBy(faqUnanswered.questionKey)
    .orderBy(desc(count()))
    .limit(limit)
    .all();
}

/** Stores a rating; a second rating of the same dossier by the same user replaces the first. */
export function upsertRating(db: Db, row: { submissionId: string; zaloUserId: string; score: number; comment?: string | null; at: Date }): void {
  db.insert(satisfactionRatings)
    .values({ ...row, comment: row.comment ?? null })
    .onConflictDoUpdate({ target: [satisfactionRatings.submissionId, satisfactionRatings.zaloUserId], set: { score: row.score, at: row.at, ...(row.comment !== undefined ? { comment: row.comment } : {}) } })
    .run();
}

export function getRating(db: Db, submissionId: string, zaloUserId: string) {
  return db.select().from(satisfactionRatings).where(and(eq(satisfactionRatings.submissionId, submissionId), eq(satisfactionRatings.zaloUserId, zaloUserId))).get();
}

export function ratingsOfZaloUser(db: Db, zaloUserId: string) {
  return db.select().from(satisfactionRatings).where(eq(satisfactionRatings.zaloUserId, zaloUserId)).all();
}

/** A ticket as the staff inbox lists it: the citizen's contact facts and the timing of the conversation. */
export interface InboxTicketRow {
  ticket: HandoverTicket;
  displayName: string | null;
  /** The phone Zalo verified (Mini App): identity. */
  phone: string | null;
  /** A phone the citizen typed into the OA's form, and when: contact data only, never identity. */
  contactPhone: string | null;
  contactPhoneAt: Date | null;
  oaUserId: string | null;
  lastInteractionAt: Date | null;
  /** The last staff reply, if any. */
  lastStaffAt: Date | null;
  /** The citizen's first message after the last staff reply (after the opening when never answered). */
  firstUnansweredAt: Date | null;
  lastMessageAt: Date | null;
  messages: number;
  /** The citizen's ward from our records (a person with their linked phone), or null: the shared queue. */
  wardCode: string | null;
  wardName: string | null;
  /** Who took the conversation on. */
  claimedByName: string | null;
}

/** Which tickets a query covers: all, or a ward officer's (their ward's citizens and those of unknown ward). */
export type InboxScope = { kind: "all" } | { kind: "ward"; wardCode: string };

const lastStaffAtSql = sql<number | null>`(select max(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id} and m."from" = 'staff')`;

/**
 * Tickets of one status with what the inbox shows. A ward scope covers citizens whose linked phone
 * belongs to a person living in that ward, and citizens whose ward is unknown (no phone linked, or
 * no person of a known ward with it): the shared queue. Each row says the citizen's ward (the
 * scope's own when the phone is known there) and who claimed it. Open tickets come oldest first,
 * closed ones most recently closed first.
 */
export function listInboxTickets(db: Db, opts: { status?: HandoverTicket["status"]; scope: InboxScope; limit?: number; ticketId?: string }): InboxTicketRow[] {
  const firstUnanswered = sql<number | null>`(select min(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id} and m."from" = 'citizen' and m.at > coalesce(${lastStaffAtSql}, -1))`;
  const scopeWard = opts.scope.kind === "ward" ? opts.scope.wardCode : null;
  // One phone may be shared by people of several wards: the scope's own ward first, else the lowest code.
  const wardCode = sql<string | null>`(select p.residence_ward_code from ${persons} p where p.phone = ${zaloUsers.phone} and p.residence_ward_code is not null order by p.residence_ward_code = ${scopeWard ?? ""} desc, p.residence_ward_code limit 1)`;
  const where = [
    opts.ticketId ? eq(handoverTickets.id, opts.ticketId) : eq(handoverTickets.status, opts.status ?? "open"),
    scopeWard === null
      ? undefined
      : sql`(exists (select 1 from ${persons} p where p.phone = ${zaloUsers.phone} and p.residence_ward_code = ${scopeWard})
             or not exists (select 1 from ${persons} p where p.phone = ${zaloUsers.phone} and p.residence_ward_code is not null))`,
  ];
  const rows = db
    .select({
      ticket: handoverTickets,
      displayName: zaloUsers.displayName,
      phone: zaloUsers.phone,
      contactPhone: zaloUsers.contactPhone,
      contactPhoneAt: zaloUsers.contactPhoneAt,
      oaUserId: zaloUsers.oaUserId,
      lastInteractionAt: zaloUsers.lastInteractionAt,
      lastStaffAt: lastStaffAtSql,
      firstUnansweredAt: firstUnanswered,
      lastMessageAt: sql<number | null>`(select max(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id})`,
      messages: sql<number>`(select count(*) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id})`,
      wardCode,
      wardName: sql<string | null>`(select w.name from ${wards} w where w.code = ${wardCode})`,
      claimedByName: staffUsers.displayName,
    })
    .from(handoverTickets)
    .innerJoin(zaloUsers, eq(zaloUsers.id, handoverTickets.zaloUserId))
    .leftJoin(staffUsers, eq(staffUsers.id, handoverTickets.claimedBy))
    .where(and(...where))
    .orderBy(opts.status !== "closed" ? asc(handoverTickets.openedAt) : desc(handoverTickets.closedAt))
    .limit(opts.limit ?? 500)
    .all();
  const instant = (v: number | null) => (v === null ? null : new Date(v));
  return rows.map((r) => ({ ...r, lastStaffAt: instant(r.lastStaffAt), firstUnansweredAt: instant(r.firstUnansweredAt), lastMessageAt: instant(r.lastMessageAt), messages: Number(r.messages) }));
}
