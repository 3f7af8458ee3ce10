import type { FaqService } from "../bot/context.js";
import { createDefaultFaqEngine } from "../faq/index.js";

/** The FAQ the bot and `POST /api/faq/ask` answer from: the built-in entries, indexed once. */
export function createDefaultFaq(): FaqService {
  return createDefaultFaqEngine();
}
