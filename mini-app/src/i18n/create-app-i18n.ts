import type { i18n as I18n } from "i18next";
import { createClientI18n, LANGUAGES, type Language } from "@hccd/shared/client";
import type { Preferences } from "../services/preferences";

export const LANGUAGE_KEY = "hccd.language";

function isLanguage(v: string | null): v is Language {
  return (LANGUAGES as readonly string[]).includes(v ?? "");
}

/**
 * The app's i18next instance, from the shared resources (Vietnamese is the default and the
 * fallback). The citizen's choice is remembered on the device and reflected in `<html lang>`.
 */
export function createAppI18n(deps: { preferences: Preferences; document: Document }): I18n {
  const stored = deps.preferences.get(LANGUAGE_KEY);
  const i18n = createClientI18n(isLanguage(stored) ? stored : "vi");
  const reflect = (lng: string) => {
    deps.document.documentElement.lang = lng;
    deps.document.title = i18n.t("app:title");
  };
  reflect(i18n.language);
  // Inside Zalo the stored choice arrives with the SDK, after the first screen.
  if (!isLanguage(stored)) {
    void deps.preferences.restore(LANGUAGE_KEY).then((later) => {
      if (isLanguage(later) && later !== i18n.language) void i18n.changeLanguage(later);
    });
  }
  i18n.on("languageChanged", (lng: string) => {
    reflect(lng);
    deps.preferences.set(LANGUAGE_KEY, lng);
  });
  return i18n;
}

export function otherLanguage(current: string): Language {
  return current === "en" ? "vi" : "en";
}
