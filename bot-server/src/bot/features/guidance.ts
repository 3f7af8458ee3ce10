import { procedureGuidanceOf, serviceByKey } from "@hccd/shared";
import type { BotContext } from "../context.js";
import { handoverButton } from "./buttons.js";

/** OA text messages are cut at 2,000 characters: the chat gives the essentials, the Mini App the rest. */
const MAX_CHARS = 1_900;

/**
 * A service's procedure guidance in the chat (a reminder's "Hướng dẫn thủ tục" button, payload
 * `#guide:<service>`): who decides it, its code, papers, fee, where and how, how long; each line
 * from the catalogue, which names its source. The button opens the full guide in the Mini App.
 */
export async function showGuidance(ctx: BotContext, serviceKey: string): Promise<void> {
  const entry = serviceByKey(serviceKey);
  if (!entry) return ctx.reply(ctx.t("bot:guidance.notFound"), [handoverButton(ctx)]);
  const g = procedureGuidanceOf(entry);
  const lang = ctx.lang;
  const lines = [
    ctx.t("bot:guidance.heading", { service: g.serviceName[lang] }),
    ctx.t("bot:guidance.agency", { agency: g.agency[lang] }),
    g.procedureCodes.length ? ctx.t("bot:guidance.codes", { codes: g.procedureCodes.join(", ") }) : ctx.t("bot:guidance.codesUnknown"),
    ...g.papers.map((p) => `• ${ctx.t("bot:guidance.papers", { text: p[lang] })}`),
    `• ${ctx.t("bot:guidance.fee", { text: g.fee[lang] })}`,
    ...g.where.map((w) => `• ${ctx.t("bot:guidance.where", { text: w[lang] })}`),
    `• ${ctx.t("bot:guidance.duration", { text: g.duration[lang] })}`,
    ...(g.deadline ? [`• ${ctx.t("bot:guidance.deadline", { text: g.deadline[lang] })}`] : []),
    ...(g.result ? [`• ${ctx.t("bot:guidance.result", { text: g.result[lang] })}`] : []),
    ctx.t("bot:guidance.portal"),
  ];
  const text = lines.join("\n");
  const url = `${ctx.deps.miniAppUrl}/?${new URLSearchParams({ guide: entry.key })}`;
  await ctx.reply(text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text, [{ type: "oa.open.url", title: ctx.t("bot:buttons.guidance"), url }]);
}
