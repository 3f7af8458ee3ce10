/** The FAQ's data: entries written by staff, answers given to citizens. */
import type { Language } from "@hccd/shared";

/** The languages the FAQ's content is written in. */
export type FaqLanguage = "vi" | "en";

/** One question-and-answer of the FAQ, in Vietnamese and English, with the text it rests on. */
export interface FaqEntry {
  /** Stable id, kebab-case (used in "did you mean" buttons and the unanswered log). */
  id: string;
  /** A short topic key for grouping in the staff console ("birth", "id-card", "licence"…). */
  topic: string;
  question: { vi: string; en: string };
  /** Other ways citizens ask the same thing (2–6 per language; some typed without accents). */
  alternatives: { vi: string[]; en: string[] };
  /** Short and practical, at most 600 characters, no phone number except the hotline 1022. */
  answer: { vi: string; en: string };
  /** The legal text or plan the answer rests on, e.g. "Luật Hộ tịch 60/2014/QH13", "Điều 15 khoản 1". */
  source: { title: string; ref: string };
  /** The service of the catalogue (shared/domain/*.tsv) the entry is about, when it is about one. */
  service?: string;
}

/** One match of a question: the entry's question and answer in the requested language. */
export interface FaqMatch {
  id: string;
  question: string;
  answer: string;
  /** Confidence in 0..1: the rarity-weighted share of the question's words found in the entry. */
  score: number;
}

/** The answer to a question: `answered` when the top match is confident; at most 3 matches, top first. */
export interface FaqAnswer {
  answered: boolean;
  matches: FaqMatch[];
}

/** What the bot, `POST /api/faq/ask` and the staff's FAQ upkeep need of the FAQ engine. */
export interface FaqService {
  ask(question: string, lang?: Language): { answered: boolean; matches: { id: string; question: string; answer: string; score: number }[] };
  /** One entry by id in a language, with its legal source (shown under the answer). */
  entry(id: string, lang: Language): { id: string; question: string; answer: string; source: string } | undefined;
}
