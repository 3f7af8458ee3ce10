import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { parseCommand } from "../commands.js";
import { detectPersonRequest, type PersonRequest } from "../../faq/person-request.js";
import { openHandover, openTicketOf, recordCitizenMessage } from "../../services/chat/handover.js";
import { recordPersonRequest } from "../../services/chat/faq-log.js";

/** The person request in a typed message (a button's `#…` payload is a command, never a request). */
function typedPersonRequest(ctx: BotContext): PersonRequest | null {
  if (ctx.event.event_name !== "user_send_text" || !ctx.text || ctx.text.startsWith("#")) return null;
  return detectPersonRequest(ctx.text);
}

async function countRequest(ctx: BotContext): Promise<void> {
  await recordPersonRequest(ctx.deps.db, { language: ctx.lang, channel: "bot", at: ctx.now });
}

/**
 * While a person handles the conversation the bot stays quiet: the citizen's messages go to the
 * ticket. Asking for a person again (the button, or in any words) gets one short acknowledgement.
 */
export const handoverGuard = new Composer<BotContext>().use(async (ctx, next) => {
  if (!ctx.user || ctx.event.event_name !== "user_send_text") return next();
  const ticket = await openTicketOf(ctx.deps.db, ctx.user);
  if (!ticket) return next();
  if (ctx.text) await recordCitizenMessage(ctx.deps.db, ticket, ctx.text, ctx.now);
  if (parseCommand(ctx.folded)?.kind === "handover" || typedPersonRequest(ctx)) {
    await countRequest(ctx);
    await ctx.reply(ctx.t("bot:handover.alreadyOpen"));
  }
});

/**
 * A request for a person as people type it ("cho e gap nhan vien tu van vs", "gặp người thật",
 * "can I talk to a human"): it outranks the FAQ, which would only explain how to ask.
 */
export const personRequest = new Composer<BotContext>().use(async (ctx, next) => {
  const request = typedPersonRequest(ctx);
  if (!request) return next();
  await startHandover(ctx, request);
});

/**
 * Opens a ticket and says honestly when to expect an answer. The ticket keeps what the citizen
 * wants to talk about: the request itself when it says ("…, e muốn hỏi về hồ sơ khai sinh của
 * con"), otherwise the question they asked last.
 */
export async function startHandover(ctx: BotContext, request?: PersonRequest): Promise<void> {
  if (!ctx.user) return;
  await countRequest(ctx);
  const lastQuestion = typeof ctx.session.lastQuestion === "string" ? ctx.session.lastQuestion : null;
  const reason = request?.topic && ctx.text ? ctx.text.slice(0, 500) : lastQuestion;
  const { created } = await openHandover(ctx.deps.db, { user: ctx.user, reason, now: ctx.now, newId: ctx.deps.newId });
  await ctx.reply(ctx.t(created ? "bot:handover.opened" : "bot:handover.alreadyOpen"));
}
