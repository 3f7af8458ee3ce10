import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { submissionStatusHistory, submissions } from "../schema.js";

export type Submission = typeof submissions.$inferSelect;
export type SubmissionHistoryRow = typeof submissionStatusHistory.$inferSelect;

export function insertSubmission(db: Db, row: typeof submissions.$inferInsert): Submission {
  return db.insert(submissions).values(row).returning().get();
}

export function getSubmission(db: Db, id: string): Submission | undefined {
  return db.select().from(submissions).where(eq(submissions.id, id)).get();
}

export function findSubmissionByCaseId(db: Db, caseId: string): Submission | undefined {
  return db.select().from(submissions).where(eq(submissions.caseId, caseId)).get();
}

/** The newest submission of a draft (an earlier one may have been cancelled by an edit). */
export function latestSubmissionForDraft(db: Db, draftId: string): Submission | undefined {
  // rowid breaks ties between submissions created in the same millisecond (insertion order).
  return db.select().from(submissions).where(eq(submissions.draftId, draftId)).orderBy(desc(submissions.createdAt), desc(sql`rowid`)).get();
}

export function updateSubmission(db: Db, id: string, patch: Partial<Pick<Submission, "status" | "caseId" | "receiptNo" | "resultRef">> & { updatedAt: Date }): void {
  db.update(submissions).set(patch).where(eq(submissions.id, id)).run();
}

export function insertStatusHistory(db: Db, row: { submissionId: string; status: string; note?: string | null; at: Date }): void {
  db.insert(submissionStatusHistory).values({ submissionId: row.submissionId, status: row.status, note: row.note ?? null, at: row.at }).run();
}

export function listStatusHistory(db: Db, submissionId: string): SubmissionHistoryRow[] {
  return db.select().from(submissionStatusHistory).where(eq(submissionStatusHistory.submissionId, submissionId)).orderBy(asc(submissionStatusHistory.id)).all();
}
