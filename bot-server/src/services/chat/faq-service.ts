import { sql } from "drizzle-orm";
import { insertMissingFaqEntries, listFaqEntries, queryRows, refreshUneditedBuiltinFaqEntries, type Db, type FaqEntryRow, type NewFaqEntryRow } from "@hccd/db";
import type { FaqService } from "../../faq/types.js";
import { buildFaqEngine, createDefaultFaqEngine, FAQ_ENTRIES, type FaqEngine, type FaqEntry } from "../../faq/index.js";
import type { Logger } from "../../logger.js";
import { createPeriodicTask, type PeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";

/** The FAQ the bot and `POST /api/faq/ask` answer from, which staff edits replace at once. */
export interface LiveFaq extends FaqService {
  /**
   * Rebuilds the engine from the table's non-retired entries (about 130 ms of analysis for the
   * built-in content, done a entry at a time between requests) and swaps it in.
   */
  reload(): Promise<void>;
  /** Rebuilds only when the table changed since the engine in use was built (another instance's edit): true when it did. */
  reloadIfChanged(): Promise<boolean>;
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
  // The version is read before the entries: an edit between the two is seen again at the next check.
  const build = async () => {
    const version = await faqTableVersion(db);
    return { version, engine: await buildFaqEngine((await listFaqEntries(db)).map(faqEntryFromRow)) };
  };
  let current: { version: string; engine: FaqEngine } = await build();
  let started = 0;
  let installed = 0;
  async function reload(): Promise<void> {
    const generation = ++started;
    const next = await build();
    if (generation < installed) return;
    current = next;
    installed = generation;
  }
  return {
    ask: (question, lang) => current.engine.ask(question, lang),
    entry: (id, lang) => current.engine.entry(id, lang),
    reload,
    async reloadIfChanged() {
      if ((await faqTableVersion(db)) === current.version) return false;
      await reload();
      return true;
    },
    get size() {
      return current.engine.size;
    },
  };
}

/**
 * What changes with every staff edit, cheaply (one aggregate over a table of a few hundred rows):
 * an entry added adds a row, and every change to one (an edit, retiring, restoring, a release's new
 * wording) moves its version on. Entries are never deleted.
 */
async function faqTableVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: unknown; v: unknown }>(db, sql`select count(*) as n, coalesce(sum(version), 0) as v from faq_entries`);
  return `${Number(row?.n ?? 0)}:${Number(row?.v ?? 0)}`;
}

export interface FaqSync extends Pick<PeriodicTask, "start" | "stop" | "kick"> {
  /** One check now: true when the FAQ had changed and was rebuilt. */
  check(): Promise<boolean>;
}

/**
 * Brings other instances' FAQ edits to this one: every `intervalMs` the table's version is read and
 * the index rebuilt (off the hot path, then swapped) when it moved. The instance that took an edit
 * rebuilt at once; the others follow within the interval. A fixed FAQ (tests) has nothing to follow.
 */
export function createFaqSync(faq: FaqService, opts: { intervalMs: number; logger: Logger; timer?: TaskTimer }): FaqSync {
  const log = opts.logger.child({ component: "faq-sync" });
  const check = async () => {
    if (!isLiveFaq(faq)) return false;
    const changed = await faq.reloadIfChanged();
    if (changed) log.info({ entries: faq.size }, "FAQ changed on another instance: index rebuilt");
    return changed;
  };
  const task = createPeriodicTask({
    intervalMs: opts.intervalMs,
    run: async () => void (await check()),
    // The index in use keeps answering; the next poll tries again.
    onError: (err) => log.error({ err }, "FAQ version check failed"),
    ...(opts.timer ? { timer: opts.timer } : {}),
  });
  return { check, start: task.start, stop: task.stop, kick: task.kick };
}

/** After a staff change: the FAQ in use answers from the table as it now is (a fixed FAQ given by a test has nothing to reload). */
export async function reloadFaq(faq: FaqService): Promise<void> {
  if (isLiveFaq(faq)) await faq.reload();
}

function isLiveFaq(faq: FaqService): faq is LiveFaq {
  return typeof (faq as Partial<LiveFaq>).reload === "function";
}
