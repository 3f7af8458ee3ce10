/**
 * The FAQ engine: MiniSearch (BM25+) over our own Vietnamese normaliser, with a confidence that
 * says when to answer, when to suggest, and when to offer a person (shared/faq-notes.md).
 *
 * - Index: each entry's question, alternatives and answer, Vietnamese and English, boosted
 *   question > alternatives > answer. Every text goes through `analyze` (normalize.ts), with
 *   syllable pairs ("khai_sinh") added: measured, they lift top-1 on the labelled set.
 * - Question: analysed the same way; words the index does not know are repaired against its
 *   vocabulary (Telex left-overs, glued syllables).
 * - First pass: exact words (prefix only for unknown non-Vietnamese words: half-typed English).
 *   Second pass, only when the first is not confident and some word is unknown: fuzzy (1 edit on
 *   unknown words of 5+ letters). Fuzzy on every question is slow at 2,000 entries (faq-notes).
 * - Confidence: the share of the question's rarity-weighted (idf) words found in the entry; a word
 *   the index has never seen weighs the most, so an off-topic question ("giá vàng hôm nay") scores
 *   low even when one of its words happens to match. A question with too little evidence (one
 *   common word) is scaled down. The best few results are re-ranked by BM25 × confidence².
 * - On a large index (≥ 500 entries), very common words are not searched, only checked in the
 *   entries found, and answers are searched for rare words only: their postings are long and
 *   their BM25 weight small (bench/faq.ts, synthetic 2,000-entry corpus).
 */
import MiniSearch, { type SearchResult } from "minisearch";
import { analyze, isSyllable, repairTerms, withBigrams } from "./normalize.js";
import type { FaqAnswer, FaqEntry, FaqLanguage, FaqMatch } from "./types.js";

/**
 * Answer when the best entry's confidence reaches this. Calibrated on the labelled set
 * (labelled-set.ts; `FAQ_CALIBRATE=1` on faq-accuracy.test.ts prints the table): the highest
 * off-topic confidence is 0.496 ("quán cà phê nào ngon ở Tây Ninh", which meets the food-safety
 * entry's coffee shops); at 0.5 no off-topic question is answered while 399 of 443 on-topic ones
 * (90%) are answered right and 10 (2%) wrongly; at 0.45 two off-topic questions get through, at
 * 0.55 eighteen more right answers become mere suggestions.
 */
export const ANSWER_THRESHOLD = 0.5;
/**
 * Offer an entry as a "did you mean" button from this confidence; below, offer a person. Nearly
 * all correct top matches of the labelled set score above it (faq-notes: the 0.25–0.5 band is
 * "Có phải anh/chị muốn hỏi…").
 */
export const SUGGEST_THRESHOLD = 0.25;
/** At most this many matches are returned (the bot shows them as buttons). */
export const MAX_MATCHES = 3;

/** Credit for a question word found only in the entry's answer. */
const ANSWER_ONLY_CREDIT = 0.5;
/** Credit for a question word matched only by prefix or fuzzy. */
const APPROX_CREDIT = 0.6;
/** Weight of a word the index has never seen, as a multiple of the highest possible idf. */
const UNKNOWN_WEIGHT = 1.5;
/** Share of a matched syllable pair's idf added to the evidence (never to the coverage). */
const PAIR_EVIDENCE = 0.5;
/**
 * Results re-ranked and scored for confidence. 20, not 10: an entry that matches one rare word
 * ("sổ hồng" in hccd-not-listed) was cut by entries matching common ones ("hỗ trợ") before its
 * confidence was known (labelled set, issue 13).
 */
const CONSIDERED = 20;
/** Pruning on a large index: words in more than max(30, 5%) entries are checked, not searched… */
const PRUNE_MAX_DF = { min: 30, share: 0.05 };
/** …but the 3 rarest words always are, and at most 6 words and 6 pairs are. */
const PRUNE_SEARCH_TERMS = { min: 3, max: 6 };

export interface FaqEngineOptions {
  /** Index syllable pairs ("khai_sinh") as extra terms (default true: measured in bench/faq.ts). */
  bigrams?: boolean;
  /** Field boosts: question > alternatives > answer (default 3, 2, 0.5). */
  boost?: { question: number; alternatives: number; answer: number };
  answerThreshold?: number;
  suggestThreshold?: number;
  /** Run the fuzzy second pass (default true). */
  fuzzyPass?: boolean;
  /**
   * Matched weight below which the confidence is scaled down, as a multiple of the highest idf
   * of the index (about one word found in a single entry): default 0.95.
   */
  minEvidence?: number;
  /** Index size from which common words are pruned from the search (default 500). */
  pruneFrom?: number;
}

export interface FaqExplanation {
  id: string;
  confidence: number;
  /** matched weight in idf units */
  evidence: number;
  rank: number;
  pass: "exact" | "fuzzy";
  /** the question's terms that matched (words and syllable pairs) */
  matched: string[];
}

export interface FaqEngine {
  /** The best matches for a question, in `lang` (default Vietnamese). Never throws. */
  ask(question: string, lang?: FaqLanguage): FaqAnswer;
  /** One entry in a language, with its source as one line ("Luật Hộ tịch 60/2014/QH13, Điều 15"). */
  entry(id: string, lang: FaqLanguage): { id: string; question: string; answer: string; source: string } | undefined;
  /** Every considered match with its confidence, for calibration and the staff console. */
  explain(question: string): FaqExplanation[];
  readonly size: number;
}

interface IndexedDoc {
  /** position in `entries` */
  id: number;
  question: string;
  alternatives: string;
  answer: string;
}

interface DocTerms {
  /** terms of the question and alternatives */
  asked: ReadonlySet<string>;
  /** terms of the answer */
  answered: ReadonlySet<string>;
}

interface Ranked {
  idx: number;
  bm25: number;
  confidence: number;
  evidence: number;
  matched: string[];
}

/** One entry's texts as the index reads them: analysed once (English texts as English). */
interface AnalysedEntry {
  question: string[];
  alternatives: string[];
  answer: string[];
}

function analyseEntry(e: FaqEntry, bigrams: boolean): AnalysedEntry {
  const vi = (texts: readonly string[]) => texts.flatMap((t) => analyze(t, { bigrams }));
  const en = (texts: readonly string[]) => texts.flatMap((t) => analyze(t, { bigrams, english: true }));
  return {
    question: [...vi([e.question.vi]), ...en([e.question.en])],
    alternatives: [...vi(e.alternatives.vi), ...en(e.alternatives.en)],
    answer: [...vi([e.answer.vi]), ...en([e.answer.en])],
  };
}

/** Builds the engine over `entries` (ids must be unique). Entries are not copied: do not mutate them. */
export function createFaqEngine(entries: readonly FaqEntry[], opts: FaqEngineOptions = {}): FaqEngine {
  const bigrams = opts.bigrams ?? true;
  return engineOver(entries, entries.map((e) => analyseEntry(e, bigrams)), opts);
}

/**
 * `createFaqEngine` for a running server: the analysis of the texts, most of the build's time
 * (hundreds of milliseconds for the built-in content on a busy machine), is done one entry at a
 * time, giving the event loop back between them, so that requests are answered while an instance
 * rebuilds its index after a staff edit. The engine in use answers until the new one is swapped in.
 */
export async function buildFaqEngine(entries: readonly FaqEntry[], opts: FaqEngineOptions = {}): Promise<FaqEngine> {
  const bigrams = opts.bigrams ?? true;
  const analysed: AnalysedEntry[] = [];
  for (const e of entries) {
    // One entry at a time (well under a millisecond once warm): what waits meanwhile runs between them.
    await new Promise<void>((resolve) => setImmediate(resolve));
    analysed.push(analyseEntry(e, bigrams));
  }
  return engineOver(entries, analysed, opts);
}

function engineOver(entries: readonly FaqEntry[], analysed: readonly AnalysedEntry[], opts: FaqEngineOptions): FaqEngine {
  const bigrams = opts.bigrams ?? true;
  const boost = opts.boost ?? { question: 3, alternatives: 2, answer: 0.5 };
  const answerThreshold = opts.answerThreshold ?? ANSWER_THRESHOLD;
  const suggestThreshold = opts.suggestThreshold ?? SUGGEST_THRESHOLD;
  const fuzzyPass = opts.fuzzyPass ?? true;

  const byId = new Map<string, FaqEntry>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new Error(`duplicate FAQ entry id ${e.id}`);
    byId.set(e.id, e);
  }

  // Fields are stored as space-joined terms.
  const docTerms: DocTerms[] = [];
  const docs: IndexedDoc[] = analysed.map(({ question: q, alternatives: alt, answer: ans }, i) => {
    docTerms.push({ asked: new Set([...q, ...alt]), answered: new Set(ans) });
    return { id: i, question: q.join(" "), alternatives: alt.join(" "), answer: ans.join(" ") };
  });

  // Document frequencies over all fields: the rarity weights of the confidence.
  const df = new Map<string, number>();
  for (const d of docTerms) {
    for (const t of new Set([...d.asked, ...d.answered])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(1, entries.length);
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  const idf = (t: string) => {
    const f = df.get(t);
    return f === undefined ? UNKNOWN_WEIGHT * maxIdf : Math.log(1 + (n - f + 0.5) / (f + 0.5));
  };
  const known = (t: string) => df.has(t);
  const minEvidence = (opts.minEvidence ?? 0.95) * maxIdf;

  const prune = n >= (opts.pruneFrom ?? 500);
  const maxDf = prune ? Math.max(PRUNE_MAX_DF.min, PRUNE_MAX_DF.share * n) : Infinity;
  const maxSearchTerms = prune ? PRUNE_SEARCH_TERMS.max : Infinity;

  const split = (s: string) => (s ? s.split(" ") : []);
  const ms = new MiniSearch<IndexedDoc>({
    fields: ["question", "alternatives", "answer"],
    idField: "id",
    tokenize: split,
    processTerm: (t) => t,
    searchOptions: { tokenize: split, processTerm: (t) => t },
  });
  ms.addAll(docs);

  // Prefix and fuzzy matching are for words the index does not know (half-typed, misspelt,
  // another English form): a known word needs neither, and both are costly on a large index. A
  // Vietnamese syllable is a whole word: "tron" (tròn) must not prefix-match "trong".
  const prefix = (t: string) => t.length >= 4 && !t.includes("_") && !known(t) && !isSyllable(t);
  const fuzzy = (t: string) => (t.length >= 5 && !t.includes("_") && !known(t) ? 1 : false);

  function confidence(result: SearchResult, words: readonly string[], weights: readonly number[], total: number, searched: ReadonlySet<string>): { confidence: number; evidence: number } {
    const terms = docTerms[result.id as number]!;
    const matched = new Set(result.queryTerms);
    let got = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // A word left out of the search (too common) is looked up in the entry directly.
      const found = matched.has(w) || (!searched.has(w) && (terms.asked.has(w) || terms.answered.has(w)));
      if (!found) continue;
      const credit = terms.asked.has(w) ? 1 : terms.answered.has(w) ? ANSWER_ONLY_CREDIT : APPROX_CREDIT;
      got += weights[i]! * credit;
    }
    let pairs = 0;
    for (const t of result.queryTerms) if (t.includes("_")) pairs += idf(t) * PAIR_EVIDENCE;
    const evidence = got + pairs;
    // One or two common words ("ăn", "tên") are not evidence enough, however well covered.
    const scale = Math.min(1, evidence / minEvidence);
    return { confidence: total > 0 ? (got / total) * scale : 0, evidence };
  }

  function run(words: string[], pass: "exact" | "fuzzy"): Ranked[] {
    const weights = words.map(idf);
    const total = weights.reduce((a, b) => a + b, 0);
    const rarest = words.map((w, i) => ({ w, weight: weights[i]! })).sort((a, b) => b.weight - a.weight);
    const searched = new Set(
      rarest
        .filter((x, i) => i < PRUNE_SEARCH_TERMS.min || (df.get(x.w) ?? 0) <= maxDf)
        .slice(0, maxSearchTerms)
        .map((x) => x.w),
    );
    const pairs = bigrams
      ? withBigrams(words)
          .slice(words.length)
          .filter((p) => (df.get(p) ?? Infinity) <= maxDf)
          .sort((a, b) => df.get(a)! - df.get(b)!)
          .slice(0, maxSearchTerms)
      : [];
    const terms = [...words.filter((w) => searched.has(w)), ...pairs];
    const options = { boost, prefix, fuzzy: pass === "fuzzy" ? fuzzy : false, combineWith: "OR" } as const;
    let results: SearchResult[];
    if (!prune) {
      results = ms.search(terms.join(" "), options);
    } else {
      // Answers are long: on a large index their postings are searched for the rare words only.
      const rare = terms.filter((w) => (df.get(w) ?? 0) <= maxDf);
      const queries = [{ queries: [terms.join(" ")], fields: ["question", "alternatives"] }];
      if (rare.length > 0) queries.push({ queries: [rare.join(" ")], fields: ["answer"] });
      results = ms.search({ queries, combineWith: "OR" }, options);
    }
    const top = results.slice(0, CONSIDERED).map((r) => ({ idx: r.id as number, bm25: r.score, ...confidence(r, words, weights, total, searched), matched: r.queryTerms }));
    return top.sort((a, b) => b.bm25 * b.confidence ** 2 - a.bm25 * a.confidence ** 2);
  }

  function rank(question: string): { ranked: Ranked[]; pass: "exact" | "fuzzy" } {
    const words = [...new Set(repairTerms(analyze(question), known))];
    if (words.length === 0) return { ranked: [], pass: "exact" };
    const first = run(words, "exact");
    const best = first[0]?.confidence ?? 0;
    if (!fuzzyPass || best >= answerThreshold || !words.some((w) => fuzzy(w) !== false)) return { ranked: first, pass: "exact" };
    const second = run(words, "fuzzy");
    return (second[0]?.confidence ?? 0) > best ? { ranked: second, pass: "fuzzy" } : { ranked: first, pass: "exact" };
  }

  const round = (x: number) => Math.round(x * 1000) / 1000;

  return {
    size: entries.length,
    ask(question: string, lang: FaqLanguage = "vi"): FaqAnswer {
      if (typeof question !== "string" || !question.trim()) return { answered: false, matches: [] };
      const { ranked } = rank(question);
      const matches: FaqMatch[] = [];
      for (const r of ranked) {
        if (matches.length >= MAX_MATCHES) break;
        if (r.confidence < suggestThreshold) continue;
        const e = entries[r.idx]!;
        matches.push({ id: e.id, question: e.question[lang], answer: e.answer[lang], score: round(r.confidence) });
      }
      const top = ranked[0];
      const answered = top !== undefined && top.confidence >= answerThreshold;
      return { answered, matches };
    },
    entry(id: string, lang: FaqLanguage) {
      const e = byId.get(id);
      if (!e) return undefined;
      return { id: e.id, question: e.question[lang], answer: e.answer[lang], source: `${e.source.title}, ${e.source.ref}` };
    },
    explain(question: string): FaqExplanation[] {
      const { ranked, pass } = rank(question);
      return ranked.map((r, i) => ({ id: entries[r.idx]!.id, confidence: round(r.confidence), evidence: round(r.evidence), rank: i + 1, pass, matched: r.matched }));
    },
  };
}
