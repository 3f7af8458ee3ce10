import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { faqEntries, faqUnanswered } from "../schema.js";

export type FaqEntryRow = typeof faqEntries.$inferSelect;
export type NewFaqEntryRow = typeof faqEntries.$inferInsert;
/** What an edit may change: everything but the id, origin and bookkeeping. */
export type FaqEntryContent = Pick<FaqEntryRow, "topic" | "questionVi" | "questionEn" | "alternatives" | "answerVi" | "answerEn" | "sourceTitle" | "sourceRef" | "service">;

/** Entries in the order they were first stored (the built-in content's order, then staff additions). */
export function listFaqEntries(db: Db, opts: { includeRetired?: boolean } = {}): FaqEntryRow[] {
  const q = db.select().from(faqEntries);
  return (opts.includeRetired ? q : q.where(isNull(faqEntries.retiredAt))).orderBy(sql`rowid`).all();
}

export function getFaqEntry(db: Db, id: string): FaqEntryRow | undefined {
  return db.select().from(faqEntries).where(eq(faqEntries.id, id)).get();
}

/** Inserts the entries whose id is not stored yet; an entry already there (edited or retired by staff) is left as it is. Returns how many were added. */
export function insertMissingFaqEntries(db: Db, rows: NewFaqEntryRow[]): number {
  let added = 0;
  db.transaction((tx) => {
    for (const row of rows) added += tx.insert(faqEntries).values(row).onConflictDoNothing({ target: faqEntries.id }).run().changes;
  });
  return added;
}

const CONTENT_FIELDS = ["topic", "questionVi", "questionEn", "alternatives", "answerVi", "answerEn", "sourceTitle", "sourceRef", "service"] as const satisfies readonly (keyof FaqEntryContent)[];

/**
 * Brings the shipped content to built-in entries that no staff member ever changed (`origin`
 * builtin, `updated_by` null: every console edit, retirement or attachment sets it), when it
 * differs; the version moves on so that an edit form opened before sees the change. Entries staff
 * touched keep their version. Returns how many were changed.
 */
export function refreshUneditedBuiltinFaqEntries(db: Db, rows: readonly NewFaqEntryRow[], now: Date): number {
  let refreshed = 0;
  db.transaction((tx) => {
    for (const row of rows) {
      const stored = tx.select().from(faqEntries).where(eq(faqEntries.id, row.id)).get();
      if (!stored || stored.origin !== "builtin" || stored.updatedBy !== null) continue;
      const changed = CONTENT_FIELDS.some((f) => JSON.stringify(stored[f] ?? null) !== JSON.stringify(row[f] ?? null));
      if (!changed) continue;
      const content = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, row[f] ?? null])) as FaqEntryContent;
      refreshed += tx
        .update(faqEntries)
        .set({ ...content, version: sql`${faqEntries.version} + 1`, updatedAt: now })
        .where(and(eq(faqEntries.id, row.id), eq(faqEntries.version, stored.version), isNull(faqEntries.updatedBy)))
        .run().changes;
    }
  });
  return refreshed;
}

export function insertFaqEntry(db: Db, row: NewFaqEntryRow): FaqEntryRow {
  return db.insert(faqEntries).values(row).returning().get();
}

/**
 * Changes an entry if it is still at `expectedVersion` (optimistic locking: two editors never
 * overwrite each other silently). Returns the new row, or undefined when the version moved on
 * (or the entry does not exist).
 */
export function updateFaqEntry(db: Db, id: string, expectedVersion: number, patch: Partial<FaqEntryContent> & { updatedAt: Date; updatedBy: string | null; retiredAt?: Date | null }): FaqEntryRow | undefined {
  return db
    .update(faqEntries)
    .set({ ...patch, version: sql`${faqEntries.version} + 1` })
    .where(and(eq(faqEntries.id, id), eq(faqEntries.version, expectedVersion)))
    .returning()
    .get();
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
export function listOpenUnansweredGroups(db: Db, limit = 50): UnansweredGroup[] {
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
      firstAt: sql<number>`min(${faqUnanswered.at})`.mapWith((v: number) => new Date(v)),
      lastAt: sql<number>`max(${faqUnanswered.at})`.mapWith((v: number) => new Date(v)),
    })
    .from(faqUnanswered)
    .where(isNull(faqUnanswered.resolvedAt))
    .groupBy(faqUnanswered.questionKey)
    .orderBy(desc(count()), desc(sql`max(${faqUnanswered.at})`), asc(faqUnanswered.questionKey))
    .limit(limit)
    .all();
}

/** One group of unresolved questions by its key; undefined when none is left unresolved. */
export function getOpenUnansweredGroup(db: Db, questionKey: string): UnansweredGroup | undefined {
  const rows = db.select().from(faqUnanswered).where(and(eq(faqUnanswered.questionKey, questionKey), isNull(faqUnanswered.resolvedAt))).orderBy(desc(faqUnanswered.at), desc(faqUnanswered.id)).all();
  const [last] = rows;
  if (!last) return undefined;
  return { questionKey, example: last.question, language: last.language, count: rows.length, firstAt: rows[rows.length - 1]!.at, lastAt: last.at };
}

/** Marks every unresolved question with this key as answered by `entryId`. Returns how many. */
export function resolveUnanswered(db: Db, questionKey: string, entryId: string, now: Date): number {
  return db.update(faqUnanswered).set({ resolvedEntryId: entryId, resolvedAt: now }).where(and(eq(faqUnanswered.questionKey, questionKey), isNull(faqUnanswered.resolvedAt))).run().changes;
}
