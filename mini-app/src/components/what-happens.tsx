import { useTranslation } from "react-i18next";
import type { DraftView } from "@hccd/shared";
import { formatDate } from "../format/dates";
import { APP_NAMESPACES } from "../i18n/app-t";

/**
 * What consenting does, before it is asked for: what is sent, to whom, why, at what cost, by when,
 * and that nothing leaves without consent.
 */
export function WhatHappens(props: { view: DraftView; wardName: string | null }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const ward = props.wardName ?? t("whatHappens.wardNotChosen");
  return (
    <section className="card what-happens" aria-labelledby="what-happens-title" data-testid="what-happens">
      <h2 id="what-happens-title" className="card__title">
        {t("whatHappens.heading")}
      </h2>
      <ul className="plain-list">
        <li>{t("whatHappens.what")}</li>
        <li data-testid="what-happens-to-whom">{t("whatHappens.toWhom", { ward })}</li>
        <li>{t("whatHappens.why", { code: props.view.procedureCode })}</li>
        <li>{t("whatHappens.fee")}</li>
        <li data-testid="what-happens-deadline">{t("whatHappens.deadline", { date: formatDate(props.view.dueBy) })}</li>
        <li>
          <strong>{t("whatHappens.consentFirst")}</strong>
        </li>
        <li>{t("whatHappens.canChange")}</li>
      </ul>
    </section>
  );
}
