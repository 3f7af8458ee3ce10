import { and, desc, eq, isNull } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { consents } from "../schema.js";

export type Consent = typeof consents.$inferSelect;

export async function insertConsent(db: Db, row: typeof consents.$inferInsert): Promise<Consent> {
  const { consents } = tablesOf(db);
  return (await db.insert(consents).values(row).returning())[0]!;
}

export async function getConsent(db: Db, id: string): Promise<Consent | undefined> {
  const { consents } = tablesOf(db);
  return (await db.select().from(consents).where(eq(consents.id, id)).limit(1))[0];
}

/** The consent in force for a draft: the newest one not voided. */
export async function activeConsentForDraft(db: Db, draftId: string): Promise<Consent | undefined> {
  const { consents } = tablesOf(db);
  return (await db.select().from(consents).where(and(eq(consents.draftId, draftId), isNull(consents.voidedAt))).orderBy(desc(consents.consentedAt), desc(consents.id)).limit(1))[0];
}

export async function voidConsent(db: Db, id: string, reason: string, now: Date): Promise<void> {
  const { consents } = tablesOf(db);
  await db.update(consents).set({ voidedAt: now, voidReason: reason }).where(eq(consents.id, id));
}

/** Every consent a Zalo user gave, newest first (their record of what they agreed to). */
export async function consentsOfZaloUser(db: Db, zaloUserId: string): Promise<Consent[]> {
  const { consents } = tablesOf(db);
  return db.select().from(consents).where(eq(consents.zaloUserId, zaloUserId)).orderBy(desc(consents.consentedAt), desc(consents.id));
}
