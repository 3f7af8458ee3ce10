import type { i18n as I18n } from "i18next";
import { I18nextProvider } from "react-i18next";
import { App as ZaloApp, SnackbarProvider } from "zmp-ui";
import { AppRouter } from "./app-router";
import { AppRoutes } from "./app-routes";
import type { AppServices } from "./services/app-services";
import { AppServicesProvider } from "./session/app-services-context";
import { ProfileProvider } from "./session/profile-context";

export function App(props: { services: AppServices; i18n: I18n }) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <AppServicesProvider services={props.services}>
        <ZaloApp>
          <SnackbarProvider>
            <AppRouter>
              <ProfileProvider>
                <AppRoutes />
              </ProfileProvider>
            </AppRouter>
          </SnackbarProvider>
        </ZaloApp>
      </AppServicesProvider>
    </I18nextProvider>
  );
}
