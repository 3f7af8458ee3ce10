/** Where the app is running, decided once at start-up from the page's location. */
export interface RuntimeEnvironment {
  /** Inside the Zalo app: zmp-sdk answers for real and the router needs Zalo's base path. */
  insideZalo: boolean;
  /**
   * A developer's or a test's browser on this machine. Only here may the app fall back to the
   * simulator's dev identity: zmp-sdk returns stubs (empty token, no phone token) on `localhost`
   * and rejects on any other host outside Zalo.
   */
  devHost: boolean;
  /** Backend origin; "" means the page's own origin (dev server proxy or the backend serving `www/`). */
  apiBaseUrl: string;
}

const DEV_HOSTNAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isDevHostname(hostname: string): boolean {
  return DEV_HOSTNAMES.has(hostname) || hostname.endsWith(".localhost");
}

/**
 * Zalo defines `window.APP_ID` before loading the app and serves it under `/zapps/<APP_ID>`
 * (zmp-ui's router relies on the same facts).
 */
export function detectEnvironment(win: Window, env: ImportMetaEnv): RuntimeEnvironment {
  const appId = (win as Window & { APP_ID?: unknown }).APP_ID;
  const insideZalo = (typeof appId === "string" && appId.length > 0) || win.location.pathname.startsWith("/zapps/");
  return {
    insideZalo,
    devHost: !insideZalo && isDevHostname(win.location.hostname),
    apiBaseUrl: (env.VITE_API_BASE_URL ?? "").replace(/\/+$/, ""),
  };
}
