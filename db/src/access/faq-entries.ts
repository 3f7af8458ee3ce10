import { isDeepStrictEqual } from "node:util";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { affectedRows, tablesOf, type Db } from "../engine.js";
import { toDate } from "../raw.js";
import type { faqEntries } from "../schema.js";
import { visibleColumns } from "./columns.js";

export type FaqEntryRow = typeof faqEntries.$inferSelect;
export type NewFaqEntryRow = typeof faqEntries.$inferInsert;
/** What an edit may change: everything but the id, origin and bookkeeping. */
export type FaqEntryContent = Pick<FaqEntryRow, "topic" | "questionVi" | "questionEn" | "alternatives" | "answerVi" | "answerEn" | "sourceTitle" | "sourceRef" | "service">;

/** Entries in the order they were first stored (the built-in content's order, then staff additions). */
export async function listFaqEntries(db: Db, opts: { includeRetired?: boolean } = {}): Promise<FaqEntryRow[]> {
  const { faqEntries } = tablesOf(db);
  const q = db.select(visibleColumns(faqEntries)).from(faqEntries);
  // rowid: insertion order (on PostgreSQL an identity column of that name).
  return (opts.includeRetired ? q : q.where(isNull(faqEntries.retiredAt))).orderBy(sql`rowid`);
}

export async function getFaqEntry(db: Db, id: string): Promise<FaqEntryRow | undefined> {
  const { faqEntries } = tablesOf(db);
  return (await db.select(visibleColumns(faqEntries)).from(faqEntries).where(eq(faqEntries.id, id)).limit(1))[0];
}

/** Inserts the entries whose id is not stored yet; an entry already there (edited or retired by staff) is left as it is. Returns how many were added. */
export async function insertMissingFaqEntries(db: Db, rows: NewFaqEntryRow[]): Promise<number> {
  const { faqEntries } = tablesOf(db);
  return db.transaction(async (tx) => {
    let added = 0;
    for (const row of rows) added += (await tx.insert(faqEntries).values(row).onConflictDoNothing({ target: faqEntries.id }).returning({ id: faqEntries.id })).length;
    return added;
  });
}

const CONTENT_FIELDS = ["topic", "questionVi", "questionEn", "alternatives", "answerVi", "answerEn", "sourceTitle", "sourceRef", "service"] as const satisfies readonly (keyof FaqEntryContent)[];

/**
 * Brings the shipped content to built-in entries that no staff member ever changed (`origin`
 * builtin, `updated_by` null: every console edit, retirement or attachment sets it), when it
 * differs; the version moves on so that an edit form opened before sees the change. Entries staff
 * touched keep their version. Returns how many were changed.
 */
export async function refreshUneditedBuiltinFaqEntries(db: Db, rows: readonly NewFaqEntryRow[], now: Date): Promise<number> {
  const { faqEntries } = tablesOf(db);
  return db.transaction(async (tx) => {
    let refreshed = 0;
    for (const row of rows) {
      const [stored] = await tx.select().from(faqEntries).where(eq(faqEntries.id, row.id)).limit(1);
      if (!stored || stored.origin !== "builtin" || stored.updatedBy !== null) continue;
      // By value, not by JSON text: jsonb gives an object's keys back in its own order ({en, vi}).
      const changed = CONTENT_FIELDS.some((f) => !isDeepStrictEqual(stored[f] ?? null, row[f] ?? null));
      if (!changed) continue;
      const content = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, row[f] ?? null])) as FaqEntryContent;
      refreshed += affectedRows(
        await tx
          .update(faqEntries)
          .set({ ...content, version: sql`${faqEntries.version} + 1`, updatedAt: now })
          .where(and(eq(faqEntries.id, row.id), eq(faqEntries.version, stored.version), isNull(faqEntries.updatedBy))),
      );
    }
    return refreshed;
  });
}

export async function insertFaqEntry(db: Db, row: NewFaqEntryRow): Promise<FaqEntryRow> {
  const { faqEntries } = tablesOf(db);
  return (await db.insert(faqEntries).values(row).returning(visibleColumns(faqEntries)))[0]!;
}

/**
 * Changes an entry if it is still at `expectedVersion` (optimistic locking: two editors never
 * overwrite each other silently). Returns the new row, or undefined when the version moved on
 * (or the entry does not exist).
 */
export async function updateFaqEntry(db: Db, id: string, expectedVersion: number, patch: Partial<FaqEntryContent> & { updatedAt: Date; updatedBy: string | null; retiredAt?: Date | null }): Promise<FaqEntryRow | undefined> {
  const { faqEntries } = tablesOf(db);
  return (
    await db
      .update(faqEntries)
      .set({ ...patch, version: sql`${faqEntries.version} + 1` })
      .where(and(eq(faqEntries.id, id), eq(faqEntries.version, expectedVersion)))
      .returning(visibleColumns(faqEntries))
  )[0];
}

export interface UnansweredGroup {
  questionKey: string;
  /** The latest wording of the question. */
  example: string;
  language: "vi" | "en";
  count: number;
  firstAt: Date;
  lastAt: Date;
}

/** Unresolved unanswered questions grouped by their folded form: most asked first, then most recent. */
export async function listOpenUnansweredGroups(db: Db, limit = 50): Promise<UnansweredGroup[]> {
  const { faqUnanswered } = tablesOf(db);
  // The outer column is named with its table: a bare "question_key" would be read as the subquery's own.
  const latestOf = (column: "question" | "language") =>
    sql.raw(`(select u2.${column} from faq_unanswered u2 where u2.question_key = "faq_unanswered"."question_key" and u2.resolved_at is null order by u2.at desc, u2.id desc limit 1)`);
  const latest = sql<string>`${latestOf("question")}`;
  const latestLang = sql<"vi" | "en">`${latestOf("language")}`;
  return db
    .select({
      questionKey: faqUnanswered.questionKey,
      example: latest,
      language: latestLang,
      count: count(),
      firstAt: sql<Date>`min(${faqUnanswered.at})`.mapWith((v: unknown) => toDate(v)!),
      lastAt: sql<Date>`max(${faqUnanswered.at})`.mapWith((v: unknown) => toDate(v)!),
    })
    .from(faqUnanswered)
    .where(isNull(faqUnanswered.resolvedAt))
    .groupBy(faqUnanswered.questionKey)
    .orderBy(desc(count()), desc(sql`max(${faqUnanswered.at})`), asc(faqUnanswered.questionKey))
    .limit(limit);
}

/** One group of unresolved questions by its key; undefined when none is left unresolved. */
export async function getOpenUnansweredGroup(db: Db, questionKey: string): Promise<UnansweredGroup | undefined> {
  const { faqUnanswered } = tablesOf(db);
  const rows = await db.select().from(faqUnanswered).where(and(eq(faqUnanswered.questionKey, questionKey), isNull(faqUnanswered.resolvedAt))).orderBy(desc(faqUnanswered.at), desc(faqUnanswered.id));
  const [last] = rows;
  if (!last) return undefined;
  return { questionKey, example: last.question, language: last.language, count: rows.length, firstAt: rows[rows.length - 1]!.at, lastAt: last.at };
}

/** Marks every unresolved question with this key as answered by `entryId`. Returns how many. */
export async function resolveUnanswered(db: Db, questionKey: string, entryId: string, now: Date): Promise<number> {
  const { faqUnanswered } = tablesOf(db);
  return affectedRows(await db.update(faqUnanswered).set({ resolvedEntryId: entryId, resolvedAt: now }).where(and(eq(faqUnanswered.questionKey, questionKey), isNull(faqUnanswered.resolvedAt))));
}
