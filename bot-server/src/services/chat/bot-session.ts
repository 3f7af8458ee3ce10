import { readBotSession, writeBotSession, type Db } from "@hccd/db";

/** A conversation's state (what the bot remembers between messages, e.g. the last question), empty at first. */
export function readConversation(db: Db, zaloUserId: string): Record<string, unknown> {
  return readBotSession(db, zaloUserId) ?? {};
}

/** Saves a conversation's state after an update changed it. */
export function saveConversation(db: Db, zaloUserId: string, state: Record<string, unknown>, now: Date): void {
  writeBotSession(db, zaloUserId, state, now);
}
