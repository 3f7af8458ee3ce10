import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { submissionStatusHistory, submissions } from "../schema.js";
import { visibleColumns } from "./columns.js";

export type Submission = typeof submissions.$inferSelect;
export type SubmissionHistoryRow = typeof submissionStatusHistory.$inferSelect;

export async function insertSubmission(db: Db, row: typeof submissions.$inferInsert): Promise<Submission> {
  const { submissions } = tablesOf(db);
  return (await db.insert(submissions).values(row).returning(visibleColumns(submissions)))[0]!;
}

export async function getSubmission(db: Db, id: string): Promise<Submission | undefined> {
  const { submissions } = tablesOf(db);
  return (await db.select(visibleColumns(submissions)).from(submissions).where(eq(submissions.id, id)).limit(1))[0];
}

/** The newest submission matching `where` that was not cancelled (rowid breaks ties within a millisecond). */
async function newestLiveSubmission(db: Db, where: (t: ReturnType<typeof tablesOf>["submissions"]) => SQL | undefined): Promise<Submission | undefined> {
  const { submissions } = tablesOf(db);
  return (
    await db
      .select(visibleColumns(submissions))
      .from(submissions)
      .where(and(where(submissions), ne(submissions.status, "cancelled")))
      .orderBy(desc(submissions.createdAt), desc(sql`rowid`))
      .limit(1)
  )[0];
}

/**
 * The submission a case's status is about: the newest one sent to that case that is still live
 * (the first submission, or the latest supplement answering `need_more_info`).
 */
export async function findSubmissionByCaseId(db: Db, caseId: string): Promise<Submission | undefined> {
  return newestLiveSubmission(db, (t) => eq(t.caseId, caseId));
}

/** The newest submission of a draft (an earlier one may have been cancelled by an edit). */
export async function latestSubmissionForDraft(db: Db, draftId: string): Promise<Submission | undefined> {
  const { submissions } = tablesOf(db);
  // rowid breaks ties between submissions created in the same millisecond (insertion order; on
  // PostgreSQL an identity column of that name).
  return (await db.select(visibleColumns(submissions)).from(submissions).where(eq(submissions.draftId, draftId)).orderBy(desc(submissions.createdAt), desc(sql`rowid`)).limit(1))[0];
}

/**
 * The newest submission of a draft that was not cancelled: the one the case system has or will
 * have (a first submission, or the supplement answering its `need_more_info`).
 */
export async function latestLiveSubmissionForDraft(db: Db, draftId: string): Promise<Submission | undefined> {
  return newestLiveSubmission(db, (t) => eq(t.draftId, draftId));
}

export async function updateSubmission(db: Db, id: string, patch: Partial<Pick<Submission, "status" | "caseId" | "receiptNo" | "resultRef">> & { updatedAt: Date }): Promise<void> {
  const { submissions } = tablesOf(db);
  await db.update(submissions).set(patch).where(eq(submissions.id, id));
}

export async function insertStatusHistory(db: Db, row: { submissionId: string; status: string; note?: string | null; at: Date }): Promise<void> {
  const { submissionStatusHistory } = tablesOf(db);
  await db.insert(submissionStatusHistory).values({ submissionId: row.submissionId, status: row.status, note: row.note ?? null, at: row.at });
}

export async function listStatusHistory(db: Db, submissionId: string): Promise<SubmissionHistoryRow[]> {
  const { submissionStatusHistory } = tablesOf(db);
  return db.select().from(submissionStatusHistory).where(eq(submissionStatusHistory.submissionId, submissionId)).orderBy(asc(submissionStatusHistory.id));
}
