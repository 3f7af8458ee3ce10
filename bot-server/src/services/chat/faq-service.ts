import { insertMissingFaqEntries, listFaqEntries, refreshUneditedBuiltinFaqEntries, type Db, type FaqEntryRow, type NewFaqEntryRow } from "@hccd/db";
import type { FaqService } from "../../faq/types.js";
import { createDefaultFaqEngine, createFaqEngine, FAQ_ENTRIES, type FaqEngine, type FaqEntry } from "../../faq/index.js";

/** The FAQ the bot and `POST /api/faq/ask` answer from, which staff edits replace at once. */
export interface LiveFaq extends FaqService {
  /** Rebuilds the engine from the table's non-retired entries (about 130 ms for the built-in content). */
  reload(): Promise<void>;
  readonly size: number;
}

/** The built-in entries only (no database): for tools and tests that need no staff edits. */
export function createDefaultFaq(): FaqService {
  return createDefaultFaqEngine();
}

/** A stored row as the engine reads it. */
export function faqEntryFromRow(row: FaqEntryRow): FaqEntry {
  return {
    id: row.id,
    topic: row.topic,
    question: { vi: row.questionVi, en: row.questionEn },
    alternatives: { vi: [...row.alternatives.vi], en: [...row.alternatives.en] },
    answer: { vi: row.answerVi, en: row.answerEn },
    source: { title: row.sourceTitle, ref: row.sourceRef },
    ...(row.service ? { service: row.service } : {}),
  };
}

function rowFromBuiltin(e: FaqEntry, now: Date): NewFaqEntryRow {
  return {
    id: e.id,
    topic: e.topic,
    questionVi: e.question.vi,
    questionEn: e.question.en,
    alternatives: { vi: [...e.alternatives.vi], en: [...e.alternatives.en] },
    answerVi: e.answer.vi,
    answerEn: e.answer.en,
    sourceTitle: e.source.title,
    sourceRef: e.source.ref,
    service: e.service ?? null,
    origin: "builtin",
    version: 1,
    updatedAt: now,
    updatedBy: null,
    retiredAt: null,
  };
}

/**
 * Copies the shipped entries (faq/content) into `faq_entries` when their id is missing, and brings
 * a new release's wording to built-in entries no staff member ever changed. An entry staff edited
 * or retired keeps their version: start-up never overwrites the console's work.
 */
export async function seedBuiltinFaqEntries(db: Db, now: Date, entries: readonly FaqEntry[] = FAQ_ENTRIES): Promise<{ added: number; refreshed: number }> {
  const rows = entries.map((e) => rowFromBuiltin(e, now));
  const added = await insertMissingFaqEntries(db, rows);
  const refreshed = await refreshUneditedBuiltinFaqEntries(db, rows, now);
  return { added, refreshed };
}

/**
 * The FAQ over the table: the engine is built from the non-retired entries and swapped whole on
 * `reload()`, so a question is always answered by one consistent index (never half an update).
 * Of two reloads that overlap, the later one's reading wins whichever finishes first.
 */
export async function createStoredFaq(db: Db): Promise<LiveFaq> {
  const build = async (): Promise<FaqEngine> => createFaqEngine((await listFaqEntries(db)).map(faqEntryFromRow));
  let engine = await build();
  let started = 0;
  let installed = 0;
  return {
    ask: (question, lang) => engine.ask(question, lang),
    entry: (id, lang) => engine.entry(id, lang),
    async reload() {
      const generation = ++started;
      const next = await build();
      if (generation < installed) return;
      engine = next;
      installed = generation;
    },
    get size() {
      return engine.size;
    },
  };
}

/** After a staff change: the FAQ in use answers from the table as it now is (a fixed FAQ given by a test has nothing to reload). */
export async function reloadFaq(faq: FaqService): Promise<void> {
  if (isLiveFaq(faq)) await faq.reload();
}

function isLiveFaq(faq: FaqService): faq is LiveFaq {
  return typeof (faq as Partial<LiveFaq>).reload === "function";
}
