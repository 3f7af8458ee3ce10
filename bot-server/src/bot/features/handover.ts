import { openTicketFor } from "@hccd/db";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { parseCommand } from "../commands.js";
import { openHandover, recordCitizenMessage } from "../../services/handover.js";

/**
 * While a person handles the conversation the bot stays quiet: the citizen's messages go to the
 * ticket. Asking for a person again gets one short acknowledgement.
 */
export const handoverGuard = new Composer<BotContext>().use(async (ctx, next) => {
  if (!ctx.user || ctx.event.event_name !== "user_send_text") return next();
  const ticket = openTicketFor(ctx.deps.db, ctx.user.id);
  if (!ticket) return next();
  if (ctx.text) recordCitizenMessage(ctx.deps.db, ticket, ctx.text, ctx.now);
  if (parseCommand(ctx.folded)?.kind === "handover") ctx.reply(ctx.t("bot:handover.alreadyOpen"));
});

/** "gặp cán bộ": opens a ticket with the question the user asked last, and says honestly when to expect an answer. */
export function startHandover(ctx: BotContext): void {
  if (!ctx.user) return;
  const reason = typeof ctx.session.lastQuestion === "string" ? ctx.session.lastQuestion : null;
  const { created } = openHandover(ctx.deps.db, { user: ctx.user, reason, now: ctx.now, newId: ctx.deps.newId });
  ctx.reply(ctx.t(created ? "bot:handover.opened" : "bot:handover.alreadyOpen"));
}
