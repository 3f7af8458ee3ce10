import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { PAYMENT_MISTAKE_PAYLOAD } from "../../services/delivery/notifications.js";
import { reportPaymentMistake, reportPaymentMistakeInWords } from "../../services/payments/payment-notices.js";
import { detectPaymentMistake } from "../../faq/payment-mistake-request.js";

/**
 * The "report a mistake" button of a payment notice (services/payments): its hidden payload comes
 * back as the beneficiary's message; a beneficiary told by ZNS or SMS (no button) reports in words,
 * found by their verified phone. It outranks the handover guard: with a conversation already with
 * an officer, the report joins that ticket rather than being a bare message there.
 */
export const paymentMistake = new Composer<BotContext>().use(async (ctx, next) => {
  if (!ctx.user || !ctx.text) return next();
  if (ctx.text.startsWith(PAYMENT_MISTAKE_PAYLOAD)) {
    const beneficiaryId = ctx.text.slice(PAYMENT_MISTAKE_PAYLOAD.length).trim().slice(0, 64);
    const r = await reportPaymentMistake(ctx.deps, ctx.user, beneficiaryId);
    return ctx.reply(ctx.t(r.reported ? "bot:paymentMistake.reported" : r.reason === "already" ? "bot:paymentMistake.already" : "bot:paymentMistake.unknown"));
  }
  // The same report in words, from a beneficiary whose notice had no button (ZNS, SMS).
  if (ctx.event.event_name !== "user_send_text" || ctx.text.startsWith("#") || !detectPaymentMistake(ctx.text)) return next();
  const r = await reportPaymentMistakeInWords(ctx.deps, ctx.user, ctx.text);
  if (!r) return next();
  if (r.reported) return ctx.reply(ctx.t("bot:paymentMistake.reported"));
  if (r.reason === "choose") {
    return ctx.reply(ctx.t("bot:paymentMistake.choose"), r.choices.map((c) => ({ type: "oa.query.hide" as const, title: c.fullName, payload: `${PAYMENT_MISTAKE_PAYLOAD}${c.beneficiaryId}` })));
  }
  await ctx.reply(ctx.t(r.reason === "already" ? "bot:paymentMistake.already" : "bot:paymentMistake.unknown"));
});
