import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Route, Routes, useNavigate } from "react-router-dom";
import { LoadingState } from "./components/loading-state";
import { APP_NAMESPACES } from "./i18n/app-t";
import { HomePage } from "./pages/home-page";
import { useAppServices } from "./session/app-services-context";

// Only the home screen is in the first download: a cheap phone on a slow network shows it first,
// and each other screen is fetched when it is opened (route chunks, see bench/bundle-size).
const DraftPage = lazy(() => import("./pages/draft-page").then((m) => ({ default: m.DraftPage })));
const RenewalLandingPage = lazy(() => import("./pages/renewal-landing-page").then((m) => ({ default: m.RenewalLandingPage })));
const VaccinationPage = lazy(() => import("./pages/vaccination-page").then((m) => ({ default: m.VaccinationPage })));
const FaqPage = lazy(() => import("./pages/faq-page").then((m) => ({ default: m.FaqPage })));
const SettingsPage = lazy(() => import("./pages/settings-page").then((m) => ({ default: m.SettingsPage })));

/** `?draft=<id>` or `?service=&document=` in the link the app was opened with: straight there, once. */
function LaunchRedirect() {
  const { launch } = useAppServices();
  const navigate = useNavigate();
  useEffect(() => {
    // No "still mounted" guard: the target is taken once, and React's strict mode runs this effect
    // twice; the first run's answer must still navigate.
    void launch.take().then(({ draftId, documentId }) => {
      if (draftId) navigate(`/draft/${encodeURIComponent(draftId)}`, { replace: true });
      else if (documentId) navigate(`/renew/${encodeURIComponent(documentId)}`, { replace: true });
    });
  }, [launch, navigate]);
  return null;
}

function RouteLoading() {
  const { t } = useTranslation(APP_NAMESPACES);
  return <LoadingState text={t("session.loading")} />;
}

export function AppRoutes() {
  return (
    <>
      <LaunchRedirect />
      <Suspense fallback={<RouteLoading />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/draft/:id" element={<DraftPage />} />
          <Route path="/renew/:documentId" element={<RenewalLandingPage />} />
          <Route path="/vaccination/:childId" element={<VaccinationPage />} />
          <Route path="/faq" element={<FaqPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </Suspense>
    </>
  );
}
