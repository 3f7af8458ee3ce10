import type { FaqService } from "../bot/context.js";
import { FAQ_ENTRIES } from "../faq/content/index.js";
import { createFaqEngine } from "../faq/engine.js";

/** The FAQ the bot and `POST /api/faq/ask` answer from: the built-in entries, indexed once. */
export function createDefaultFaq(): FaqService {
  return createFaqEngine(FAQ_ENTRIES);
}
