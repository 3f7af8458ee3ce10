import { useTranslation } from "react-i18next";
import { Button, Page } from "zmp-ui";
import { DraftListItem } from "../components/draft-list-item";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { PhoneLinkStep } from "../components/phone-link-step";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { useAppServices } from "../session/app-services-context";
import { useProfile } from "../session/profile-context";

/** The citizen's drafts: what is waiting for them, its status and its deadline. */
export function HomePage() {
  const { t } = useTranslation(APP_NAMESPACES);
  const { api } = useAppServices();
  const { profile } = useProfile();
  // Linking the phone is what makes the citizen a party to drafts: reload the list after it.
  const { state, reload } = useResource(`drafts:${profile.phoneLinked ? "linked" : "unlinked"}`, () => api.drafts());

  return (
    <Page className="page" data-testid="home-page">
      <PageHeader title={t("title")} />
      <main className="page-body">
        <h1 className="heading">{t("home.heading")}</h1>
        <p>{t("home.intro")}</p>
        {!profile.phoneLinked && <PhoneLinkStep />}

        {state.status === "loading" && <LoadingState text={t("session.loading")} />}
        {state.status === "error" && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === "ready" &&
          (state.data.drafts.length === 0 ? (
            <p className="empty" data-testid="draft-list-empty">
              {profile.phoneLinked ? t("home.empty") : t("home.emptyNoPhone")}
            </p>
          ) : (
            <ul className="draft-list" data-testid="draft-list">
              {state.data.drafts.map((d) => (
                <DraftListItem key={d.id} draft={d} />
              ))}
            </ul>
          ))}
        {state.status === "ready" && (
          <Button
            variant="secondary"
            fullWidth
            size="large"
            loading={state.refreshing}
            onClick={() => void reload({ silent: true })}
            data-testid="drafts-refresh"
          >
            {t("home.refresh")}
          </Button>
        )}
      </main>
    </Page>
  );
}
