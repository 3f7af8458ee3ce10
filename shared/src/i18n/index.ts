import i18next, { type i18n as I18n } from "i18next";
import { app as viApp } from "./vi/app.js";
import { common as viCommon } from "./vi/common.js";
import { notifications as viNotifications } from "./vi/notifications.js";
import { bot as viBot } from "./vi/bot.js";
import { cli as viCli } from "./vi/cli.js";
import { staff as viStaff } from "./vi/staff.js";
import { sim as viSim } from "./vi/sim.js";
import { app as enApp } from "./en/app.js";
import { common as enCommon } from "./en/common.js";
import { notifications as enNotifications } from "./en/notifications.js";
import { bot as enBot } from "./en/bot.js";
import { cli as enCli } from "./en/cli.js";
import { staff as enStaff } from "./en/staff.js";
import { sim as enSim } from "./en/sim.js";
import { catalogueResources } from "../catalogue/index.js";

import { LANGUAGES, type Language } from "./client-resources.js";

export { LANGUAGES, type Language, clientResources, createClientI18n } from "./client-resources.js";

/** All resources, Vietnamese first (the default and fallback language). */
export const resources = {
  vi: { app: viApp, common: viCommon, notifications: viNotifications, bot: viBot, cli: viCli, staff: viStaff, sim: viSim, catalogue: catalogueResources("vi") },
  en: { app: enApp, common: enCommon, notifications: enNotifications, bot: enBot, cli: enCli, staff: enStaff, sim: enSim, catalogue: catalogueResources("en") },
} as const;

/**
 * A fresh, synchronously initialised i18next instance (no global singleton). Vietnamese is the
 * fallback, so a missing English string shows the Vietnamese one rather than a key.
 */
export function createI18n(lng: Language = "vi"): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: "vi",
    supportedLngs: [...LANGUAGES],
    ns: ["common", "notifications", "app", "bot", "cli", "staff", "sim", "catalogue"],
    defaultNS: "common",
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const shared = new Map<Language, I18n>();

/**
 * A ready i18next instance per language, created once and never changed (resources are static):
 * for hot paths like the bot, where creating an instance per message costs about half a
 * millisecond. Callers must not call `changeLanguage` on it; use `createI18n` for an instance of their own.
 */
export function i18nFor(lng: Language): I18n {
  let instance = shared.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    shared.set(lng, instance);
  }
  return instance;
}
