import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { ErrorState } from "../components/error-state";
import { GuideSection } from "../components/guide-section";
import { HotlineButton } from "../components/hotline-button";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { localised } from "../i18n/localised";
import { useAppServices } from "../session/app-services-context";

/**
 * `/guide/:serviceKey`: how to carry out a procedure the system only reminds of (level 1), or files
 * through the citizen (level 2): who decides it, its code, papers, fee, where and how, how long,
 * each line with its source (`GET /api/services/{key}/guidance`), and the national portal.
 */
export function GuidancePage() {
  const { t, i18n } = useTranslation(APP_NAMESPACES);
  const { serviceKey = "" } = useParams();
  const { api } = useAppServices();
  const navigate = useNavigate();
  const { state, reload } = useResource(`guidance:${serviceKey}`, () => api.guidance(serviceKey));

  return (
    <Page className="page" data-testid="guidance-page">
      <PageHeader title={t("guidance.title")} onBack={() => navigate("/", { replace: true })} />
      <main className="page-body">
        {state.status === "loading" && <LoadingState text={t("guidance.loading")} />}
        {state.status === "error" && <ErrorState error={state.error} message={state.error.status === 404 ? t("guidance.notFound") : undefined} onRetry={state.error.status === 404 ? undefined : () => void reload()} hotline />}
        {state.status === "ready" && (
          <>
            <h1 className="heading" data-testid="guidance-title">
              {localised(state.data.serviceName, i18n.language)}
            </h1>
            <p>{t("guidance.intro")}</p>
            <p data-testid="guidance-agency">{t("guidance.agency", { agency: localised(state.data.agency, i18n.language) })}</p>
            <p data-testid="guidance-codes">{state.data.procedureCodes.length ? t("guidance.codes", { codes: state.data.procedureCodes.join(", ") }) : t("guidance.codesUnknown")}</p>
            <GuideSection title={t("guidance.papers")} lines={state.data.papers} testId="guidance-papers" />
            <GuideSection title={t("guidance.fee")} lines={[state.data.fee]} testId="guidance-fee" />
            <GuideSection title={t("guidance.where")} lines={state.data.where} testId="guidance-where" />
            <GuideSection title={t("guidance.duration")} lines={[state.data.duration]} testId="guidance-duration" />
            {state.data.deadline && <GuideSection title={t("guidance.deadline")} lines={[state.data.deadline]} testId="guidance-deadline" />}
            {state.data.result && <GuideSection title={t("guidance.result")} lines={[state.data.result]} testId="guidance-result" />}
            <a className="button-link" href={state.data.portalUrl} target="_blank" rel="noopener noreferrer" data-testid="guidance-portal">
              {t("guidance.portal")}
            </a>
            <p className="muted">{t("guidance.portalHint")}</p>
            <HotlineButton />
          </>
        )}
      </main>
    </Page>
  );
}
