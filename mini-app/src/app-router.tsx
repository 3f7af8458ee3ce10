import type { ReactNode } from "react";
import { HashRouter } from "react-router-dom";
import { ZMPRouter } from "zmp-ui";
import { useAppServices } from "./session/app-services-context";

/**
 * Inside Zalo: zmp-ui's ZMPRouter, which knows Zalo's base path (`/zapps/<APP_ID>`).
 * Anywhere else (dev server, the backend serving `www/`, browser tests): a hash router. A
 * production build of ZMPRouter always assumes `/zapps/<APP_ID>`, which does not exist outside
 * Zalo, and the relative asset paths (`base: "./"`) only load from the folder of index.html, so
 * the route must live in the hash for reloads to work wherever `www/` is mounted.
 */
export function AppRouter(props: { children: ReactNode }) {
  const { env } = useAppServices();
  if (env.insideZalo) return <ZMPRouter>{props.children}</ZMPRouter>;
  return <HashRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>{props.children}</HashRouter>;
}
