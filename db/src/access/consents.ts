import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { consents } from "../schema.js";

export type Consent = typeof consents.$inferSelect;

export function insertConsent(db: Db, row: typeof consents.$inferInsert): Consent {
  return db.insert(consents).values(row).returning().get();
}

export function getConsent(db: Db, id: string): Consent | undefined {
  return db.select().from(consents).where(eq(consents.id, id)).get();
}

/** The consent in force for a draft: the newest one not voided. */
export function activeConsentForDraft(db: Db, draftId: string): Consent | undefined {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.draftId, draftId), isNull(consents.voidedAt)))
    .orderBy(desc(consents.consentedAt))
    .get();
}

export function voidConsent(db: Db, id: string, reason: string, now: Date): void {
  db.update(consents).set({ voidedAt: now, voidReason: reason }).where(eq(consents.id, id)).run();
}

/** Every consent a Zalo user gave, newest first (their record of what they agreed to). */
export function consentsOfZaloUser(db: Db, zaloUserId: string): Consent[] {
  return db.select().from(consents).where(eq(consents.zaloUserId, zaloUserId)).orderBy(desc(consents.consentedAt)).all();
}
