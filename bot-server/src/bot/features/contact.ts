import { formatVnPhone, normalizeVnPhone } from "@hccd/shared";
import { saveContactPhone } from "../../services/citizens/zalo-users.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { openAppButton } from "./buttons.js";

/**
 * `user_submit_info`: the user typed a phone into the OA's information form. Anyone can type
 * anyone's number there, so it is kept as contact data (to reach the user) and never links an
 * identity: only the phone Zalo verifies in the Mini App opens drafts and documents. A user who has
 * not verified one is invited to.
 */
export const contact = new Composer<BotContext>().filter(
  (ctx) => ctx.event.event_name === "user_submit_info",
  async (ctx) => {
    if (!ctx.user) return;
    const phone = normalizeVnPhone(ctx.event.info?.phone ?? "");
    if (!phone.ok) {
      await ctx.reply(ctx.t("bot:phoneInvalid"));
      return;
    }
    ctx.user = await saveContactPhone(ctx.deps.db, ctx.user, phone.value, ctx.now);
    const shown = { phone: formatVnPhone(phone.value) };
    if (ctx.user.phone) await ctx.reply(ctx.t("bot:contactPhoneSavedVerified", shown));
    else await ctx.reply(ctx.t("bot:contactPhoneSaved", shown), [openAppButton(ctx)]);
  },
);
