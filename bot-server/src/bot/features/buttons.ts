import type { OaButton } from "../../services/delivery/notifications.js";
import type { BotContext } from "../context.js";

/** The main menu's buttons (hidden payloads, so the chat shows the title, not the command). */
export function menuButtons(ctx: BotContext): OaButton[] {
  const t = ctx.t;
  return [
    { type: "oa.query.hide", title: t("bot:buttons.dossiers"), payload: "#dossiers" },
    { type: "oa.query.hide", title: t("bot:buttons.deadlines"), payload: "#deadlines" },
    { type: "oa.query.hide", title: t("bot:buttons.vaccination"), payload: "#vaccination" },
    { type: "oa.query.hide", title: t("bot:buttons.handover"), payload: "#handover" },
    { type: "oa.query.hide", title: t("bot:buttons.language"), payload: ctx.lang === "vi" ? "#lang:en" : "#lang:vi" },
  ];
}

export function openAppButton(ctx: BotContext): OaButton {
  return { type: "oa.open.url", title: ctx.t("bot:buttons.openApp"), url: ctx.deps.miniAppUrl };
}

export function handoverButton(ctx: BotContext): OaButton {
  return { type: "oa.query.hide", title: ctx.t("bot:buttons.handover"), payload: "#handover" };
}
