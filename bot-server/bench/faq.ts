/**
 * FAQ benchmark (`npx tsx bench/faq.ts` from bot-server/): index build time, p50/p99 µs per
 * question over the labelled set, and top-1 accuracy, on the real corpus and on a synthetic
 * 2,000-entry corpus (the real entries plus look-alike decoys made from them).
 * Targets (issue 3): p99 under 2 ms per question, at least 95% top-1.
 */
import { pathToFileURL } from "node:url";
import { foldVietnamese } from "@hccd/shared";
import { createFaqEngine, ANSWER_THRESHOLD, type FaqEngine } from "../src/faq/engine.js";
import { FAQ_ENTRIES } from "../src/faq/content/index.js";
import { ON_TOPIC, OFF_TOPIC, type LabelledQuestion } from "../src/faq/labelled-set.js";
import type { FaqEntry } from "../src/faq/types.js";
import { fmt, percentile } from "./stats.js";

export interface CorpusFigures {
  entries: number;
  buildMs: number;
  questions: number;
  /** per-question latency: median over the rounds of each round's p50 and p99 (stable under noise) */
  p50Us: number;
  p99Us: number;
  /** p99 over all samples pooled (includes GC pauses and noise from other processes) */
  p99PooledUs: number;
  /** top-1 correct / on-topic questions, all sets */
  top1: number;
  /** top-1 correct on the holdout questions only (see labelled-set.ts for which batches later informed tuning) */
  top1Holdout: number;
  /** top-1 correct AND confident enough to be answered */
  answeredRight: number;
  /** off-topic questions wrongly answered */
  offTopicAnswered: number;
}

export interface FaqBenchFigures {
  real: CorpusFigures;
  synthetic: CorpusFigures;
  /** top-1 without syllable pairs (the normaliser's optional bigrams), to justify keeping them */
  withoutBigrams: { realTop1: number; syntheticTop1: number };
}

/** Deterministic PRNG (mulberry32), so that the synthetic corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = (w: string) => foldVietnamese(w).replace(/[^a-z0-9]/g, "");

/**
 * Look-alike decoys, the shape of a growing FAQ where many entries share a subject or a frame:
 * each decoy keeps the wording (frame) of one real entry and takes its subject from another: the
 * frame's distinctive words (in at most a tenth of the entries), and at least its rarest 40%, are
 * replaced by distinctive words of the donor entry, in the same language. "Gia hạn giấy phép X"
 * becomes "gia hạn giấy phép Y", "khai sinh ở đâu" becomes "đăng kiểm ở đâu": every decoy
 * competes with the real entries of its subject and with those of its frame.
 */
export function syntheticCorpus(real: readonly FaqEntry[], size = 2000, seed = 42): FaqEntry[] {
  const next = rng(seed);
  const maxDf = Math.max(3, Math.floor(real.length / 10));
  const texts = (e: FaqEntry, lang: "vi" | "en") => [e.question[lang], ...e.alternatives[lang], e.answer[lang]];
  const df = new Map<string, number>();
  for (const e of real) for (const k of new Set([...texts(e, "vi"), ...texts(e, "en")].join(" ").split(/\s+/).map(key))) df.set(k, (df.get(k) ?? 0) + 1);
  const distinctive = (w: string) => key(w).length > 1 && (df.get(key(w)) ?? 0) <= maxDf;
  const subject = (e: FaqEntry, lang: "vi" | "en") => texts(e, lang).join(" ").split(/\s+/).filter(distinctive);
  const swap = (text: string, donor: readonly string[]) => {
    if (donor.length === 0) return text;
    const words = text.split(" ");
    const byRarity = words.map((w, i) => ({ i, df: key(w).length > 1 ? (df.get(key(w)) ?? 0) : Infinity })).sort((x, y) => x.df - y.df);
    const chosen = new Set(byRarity.slice(0, Math.ceil(words.length * 0.4)).filter((x) => x.df !== Infinity).map((x) => x.i));
    return words.map((w, i) => (chosen.has(i) || distinctive(w) ? donor[Math.floor(next() * donor.length)]! : w)).join(" ");
  };
  const out: FaqEntry[] = [...real];
  for (let k = 0; out.length < size; k++) {
    const a = real[Math.floor(next() * real.length)]!;
    const b = real[Math.floor(next() * real.length)]!;
    if (a === b) continue;
    const vi = subject(b, "vi");
    const en = subject(b, "en");
    out.push({
      id: `decoy-${k}`,
      topic: "decoy",
      question: { vi: swap(a.question.vi, vi), en: swap(a.question.en, en) },
      alternatives: { vi: a.alternatives.vi.map((t) => swap(t, vi)), en: a.alternatives.en.map((t) => swap(t, en)) },
      answer: { vi: swap(a.answer.vi, vi), en: swap(a.answer.en, en) },
      source: { title: "synthetic decoy", ref: `frame of ${a.id}, subject of ${b.id}` },
    });
  }
  return out;
}

const isRight = (l: LabelledQuestion, id: string | undefined) => id !== undefined && (id === l.expect || (l.also ?? []).includes(id));

function top1(engine: FaqEngine): number {
  return ON_TOPIC.filter((l) => isRight(l, engine.ask(l.q).matches[0]?.id)).length / ON_TOPIC.length;
}

function measure(entries: readonly FaqEntry[], repeats: number): CorpusFigures {
  const t0 = process.hrtime.bigint();
  const engine: FaqEngine = createFaqEngine(entries);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const questions = [...ON_TOPIC.map((l) => l.q), ...OFF_TOPIC];
  for (const q of questions) engine.ask(q); // warm-up (JIT, caches)
  const samples: number[] = [];
  const roundP50: number[] = [];
  const roundP99: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const round: number[] = [];
    for (const q of questions) {
      const s = process.hrtime.bigint();
      engine.ask(q);
      round.push(Number(process.hrtime.bigint() - s) / 1e3);
    }
    roundP50.push(percentile(round, 50));
    roundP99.push(percentile(round, 99));
    samples.push(...round);
  }

  let top1 = 0;
  let holdout = 0;
  let holdoutRight = 0;
  let answeredRight = 0;
  for (const l of ON_TOPIC) {
    const r = engine.ask(l.q);
    const right = isRight(l, r.matches[0]?.id);
    if (right) top1++;
    if (right && r.answered) answeredRight++;
    if (l.set === "holdout") {
      holdout++;
      if (right) holdoutRight++;
    }
  }
  const offTopicAnswered = OFF_TOPIC.filter((q) => engine.ask(q).answered).length;
  return {
    entries: entries.length,
    buildMs,
    questions: samples.length,
    p50Us: percentile(roundP50, 50),
    p99Us: percentile(roundP99, 50),
    p99PooledUs: percentile(samples, 99),
    top1: top1 / ON_TOPIC.length,
    top1Holdout: holdout ? holdoutRight / holdout : NaN,
    answeredRight: answeredRight / ON_TOPIC.length,
    offTopicAnswered,
  };
}

function print(name: string, f: CorpusFigures): void {
  const pct = (x: number) => `${fmt(100 * x, 1)}%`;
  console.log(
    `${name.padEnd(10)} ${String(f.entries).padStart(5)} entries  build ${fmt(f.buildMs, 1)} ms  ` +
      `p50 ${fmt(f.p50Us, 0)} µs  p99 ${fmt(f.p99Us, 0)} µs (pooled ${fmt(f.p99PooledUs, 0)} µs; ${f.questions} asks)  ` +
      `top-1 ${pct(f.top1)} (holdout ${pct(f.top1Holdout)})  answered & right ${pct(f.answeredRight)}  ` +
      `off-topic answered ${f.offTopicAnswered}/${OFF_TOPIC.length}`,
  );
}

/** Runs the benchmark and prints its figures; returns them for scripts and tests. */
export function runFaqBench(opts: { repeats?: number; quiet?: boolean } = {}): FaqBenchFigures {
  const repeats = opts.repeats ?? 20;
  const corpus = syntheticCorpus(FAQ_ENTRIES, 2000);
  const real = measure(FAQ_ENTRIES, repeats);
  const synthetic = measure(corpus, repeats);
  const withoutBigrams = {
    realTop1: top1(createFaqEngine(FAQ_ENTRIES, { bigrams: false })),
    syntheticTop1: top1(createFaqEngine(corpus, { bigrams: false })),
  };
  if (!opts.quiet) {
    console.log(`FAQ (${ON_TOPIC.length} labelled questions, ${OFF_TOPIC.length} off-topic; answer threshold ${ANSWER_THRESHOLD}; ${repeats} repeats)`);
    print("real", real);
    print("synthetic", synthetic);
    console.log(`without syllable pairs: top-1 ${fmt(100 * withoutBigrams.realTop1, 1)}% (real), ${fmt(100 * withoutBigrams.syntheticTop1, 1)}% (synthetic)`);
    const ok = (f: CorpusFigures) => f.p99Us < 2000 && f.top1 >= 0.95;
    console.log(`targets (p99 < 2 ms, top-1 ≥ 95%): real ${ok(real) ? "met" : "NOT met"}, synthetic ${ok(synthetic) ? "met" : "NOT met"}`);
  }
  return { real, synthetic, withoutBigrams };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runFaqBench();
