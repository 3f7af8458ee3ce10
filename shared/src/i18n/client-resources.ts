import i18next, { type i18n as I18n } from "i18next";
import { app as viApp } from "./vi/app.js";
import { common as viCommon } from "./vi/common.js";
import { app as enApp } from "./en/app.js";
import { common as enCommon } from "./en/common.js";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the Mini App shows: its screens and the shared labels (not the bot's, the CLI's or the catalogue's). */
export const clientResources = {
  vi: { app: viApp, common: viCommon },
  en: { app: enApp, common: enCommon },
} as const;

/** An i18next instance with only the Mini App's namespaces: what a phone downloads stays small. */
export function createClientI18n(lng: Language = "vi"): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: "vi",
    supportedLngs: [...LANGUAGES],
    ns: ["common", "app"],
    defaultNS: "common",
    resources: clientResources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
