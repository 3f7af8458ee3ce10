import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "zmp-ui";
import type { Profile } from "@hccd/shared/client";
import { ErrorState } from "../components/error-state";
import { LoadingState } from "../components/loading-state";
import { PageHeader } from "../components/page-header";
import { useResource } from "../hooks/use-resource";
import { APP_NAMESPACES } from "../i18n/app-t";
import { useAppServices } from "./app-services-context";

interface ProfileContextValue {
  profile: Profile;
  /** After `POST /api/me/phone` answers with the updated profile. */
  setProfile(profile: Profile): void;
}

const ProfileContext = createContext<ProfileContextValue | null>(null);

/**
 * Signs the citizen in (Zalo token, or the dev identity on a dev host) and loads `GET /api/me`
 * before any screen shows; a failure shows why, with a retry.
 */
export function ProfileProvider(props: { children: ReactNode }) {
  const { t } = useTranslation(APP_NAMESPACES);
  const services = useAppServices();
  const { state, reload, set } = useResource("profile", () => services.takeWarmProfile() ?? services.api.profile(), {
    stale: () => services.snapshots.profile(),
  });
  const setProfile = useCallback((p: Profile) => set(p), [set]);
  const value = useMemo(() => (state.status === "ready" ? { profile: state.data, setProfile } : null), [state, setProfile]);

  if (value) return <ProfileContext.Provider value={value}>{props.children}</ProfileContext.Provider>;
  return (
    <Page className="page">
      <PageHeader title={t("title")} />
      <main className="page-body">
        {state.status === "error" ? (
          <>
            <h1 className="heading">{t("session.failedTitle")}</h1>
            <ErrorState error={state.error} onRetry={() => void reload()} hotline />
          </>
        ) : (
          <LoadingState text={t("session.loading")} />
        )}
      </main>
    </Page>
  );
}

export function useProfile(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error("useProfile() outside <ProfileProvider>");
  return value;
}
