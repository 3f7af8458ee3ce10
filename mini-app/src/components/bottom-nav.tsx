import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { APP_NAMESPACES } from "../i18n/app-t";

/** Three places, always in reach of a thumb; each a large target with words, not only icons. */
export function BottomNav() {
  const { t } = useTranslation(APP_NAMESPACES);
  const item = (to: string, label: string, testId: string) => (
    <NavLink to={to} end className={({ isActive }) => `bottom-nav__item${isActive ? " bottom-nav__item--active" : ""}`} data-testid={testId}>
      {label}
    </NavLink>
  );
  return (
    <nav className="bottom-nav" aria-label={t("nav.label")}>
      {item("/", t("nav.home"), "nav-home")}
      {item("/faq", t("nav.faq"), "nav-faq")}
      {item("/settings", t("nav.settings"), "nav-settings")}
    </nav>
  );
}
