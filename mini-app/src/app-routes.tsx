import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { LoadingState } from "./components/loading-state";
import { APP_NAMESPACES } from "./i18n/app-t";
import { HomePage } from "./pages/home-page";
import { useAppServices } from "./session/app-services-context";
import { launchPath } from "./services/launch-params";

// Only the home screen is in the first download: a cheap phone on a slow network shows it first,
// and each other screen is fetched when it is opened (route chunks, see bench/bundle-size).
const DraftPage = lazy(() => import("./pages/draft-page").then((m) => ({ default: m.DraftPage })));
const DossierCopyPage = lazy(() => import("./pages/dossier-copy-page").then((m) => ({ default: m.DossierCopyPage })));
const RenewalLandingPage = lazy(() => import("./pages/renewal-landing-page").then((m) => ({ default: m.RenewalLandingPage })));
const VaccinationPage = lazy(() => import("./pages/vaccination-page").then((m) => ({ default: m.VaccinationPage })));
const GuidancePage = lazy(() => import("./pages/guidance-page").then((m) => ({ default: m.GuidancePage })));
const FaqPage = lazy(() => import("./pages/faq-page").then((m) => ({ default: m.FaqPage })));
const SettingsPage = lazy(() => import("./pages/settings-page").then((m) => ({ default: m.SettingsPage })));

/**
 * Inside Zalo a link's target may come only through Zalo's route params, which need the SDK: go
 * there when they arrive. (A target in the page's URL is opened by the first render, below.)
 */
function ZaloLaunchRedirect() {
  const { launch } = useAppServices();
  const navigate = useNavigate();
  useEffect(() => {
    // No "still mounted" guard: the target is taken once, and React's strict mode runs this effect twice.
    void launch.takeFromZalo().then((target) => {
      const path = target && launchPath(target);
      if (path) navigate(path, { replace: true });
    });
  }, [launch, navigate]);
  return null;
}

function RouteLoading() {
  const { t } = useTranslation(APP_NAMESPACES);
  return <LoadingState text={t("session.loading")} />;
}

export function AppRoutes() {
  const { launch } = useAppServices();
  // The link's target replaces home on the very first render: home is neither shown nor loaded first.
  const [opened, setOpened] = useState(launch.initial === null);
  const { pathname } = useLocation();
  // Done once the router has actually left "/" (its navigation is a transition, so a state change
  // here must not let home render at "/" in between).
  useEffect(() => {
    if (opened || pathname === "/") return;
    launch.forgetInitial();
    setOpened(true);
  }, [launch, opened, pathname]);
  const initialPath = !opened && launch.initial ? launchPath(launch.initial) : null;
  return (
    <>
      <ZaloLaunchRedirect />
      <Suspense fallback={<RouteLoading />}>
        <Routes>
          <Route path="/" element={initialPath ? <Navigate to={initialPath} replace /> : <HomePage />} />
          <Route path="/draft/:id" element={<DraftPage />} />
          <Route path="/draft/:id/copy" element={<DossierCopyPage />} />
          <Route path="/renew/:documentId" element={<RenewalLandingPage />} />
          <Route path="/vaccination/:childId" element={<VaccinationPage />} />
          <Route path="/guide/:serviceKey" element={<GuidancePage />} />
          <Route path="/faq" element={<FaqPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </Suspense>
    </>
  );
}
