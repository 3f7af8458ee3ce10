import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { vietnamDate } from "@hccd/shared/client";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { formatDate } from "../format/dates";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";
import { useAppServices } from "../session/app-services-context";

/**
 * `/vaccination/:childId`: the child's calendar from the Ministry of Health's schedule (the same
 * rules the reminders use, `GET /api/rules/vaccination-schedule`). We hold no record of doses
 * given, so past doses say "past" and how to catch up, never "done".
 */
export function VaccinationPage() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { childId = "" } = useParams();
  const { api } = useAppServices();
  const navigate = useNavigate();
  const { state, reload } = useResource(`vaccination:${childId}`, async () => {
    const { children } = await api.upcoming();
    const child = children.find((c) => c.id === childId) ?? null;
    return { child, children, schedule: child ? await api.vaccinationSchedule(child.dateOfBirth) : null };
  });
  const today = vietnamDate(new Date());

  return (
    <Page className="page" data-testid="vaccination-page">
      <PageHeader title={t("vaccination.title")} onBack={() => navigate("/", { replace: true })} />
      <main className="page-body">
        <h1 className="heading">{t("vaccination.title")}</h1>
        {state.status === "loading" && <LoadingState text={t("session.loading")} />}
        {state.status === "error" && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === "ready" && !state.data.child && <p className="empty">{t("vaccination.noChildren")}</p>}
        {state.status === "ready" && state.data.child && state.data.schedule && (
          <>
            <p className="big-text" data-testid="vaccination-child">
              {state.data.child.name ?? t("upcoming.childUnnamed", { date: formatDate(state.data.child.dateOfBirth) })} · {t("vaccination.bornOn", { date: formatDate(state.data.child.dateOfBirth) })}
            </p>
            <p>{t("vaccination.intro")}</p>
            <ol className="timeline" data-testid="vaccination-list">
              {(() => {
                let nextMarked = false;
                return state.data.schedule.doses.map((d) => {
                  const past = (d.latestOn ?? d.dueOn) < today;
                  const isNext = !past && !nextMarked;
                  if (isNext) nextMarked = true;
                  const tag = past ? t("vaccination.past") : isNext ? t("vaccination.next") : t("vaccination.upcoming");
                  return (
                    <li key={`${d.vaccine}#${d.dose}`} className={`timeline__item${isNext ? " timeline__item--current" : ""}`} data-testid="vaccination-dose" data-state={past ? "past" : isNext ? "next" : "upcoming"}>
                      <strong>{localised(d.name, i18n.language)}</strong>
                      <span>
                        {t("vaccination.from", { date: formatDate(d.dueOn) })}
                        {d.latestOn ? ` ${t("vaccination.until", { date: formatDate(d.latestOn) })}` : ""}
                      </span>
                      <span className="status-pill">{tag}</span>
                    </li>
                  );
                });
              })()}
            </ol>
            <p className="muted">{t("vaccination.pastNote")}</p>
            <p className="muted">{t("vaccination.source", { source: state.data.schedule.source })}</p>
          </>
        )}
      </main>
    </Page>
  );
}
