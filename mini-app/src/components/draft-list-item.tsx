import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { DraftSummary } from "@hccd/shared";
import { formatDate } from "../format/dates";
import { APP_NAMESPACES } from "../i18n/app-t";

export function DraftListItem(props: { draft: DraftSummary }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const d = props.draft;
  const status = d.submissionStatus ? t(`common:submissionStatus.${d.submissionStatus}`) : t(`draftStatus.${d.status}`);
  return (
    <li>
      <Link
        className={`card card--link${d.status === "open" ? " card--attention" : ""}`}
        to={`/draft/${encodeURIComponent(d.id)}`}
        data-testid="draft-list-item"
        data-draft-id={d.id}
        data-status={d.status}
      >
        <span className="card__eyebrow">{t(`services.${d.service}`)}</span>
        <span className="card__title">{d.title ?? t("home.untitled")}</span>
        <span className="status-pill" data-testid="draft-list-status">
          {status}
        </span>
        {d.status === "open" && <span className="card__meta">{t("home.dueBy", { date: formatDate(d.dueBy) })}</span>}
        <span className="card__action" aria-hidden="true">
          {t("home.open")} ›
        </span>
      </Link>
    </li>
  );
}
