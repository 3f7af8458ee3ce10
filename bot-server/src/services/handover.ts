import { addTicketMessage, closeTicket, getTicket, getZaloUser, insertTicket, listInboxTickets, listTicketMessages, openTicketFor, setTicketFirstResponse, type Db, type HandoverTicket, type InboxTicketRow, type StaffUser, type ZaloUser } from "@hccd/db";
import { CS_WINDOW_MS, handoverReplyRequestSchema, i18nFor, maskPhone, zodIssuesToFields, type HandoverTicketDetail, type HandoverTicketSummary } from "@hccd/shared";
import type { ServiceDeps } from "../deps.js";
import { conflict, DomainError, forbidden, notFound, validationFailed } from "../errors.js";
import { enqueueChatMessage } from "./notifications.js";
import { audit } from "./audit.js";

/**
 * Hands a conversation to a person: one open ticket per user; while it is open the bot stays
 * quiet for that user and their messages go to the ticket.
 */
export function openHandover(db: Db, input: { user: ZaloUser; reason: string | null; now: Date; newId: () => string }): { ticket: HandoverTicket; created: boolean } {
  const existing = openTicketFor(db, input.user.id);
  if (existing) return { ticket: existing, created: false };
  const ticket = insertTicket(db, { id: input.newId(), zaloUserId: input.user.id, reason: input.reason, openedAt: input.now });
  if (input.reason) addTicketMessage(db, { ticketId: ticket.id, from: "citizen", text: input.reason, at: input.now });
  return { ticket, created: true };
}

export function recordCitizenMessage(db: Db, ticket: HandoverTicket, text: string, now: Date): void {
  addTicketMessage(db, { ticketId: ticket.id, from: "citizen", text, at: now });
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

/** A staff member answers: the reply goes to the citizen through the OA (outbox) and into the ticket. */
export function staffReply(db: Db, input: { ticketId: string; staffId: string; text: string; now: Date; newId: () => string; requestId?: string }): void {
  const ticket = getTicket(db, input.ticketId);
  if (!ticket) throw notFound("handover ticket");
  if (ticket.status !== "open") throw conflict("handover_closed", "the conversation is closed: the citizen is back with the bot, so the reply was not sent");
  const user = getZaloUser(db, ticket.zaloUserId);
  const unreachable = user ? oaUnreachableReason(user, input.now) : "no_oa_user";
  if (unreachable || !user?.oaUserId) throw new CitizenUnreachable(unreachable ?? "no_oa_user");
  const oaUserId = user.oaUserId;
  db.transaction((tx) => {
    addTicketMessage(tx, { ticketId: ticket.id, from: "staff", text: input.text, at: input.now });
    setTicketFirstResponse(tx, ticket.id, input.now);
    enqueueChatMessage(tx, { now: input.now, newId: input.newId, oaUserId, language: user.language, text: input.text, idempotencyKey: `handover:${ticket.id}:${input.newId()}` });
    audit(tx, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.replied", target: { kind: "handover_ticket", id: ticket.id }, ...(input.requestId ? { requestId: input.requestId } : {}) });
  });
}

/** Staff closes the ticket: the user is handed back to the bot and told so. */
export function closeHandover(db: Db, input: { ticketId: string; staffId: string; now: Date; newId: () => string; requestId?: string }): boolean {
  const ticket = getTicket(db, input.ticketId);
  if (!ticket || !closeTicket(db, input.ticketId, input.staffId, input.now)) return false;
  const user = getZaloUser(db, ticket.zaloUserId);
  if (user?.oaUserId) {
    enqueueChatMessage(db, { now: input.now, newId: input.newId, oaUserId: user.oaUserId, language: user.language, text: i18nFor(user.language).t("bot:handover.closed"), idempotencyKey: `handover-closed:${ticket.id}` });
  }
  audit(db, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.closed", target: { kind: "handover_ticket", id: ticket.id }, ...(input.requestId ? { requestId: input.requestId } : {}) });
  return true;
}

// --- The staff inbox (console and `/api/staff/handover`) ---

type InboxDeps = Pick<ServiceDeps, "db" | "now" | "newId">;

/**
 * Whose tickets a staff member sees: admins all; a ward officer only citizens whose linked phone
 * belongs to a person living in their ward. A citizen whose ward is unknown (no phone linked, or
 * no person with that phone) is seen by admins only.
 */
function wardScope(staff: StaffUser): string | null {
  if (staff.role === "admin") return null;
  if (staff.role === "ward_officer") return staff.wardCode ?? "\u0000no-ward";
  throw forbidden(`the ${staff.role} role may not read handed-over conversations`);
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

function summary(row: InboxTicketRow, now: Date): HandoverTicketSummary {
  const since = waitingSince(row);
  const unreachable = oaUnreachableReason(row, now);
  return {
    id: row.ticket.id,
    status: row.ticket.status,
    reason: row.ticket.reason,
    openedAt: row.ticket.openedAt.toISOString(),
    closedAt: row.ticket.closedAt?.toISOString() ?? null,
    waitingSince: since?.toISOString() ?? null,
    waitingMs: since ? Math.max(0, now.getTime() - since.getTime()) : null,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    messages: row.messages,
    citizen: { displayName: row.displayName, maskedPhone: row.phone ? maskPhone(row.phone) : null, reachable: unreachable === null, unreachableReason: unreachable },
  };
}

/**
 * The inbox: open conversations with the longest-waiting citizen first (then those where staff
 * spoke last, oldest first), or the most recently closed. Names and masked phones are personal
 * data: the listing is audited (a page refreshing itself is the same reading, `audited: false`).
 */
export function listHandoverInbox(deps: InboxDeps, staff: StaffUser, opts: { status: "open" | "closed"; requestId?: string; audited?: boolean }): HandoverTicketSummary[] {
  const now = deps.now();
  const rows = listInboxTickets(deps.db, { status: opts.status, wardCode: wardScope(staff), limit: opts.status === "open" ? 500 : 100 });
  const tickets = rows.map((r) => summary(r, now));
  if (opts.status === "open") {
    tickets.sort((a, b) => {
      if ((a.waitingMs === null) !== (b.waitingMs === null)) return a.waitingMs === null ? 1 : -1;
      if (a.waitingMs !== null && b.waitingMs !== null && a.waitingMs !== b.waitingMs) return b.waitingMs - a.waitingMs;
      return a.openedAt.localeCompare(b.openedAt);
    });
  }
  if (opts.audited ?? true) {
    audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "handover.listed", ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { status: opts.status, tickets: tickets.length } });
  }
  return tickets;
}

function scopedRow(deps: InboxDeps, staff: StaffUser, ticketId: string): InboxTicketRow {
  const [row] = listInboxTickets(deps.db, { ticketId, wardCode: wardScope(staff), limit: 1 });
  // Another ward's ticket is answered like a missing one: its existence is not for this officer.
  if (!row) throw notFound("handover ticket");
  return row;
}

/** One conversation with its history. Opening it is a read of the citizen's messages: audited. */
export function readHandoverTicket(deps: InboxDeps, staff: StaffUser, ticketId: string, opts: { requestId?: string; audited?: boolean } = {}): HandoverTicketDetail {
  const row = scopedRow(deps, staff, ticketId);
  const now = deps.now();
  const history = listTicketMessages(deps.db, ticketId).map((m) => ({ from: m.from, text: m.text, at: m.at.toISOString() }));
  if (opts.audited ?? true) {
    audit(deps.db, { at: now, actor: { kind: "staff", id: staff.id }, action: "handover.read", target: { kind: "handover_ticket", id: ticketId }, ...(opts.requestId ? { requestId: opts.requestId } : {}), details: { zaloUserId: row.ticket.zaloUserId } });
  }
  return { ...summary(row, now), history };
}

/** Replies to a conversation in the staff member's scope (text trimmed, NFC, within Zalo's length). */
export function replyToHandover(deps: InboxDeps, staff: StaffUser, ticketId: string, body: { text: unknown }, requestId?: string): void {
  const parsed = handoverReplyRequestSchema.safeParse(body);
  if (!parsed.success) throw validationFailed(zodIssuesToFields(parsed.error.issues), "The reply is not valid");
  scopedRow(deps, staff, ticketId);
  staffReply(deps.db, { ticketId, staffId: staff.id, text: parsed.data.text, now: deps.now(), newId: deps.newId, ...(requestId ? { requestId } : {}) });
}

/** Closes a conversation in the staff member's scope: the citizen is back with the bot. */
export function closeHandoverAsStaff(deps: InboxDeps, staff: StaffUser, ticketId: string, requestId?: string): void {
  scopedRow(deps, staff, ticketId);
  if (!closeHandover(deps.db, { ticketId, staffId: staff.id, now: deps.now(), newId: deps.newId, ...(requestId ? { requestId } : {}) })) {
    throw conflict("handover_closed", "the conversation is already closed");
  }
}
