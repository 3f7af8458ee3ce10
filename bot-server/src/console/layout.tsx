/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/** The console's page frame: header, navigation by role, language switch, main content. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { CSRF_FIELD } from "../middleware/staff-auth.js";
import { mayUse, type StaffArea } from "../services/staff/permissions.js";
import { ASSET_VERSION } from "./assets.js";
import type { ConsoleContext } from "./context.js";

/** Areas in the navigation, in this order. */
const NAV: readonly Exclude<StaffArea, "session" | "sweep" | "failedReminders" | "ratingComments">[] = ["imports", "payments", "campaigns", "handover", "worklist", "faq", "indicators", "audit"];

export type ConsoleSection = (typeof NAV)[number] | "home";

/** Every form that changes something carries the session's CSRF token. */
export function CsrfField(props: { c: ConsoleContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.c.var.csrf} />;
}

/** A notice at the top of the content: `status` for news, `alert` for errors (read out by screen readers). */
export function Notice(props: { kind: "info" | "success" | "error"; children: Child }) {
  return (
    <div class={`notice notice--${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}

/** The whole page. `section` marks the current area in the navigation; without a staff member (login) there is none. */
export function ConsolePage(props: { c: ConsoleContext; title: string; section?: ConsoleSection; children: Child }) {
  const { c } = props;
  const t = c.var.t;
  const staff = c.get("staff") as ConsoleContext["var"]["staff"] | undefined;
  const here = c.req.path + (new URL(c.req.url).search || "");
  const other = c.var.lang === "vi" ? "en" : "vi";
  return (
    <>
    {raw("<!DOCTYPE html>")}
    <html lang={c.var.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} — ${t("appName")}`}</title>
        <link rel="stylesheet" href={`/staff/assets/console.css?v=${ASSET_VERSION}`} />
        <script src={`/staff/assets/console.js?v=${ASSET_VERSION}`} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header class="topbar">
          <a class="topbar__brand" href="/staff">
            {t("appName")}
          </a>
          <div class="topbar__tools">
            <a class="topbar__lang" href={`/staff/lang/${other}?next=${encodeURIComponent(here)}`} lang={other} data-testid="language-switch">
              {t(`languageNames.${other}`)}
            </a>
            {staff && (
              <>
                <span class="topbar__who" data-testid="signed-in-as">
                  {t("signedInAs", { name: staff.displayName, role: t(`roles.${staff.role}`) })}
                </span>
                <form method="post" action="/staff/logout" class="inline-form">
                  <CsrfField c={c} />
                  <button type="submit" class="button button--quiet" data-testid="logout">
                    {t("logout")}
                  </button>
                </form>
              </>
            )}
          </div>
        </header>
        {staff && (
          <nav class="nav" aria-label={t("nav.label")}>
            <ul>
              <li>
                <a href="/staff" aria-current={props.section === "home" ? "page" : undefined}>
                  {t("nav.home")}
                </a>
              </li>
              {NAV.filter((area) => mayUse(staff.role, area)).map((area) => (
                <li>
                  <a href={`/staff/${area}`} aria-current={props.section === area ? "page" : undefined} data-testid={`nav-${area}`}>
                    {t(`nav.${area}`)}
                    {area === "handover" && <WaitingBadge c={c} />}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" class="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
    </>
  );
}

/** How many handed-over conversations wait for this staff member, beside the area's name. */
function WaitingBadge(props: { c: ConsoleContext }) {
  const n = props.c.var.handoverWaiting?.waiting ?? 0;
  if (n === 0) return null;
  return (
    <span class="nav__badge" data-testid="nav-handover-waiting">
      {n}
      <span class="visually-hidden">{` ${props.c.var.t("nav.waiting")}`}</span>
    </span>
  );
}

export function forbiddenPage(c: ConsoleContext) {
  const t = c.var.t;
  return (
    <ConsolePage c={c} title={t("errors.forbiddenTitle")}>
      <p data-testid="forbidden">{t("errors.forbidden", { role: t(`roles.${c.var.staff.role}`) })}</p>
    </ConsolePage>
  );
}

export function notFoundPage(c: ConsoleContext) {
  const t = c.var.t;
  return (
    <ConsolePage c={c} title={t("errors.notFoundTitle")}>
      <p data-testid="not-found">{t("errors.notFound")}</p>
    </ConsolePage>
  );
}

export function homeSections(c: ConsoleContext): readonly (typeof NAV)[number][] {
  return NAV.filter((area) => mayUse(c.var.staff.role, area));
}
