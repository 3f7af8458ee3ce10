import { useTranslation } from "react-i18next";
import { Button } from "zmp-ui";
import { APP_NAMESPACES } from "../i18n/app-t";
import { otherLanguage } from "../i18n/create-app-i18n";

/** Switches between Vietnamese and English; the button names the language it switches to. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const next = otherLanguage(i18n.language);
  return (
    <Button
      className="language-toggle"
      variant="tertiary"
      size="small"
      lang={next}
      aria-label={t("language.toggleLabel")}
      data-testid="language-toggle"
      onClick={() => void i18n.changeLanguage(next)}
    >
      {t("language.toggle")}
    </Button>
  );
}
