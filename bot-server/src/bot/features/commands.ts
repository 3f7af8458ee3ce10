import { vaccinationSchedule, vietnamDate, type Language } from "@hccd/shared";
import { getSubmission, getConsent, listBirthEventsForParents, findDraftByBirthEvent, updateZaloUser, upsertRating } from "@hccd/db";
import { Composer } from "../composer.js";
import { setContextLanguage, type BotContext } from "../context.js";
import { parseCommand, type Command } from "../commands.js";
import { listDraftsForCitizen, personsOfZaloUser } from "../../services/drafts/citizen-drafts.js";
import { vnDate } from "../../services/delivery/notifications.js";
import { menuButtons, openAppButton } from "./buttons.js";
import { startHandover } from "./handover.js";
import { answerFaqEntry } from "./faq.js";

/** The children of the user's persons: name (as in the draft) and date of birth. */
function childrenOf(ctx: BotContext): { name: string; dateOfBirth: string; draftDueBy: string | null; draftOpen: boolean }[] {
  if (!ctx.user) return [];
  const persons = personsOfZaloUser(ctx.deps.db, ctx.user);
  return listBirthEventsForParents(ctx.deps.db, persons.map((p) => p.id)).map((e) => {
    const draft = findDraftByBirthEvent(ctx.deps.db, e.id);
    const name = draft?.fields["child.fullName"]?.value;
    return {
      name: typeof name === "string" && name ? name : ctx.lang === "vi" ? "bé" : "your baby",
      dateOfBirth: vietnamDate(e.childBornAt),
      draftDueBy: draft?.dueBy ?? null,
      draftOpen: draft?.status === "open",
    };
  });
}

/**
 * Dossiers, deadlines and children are read through the phone Zalo verified, never a phone typed
 * into the OA's form (anyone can type anyone's number): without one, the user is invited to verify.
 */
function needPhone(ctx: BotContext): boolean {
  if (ctx.user?.phone) return false;
  ctx.reply(ctx.t(ctx.user?.contactPhone ? "bot:dossiers.verifyPhone" : "bot:dossiers.needPhone"), [openAppButton(ctx)]);
  return true;
}

function showDossiers(ctx: BotContext): void {
  if (!ctx.user || needPhone(ctx)) return;
  const drafts = listDraftsForCitizen(ctx.deps.db, ctx.user);
  if (drafts.length === 0) return ctx.reply(ctx.t("bot:dossiers.none"), [openAppButton(ctx)]);
  const lines = drafts.slice(0, 8).map((d) => {
    const status = d.submissionStatus ? ctx.t(`common:submissionStatus.${d.submissionStatus}`) : ctx.t("bot:dossiers.draftOpen", { dueBy: vnDate(d.dueBy) });
    const receipt = d.receiptNo ? ctx.t("bot:dossiers.receipt", { no: d.receiptNo }) : "";
    return ctx.t("bot:dossiers.item", { title: d.title ?? ctx.t("bot:dossiers.untitled"), status, receipt });
  });
  ctx.reply([ctx.t("bot:dossiers.heading"), ...lines].join("\n"), [openAppButton(ctx)]);
}

function showDeadlines(ctx: BotContext): void {
  if (!ctx.user || needPhone(ctx)) return;
  const today = vietnamDate(ctx.now);
  const lines: string[] = [];
  for (const child of childrenOf(ctx)) {
    if (child.draftOpen && child.draftDueBy && child.draftDueBy >= today) lines.push(ctx.t("bot:deadlines.birth", { name: child.name, date: vnDate(child.draftDueBy) }));
    const next = vaccinationSchedule(child.dateOfBirth).find((d) => (d.latestOn ?? d.dueOn) >= today);
    if (next) lines.push(ctx.t("bot:deadlines.dose", { vaccine: next.name[ctx.lang], name: child.name, date: vnDate(next.dueOn) }));
  }
  if (lines.length === 0) return ctx.reply(ctx.t("bot:deadlines.none"), [openAppButton(ctx)]);
  ctx.reply([ctx.t("bot:deadlines.heading"), ...lines].join("\n"), [openAppButton(ctx)]);
}

function showVaccination(ctx: BotContext): void {
  if (!ctx.user || needPhone(ctx)) return;
  const children = childrenOf(ctx);
  if (children.length === 0) return ctx.reply(ctx.t("bot:vaccination.none"));
  const today = vietnamDate(ctx.now);
  for (const child of children.slice(0, 3)) {
    const upcoming = vaccinationSchedule(child.dateOfBirth).filter((d) => (d.latestOn ?? d.dueOn) >= today).slice(0, 6);
    if (upcoming.length === 0) {
      ctx.reply(ctx.t("bot:vaccination.done"));
      continue;
    }
    const lines = upcoming.map((d) => ctx.t("bot:vaccination.item", { date: vnDate(d.dueOn), vaccine: d.name[ctx.lang] }));
    ctx.reply([ctx.t("bot:vaccination.heading", { name: child.name }), ...lines].join("\n"));
  }
}

function switchLanguage(ctx: BotContext, lang: Language): void {
  if (!ctx.user) return;
  updateZaloUser(ctx.deps.db, ctx.user.id, { language: lang, updatedAt: ctx.now });
  ctx.user = { ...ctx.user, language: lang };
  setContextLanguage(ctx, lang);
  ctx.reply(ctx.t("bot:language.switched"), menuButtons(ctx));
}

function setOptOut(ctx: BotContext, out: boolean): void {
  if (!ctx.user) return;
  const already = (ctx.user.optedOutAt !== null) === out;
  if (!already) {
    updateZaloUser(ctx.deps.db, ctx.user.id, { optedOutAt: out ? ctx.now : null, updatedAt: ctx.now });
    ctx.user = { ...ctx.user, optedOutAt: out ? ctx.now : null };
  }
  const key = out ? (already ? "bot:optOut.alreadyOut" : "bot:optOut.done") : already ? "bot:optIn.alreadyIn" : "bot:optIn.done";
  ctx.reply(ctx.t(key), [{ type: "oa.query.hide", title: ctx.t(out ? "bot:buttons.optIn" : "bot:buttons.optOut"), payload: out ? "#optin" : "#optout" }]);
}

/** A rating is accepted only from the user who consented to that dossier, once it is complete. */
function rate(ctx: BotContext, submissionId: string, score: number): void {
  if (!ctx.user) return;
  const submission = getSubmission(ctx.deps.db, submissionId);
  const consent = submission ? getConsent(ctx.deps.db, submission.consentId) : undefined;
  const ownPersons = new Set(personsOfZaloUser(ctx.deps.db, ctx.user).map((p) => p.id));
  if (!submission || !consent || submission.status !== "completed" || (consent.zaloUserId !== ctx.user.id && !ownPersons.has(consent.personId))) {
    return ctx.reply(ctx.t("bot:rating.invalid"));
  }
  upsertRating(ctx.deps.db, { submissionId, zaloUserId: ctx.user.id, score, at: ctx.now });
  ctx.reply(ctx.t("bot:rating.thanks", { score }));
}

function run(ctx: BotContext, cmd: Command): void {
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
  }
}

/** Typed commands and button payloads. */
export const commands = new Composer<BotContext>().use(async (ctx, next) => {
  const cmd = ctx.event.event_name === "user_send_text" ? parseCommand(ctx.folded) : null;
  if (!cmd) return next();
  run(ctx, cmd);
});

