/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/**
 * The staff console at `/staff`: server-rendered pages (hono/jsx), plain forms that work without
 * script, a session cookie (httpOnly, SameSite=Strict, Secure behind HTTPS) and a CSRF token in
 * every form. Each work area lives in its own file and is guarded by its area's roles.
 */
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { bodyLimit } from "hono/body-limit";
import { MAX_BODY_BYTES, refuseNulCharacters } from "../request-limits.js";
import { DomainError, RetryLater } from "../errors.js";
import { resolveStaffSession, STAFF_COOKIE } from "../middleware/staff-auth.js";
import { staffLogout, STAFF_SESSION_MS } from "../services/staff/staff-auth.js";
import { clientAddress, clientKey } from "../middleware/client-address.js";
import { formatVietnamDateTime, sizeText } from "./format.js";
import { consoleAssets } from "./assets.js";
import { consoleLanguage, LANG_COOKIE, safeNext, type ConsoleDeps, type ConsoleEnv } from "./context.js";
import { consoleGuard } from "./guard.js";
import { ConsolePage, homeSections, notFoundPage, Notice } from "./layout.js";
import { auditPages } from "./audit.js";
import { campaignPages } from "./campaigns.js";
import { faqPages } from "./faq.js";
import { handoverPages } from "./handover.js";
import { importPages } from "./imports.js";
import { paymentPages } from "./payments.js";
import { indicatorPages } from "./indicators.js";
import { worklistPages } from "./worklist.js";
import type { StaffArea } from "../services/staff/permissions.js";
import { wardName } from "../services/reference/wards.js";

const AREAS: readonly [StaffArea, string, (deps: ConsoleDeps) => Hono<ConsoleEnv>][] = [
  ["imports", "/imports", importPages],
  ["payments", "/payments", paymentPages],
  ["campaigns", "/campaigns", campaignPages],
  ["handover", "/handover", handoverPages],
  ["worklist", "/worklist", worklistPages],
  ["faq", "/faq", faqPages],
  ["indicators", "/indicators", indicatorPages],
  ["audit", "/audit", auditPages],
];

export function consoleRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", "data:"], styleSrc: ["'self'"], scriptSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"] },
      referrerPolicy: "same-origin",
      xFrameOptions: "DENY",
    }),
  );
  app.use("*", consoleLanguage);
  app.route("/assets", consoleAssets());
  // Pages hold personal data: never kept by the browser or a proxy.
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
  });

  // Bodies are limited before anything reads a form (the login, the guard's CSRF token): a list upload up to
  // IMPORT_MAX_BYTES (plus the form's other fields), any other form as the API's bodies.
  const tooLarge = (max: number) => (c: Parameters<typeof homePage>[0]) =>
    c.html(
      <ConsolePage c={c} title={c.var.t("errors.failedTitle")}>
        <Notice kind="error">{c.var.t("errors.tooLarge", { max: sizeText(max) })}</Notice>
      </ConsolePage>,
      413,
    );
  const uploadLimit = bodyLimit({ maxSize: deps.config.IMPORT_MAX_BYTES + 64 * 1024, onError: tooLarge(deps.config.IMPORT_MAX_BYTES) });
  const formLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge(MAX_BODY_BYTES) });
  app.use("*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    return c.req.path === "/staff/imports" || c.req.path === "/staff/payments/imports" ? uploadLimit(c, next) : formLimit(c, next);
  });
  // After the limits: it reads a form's body (Hono keeps it for the page).
  app.use("*", refuseNulCharacters());

  app.get("/lang/:lng", (c) => {
    const lng = c.req.param("lng") === "en" ? "en" : "vi";
    setCookie(c, LANG_COOKIE, lng, { path: "/staff", sameSite: "Lax", maxAge: 365 * 86_400, secure: isHttps(c.req.url, c.req.header("x-forwarded-proto")) });
    return c.redirect(safeNext(c.req.query("next")), 303);
  });

  app.get("/login", async (c) => {
    if (await resolveStaffSession(deps, c)) return c.redirect(safeNext(c.req.query("next")), 303);
    return c.html(loginPage(c, { next: safeNext(c.req.query("next")), message: c.req.query("expired") ? "expired" : c.req.query("loggedOut") ? "loggedOut" : null }));
  });

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const username = typeof body.username === "string" ? body.username.trim() : "";
    const password = typeof body.password === "string" ? body.password : "";
    const next = safeNext(typeof body.next === "string" ? body.next : null);
    // A login form posted from another site (login CSRF) is refused like any other forged form.
    const site = c.req.header("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") return c.html(loginPage(c, { next, error: "csrf", username }), 403);
    if (!username || !password) return c.html(loginPage(c, { next, error: "missing", username }), 422);
    try {
      const r = await deps.logins.login({ username, password, client: clientKey(clientAddress(c, deps.config.TRUST_PROXY_HOPS)), requestId: c.var.requestId });
      setCookie(c, STAFF_COOKIE, r.token, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c.req.url, c.req.header("x-forwarded-proto")), maxAge: Math.floor(STAFF_SESSION_MS / 1000) });
      return c.redirect(next, 303);
    } catch (err) {
      if (err instanceof RetryLater) {
        c.header("retry-after", String(err.retryAfterSeconds));
        const until = new Date(deps.now().getTime() + err.retryAfterSeconds * 1000);
        return c.html(loginPage(c, { next, error: err.status === 429 ? "locked" : "busy", username, until }), err.status);
      }
      if (err instanceof DomainError && err.status === 401) return c.html(loginPage(c, { next, error: "wrong", username }), 401);
      throw err;
    }
  });

  app.post("/logout", async (c) => {
    const session = await resolveStaffSession(deps, c);
    if (session) await staffLogout(deps, session.token);
    deleteCookie(c, STAFF_COOKIE, { path: "/" });
    return c.redirect("/staff/login?loggedOut=1", 303);
  });


  app.use("/", consoleGuard(deps, "session"));
  app.get("/", async (c) => {
    const wardCode = c.var.staff.wardCode;
    return c.html(homePage(c, { ward: wardCode ? await wardName(deps.db, wardCode) : null }));
  });

  for (const [area, path, pages] of AREAS) {
    app.use(path, consoleGuard(deps, area));
    app.use(`${path}/*`, consoleGuard(deps, area));
    app.route(path, pages(deps));
  }

  app.all("*", consoleGuard(deps, "session"), (c) => c.html(notFoundPage(c), 404));

  app.onError((err, c) => {
    if (err instanceof DomainError && err.code === "csrf_failed") {
      return c.html(
        <ConsolePage c={c} title={c.var.t("errors.failedTitle")}>
          <Notice kind="error">{c.var.t("errors.csrf")}</Notice>
        </ConsolePage>,
        403,
      );
    }
    if (err instanceof DomainError && err.status === 404 && c.get("staff")) return c.html(notFoundPage(c), 404);
    throw err;
  });
  return app;
}

function isHttps(url: string, forwardedProto: string | undefined): boolean {
  return url.startsWith("https:") || forwardedProto === "https";
}

type LoginError = "wrong" | "locked" | "busy" | "missing" | "csrf";

function loginPage(c: Parameters<typeof homePage>[0], opts: { next: string; error?: LoginError; message?: "expired" | "loggedOut" | null; username?: string; until?: Date | null }) {
  const t = c.var.t;
  const error =
    opts.error === "locked"
      ? t("login.locked", { time: opts.until ? formatVietnamDateTime(opts.until) : "15 phút" })
      : opts.error === "csrf"
        ? t("errors.csrf")
        : opts.error
          ? t(`login.${opts.error}`)
          : null;
  return (
    <ConsolePage c={c} title={t("login.title")}>
      <p>{t("login.intro")}</p>
      {opts.message && <Notice kind="info">{t(`login.${opts.message}`)}</Notice>}
      {error && (
        <Notice kind="error">
          <span data-testid="login-error" data-error={opts.error}>
            {error}
          </span>
        </Notice>
      )}
      <form method="post" action="/staff/login" class="card" data-testid="login-form">
        <input type="hidden" name="next" value={opts.next} />
        <div class="field">
          <label for="username">{t("login.username")}</label>
          <input type="text" id="username" name="username" autocomplete="username" required value={opts.username ?? ""} autocapitalize="none" spellcheck={false} />
        </div>
        <div class="field">
          <label for="password">{t("login.password")}</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="button" data-testid="login-submit">
          {t("login.submit")}
        </button>
      </form>
    </ConsolePage>
  );
}

function homePage(c: import("./context.js").ConsoleContext, view: { ward: string | null }) {
  const t = c.var.t;
  const staff = c.var.staff;
  const handover = c.var.handoverWaiting ?? null;
  return (
    <ConsolePage c={c} title={t("home.title")} section="home">
      <p>{t("home.intro")}</p>
      {staff.agency && <p>{t("home.scopeAgency", { agency: staff.agency })}</p>}
      {view.ward && <p>{t("home.scopeWard", { ward: view.ward })}</p>}
      {handover && handover.waiting > 0 && (
        <p>
          <a href="/staff/handover" data-testid="home-handover-waiting" data-waiting={String(handover.waiting)}>
            {t("home.handoverWaiting", { count: handover.waiting, shared: handover.sharedUnclaimed })}
          </a>
        </p>
      )}
      <div class="grid">
        {homeSections(c).map((area) => (
          <a class="card" href={`/staff/${area}`} data-testid={`home-${area}`}>
            <strong>{t(`nav.${area}`)}</strong>
            <br />
            <span class="muted">{t(`home.areas.${area}`)}</span>
          </a>
        ))}
      </div>
    </ConsolePage>
  );
}


