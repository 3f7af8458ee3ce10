import { recordFaqQuestion } from "../../services/chat/faq-log.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { handoverButton } from "./buttons.js";

/** Answers one FAQ entry by id (a "did you mean" button). */
export async function answerFaqEntry(ctx: BotContext, id: string): Promise<void> {
  const entry = ctx.deps.faq.entry(id, ctx.lang);
  if (!entry) return ctx.reply(ctx.t("bot:faq.notFound"), [handoverButton(ctx)]);
  await ctx.reply(withSource(ctx, entry.source, entry.answer));
}

function withSource(ctx: BotContext, source: string | undefined, answer: string): string {
  return source ? `${answer}\n${ctx.t("bot:faq.source", { source })}` : answer;
}

/**
 * Everything else is a question for the FAQ: a confident answer is given with its source; a
 * doubtful one offers the top 3 as buttons and a person; nothing found offers a person. Every
 * question not answered is logged for staff.
 */
export const faq = new Composer<BotContext>().use(async (ctx, next) => {
  if (ctx.event.event_name !== "user_send_text" || !ctx.text) return next();
  ctx.session.lastQuestion = ctx.text.slice(0, 500);
  ctx.sessionChanged = true;
  const result = ctx.deps.faq.ask(ctx.text, ctx.lang);
  const [top] = result.matches;
  await recordFaqQuestion(ctx.deps.db, { question: ctx.text, language: ctx.lang, result, channel: "bot", at: ctx.now });
  if (result.answered && top) return ctx.reply(withSource(ctx, ctx.deps.faq.entry(top.id, ctx.lang)?.source, top.answer));
  if (result.matches.length > 0) {
    const buttons = result.matches.slice(0, 3).map((m) => ({ type: "oa.query.show" as const, title: m.question.slice(0, 100), payload: `#faq:${m.id}` }));
    return ctx.reply(ctx.t("bot:faq.didYouMean"), [...buttons, handoverButton(ctx)]);
  }
  await ctx.reply(ctx.t("bot:faq.notFound"), [handoverButton(ctx)]);
});
