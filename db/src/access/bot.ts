import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { toDate } from "../raw.js";
import type { faqUnanswered, handoverMessages, handoverTickets, satisfactionRatings } from "../schema.js";

export type HandoverTicket = typeof handoverTickets.$inferSelect;
export type HandoverMessage = typeof handoverMessages.$inferSelect;

/** Session storage for the bot: read, write, delete (grammY's StorageAdapter shape). */
export async function readBotSession(db: Db, zaloUserId: string): Promise<Record<string, unknown> | undefined> {
  const { botSessions } = tablesOf(db);
  return (await db.select().from(botSessions).where(eq(botSessions.zaloUserId, zaloUserId)).limit(1))[0]?.data;
}

export async function writeBotSession(db: Db, zaloUserId: string, data: Record<string, unknown>, now: Date): Promise<void> {
  const { botSessions } = tablesOf(db);
  await db.insert(botSessions).values({ zaloUserId, data, updatedAt: now }).onConflictDoUpdate({ target: botSessions.zaloUserId, set: { data, updatedAt: now } });
}

export async function deleteBotSession(db: Db, zaloUserId: string): Promise<void> {
  const { botSessions } = tablesOf(db);
  await db.delete(botSessions).where(eq(botSessions.zaloUserId, zaloUserId));
}

export async function openTicketFor(db: Db, zaloUserId: string): Promise<HandoverTicket | undefined> {
  const { handoverTickets } = tablesOf(db);
  return (await db.select().from(handoverTickets).where(and(eq(handoverTickets.zaloUserId, zaloUserId), eq(handoverTickets.status, "open"))).limit(1))[0];
}

export async function getTicket(db: Db, id: string): Promise<HandoverTicket | undefined> {
  const { handoverTickets } = tablesOf(db);
  return (await db.select().from(handoverTickets).where(eq(handoverTickets.id, id)).limit(1))[0];
}

export async function insertTicket(db: Db, row: { id: string; zaloUserId: string; reason: string | null; openedAt: Date }): Promise<HandoverTicket> {
  const { handoverTickets } = tablesOf(db);
  return (await db.insert(handoverTickets).values({ ...row, status: "open" }).returning())[0]!;
}

export async function closeTicket(db: Db, id: string, by: string, now: Date): Promise<boolean> {
  const { handoverTickets } = tablesOf(db);
  const closed = await db.update(handoverTickets).set({ status: "closed", closedAt: now, closedBy: by }).where(and(eq(handoverTickets.id, id), eq(handoverTickets.status, "open"))).returning({ id: handoverTickets.id });
  return closed.length > 0;
}

/**
 * Takes an open, unclaimed conversation for a staff member. One conditional UPDATE: of two officers
 * claiming at once, exactly one gets it (true); the other, and any later claim, changes nothing.
 */
export async function claimTicket(db: Db, id: string, staffId: string, now: Date): Promise<boolean> {
  const { handoverTickets } = tablesOf(db);
  const claimed = await db
    .update(handoverTickets)
    .set({ claimedBy: staffId, claimedAt: now })
    .where(and(eq(handoverTickets.id, id), eq(handoverTickets.status, "open"), sql`${handoverTickets.claimedBy} is null`))
    .returning({ id: handoverTickets.id });
  return claimed.length > 0;
}

export async function setTicketFirstResponse(db: Db, id: string, at: Date): Promise<void> {
  const { handoverTickets } = tablesOf(db);
  await db.update(handoverTickets).set({ firstResponseAt: at }).where(and(eq(handoverTickets.id, id), sql`${handoverTickets.firstResponseAt} is null`));
}

export async function addTicketMessage(db: Db, row: { ticketId: string; from: HandoverMessage["from"]; text: string; at: Date }): Promise<void> {
  const { handoverMessages } = tablesOf(db);
  await db.insert(handoverMessages).values(row);
}

export async function listTicketMessages(db: Db, ticketId: string): Promise<HandoverMessage[]> {
  const { handoverMessages } = tablesOf(db);
  return db.select().from(handoverMessages).where(eq(handoverMessages.ticketId, ticketId)).orderBy(asc(handoverMessages.id));
}

export async function listOpenTickets(db: Db): Promise<HandoverTicket[]> {
  const { handoverTickets } = tablesOf(db);
  return db.select().from(handoverTickets).where(eq(handoverTickets.status, "open")).orderBy(asc(handoverTickets.openedAt), asc(handoverTickets.id));
}

export async function logUnansweredQuestion(db: Db, row: typeof faqUnanswered.$inferInsert): Promise<void> {
  const { faqUnanswered } = tablesOf(db);
  await db.insert(faqUnanswered).values(row);
}

/** Counts one question asked of the FAQ (and whether it was answered) on its Vietnam day. */
export async function countFaqQuestion(db: Db, row: { day: string; channel: "bot" | "api" | "mini_app"; language: "vi" | "en"; answered: boolean }): Promise<void> {
  const { faqDailyCounts } = tablesOf(db);
  const answered = row.answered ? 1 : 0;
  await db
    .insert(faqDailyCounts)
    .values({ day: row.day, channel: row.channel, language: row.language, asked: 1, answered })
    .onConflictDoUpdate({ target: [faqDailyCounts.day, faqDailyCounts.channel, faqDailyCounts.language], set: { asked: sql`${faqDailyCounts.asked} + 1`, answered: sql`${faqDailyCounts.answered} + ${answered}` } });
}

/** Counts one request for a person (not a question for the FAQ) on its Vietnam day. */
export async function countPersonRequest(db: Db, row: { day: string; channel: "bot" | "api" | "mini_app"; language: "vi" | "en" }): Promise<void> {
  const { faqDailyCounts } = tablesOf(db);
  await db
    .insert(faqDailyCounts)
    .values({ day: row.day, channel: row.channel, language: row.language, personRequests: 1 })
    .onConflictDoUpdate({ target: [faqDailyCounts.day, faqDailyCounts.channel, faqDailyCounts.language], set: { personRequests: sql`${faqDailyCounts.personRequests} + 1` } });
}

/** Unanswered questions grouped by their folded form, most frequent first. */
export async function topUnansweredQuestions(db: Db, limit = 50): Promise<{ questionKey: string; example: string; count: number; lastAt: Date }[]> {
  const { faqUnanswered } = tablesOf(db);
  return db
    .select({
      questionKey: faqUnanswered.questionKey,
      example: sql<string>`max(${faqUnanswered.question})`,
      count: count(),
      lastAt: sql<Date>`max(${faqUnanswered.at})`.mapWith((v: unknown) => toDate(v)!),
    })
    .from(faqUnanswered)
    .groupBy(faqUnanswered.questionKey)
    // Ties: the one asked last first, then by key (an order PostgreSQL keeps too, not the scan's).
    .orderBy(desc(count()), desc(sql`max(${faqUnanswered.at})`), asc(faqUnanswered.questionKey))
    .limit(limit);
}

/** Stores a rating; a second rating of the same dossier by the same user replaces the first. */
export async function upsertRating(db: Db, row: { submissionId: string; zaloUserId: string; score: number; comment?: string | null; at: Date }): Promise<void> {
  const { satisfactionRatings } = tablesOf(db);
  await db
    .insert(satisfactionRatings)
    .values({ ...row, comment: row.comment ?? null })
    .onConflictDoUpdate({ target: [satisfactionRatings.submissionId, satisfactionRatings.zaloUserId], set: { score: row.score, at: row.at, ...(row.comment !== undefined ? { comment: row.comment } : {}) } });
}

export type SatisfactionRating = typeof satisfactionRatings.$inferSelect;

export async function getRating(db: Db, submissionId: string, zaloUserId: string): Promise<SatisfactionRating | undefined> {
  const { satisfactionRatings } = tablesOf(db);
  return (await db.select().from(satisfactionRatings).where(and(eq(satisfactionRatings.submissionId, submissionId), eq(satisfactionRatings.zaloUserId, zaloUserId))).limit(1))[0];
}

export async function ratingsOfZaloUser(db: Db, zaloUserId: string): Promise<SatisfactionRating[]> {
  const { satisfactionRatings } = tablesOf(db);
  return db.select().from(satisfactionRatings).where(eq(satisfactionRatings.zaloUserId, zaloUserId));
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


/**
 * Tickets of one status with what the inbox shows. A ward scope covers citizens whose linked phone
 * belongs to a person living in that ward, and citizens whose ward is unknown (no phone linked, or
 * no person of a known ward with it): the shared queue. Each row says the citizen's ward (the
 * scope's own when the phone is known there) and who claimed it. Open tickets come oldest first,
 * closed ones most recently closed first.
 */
export async function listInboxTickets(db: Db, opts: { status?: HandoverTicket["status"]; scope: InboxScope; limit?: number; ticketId?: string }): Promise<InboxTicketRow[]> {
  const { handoverMessages, handoverTickets, persons, staffUsers, wards, zaloUsers } = tablesOf(db);
  const lastStaffAtSql = sql<unknown>`(select max(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id} and m."from" = 'staff')`;
  const firstUnanswered = sql<unknown>`(select min(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id} and m."from" = 'citizen' and (${lastStaffAtSql} is null or m.at > ${lastStaffAtSql}))`;
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
  const rows = await db
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
      lastMessageAt: sql<unknown>`(select max(m.at) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id})`,
      messages: sql<unknown>`(select count(*) from ${handoverMessages} m where m.ticket_id = ${handoverTickets.id})`,
      wardCode,
      wardName: sql<string | null>`(select w.name from ${wards} w where w.code = ${wardCode})`,
      claimedByName: staffUsers.displayName,
    })
    .from(handoverTickets)
    .innerJoin(zaloUsers, eq(zaloUsers.id, handoverTickets.zaloUserId))
    .leftJoin(staffUsers, eq(staffUsers.id, handoverTickets.claimedBy))
    .where(and(...where))
    .orderBy(...(opts.status !== "closed" ? [asc(handoverTickets.openedAt)] : [desc(handoverTickets.closedAt)]), asc(handoverTickets.id))
    .limit(opts.limit ?? 500);
  return rows.map((r) => ({ ...r, lastStaffAt: toDate(r.lastStaffAt), firstUnansweredAt: toDate(r.firstUnansweredAt), lastMessageAt: toDate(r.lastMessageAt), messages: Number(r.messages) }));
}
