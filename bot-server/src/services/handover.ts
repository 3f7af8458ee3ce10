import { addTicketMessage, closeTicket, getTicket, getZaloUser, insertTicket, openTicketFor, setTicketFirstResponse, type Db, type HandoverTicket, type ZaloUser } from "@hccd/db";
import { i18nFor } from "@hccd/shared";
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

/** A staff member answers: the reply goes to the citizen through the OA (outbox) and into the ticket. */
export function staffReply(db: Db, input: { ticketId: string; staffId: string; text: string; now: Date; newId: () => string }): void {
  const ticket = getTicket(db, input.ticketId);
  if (!ticket || ticket.status !== "open") throw new Error("ticket is not open");
  const user = getZaloUser(db, ticket.zaloUserId);
  if (!user?.oaUserId) throw new Error("the citizen cannot be reached through the OA");
  addTicketMessage(db, { ticketId: ticket.id, from: "staff", text: input.text, at: input.now });
  setTicketFirstResponse(db, ticket.id, input.now);
  enqueueChatMessage(db, { now: input.now, newId: input.newId, oaUserId: user.oaUserId, language: user.language, text: input.text, idempotencyKey: `handover:${ticket.id}:${input.newId()}` });
  audit(db, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.replied", target: { kind: "handover_ticket", id: ticket.id } });
}

/** Staff closes the ticket: the user is handed back to the bot and told so. */
export function closeHandover(db: Db, input: { ticketId: string; staffId: string; now: Date; newId: () => string }): boolean {
  const ticket = getTicket(db, input.ticketId);
  if (!ticket || !closeTicket(db, input.ticketId, input.staffId, input.now)) return false;
  const user = getZaloUser(db, ticket.zaloUserId);
  if (user?.oaUserId) {
    enqueueChatMessage(db, { now: input.now, newId: input.newId, oaUserId: user.oaUserId, language: user.language, text: i18nFor(user.language).t("bot:handover.closed"), idempotencyKey: `handover-closed:${ticket.id}` });
  }
  audit(db, { at: input.now, actor: { kind: "staff", id: input.staffId }, action: "handover.closed", target: { kind: "handover_ticket", id: ticket.id } });
  return true;
}
