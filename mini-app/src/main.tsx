import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "zmp-ui/zaui.css";
import "./styles/app.css";
import { App } from "./app";
import { createAppI18n } from "./i18n/create-app-i18n";
import { createAppServices } from "./services/app-services";

const services = createAppServices(window, import.meta.env);
// Inside Zalo the token is the first thing every screen needs: fetch the SDK while React renders.
services.zalo.preload();
const i18n = createAppI18n({ preferences: services.preferences, document });

const container = document.getElementById("app");
if (!container) throw new Error("index.html has no #app element");
createRoot(container).render(
  <StrictMode>
    <App services={services} i18n={i18n} />
  </StrictMode>,
);
