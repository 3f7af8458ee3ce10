import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { UpcomingItem } from "@hccd/shared/client";
import { formatDate } from "../format/dates";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";

/** What is coming, soonest first, each with the one thing to do next. */
export function UpcomingList(props: { items: readonly UpcomingItem[]; /** False while a copy from an earlier open is shown. */ fresh: boolean }) {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  if (props.items.length === 0) {
    return (
      <p className="empty" data-testid="upcoming-empty">
        {t("upcoming.empty")}
      </p>
    );
  }
  return (
    <ul className="draft-list" data-testid="upcoming-list" data-fresh={props.fresh} aria-busy={!props.fresh}>
      {props.items.map((item) => {
        const a = item.action;
        // A document of a service with no draft (level 1): its procedure guide, never a dead end.
        const guide = a.type === "none" && item.kind === "document";
        const to = a.type === "open_draft" ? `/draft/${encodeURIComponent(a.draftId)}` : a.type === "prepare_renewal" ? `/renew/${encodeURIComponent(a.documentId)}` : a.type === "vaccination" ? `/vaccination/${encodeURIComponent(a.childId)}` : guide ? `/guide/${encodeURIComponent(item.serviceKey)}` : null;
        const label = a.type === "open_draft" ? t("upcoming.open") : a.type === "prepare_renewal" ? t("upcoming.prepare") : a.type === "vaccination" ? t("upcoming.vaccination") : guide ? t("upcoming.guide") : null;
        const when = item.kind === "vaccination" ? t("upcoming.vaccinationFrom", { date: formatDate(item.dueOn) }) : item.kind === "document" ? t("upcoming.expiresOn", { date: formatDate(item.dueOn) }) : t("upcoming.dueOn", { date: formatDate(item.dueOn) });
        const body = (
          <>
            <span className="card__eyebrow">
              {t(`upcoming.whose.${item.whose}`)} · {localised(item.serviceName, i18n.language)}
            </span>
            <span className="card__title">{item.subject ?? (item.kind === "draft" ? t("home.untitled") : "")}</span>
            {item.status && <span className="status-pill" data-testid="upcoming-status">{item.status === "consented" && item.filing === "citizen" ? t("draftStatus.consentedSelfFiling") : t(`draftStatus.${item.status}`)}</span>}
            <span className="card__meta" data-testid="upcoming-when">
              {when}
            </span>
            {item.actBy && <span className="card__meta">{t("upcoming.actBy", { date: formatDate(item.actBy) })}</span>}
            {label ? (
              <span className="card__action" aria-hidden="true">
                {label} ›
              </span>
            ) : (
              <span className="card__meta">{t("upcoming.none")}</span>
            )}
          </>
        );
        return (
          <li key={item.id}>
            {to ? (
              <Link
                className={`card card--link${item.status === "open" ? " card--attention" : ""}`}
                to={to}
                data-testid="upcoming-item"
                data-kind={item.kind}
                data-service={item.serviceKey}
              >
                {body}
              </Link>
            ) : (
              <div className="card" data-testid="upcoming-item" data-kind={item.kind} data-service={item.serviceKey}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
