import { useTranslation } from "react-i18next";
import { Header } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";
import { LanguageToggle } from "./language-toggle";

/**
 * zmp-ui's Header (Zalo's own action bar is hidden in app-config.json) with the language toggle
 * beside it. Sticky rather than fixed (see app.css) so a title that wraps at large text sizes
 * pushes the content down instead of covering it.
 */
export function PageHeader(props: { title: string; onBack?: () => void }) {
  const { t } = useTranslation(APP_NAMESPACES);
  return (
    <div className="page-header">
      <Header
        className="page-header__bar"
        title={props.title}
        showBackIcon={Boolean(props.onBack)}
        onBackClick={props.onBack}
        backIcon={
          <span className="page-header__back">
            {/* Inline, not zmp-ui's Icon: its icon font is served from Zalo's CDN, absent outside Zalo. */}
            <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="visually-hidden">{t("actions.back")}</span>
          </span>
        }
      />
      <LanguageToggle />
    </div>
  );
}
