import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { APP_NAMESPACES } from "../i18n/app-t";
import { useAppServices } from "../session/app-services-context";

/** The public-service hotline (1022): citizens who cannot go on in the app are never left stuck. */
export const HOTLINE = "1022";

/** A `tel:` link; inside Zalo, Zalo's dialer API (tel: links do not always work in its webview). */
export function HotlineButton() {
  const { t } = useTranslation(APP_NAMESPACES);
  const { env, zalo } = useAppServices();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!env.insideZalo) return;
    e.preventDefault();
    void zalo.callPhone(HOTLINE).then((r) => {
      if (!r.ok) window.location.href = `tel:${HOTLINE}`;
    });
  };
  return (
    <a className="button-link" href={`tel:${HOTLINE}`} onClick={onClick} data-testid="hotline-button">
      {t("actions.hotline")}
    </a>
  );
}
