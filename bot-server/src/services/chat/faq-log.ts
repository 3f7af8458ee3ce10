import { countFaqQuestion, countPersonRequest, logUnansweredQuestion, type Db } from "@hccd/db";
import { foldVietnamese, vietnamDate, type Language } from "@hccd/shared";
import type { FaqAnswer } from "../../faq/types.js";

export type FaqChannel = "bot" | "api" | "mini_app";

/**
 * Records one question put to the FAQ, from the bot or the API: counted on its Vietnam day (the
 * answered rate's denominator, counts only), and, when not answered confidently, logged with its
 * text for staff to turn into an entry (ranked by its folded form).
 */
export async function recordFaqQuestion(db: Db, input: { question: string; language: Language; result: FaqAnswer; channel: FaqChannel; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await countFaqQuestion(tx, { day: vietnamDate(input.at), channel: input.channel, language: input.language, answered: input.result.answered });
    if (input.result.answered) return;
    const [top] = input.result.matches;
    await logUnansweredQuestion(tx, {
      question: input.question.slice(0, 500),
      questionKey: foldVietnamese(input.question).slice(0, 200),
      language: input.language,
      topScore: Math.round((top?.score ?? 0) * 100),
      topEntryId: top?.id ?? null,
      channel: input.channel,
      at: input.at,
    });
  });
}

/**
 * Records one request for a person (typed in any words, or the button): counted on its Vietnam day
 * apart from the FAQ's questions, so that it is never an FAQ answer nor an unanswered question.
 */
export async function recordPersonRequest(db: Db, input: { language: Language; channel: FaqChannel; at: Date }): Promise<void> {
  await countPersonRequest(db, { day: vietnamDate(input.at), channel: input.channel, language: input.language });
}
