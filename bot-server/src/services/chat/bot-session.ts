import { readBotSession, writeBotSession, type Db } from "@hccd/db";

/** A conversation's state (what the bot remembers between messages, e.g. the last question), empty at first. */
export async function readConversation(db: Db, zaloUserId: string): Promise<Record<string, unknown>> {
  return (await readBotSession(db, zaloUserId)) ?? {};
}

/** Saves a conversation's state after an update changed it. */
export async function saveConversation(db: Db, zaloUserId: string, state: Record<string, unknown>, now: Date): Promise<void> {
  await writeBotSession(db, zaloUserId, state, now);
}
