import { formatVnPhone, normalizeVnPhone } from "@hccd/shared";
import { setZaloUserPhone } from "@hccd/db";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

/** `user_submit_info`: the user shared their contact through the OA's form; link the phone number. */
export const contact = new Composer<BotContext>().filter(
  (ctx) => ctx.event.event_name === "user_submit_info",
  (ctx) => {
    if (!ctx.user) return;
    const phone = normalizeVnPhone(ctx.event.info?.phone ?? "");
    if (!phone.ok) {
      ctx.reply(ctx.t("bot:phoneInvalid"));
      return;
    }
    setZaloUserPhone(ctx.deps.db, ctx.user.id, phone.value, ctx.now);
    ctx.user = { ...ctx.user, phone: phone.value };
    ctx.reply(ctx.t("bot:phoneLinked", { phone: formatVnPhone(phone.value) }));
  },
);
