import { createCitizenApi, type CitizenApi } from "./api";
import { createDevIdentity, type DevIdentity } from "./dev-identity";
import { detectEnvironment, type RuntimeEnvironment } from "./environment";
import { readLaunchParams, type LaunchParams } from "./launch-params";
import { createPreferences, type Preferences } from "./preferences";
import { createSession, type Session } from "./session";
import { createZaloBridge, type ZaloBridge } from "./zalo";

/** Everything the screens use to reach the outside world, built once at start-up. */
export interface AppServices {
  env: RuntimeEnvironment;
  zalo: ZaloBridge;
  session: Session;
  api: CitizenApi;
  /** Only on a dev host outside Zalo: the simulator's identity and phone tokens. */
  devIdentity: DevIdentity | null;
  preferences: Preferences;
  launch: LaunchParams;
}

function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

export function createAppServices(win: Window, viteEnv: ImportMetaEnv): AppServices {
  const env = detectEnvironment(win, viteEnv);
  const zalo = createZaloBridge({ insideZalo: env.insideZalo });
  const storage = localStorageOf(win);
  const devIdentity = env.devHost
    ? createDevIdentity({ baseUrl: env.apiBaseUrl, storage, requestedUserId: new URLSearchParams(win.location.search).get("devUser") })
    : null;
  const session = createSession({ zalo, devIdentity });
  return {
    env,
    zalo,
    session,
    api: createCitizenApi({ baseUrl: env.apiBaseUrl, tokens: session }),
    devIdentity,
    preferences: createPreferences({ insideZalo: env.insideZalo, zalo, storage }),
    launch: readLaunchParams({ location: win.location, history: win.history, zalo, insideZalo: env.insideZalo }),
  };
}
