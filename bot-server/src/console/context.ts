import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { i18nFor, type Language } from "@hccd/shared";
import type { StaffLogins } from "../services/staff/staff-login.js";
import type { AppDeps } from "../deps.js";
import type { AppEnv } from "../env.js";

/** i18next's `t`, fixed to the `staff` namespace. */
export type StaffT = ReturnType<ReturnType<typeof i18nFor>["getFixedT"]>;

/** Everything a console page may use: the whole app's dependencies (the FAQ engine, jobs, clients). */
export type ConsoleDeps = AppDeps & { logins: StaffLogins };

/** The console's request context: the app's, plus the staff member's language, texts and CSRF token. */
export type ConsoleEnv = {
  Variables: AppEnv["Variables"] & {
    lang: Language;
    /** `staff:` texts in the staff member's language. */
    t: StaffT;
    /** The session's CSRF token, for every form (`<CsrfField c={c} />`) and script request. */
    csrf: string;
    /**
     * Handed-over conversations waiting for the signed-in staff member (the navigation's badge, the
     * home page), counted by the guard before the page is drawn; null when the handover area is not theirs.
     */
    handoverWaiting?: { waiting: number; sharedUnclaimed: number } | null;
  };
};
export type ConsoleContext = Context<ConsoleEnv>;

export const LANG_COOKIE = "hccd_staff_lang";

export function languageOf(c: Context): Language {
  return getCookie(c, LANG_COOKIE) === "en" ? "en" : "vi";
}

/** Sets `lang` and `t` on every console request, signed in or not. */
export const consoleLanguage: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const lang = languageOf(c);
  c.set("lang", lang);
  c.set("t", i18nFor(lang).getFixedT(lang, "staff"));
  await next();
};

/** Only paths of the console itself may be a `next` after login or a language switch. */
export function safeNext(next: string | undefined | null): string {
  return next && /^\/staff(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/staff";
}
