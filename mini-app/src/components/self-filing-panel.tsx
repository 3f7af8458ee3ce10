import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { DraftView } from "@hccd/shared/client";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";

/**
 * A level-2 dossier once confirmed: it is ready for the citizen to file (we send nothing), with
 * the way to the procedure guide that says where and how.
 */
export function SelfFilingPanel(props: { view: DraftView }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { view } = props;
  return (
    <section className="card" data-testid="self-filing" aria-labelledby="self-filing-title">
      <h2 id="self-filing-title" className="card__title">
        {t("selfFiling.heading")}
      </h2>
      <p>{t("selfFiling.body", { agency: localised(view.agency, i18n.language) })}</p>
      <p data-testid="self-filing-code">{view.procedureCode ? t("whatHappensSelfFiling.why", { code: view.procedureCode }) : t("whatHappensSelfFiling.codeUnknown")}</p>
      <Link className="button-link" to={`/draft/${encodeURIComponent(view.id)}/copy`} data-testid="self-filing-copy">
        {t("selfFiling.openCopy")}
      </Link>
      <Link className="button-link" to={`/guide/${encodeURIComponent(view.service)}`} data-testid="self-filing-guide">
        {t("selfFiling.openGuidance")}
      </Link>
    </section>
  );
}
