import { ZALO_MEDIA_EVENTS } from "@hccd/shared";
import { recordZaloReceipt } from "../../services/delivery/receipts.js";
import { setFollower } from "../../services/citizens/zalo-users.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";
import { menuButtons } from "./buttons.js";

const MEDIA: ReadonlySet<string> = new Set(ZALO_MEDIA_EVENTS);

/**
 * Platform events: the OA's own sends echoed back (recorded in the inbox, never answered),
 * delivery and seen receipts (update the outbox), follow and unfollow, and messages the bot
 * cannot read (a polite answer with buttons).
 */
export const platform = new Composer<BotContext>()
  // Echoes of our own messages: stop here, or the bot would answer itself.
  .filter((ctx) => ctx.event.event_name.startsWith("oa_send_"), () => undefined)
  .filter(
    (ctx) => ctx.event.event_name === "user_received_message" || ctx.event.event_name === "user_seen_message",
    async (ctx) => {
      const kind = ctx.event.event_name === "user_received_message" ? "delivered" : "seen";
      await recordZaloReceipt(ctx.deps.db, ctx.event.message, kind, new Date(Number(ctx.event.timestamp)));
    },
  )
  .filter(
    (ctx) => ctx.event.event_name === "follow",
    async (ctx) => {
      if (!ctx.user) return;
      ctx.user = await setFollower(ctx.deps.db, ctx.user, true, ctx.now);
      await ctx.reply(ctx.t("bot:welcome"));
      await ctx.reply(`${ctx.t("bot:privacy")}\n${ctx.t("bot:howToStop")}`, menuButtons(ctx));
    },
  )
  .filter(
    (ctx) => ctx.event.event_name === "unfollow",
    async (ctx) => {
      // No more customer-service messages: the channel policy needs a follower.
      if (ctx.user) ctx.user = await setFollower(ctx.deps.db, ctx.user, false, ctx.now);
    },
  )
  .filter(
    (ctx) => MEDIA.has(ctx.event.event_name),
    async (ctx) => ctx.reply(ctx.t("bot:textOnly"), menuButtons(ctx)),
  );
