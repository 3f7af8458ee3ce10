import type { Db } from "@hccd/db";
import type { FaqAskResponse, Language } from "@hccd/shared";
import type { FaqService } from "../../faq/types.js";
import { detectPersonRequest } from "../../faq/person-request.js";
import { recordFaqQuestion, recordPersonRequest, type FaqChannel } from "./faq-log.js";

/**
 * A question to the FAQ from the Mini App or another client (`POST /api/faq/ask`). A request for a
 * person is said as such (`asksForPerson`): it is not answered from the FAQ (`answered: false`), the
 * matches are kept for what else it may be about, and it is counted apart from the questions.
 */
export async function askFaq(deps: { db: Db; faq: FaqService; now: () => Date }, input: { question: string; language: Language; channel: FaqChannel }): Promise<FaqAskResponse> {
  const at = deps.now();
  const result = deps.faq.ask(input.question, input.language);
  if (detectPersonRequest(input.question)) {
    await recordPersonRequest(deps.db, { language: input.language, channel: input.channel, at });
    return { answered: false, matches: result.matches, asksForPerson: true };
  }
  await recordFaqQuestion(deps.db, { question: input.question, language: input.language, result, channel: input.channel, at });
  return { ...result, asksForPerson: false };
}
