import { createContext, useContext, type ReactNode } from "react";
import type { AppServices } from "../services/app-services";

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider(props: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={props.services}>{props.children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error("useAppServices() outside <AppServicesProvider>");
  return services;
}
