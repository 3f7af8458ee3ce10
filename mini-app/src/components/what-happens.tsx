import { useTranslation } from "react-i18next";
import type { DraftView } from "@hccd/shared/client";
import { formatDate } from "../format/dates";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised, lowerFirst } from "../i18n/localised";

/**
 * What consenting does, before it is asked for: what is sent, to whom, why, at what cost, by when,
 * and that nothing leaves without consent. Each kind of draft has its own wording, pinned to its
 * consent text version (shared/src/i18n/consent-text.test.ts).
 */
export function WhatHappens(props: { view: DraftView; wardName: string | null }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { view } = props;
  const ward = props.wardName ?? t("whatHappens.wardNotChosen");
  const date = formatDate(view.dueBy);
  const code = view.procedureCode ?? "";
  // Level 2: the citizen files the prepared dossier themselves; nothing is sent (shared/domain/filing.ts).
  const selfFiling = view.kind === "renewal" && view.filing === "citizen";
  const items = selfFiling
    ? [
        t("whatHappensSelfFiling.what", { service: lowerFirst(localised(view.serviceName, i18n.language)) }),
        t("whatHappensSelfFiling.toWhom", { agency: localised(view.agency, i18n.language) }),
        view.procedureCode ? t("whatHappensSelfFiling.why", { code }) : t("whatHappensSelfFiling.codeUnknown"),
        t("whatHappensSelfFiling.fee"),
        t("whatHappensSelfFiling.deadline", { date }),
      ]
    : view.kind === "birth-registration"
      ? [t("whatHappens.what"), t("whatHappens.toWhom", { ward }), t("whatHappens.why", { code }), t("whatHappens.fee"), t("whatHappens.deadline", { date })]
      : view.kind === "death-registration"
        ? [t("whatHappensDeath.what"), t("whatHappensDeath.toWhom", { ward }), t("whatHappensDeath.why", { code }), t("whatHappensDeath.fee"), t("whatHappensDeath.deadline", { date })]
        : [
            t("whatHappensRenewal.what", { service: lowerFirst(localised(view.serviceName, i18n.language)) }),
            t("whatHappensRenewal.toWhom", { agency: localised(view.agency, i18n.language) }),
            t("whatHappensRenewal.why", { code }),
            t("whatHappensRenewal.fee"),
            t("whatHappensRenewal.deadline", { date }),
          ];
  return (
    <section className="card what-happens" aria-labelledby="what-happens-title" data-testid="what-happens">
      <h2 id="what-happens-title" className="card__title">
        {selfFiling ? t("whatHappensSelfFiling.heading") : t("whatHappens.heading")}
      </h2>
      <ul className="plain-list">
        {items.map((text, i) => (
          <li key={i} data-testid={i === 1 ? "what-happens-to-whom" : i === 4 ? "what-happens-deadline" : undefined}>
            {text}
          </li>
        ))}
        <li>
          <strong>{selfFiling ? t("whatHappensSelfFiling.consentFirst") : t("whatHappens.consentFirst")}</strong>
        </li>
        {view.kind !== "death-registration" && <li>{t(selfFiling ? "whatHappensSelfFiling.canChange" : view.kind === "renewal" ? "whatHappensRenewal.canChange" : "whatHappens.canChange")}</li>}
      </ul>
    </section>
  );
}
