import { useEffect } from "react";
import { Route, Routes, useNavigate } from "react-router-dom";
import { DraftPage } from "./pages/draft-page";
import { HomePage } from "./pages/home-page";
import { useAppServices } from "./session/app-services-context";

/** `?draft=<id>` in the link the app was opened with: straight to that draft, once. */
function LaunchRedirect() {
  const { launch } = useAppServices();
  const navigate = useNavigate();
  useEffect(() => {
    const draftId = launch.takeDraftId();
    if (draftId) navigate(`/draft/${encodeURIComponent(draftId)}`, { replace: true });
  }, [launch, navigate]);
  return null;
}

export function AppRoutes() {
  return (
    <>
      <LaunchRedirect />
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/draft/:id" element={<DraftPage />} />
        <Route path="*" element={<HomePage />} />
      </Routes>
    </>
  );
}
