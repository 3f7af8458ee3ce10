/**
 * The FAQ: Vietnamese as typed on phones, and English. `createDefaultFaqEngine()` is the engine
 * over the built-in content; it has the shape of the bot's `FaqService` (ask + entry), so
 * services/chat/faq-service.ts can return it as is.
 */
import { FAQ_ENTRIES } from "./content/index.js";
import { createFaqEngine, type FaqEngine, type FaqEngineOptions } from "./engine.js";

export { ANSWER_THRESHOLD, MAX_MATCHES, SUGGEST_THRESHOLD, buildFaqEngine, createFaqEngine } from "./engine.js";
export type { FaqEngine, FaqEngineOptions, FaqExplanation } from "./engine.js";
export type { FaqAnswer, FaqEntry, FaqLanguage, FaqMatch } from "./types.js";
export { FAQ_ENTRIES } from "./content/index.js";
export { analyze, tokenize } from "./normalize.js";

/** The engine over the built-in content (about 130 ms to build; build it once at start-up). */
export function createDefaultFaqEngine(opts?: FaqEngineOptions): FaqEngine {
  return createFaqEngine(FAQ_ENTRIES, opts);
}
