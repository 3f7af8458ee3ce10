import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Button, Page } from "zmp-ui";
import { BottomNav } from "../components/bottom-nav";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { PhoneLinkStep } from "../components/phone-link-step";
import { UpcomingList } from "../components/upcoming-list";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { useAppServices } from "../session/app-services-context";
import { useProfile } from "../session/profile-context";

/** What is coming for the citizen, their children and their organisations, and what to do next. */
export function HomePage() {
  const { t } = useTranslation(APP_NAMESPACES);
  const services = useAppServices();
  const { api } = services;
  const { profile } = useProfile();
  // Linking the phone is what finds the citizen's drafts and documents: reload after it.
  // The list as last seen shows at once (marked as updating) while the server is asked again.
  const { state, reload } = useResource(`upcoming:${profile.phoneLinked ? "linked" : "unlinked"}`, () => services.takeWarmUpcoming() ?? api.upcoming(), {
    stale: () => services.snapshots.upcoming(),
  });
  const fresh = state.status === "ready" && !state.stale ? state.data : null;
  useEffect(() => {
    if (fresh && profile.phoneLinked) services.snapshots.save(profile, fresh);
  }, [fresh, profile, services.snapshots]);

  return (
    <Page className="page page--with-nav" data-testid="home-page">
      <PageHeader title={t("title")} />
      <main className="page-body">
        <h1 className="heading">{t("upcoming.heading")}</h1>
        <p>{t("home.intro")}</p>
        {!profile.phoneLinked && <PhoneLinkStep reason="holder" />}
        {state.status === "loading" && <LoadingState text={t("session.loading")} />}
        {state.status === "error" && <ErrorState error={state.error} onRetry={() => void reload()} />}
        {state.status === "ready" && (profile.phoneLinked ? <UpcomingList items={state.data.items} fresh={!state.stale} /> : <p className="empty">{t("home.emptyNoPhone")}</p>)}
        {state.status === "ready" && state.data.children.length > 0 && (
          <Link className="button-link" to={`/vaccination/${encodeURIComponent(state.data.children[0]!.id)}`} data-testid="vaccination-link">
            {t("upcoming.children")}
          </Link>
        )}
        {state.status === "ready" && (
          <Button variant="secondary" fullWidth size="large" loading={state.refreshing} onClick={() => void reload({ silent: true })} data-testid="drafts-refresh">
            {t("home.refresh")}
          </Button>
        )}
      </main>
      <BottomNav />
    </Page>
  );
}
