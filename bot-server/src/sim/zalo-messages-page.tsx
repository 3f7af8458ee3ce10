/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { raw } from "hono/html";
import { formatVnPhone, i18nFor, normalizeVnPhone, type Language } from "@hccd/shared";
import type { SimMessage, ZaloSimulator } from "../adapters/zalo/simulator.js";
import { formatVietnamDateTime } from "../console/format.js";

/**
 * The Zalo simulator's message list as a person reads it (`/sim/zalo/messages` in a browser, the
 * link `pnpm start` prints): each message's text, time, channel and a button that opens its link,
 * as Zalo would show it. Server-rendered, no script, usable at 390 px; texts through i18next.
 */

/** A browser asks for HTML; programs (fetch, curl, the tests) get JSON unless they ask. `?format=json|html` decides outright. */
export function wantsMessagesPage(c: Context): boolean {
  const format = c.req.query("format");
  if (format === "json" || format === "html") return format === "html";
  return accepts(c, { header: "Accept", supports: ["application/json", "text/html"], default: "application/json" }) === "text/html";
}

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1f24; background: #eef1f5; }
* { box-sizing: border-box; }
body { margin: 0; }
a { color: #0842a0; }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
header { background: #0842a0; color: #fff; padding: 0.75rem 1rem; }
header .env { margin: 0; font-size: 0.9rem; }
header .bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0 1rem; }
header h1 { font-size: 1.3rem; margin: 0.25rem 0; overflow-wrap: anywhere; }
header a { color: #fff; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
.target { display: inline-flex; align-items: center; min-height: 44px; }
form { background: #fff; border: 1px solid #c9d0d9; border-radius: 8px; padding: 0.75rem 1rem; }
label { display: block; font-weight: 600; }
.hint { margin: 0.15rem 0 0.35rem; color: #4a5563; font-size: 0.9rem; }
.field-error { margin: 0.15rem 0 0.35rem; color: #b3261e; font-weight: 600; }
input { font: inherit; width: 100%; min-height: 44px; padding: 0.5rem 0.6rem; border: 1px solid #6b7685; border-radius: 6px; }
input[aria-invalid="true"] { border: 2px solid #b3261e; }
button, .button { display: flex; align-items: center; justify-content: center; min-height: 44px; margin-top: 0.5rem; padding: 0.5rem 1rem; border-radius: 8px; font: inherit; font-weight: 600; text-align: center; text-decoration: none; overflow-wrap: anywhere; }
button { border: 0; background: #0842a0; color: #fff; cursor: pointer; width: 100%; }
.tools { display: flex; flex-wrap: wrap; gap: 0 1.25rem; margin: 0.5rem 0; }
.messages { list-style: none; margin: 0; padding: 0; }
.message { background: #fff; border: 1px solid #c9d0d9; border-radius: 12px; padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0 0.75rem; margin: 0 0 0.4rem; color: #4a5563; font-size: 0.9rem; }
.channel { font-weight: 600; color: #1b1f24; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.button { border: 1px solid #0842a0; background: #fff; color: #0842a0; }
.quiet { color: #4a5563; margin: 0.5rem 0 0; font-size: 0.9rem; }
`;

interface Shown {
  lang: Language;
  /** Who the list is for, as the form and the heading show it. */
  who?: string;
  /** The list's own query (normalised phone or user id), for the reload, JSON and language links. */
  query?: URLSearchParams;
  phoneValue: string;
  phoneError?: string;
  messages?: SimMessage[];
}

const isWebLink = (url: string | undefined): url is string => Boolean(url && /^https?:\/\//i.test(url));

function MessageItem(props: { m: SimMessage; t: (key: string, params?: Record<string, unknown>) => string }) {
  const { m, t } = props;
  return (
    <li class="message">
      <p class="meta">
        <span class="channel">{t(`sim:messages.channel.${m.channel}`)}</span>
        <span>
          {t("sim:messages.sentAt")} <time datetime={m.sentAt}>{formatVietnamDateTime(new Date(m.sentAt))}</time> ({t("sim:messages.vietnamTime")})
        </span>
      </p>
      <p class="text">{m.text}</p>
      {m.buttons.map((b) =>
        isWebLink(b.url) ? (
          <a class="button" href={b.url}>{b.title}</a>
        ) : (
          <p class="quiet">{b.payload !== undefined ? t("sim:messages.quickReply", { title: b.title }) : t("sim:messages.linkless", { title: b.title })}</p>
        ),
      )}
    </li>
  );
}

function Page(props: { path: string; shown: Shown }) {
  const { path, shown } = props;
  const t = i18nFor(shown.lang).t;
  const other: Language = shown.lang === "vi" ? "en" : "vi";
  const link = (extra: Record<string, string>) => {
    const q = new URLSearchParams(shown.query);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    if (shown.lang === "en" && !("lang" in extra)) q.set("lang", "en");
    if (q.get("lang") === "vi") q.delete("lang");
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const title = shown.who ? t("sim:messages.titleFor", { who: shown.who }) : t("sim:messages.title");
  const messages = shown.messages ? [...shown.messages].reverse() : undefined;
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang={shown.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="same-origin" />
          <title>{`${title} · ${t("sim:messages.pageTitleSuffix")}`}</title>
          <style>{raw(CSS)}</style>
        </head>
        <body>
          <header>
            <p class="env">{t("sim:environment")}</p>
            <div class="bar">
              <h1>{title}</h1>
              <a class="target" href={link({ lang: other })} lang={other}>
                {t(`staff:languageNames.${other}`)}
              </a>
            </div>
          </header>
          <main>
            <p>{t("sim:messages.intro")}</p>
            <p class="quiet">{t("sim:messages.night")}</p>
            <form method="get" action={path} novalidate>
              <label for="phone">{t("sim:messages.phoneLabel")}</label>
              <p class="hint" id="phone-hint">{t("sim:messages.phoneHint")}</p>
              {shown.phoneError && (
                <p class="field-error" id="phone-error">
                  {t("sim:messages.fieldError", { field: t("sim:messages.phoneLabel"), message: shown.phoneError })}
                </p>
              )}
              <input
                id="phone"
                name="phone"
                type="tel"
                inputmode="tel"
                autocomplete="tel"
                value={shown.phoneValue}
                aria-describedby={shown.phoneError ? "phone-hint phone-error" : "phone-hint"}
                aria-invalid={shown.phoneError ? "true" : undefined}
              />
              {shown.lang === "en" && <input type="hidden" name="lang" value="en" />}
              <button type="submit">{t("sim:messages.show")}</button>
            </form>
            {shown.query && (
              <p class="tools">
                <a class="target" href={link({})}>{t("sim:messages.reload")}</a>
                <a class="target" href={link({ format: "json" })}>{t("sim:messages.json")}</a>
              </p>
            )}
            {messages === undefined ? (
              !shown.phoneError && <p>{t("sim:messages.askPhone")}</p>
            ) : messages.length === 0 ? (
              <>
                <p>{t("sim:messages.empty", { who: shown.who })}</p>
                <p class="quiet">{t("sim:messages.emptyHint")}</p>
              </>
            ) : (
              <section aria-labelledby="list-heading">
                <h2 id="list-heading">{t("sim:messages.count", { count: messages.length })}</h2>
                <ol class="messages">
                  {messages.map((m) => (
                    <MessageItem m={m} t={t} />
                  ))}
                </ol>
              </section>
            )}
          </main>
        </body>
      </html>
    </>
  );
}

/** The page for `?phone=` or `?userId=` (`?lang=en` for English); a bad phone is refused next to its field (422). */
export function zaloMessagesPage(c: Context, sim: ZaloSimulator) {
  const lang: Language = c.req.query("lang") === "en" ? "en" : "vi";
  const t = i18nFor(lang).t;
  const phoneInput = c.req.query("phone")?.trim();
  const userId = c.req.query("userId")?.trim();
  let shown: Shown = { lang, phoneValue: phoneInput ?? "" };
  let status: 200 | 422 = 200;
  if (phoneInput) {
    const phone = normalizeVnPhone(phoneInput);
    if (phone.ok) {
      const who = formatVnPhone(phone.value);
      shown = { lang, who, phoneValue: who, query: new URLSearchParams({ phone: phone.value }), messages: sim.messages({ phone: phone.value, ...(userId ? { userId } : {}) }) };
    } else {
      shown = { ...shown, phoneError: t("sim:messages.phoneInvalid") };
      status = 422;
    }
  } else if (userId) {
    shown = { lang, who: t("sim:messages.user", { userId }), phoneValue: "", query: new URLSearchParams({ userId }), messages: sim.messages({ userId }) };
  }
  return c.html(<Page path={c.req.path} shown={shown} />, status);
}
