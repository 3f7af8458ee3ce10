import { vaccinationSchedule, vietnamDate, type Language } from "@hccd/shared";
import { Composer } from "../composer.js";
import { setContextLanguage, type BotContext } from "../context.js";
import { parseCommand, type Command } from "../commands.js";
import { listDraftsForCitizen } from "../../services/drafts/citizen-drafts.js";
import { childrenOfCitizen, upcomingForCitizen } from "../../services/citizens/upcoming.js";
import { updateSettings } from "../../services/citizens/settings.js";
import { rateDossier } from "../../services/dossiers/rating.js";
import { vnDate } from "../../services/delivery/notifications.js";
import { DomainError } from "../../errors.js";
import { menuButtons, openAppButton } from "./buttons.js";
import { startHandover } from "./handover.js";
import { answerFaqEntry } from "./faq.js";
import { showGuidance } from "./guidance.js";

/** A child as the chat names them: the name chosen in the birth draft, else "bé". */
const childName = (ctx: BotContext, name: string | null) => name ?? (ctx.lang === "vi" ? "bé" : "your baby");

/**
 * Dossiers, deadlines and children are read through the phone Zalo verified, never a phone typed
 * into the OA's form (anyone can type anyone's number): without one, the user is invited to verify.
 */
async function needPhone(ctx: BotContext): Promise<boolean> {
  if (ctx.user?.phone) return false;
  await ctx.reply(ctx.t(ctx.user?.contactPhone ? "bot:dossiers.verifyPhone" : "bot:dossiers.needPhone"), [openAppButton(ctx)]);
  return true;
}

async function showDossiers(ctx: BotContext): Promise<void> {
  if (!ctx.user || (await needPhone(ctx))) return;
  const drafts = await listDraftsForCitizen(ctx.deps.db, ctx.user);
  if (drafts.length === 0) return ctx.reply(ctx.t("bot:dossiers.none"), [openAppButton(ctx)]);
  const lines = drafts.slice(0, 8).map((d) => {
    const status = d.submissionStatus ? ctx.t(`common:submissionStatus.${d.submissionStatus}`) : ctx.t("bot:dossiers.draftOpen", { dueBy: vnDate(d.dueBy) });
    const receipt = d.receiptNo ? ctx.t("bot:dossiers.receipt", { no: d.receiptNo }) : "";
    return ctx.t("bot:dossiers.item", { title: d.title ?? ctx.t("bot:dossiers.untitled"), status, receipt });
  });
  await ctx.reply([ctx.t("bot:dossiers.heading"), ...lines].join("\n"), [openAppButton(ctx)]);
}

/**
 * What is coming, as the Mini App's home lists it (the same service): drafts waiting for the
 * citizen, documents nearing expiry, each child's next vaccination, soonest first.
 */
async function showDeadlines(ctx: BotContext): Promise<void> {
  if (!ctx.user || (await needPhone(ctx))) return;
  const today = vietnamDate(ctx.now);
  const lines: string[] = [];
  for (const item of (await upcomingForCitizen(ctx.deps, ctx.user)).items) {
    const date = vnDate(item.actBy ?? item.dueOn);
    if (item.kind === "draft") {
      // A draft already consented to waits for the agency, not for the citizen.
      if (item.status !== "open" || item.dueOn < today) continue;
      if (item.whose === "child") lines.push(ctx.t("bot:deadlines.birth", { name: childName(ctx, item.subject), date }));
      else lines.push(ctx.t("bot:deadlines.draft", { service: item.serviceName[ctx.lang], date }));
    } else if (item.kind === "document") {
      lines.push(ctx.t("bot:deadlines.document", { service: item.serviceName[ctx.lang], number: item.subject ?? "", date: vnDate(item.dueOn) }));
    } else {
      lines.push(ctx.t("bot:deadlines.dose", { vaccine: item.serviceName[ctx.lang], name: childName(ctx, item.subject), date }));
    }
  }
  if (lines.length === 0) return ctx.reply(ctx.t("bot:deadlines.none"), [openAppButton(ctx)]);
  await ctx.reply([ctx.t("bot:deadlines.heading"), ...lines].join("\n"), [openAppButton(ctx)]);
}

async function showVaccination(ctx: BotContext): Promise<void> {
  if (!ctx.user || (await needPhone(ctx))) return;
  const children = await childrenOfCitizen(ctx.deps.db, ctx.user);
  if (children.length === 0) return ctx.reply(ctx.t("bot:vaccination.none"));
  const today = vietnamDate(ctx.now);
  for (const child of children.slice(0, 3)) {
    const upcoming = vaccinationSchedule(child.dateOfBirth).filter((d) => (d.latestOn ?? d.dueOn) >= today).slice(0, 6);
    if (upcoming.length === 0) {
      await ctx.reply(ctx.t("bot:vaccination.done"));
      continue;
    }
    const lines = upcoming.map((d) => ctx.t("bot:vaccination.item", { date: vnDate(d.dueOn), vaccine: d.name[ctx.lang] }));
    await ctx.reply([ctx.t("bot:vaccination.heading", { name: childName(ctx, child.name) }), ...lines].join("\n"));
  }
}

/** The language, as the Mini App's settings change it (the same service, audited alike). */
async function switchLanguage(ctx: BotContext, lang: Language): Promise<void> {
  if (!ctx.user) return;
  await updateSettings(ctx.deps, ctx.user, { language: lang });
  ctx.user = { ...ctx.user, language: lang };
  setContextLanguage(ctx, lang);
  await ctx.reply(ctx.t("bot:language.switched"), menuButtons(ctx));
}

/** Opting out or back in, as the Mini App's settings do it (the same service, audited alike). */
async function setOptOut(ctx: BotContext, out: boolean): Promise<void> {
  if (!ctx.user) return;
  const already = (ctx.user.optedOutAt !== null) === out;
  if (!already) {
    await updateSettings(ctx.deps, ctx.user, { optedOut: out });
    ctx.user = { ...ctx.user, optedOutAt: out ? ctx.now : null };
  }
  const key = out ? (already ? "bot:optOut.alreadyOut" : "bot:optOut.done") : already ? "bot:optIn.alreadyIn" : "bot:optIn.done";
  await ctx.reply(ctx.t(key), [{ type: "oa.query.hide", title: ctx.t(out ? "bot:buttons.optIn" : "bot:buttons.optOut"), payload: out ? "#optin" : "#optout" }]);
}

/** A rating from the chat's buttons: the same rule as the Mini App's (services/dossiers/rating.ts). */
async function rate(ctx: BotContext, submissionId: string, score: number): Promise<void> {
  if (!ctx.user) return;
  try {
    await rateDossier(ctx.deps, ctx.user, submissionId, { score });
  } catch (err) {
    if (err instanceof DomainError) return ctx.reply(ctx.t("bot:rating.invalid"));
    throw err;
  }
  await ctx.reply(ctx.t("bot:rating.thanks", { score }));
}

async function run(ctx: BotContext, cmd: Command): Promise<void> {
  switch (cmd.kind) {
    case "menu":
      return ctx.reply(ctx.t("bot:menu"), menuButtons(ctx));
    case "dossiers":
      return showDossiers(ctx);
    case "deadlines":
      return showDeadlines(ctx);
    case "vaccination":
      return showVaccination(ctx);
    case "language":
      return switchLanguage(ctx, cmd.lang);
    case "opt_out":
      return setOptOut(ctx, true);
    case "opt_in":
      return setOptOut(ctx, false);
    case "handover":
      return startHandover(ctx);
    case "faq":
      return answerFaqEntry(ctx, cmd.id);
    case "rate":
      return rate(ctx, cmd.submissionId, cmd.score);
    case "guide":
      return showGuidance(ctx, cmd.service);
  }
}

/** Typed commands and button payloads. */
export const commands = new Composer<BotContext>().use(async (ctx, next) => {
  const cmd = ctx.event.event_name === "user_send_text" ? parseCommand(ctx.folded) : null;
  if (!cmd) return next();
  await run(ctx, cmd);
});

