import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { PAYMENT_MISTAKE_PAYLOAD } from "../../services/delivery/notifications.js";
import { reportPaymentMistake } from "../../services/payments/payment-notices.js";

/**
 * The "report a mistake" button of a payment notice (services/payments): its hidden payload comes
 * back as the beneficiary's message. It outranks the handover guard: with a conversation already
 * with an officer, the report joins that ticket rather than being a bare message there.
 */
export const paymentMistake = new Composer<BotContext>().use(async (ctx, next) => {
  if (!ctx.user || !ctx.text?.startsWith(PAYMENT_MISTAKE_PAYLOAD)) return next();
  const beneficiaryId = ctx.text.slice(PAYMENT_MISTAKE_PAYLOAD.length).trim().slice(0, 64);
  const r = await reportPaymentMistake(ctx.deps, ctx.user, beneficiaryId);
  await ctx.reply(ctx.t(r.reported ? "bot:paymentMistake.reported" : r.reason === "already" ? "bot:paymentMistake.already" : "bot:paymentMistake.unknown"));
});
