import { recordInteraction } from "../services/citizens/zalo-users.js";
import { Composer, type Middleware } from "./composer.js";
import { createBotContext, saveSession, type BotContext, type BotDeps } from "./context.js";
import type { InboxEventHandler } from "../services/chat/webhook-processor.js";
import { platform } from "./features/platform.js";
import { contact } from "./features/contact.js";
import { handoverGuard, personRequest } from "./features/handover.js";
import { paymentMistake } from "./features/payment-mistake.js";
import { commands } from "./features/commands.js";
import { faq } from "./features/faq.js";

/** Events that count as the user interacting with the OA (they open the 7-day window for CS messages). */
function isInteraction(eventName: string): boolean {
  return eventName.startsWith("user_send_") || eventName === "user_submit_info" || eventName === "follow" || eventName.startsWith("user_click");
}

/** Records the user's last interaction: it decides whether an OA message is allowed or ZNS must be used. */
const interaction = new Composer<BotContext>().use(async (ctx, next) => {
  if (ctx.user && isInteraction(ctx.event.event_name)) {
    ctx.user = await recordInteraction(ctx.deps.db, ctx.user, new Date(Number(ctx.event.timestamp) || ctx.now.getTime()), ctx.now);
  }
  await next();
});

/**
 * The OA chatbot: one composer per feature, in the order they get the update. Unknown events fall
 * through every feature and are left alone (they are already stored in the inbox). A request for a
 * person outranks the commands and the FAQ.
 */
export function createBot(): Middleware<BotContext> {
  return new Composer<BotContext>().use(interaction, platform, contact, paymentMistake, handoverGuard, personRequest, commands, faq).middleware();
}

/**
 * The bot as the webhook processor runs it: one context per stored event, the chain, then the
 * conversation saved (grammY's webhook glue, without HTTP).
 */
export function createBotHandler(deps: BotDeps): InboxEventHandler {
  const bot = createBot();
  return async (input) => {
    const ctx = await createBotContext(deps, input);
    await bot(ctx, async () => undefined);
    await saveSession(ctx);
  };
}
