import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { PhoneLinkStep } from "../components/phone-link-step";
import { APP_NAMESPACES } from "../i18n/app-t";
import { toApiError, type ApiError } from "../services/api-error";
import { useAppServices } from "../session/app-services-context";
import { useProfile } from "../session/profile-context";

/**
 * `/renew/:documentId`: where a reminder's button lands (`?service=&document=`). Asks the server
 * for the document's renewal draft (prepared on the first visit) and opens it; the citizen is
 * recognised as the holder by the phone they verified, so that comes first.
 */
export function RenewalLandingPage() {
  const { t } = useTranslation(APP_NAMESPACES);
  const { documentId = "" } = useParams();
  const [search] = useSearchParams();
  const serviceKey = search.get("service");
  const { api } = useAppServices();
  const { profile } = useProfile();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!profile.phoneLinked) return;
    let live = true;
    setError(null);
    api.openRenewal(documentId).then(
      (view) => live && navigate(`/draft/${encodeURIComponent(view.id)}`, { replace: true }),
      (raw: unknown) => live && setError(toApiError(raw)),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, navigate, profile.phoneLinked, attempt]);

  // A service that prepares no draft (level 1; a reminder sent before its link pointed at the guide):
  // its procedure guide, not a dead end.
  const noDraft = error?.code === "no_draft";
  useEffect(() => {
    if (noDraft && serviceKey) navigate(`/guide/${encodeURIComponent(serviceKey)}`, { replace: true });
  }, [navigate, noDraft, serviceKey]);

  const message = error?.code === "no_draft" ? t("landing.noDraft") : error?.status === 404 ? t("landing.notFound") : undefined;
  return (
    <Page className="page" data-testid="renewal-landing">
      <PageHeader title={t("draft.pageTitle")} onBack={() => navigate("/", { replace: true })} />
      <main className="page-body">
        {!profile.phoneLinked ? (
          <PhoneLinkStep reason="holder" />
        ) : error ? (
          <>
            <ErrorState error={error} message={message} onRetry={message ? undefined : () => setAttempt((n) => n + 1)} hotline />
            <Link className="button-link" to="/">
              {t("draft.backToList")}
            </Link>
          </>
        ) : (
          <LoadingState text={t("landing.preparing")} />
        )}
      </main>
    </Page>
  );
}
