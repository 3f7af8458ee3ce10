import type { FaqService } from "../bot/context.js";

/** The FAQ the bot and `POST /api/faq/ask` answer from (wired to the engine in src/faq). */
export function createDefaultFaq(): FaqService {
  return { ask: () => ({ answered: false, matches: [] }), entry: () => undefined };
}
