import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { affectedRows, tablesOf, type Db } from "../engine.js";
import type { paymentBeneficiaries, paymentLists } from "../schema.js";

export type PaymentListRow = typeof paymentLists.$inferSelect;
export type PaymentListStatus = PaymentListRow["status"];
export type PaymentBeneficiaryRow = typeof paymentBeneficiaries.$inferSelect;
export type NewPaymentBeneficiary = typeof paymentBeneficiaries.$inferInsert;
export type BeneficiaryNoticeStatus = PaymentBeneficiaryRow["noticeStatus"];

/** Inserts a payment list; a unique violation means another instance created the same programme's list for that date. */
export async function insertPaymentList(db: Db, row: typeof paymentLists.$inferInsert): Promise<PaymentListRow> {
  const { paymentLists } = tablesOf(db);
  return (await db.insert(paymentLists).values(row).returning())[0]!;
}

export async function findPaymentList(db: Db, programmeKey: string, paymentDate: string): Promise<PaymentListRow | undefined> {
  const { paymentLists } = tablesOf(db);
  return (await db.select().from(paymentLists).where(and(eq(paymentLists.programmeKey, programmeKey), eq(paymentLists.paymentDate, paymentDate))).limit(1))[0];
}

export async function getPaymentList(db: Db, id: string): Promise<PaymentListRow | undefined> {
  const { paymentLists } = tablesOf(db);
  return (await db.select().from(paymentLists).where(eq(paymentLists.id, id)).limit(1))[0];
}

/** Newest payment date first, of the given programmes. */
export async function listPaymentLists(db: Db, opts: { programmeKeys: readonly string[]; limit: number }): Promise<PaymentListRow[]> {
  const { paymentLists } = tablesOf(db);
  if (opts.programmeKeys.length === 0) return [];
  return db.select().from(paymentLists).where(inArray(paymentLists.programmeKey, [...opts.programmeKeys])).orderBy(desc(paymentLists.paymentDate), desc(paymentLists.id)).limit(opts.limit);
}

/**
 * Moves a list from one status to the next only while it is in `from` (a compare-and-set: of two
 * officers approving at once, on any instances, one wins). Returns the row after the change, or undefined.
 */
export async function updatePaymentListIf(db: Db, id: string, from: PaymentListStatus, patch: Partial<Omit<typeof paymentLists.$inferInsert, "id">> & { updatedAt: Date }): Promise<PaymentListRow | undefined> {
  const { paymentLists } = tablesOf(db);
  return (await db.update(paymentLists).set(patch).where(and(eq(paymentLists.id, id), eq(paymentLists.status, from))).returning())[0];
}

export async function linkImportToPaymentList(db: Db, importId: string, listId: string): Promise<void> {
  const { paymentListImports } = tablesOf(db);
  await db.insert(paymentListImports).values({ importId, listId });
}

/** The payment list an import fills, if it is a beneficiary import. */
export async function paymentListOfImport(db: Db, importId: string): Promise<string | undefined> {
  const { paymentListImports } = tablesOf(db);
  return (await db.select({ listId: paymentListImports.listId }).from(paymentListImports).where(eq(paymentListImports.importId, importId)).limit(1))[0]?.listId;
}

/** The imports that filled a list, newest first. */
export async function importsOfPaymentList(db: Db, listId: string): Promise<string[]> {
  const { paymentListImports, imports } = tablesOf(db);
  const rows = await db.select({ id: paymentListImports.importId }).from(paymentListImports).innerJoin(imports, eq(imports.id, paymentListImports.importId)).where(eq(paymentListImports.listId, listId)).orderBy(desc(imports.startedAt));
  return rows.map((r) => r.id);
}

export async function findBeneficiaries(db: Db, listId: string, nationalIds: readonly string[]): Promise<PaymentBeneficiaryRow[]> {
  const { paymentBeneficiaries } = tablesOf(db);
  if (nationalIds.length === 0) return [];
  return db.select().from(paymentBeneficiaries).where(and(eq(paymentBeneficiaries.listId, listId), inArray(paymentBeneficiaries.nationalId, [...nationalIds])));
}

export async function insertBeneficiary(db: Db, row: NewPaymentBeneficiary): Promise<void> {
  const { paymentBeneficiaries } = tablesOf(db);
  await db.insert(paymentBeneficiaries).values(row);
}

export async function updateBeneficiary(db: Db, id: string, patch: Partial<Omit<NewPaymentBeneficiary, "id" | "listId">> & { updatedAt: Date }): Promise<void> {
  const { paymentBeneficiaries } = tablesOf(db);
  await db.update(paymentBeneficiaries).set(patch).where(eq(paymentBeneficiaries.id, id));
}

export async function getBeneficiary(db: Db, id: string): Promise<PaymentBeneficiaryRow | undefined> {
  const { paymentBeneficiaries } = tablesOf(db);
  return (await db.select().from(paymentBeneficiaries).where(eq(paymentBeneficiaries.id, id)).limit(1))[0];
}

/** A list's beneficiaries in the order the treasury file lists them (name, then ID number), optionally of one notice status; keyset by id within. */
export async function beneficiariesOfList(db: Db, listId: string, opts: { limit: number; offset?: number; noticeStatus?: readonly BeneficiaryNoticeStatus[]; reported?: boolean }): Promise<PaymentBeneficiaryRow[]> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  const where = and(
    eq(b.listId, listId),
    opts.noticeStatus ? inArray(b.noticeStatus, [...opts.noticeStatus]) : undefined,
    opts.reported ? sql`${b.mistakeReportedAt} is not null` : undefined,
  );
  return db.select().from(b).where(where).orderBy(asc(b.fullName), asc(b.nationalId)).limit(opts.limit).offset(opts.offset ?? 0);
}

/** A pending beneficiary batch after `afterId` (the notifier walks the list by id). */
export async function pendingBeneficiaries(db: Db, listId: string, opts: { afterId: string | null; limit: number }): Promise<PaymentBeneficiaryRow[]> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  return db.select().from(b).where(and(eq(b.listId, listId), eq(b.noticeStatus, "pending"), opts.afterId ? gt(b.id, opts.afterId) : undefined)).orderBy(asc(b.id)).limit(opts.limit);
}

/** Records a beneficiary's notice outcome once: only a `pending` one changes (two instances notifying at once write it once). */
export async function setBeneficiaryNotice(db: Db, id: string, status: Exclude<BeneficiaryNoticeStatus, "pending">, outboxId: string | null, now: Date): Promise<boolean> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  return affectedRows(await db.update(b).set({ noticeStatus: status, noticeOutboxId: outboxId, updatedAt: now }).where(and(eq(b.id, id), eq(b.noticeStatus, "pending")))) === 1;
}

/** Records a beneficiary's first mistake report: false when one is already recorded. */
export async function markMistakeReported(db: Db, id: string, ticketId: string, now: Date): Promise<boolean> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  return affectedRows(await db.update(b).set({ mistakeReportedAt: now, mistakeTicketId: ticketId, updatedAt: now }).where(and(eq(b.id, id), isNull(b.mistakeReportedAt)))) === 1;
}

/** The latest beneficiary rows of a notified list for a phone: what a mistake report from that phone can be about. */
export async function notifiedBeneficiariesByPhone(db: Db, phone: string, limit: number): Promise<PaymentBeneficiaryRow[]> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  return db.select().from(b).where(and(eq(b.phone, phone), eq(b.noticeStatus, "queued"))).orderBy(desc(b.updatedAt)).limit(limit);
}

/** A list's counts: people and total amount, per notice status, and mistakes reported. */
export async function paymentListTotals(db: Db, listId: string): Promise<{ noticeStatus: BeneficiaryNoticeStatus; people: number; amountVnd: number; reported: number }[]> {
  const { paymentBeneficiaries: b } = tablesOf(db);
  const rows = await db
    .select({ noticeStatus: b.noticeStatus, people: count(), amountVnd: sql<string | number>`coalesce(sum(${b.amountVnd}), 0)`, reported: sql<string | number>`count(${b.mistakeReportedAt})` })
    .from(b)
    .where(eq(b.listId, listId))
    .groupBy(b.noticeStatus);
  return rows.map((r) => ({ noticeStatus: r.noticeStatus, people: Number(r.people), amountVnd: Number(r.amountVnd), reported: Number(r.reported) }));
}
