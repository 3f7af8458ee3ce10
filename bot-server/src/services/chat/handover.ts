import { addTicketMessage, claimTicket, closeTicket, getTicket, getZaloUser, insertTicket, listInboxTickets, listTicketMessages, openTicketFor, setTicketFirstResponse, type Db, type HandoverTicket, type InboxScope, type InboxTicketRow, type StaffUser, type ZaloUser } from "@hccd/db";
import { CS_WINDOW_MS, handoverReplyRequestSchema, i18nFor, maskPhone, zodIssuesToFields, type HandoverContactPhone, type HandoverTicketDetail, type HandoverTicketSummary } from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import { conflict, DomainError, forbidden, notFound, validationFailed } from "../../errors.js";
import { enqueueChatMessage } from "../delivery/notifications.js";
import { audit } from "../staff/audit.js";
import { retryOnUniqueViolation } from "../only-once.js";

/**
 * Hands a conversation to a person: one open ticket per user; while it is open the bot stays
 * quiet for that user and their messages go to the ticket.
 */
export async function openHandover(db: Db, input: { user: ZaloUser; reason: string | null; now: Date; newId: () => string }): Promise<{ ticket: HandoverTicket; created: boolean }> {
  // The database holds "one open ticket" (a partial unique index): of two instances opening one at
  // once, the loser meets it and, tried again, finds the winner's ticket and answers as the repeat.
  return retryOnUniqueViolation(() =>
    db.transaction(async (tx) => {
      const existing = await openTicketFor(tx, input.user.id);
      if (existing) return { ticket: existing, created: false };
      const ticket = await insertTicket(tx, { id: input.newId(), zaloUserId: input.user.id, reason: input.reason, openedAt: input.now });
      if (input.reason) await addTicketMessage(tx, { ticketId: ticket.id, from: "citizen", text: input.reason, at: input.now });
      return { ticket, created: true };
    }),
  );
}

/** The user's open ticket: while there is one, a person has the conversation and the bot stays quiet. */
export async function openTicketOf(db: Db, user: ZaloUser): Promise<HandoverTicket | undefined> {
  return openTicketFor(db, user.id);
}

/** A citizen's message while a person has the conversation: it goes to the ticket. */
export async function recordCitizenMessage(db: Db, ticket: HandoverTicket, text: string, now: Date): Promise<void> {
  await addTicketMessage(db, { ticketId: ticket.id, from: "citizen", text, at: now });
}

export type OaUnreachableReason = "no_oa_user" | "outside_window";

/**
 * Whether a customer-service message can reach the user through the OA now (zalo.md): they must
 * have an OA conversation and have written within 7 days (else Zalo answers -230). The follower
 * flag is not checked: it is learnt from follow events only, so people who followed before the
 * service started read as non-followers, and the bot answers them in the same conversation.
 */
export function oaUnreachableReason(user: Pick<ZaloUser, "oaUserId" | "lastInteractionAt">, now: Date): OaUnreachableReason | null {
  if (!user.oaUserId) return "no_oa_user";
  if (!user.lastInteractionAt || now.getTime() - user.lastInteractionAt.getTime() >= CS_WINDOW_MS) return "outside_window";
  return null;
}

const UNREACHABLE_MESSAGE: Record<OaUnreachableReason, string> = {
  no_oa_user: "the citizen has no OA conversation to reply to",
  outside_window: "the citizen last wrote more than 7 days ago: Zalo refuses OA replies outside that window",
};

/** A reply Zalo would refuse: said at once, never queued to fail later. The API answers 409 `citizen_unreachable`. */
export class CitizenUnreachable extends DomainError {
  constructor(readonly reason: OaUnreachableReason) {
    super(409, "citizen_unreachable", UNREACHABLE_MESSAGE[reason]);
  }
}

/** Another officer took the conversation on: the API answers 409 `handover_claimed`, naming them. */
export class HandoverClaimed extends DomainError {
  constructor(readonly owner: string) {
    super(409, "handover_claimed", `${owner} has taken this conversation on`);
  }
}

/** A staff member answers: the reply goes to the citizen through the OA (outbox) and into the ticket. */
export async function staffReply(db: Db, input: { ticketId: string; staffId: string; text: string; now: Date; newId: () => string; requestId?: string }): Promise<void> {
  const ticket = await getTicket(db, input.ticketId);
  if (!ticket) throw notFound("handover ticket");
  if (ticket.status !== "open") throw conflict("handover_closed", "the conversation is closed: the citizen is back with the bot, so the reply was not sent");
  const user = await getZaloUser(db, ticket.zaloUserId);
  const unreachable = user ? oaUnreachableReason(user, input.now) : "no_oa_user";
  if (unreachable || !user?.oaUserId) throw new CitizenUnreachable(unreachable ?? "no_oa_user");
  const oaUserId = user.oaUserId;
  await db.transaction(async (tx) => {
    await addTicketMessage(tx, { ticketId: ticket.id, from: "staff", text: input.text, at: input.now });
    await setTicketFirstResponse(tx, ticket.id, input.now);
    await enqueueChatMessage(tx, { now: input.now, newId: input.newId, oaUserId, language: user.language, text: input.text, idempotencyKey: `handover:${ticket.id}:${input.newId()}` });
    await audit(tx, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.replied", target: { kind: "handover_ticket", id: ticket.id }, ...(input.requestId ? { requestId: input.requestId } : {}) });
  });
}

/** Staff closes the ticket: the user is handed back to the bot and told so. */
export async function closeHandover(db: Db, input: { ticketId: string; staffId: string; now: Date; newId: () => string; requestId?: string }): Promise<boolean> {
  const ticket = await getTicket(db, input.ticketId);
  if (!ticket) return false;
  const user = await getZaloUser(db, ticket.zaloUserId);
  // Closed, told and audited together: a close that lost the race to another tells nobody.
  return db.transaction(async (tx) => {
    if (!(await closeTicket(tx, input.ticketId, input.staffId, input.now))) return false;
    if (user?.oaUserId) {
      await enqueueChatMessage(tx, { now: input.now, newId: input.newId, oaUserId: user.oaUserId, language: user.language, text: i18nFor(user.language).t("bot:handover.closed"), idempotencyKey: `handover-closed:${ticket.id}` });
    }
    await audit(tx, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.closed", target: { kind: "handover_ticket", id: ticket.id }, ...(input.requestId ? { requestId: input.requestId } : {}) });
    return true;
  });
}

// --- The staff inbox (console and `/api/staff/handover`) ---

type InboxDeps = Pick<ServiceDeps, "db" | "now" | "newId">;

/**
 * Whose tickets a staff member sees: admins all; a ward officer the citizens whose linked phone
 * belongs to a person living in their ward, and the shared queue — citizens whose ward is unknown
 * (no phone linked, or no person of a known ward with it), whom no ward would otherwise answer.
 */
function scopeOf(staff: StaffUser): InboxScope {
  if (staff.role === "admin") return { kind: "all" };
  // An officer of no ward (an account not finished) sees only the shared queue: no ward's code is empty.
  if (staff.role === "ward_officer") return { kind: "ward", wardCode: staff.wardCode ?? "" };
  throw forbidden(`the ${staff.role} role may not read handed-over conversations`);
}

/**
 * Least data in the shared queue: any ward officer may take a conversation of unknown ward, but
 * until one does, officers see only that someone waits, since when and how many messages — not
 * who, nor what about. Claiming it (audited) opens it to its owner; for the others it stays
 * closed, with the owner's name. Admins see everything; a ward's own citizens are their officers'.
 */
function isWithheld(row: InboxTicketRow, staff: StaffUser): boolean {
  return staff.role !== "admin" && row.wardCode === null && row.ticket.claimedBy !== staff.id;
}

/**
 * Since when the citizen has been waiting for a person: from their first message after the last
 * staff reply, or from the opening when nobody has answered yet. Null when staff spoke last.
 */
export function waitingSince(row: Pick<InboxTicketRow, "ticket" | "lastStaffAt" | "firstUnansweredAt">): Date | null {
  if (row.ticket.status !== "open") return null;
  if (!row.lastStaffAt) return row.ticket.openedAt;
  return row.firstUnansweredAt;
}

function summary(row: InboxTicketRow, now: Date, staff: StaffUser): HandoverTicketSummary {
  const since = waitingSince(row);
  const unreachable = oaUnreachableReason(row, now);
  const withheld = isWithheld(row, staff);
  return {
    id: row.ticket.id,
    status: row.ticket.status,
    reason: withheld ? null : row.ticket.reason,
    openedAt: row.ticket.openedAt.toISOString(),
    closedAt: row.ticket.closedAt?.toISOString() ?? null,
    waitingSince: since?.toISOString() ?? null,
    waitingMs: since ? Math.max(0, now.getTime() - since.getTime()) : null,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    messages: row.messages,
    citizen: { displayName: withheld ? null : row.displayName, maskedPhone: !withheld && row.phone ? maskPhone(row.phone) : null, reachable: unreachable === null, unreachableReason: unreachable },
    queue: row.wardCode === null ? "unknown_ward" : "ward",
    ward: row.wardCode === null ? null : { code: row.wardCode, name: row.wardName ?? row.wardCode },
    owner: row.ticket.claimedBy ? { id: row.ticket.claimedBy, displayName: row.claimedByName ?? row.ticket.claimedBy } : null,
    claimedAt: row.ticket.claimedAt?.toISOString() ?? null,
    withheld,
  };
}

/**
 * The inbox: open conversations with the longest-waiting citizen first (then those where staff
 * spoke last, oldest first), or the most recently closed. Names and masked phones are personal
 * data: the listing is audited (a page refreshing itself is the same reading, `audited: false`).
 */
export async function listHandoverInbox(deps: InboxDeps, staff: StaffUser, opts: { status: "open" | "closed"; requestId?: string; audited?: boolean }): Promise<HandoverTicketSummary[]> {
  const now = deps.now();
  const rows = await listInboxTickets(deps.db, { status: opts.status, scope: scopeOf(staff), limit: opts.status === "open" ? 500 : 100 });
  const tickets = rows.map((r) => summary(r, now, staff));
  if (opts.status === "open") {
    tickets.sort((a, b) => {
      if ((a.waitingMs === null) !== (b.waitingMs === null)) return a.waitingMs === null ? 1 : -1;
      if (a.waitingMs !== null && b.waitingMs !== null && a.waitingMs !== b.waitingMs) return b.waitingMs - a.waitingMs;
      return a.openedAt.localeCompare(b.openedAt);
    });
  }
  if (opts.audited ?? true) {
    await audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "handover.listed", ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { status: opts.status, tickets: tickets.length } });
  }
  return tickets;
}

async function scopedRow(deps: Pick<InboxDeps, "db">, staff: StaffUser, ticketId: string): Promise<InboxTicketRow> {
  const [row] = await listInboxTickets(deps.db, { ticketId, scope: scopeOf(staff), limit: 1 });
  // Another ward's ticket is answered like a missing one: its existence is not for this officer.
  if (!row) throw notFound("handover ticket");
  return row;
}

/**
 * Whether this staff member may answer or close the conversation: not one another officer took on
 * (admins may, to step in), and not one of the shared queue before they claimed it.
 */
function requireOwnable(row: InboxTicketRow, staff: StaffUser): void {
  if (row.ticket.status !== "open") return; // the reply or close says it is closed
  if (row.ticket.claimedBy && row.ticket.claimedBy !== staff.id && staff.role !== "admin") {
    throw new HandoverClaimed(row.claimedByName ?? "another officer");
  }
  if (isWithheld(row, staff)) throw conflict("handover_not_claimed", "a conversation of the shared queue (ward unknown) is answered by the officer who claims it: claim it first");
}

/**
 * The phone the citizen typed into the OA's form, so that whoever answers can call them back:
 * marked as typed (`oa_form`) and unverified unless Zalo verified the same number. Given only with
 * the history, to those who may read it.
 */
function contactPhoneOf(row: InboxTicketRow): HandoverContactPhone | null {
  if (!row.contactPhone) return null;
  return { phone: row.contactPhone, source: "oa_form", verified: row.contactPhone === row.phone, submittedAt: row.contactPhoneAt?.toISOString() ?? null };
}

/** One conversation with its history. Opening it is a read of the citizen's messages and contact phone: audited (nothing is read while they are withheld). */
export async function readHandoverTicket(deps: InboxDeps, staff: StaffUser, ticketId: string, opts: { requestId?: string; audited?: boolean } = {}): Promise<HandoverTicketDetail> {
  const row = await scopedRow(deps, staff, ticketId);
  const now = deps.now();
  const view = summary(row, now, staff);
  if (view.withheld) return { ...view, citizen: { ...view.citizen, contactPhone: null }, history: [] };
  const history = (await listTicketMessages(deps.db, ticketId)).map((m) => ({ from: m.from, text: m.text, at: m.at.toISOString() }));
  const contactPhone = contactPhoneOf(row);
  if (opts.audited ?? true) {
    // Which data was shown, never the data itself: the number stays out of the audit log.
    const details = { zaloUserId: row.ticket.zaloUserId, ...(contactPhone ? { contactPhoneShown: true } : {}) };
    await audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "handover.read", target: { kind: "handover_ticket", id: ticketId }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details });
  }
  return { ...view, citizen: { ...view.citizen, contactPhone }, history };
}

/**
 * Takes a conversation on: from then on it is this staff member's to answer and close, and every
 * officer who sees it sees whose it is. Once only (a conditional update): of two officers claiming
 * at once, one gets it and the other is told who did. Claiming one's own again changes nothing.
 */
export async function claimHandover(deps: InboxDeps, staff: StaffUser, ticketId: string, requestId?: string): Promise<HandoverTicketDetail> {
  const row = await scopedRow(deps, staff, ticketId);
  if (row.ticket.status !== "open") throw conflict("handover_closed", "the conversation is closed: the citizen is back with the bot");
  const now = deps.now();
  if (await claimTicket(deps.db, ticketId, staff.id, now)) {
    await audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "handover.claimed", target: { kind: "handover_ticket", id: ticketId }, ...(requestId ? { requestId } : {}), details: { queue: row.wardCode === null ? "unknown_ward" : "ward" } });
  } else {
    const current = await scopedRow(deps, staff, ticketId);
    if (current.ticket.claimedBy !== staff.id) throw new HandoverClaimed(current.claimedByName ?? "another officer");
  }
  return readHandoverTicket(deps, staff, ticketId, requestId ? { requestId } : {});
}

/**
 * Replies to a conversation in the staff member's scope (text trimmed, NFC, within Zalo's length).
 * The first to answer a conversation nobody took on takes it on.
 */
export async function replyToHandover(deps: InboxDeps, staff: StaffUser, ticketId: string, body: { text: unknown }, requestId?: string): Promise<void> {
  const parsed = handoverReplyRequestSchema.safeParse(body);
  if (!parsed.success) throw validationFailed(zodIssuesToFields(parsed.error.issues), "The reply is not valid");
  let row = await scopedRow(deps, staff, ticketId);
  requireOwnable(row, staff);
  if (row.ticket.status === "open" && !row.ticket.claimedBy && !(await claimTicket(deps.db, ticketId, staff.id, deps.now()))) {
    // Someone took it on between our read and our claim: theirs, unless we may step in.
    row = await scopedRow(deps, staff, ticketId);
    requireOwnable(row, staff);
  }
  await staffReply(deps.db, { ticketId, staffId: staff.id, text: parsed.data.text, now: deps.now(), newId: deps.newId, ...(requestId ? { requestId } : {}) });
}

/** Closes a conversation in the staff member's scope: the citizen is back with the bot. */
export async function closeHandoverAsStaff(deps: InboxDeps, staff: StaffUser, ticketId: string, requestId?: string): Promise<void> {
  requireOwnable(await scopedRow(deps, staff, ticketId), staff);
  if (!(await closeHandover(deps.db, { ticketId, staffId: staff.id, now: deps.now(), newId: deps.newId, ...(requestId ? { requestId } : {}) }))) {
    throw conflict("handover_closed", "the conversation is already closed");
  }
}

/**
 * How many conversations wait for this staff member (the navigation badge and the home page):
 * open ones in their scope whose citizen waits for an answer, except those another officer took
 * on; and of them, how many are in the shared queue with nobody on them. Counts only: not audited.
 */
export async function handoverWaitingCounts(deps: Pick<InboxDeps, "db">, staff: StaffUser): Promise<{ waiting: number; sharedUnclaimed: number }> {
  let waiting = 0;
  let sharedUnclaimed = 0;
  for (const row of await listInboxTickets(deps.db, { status: "open", scope: scopeOf(staff), limit: 500 })) {
    if (row.ticket.claimedBy && row.ticket.claimedBy !== staff.id && staff.role !== "admin") continue;
    if (waitingSince(row) === null) continue;
    waiting++;
    if (row.wardCode === null && !row.ticket.claimedBy) sharedUnclaimed++;
  }
  return { waiting, sharedUnclaimed };
}
