import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { i18nFor, type Language } from "@hccd/shared";

/** i18next's `t`, fixed to the `staff` namespace. */
export type StaffT = ReturnType<ReturnType<typeof i18nFor>["getFixedT"]>;
import type { StaffLogins } from "../services/staff/staff-login.js";
import type { AppDeps } from "../deps.js";
import type { AppEnv } from "../env.js";
import { resolveStaffSession } from "../middleware/staff-auth.js";
import { csrfTokenFor } from "../services/staff/staff-auth.js";
import { mayUse, type StaffArea } from "../services/staff/permissions.js";
import { forbiddenPage } from "./layout.js";

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
    /** Handed-over conversations waiting for the signed-in staff member (null when the handover area is not theirs); counted once per page. */
    handoverWaiting?: () => { waiting: number; sharedUnclaimed: number } | null;
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

/**
 * Console pages of one work area: without a session, the login page (then back here); with a
 * role that may not use the area, a 403 page; a cookie request that changes something must carry
 * the CSRF token (see middleware/staff-auth.ts).
 */
export function consoleGuard(deps: Pick<ConsoleDeps, "db" | "now">, area: StaffArea): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const session = await resolveStaffSession(deps, c);
    if (!session) {
      const expired = Boolean(getCookie(c, "hccd_staff"));
      const target = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/staff";
      return c.redirect(`/staff/login?next=${encodeURIComponent(target)}${expired ? "&expired=1" : ""}`, 303);
    }
    c.set("staff", session.staff);
    c.set("staffToken", session.token);
    c.set("csrf", csrfTokenFor(session.token));
    if (!mayUse(session.staff.role, area)) return c.html(forbiddenPage(c), 403);
    await next();
  };
}
