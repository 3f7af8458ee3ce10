import type { Profile, Upcoming } from "@hccd/shared/client";
import { createCitizenApi, type CitizenApi } from "./api";
import { createDevIdentity, type DevIdentity } from "./dev-identity";
import { createHomeSnapshots, type HomeSnapshots } from "./home-snapshot";
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
  /**
   * The first screen's data, asked for at start-up instead of after the first render: on a slow
   * network each request costs a round trip of half a second, so the profile and the home list
   * travel together. Each is taken once, by the profile gate and by the home screen.
   */
  takeWarmProfile(): Promise<Profile> | null;
  takeWarmUpcoming(): Promise<Upcoming> | null;
  /** The home screen as last seen, shown while the server is asked again. */
  snapshots: HomeSnapshots;
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
  const api = createCitizenApi({ baseUrl: env.apiBaseUrl, tokens: session });
  // Failures are the screens' to show (they ask again), not unhandled rejections.
  let warmProfile: Promise<Profile> | null = api.profile();
  warmProfile.catch(() => undefined);
  const launch = readLaunchParams({ location: win.location, history: win.history, zalo, insideZalo: env.insideZalo });
  // Opened on a draft or a document: the home screen is not what comes first.
  let warm: Promise<Upcoming> | null = launch.initial === null ? api.upcoming() : null;
  warm?.catch(() => undefined);
  const preferences = createPreferences({ insideZalo: env.insideZalo, zalo, storage });
  const snapshots = createHomeSnapshots({
    preferences,
    acceptOwner: env.insideZalo ? () => true : (owner) => owner === devIdentity?.knownUserId(),
  });
  // Inside Zalo nativeStorage needs the SDK: start reading now, alongside the requests.
  void snapshots.profile();
  return {
    env,
    zalo,
    session,
    api,
    takeWarmProfile() {
      const p = warmProfile;
      warmProfile = null;
      return p;
    },
    takeWarmUpcoming() {
      const p = warm;
      warm = null;
      return p;
    },
    devIdentity,
    preferences,
    snapshots,
    launch,
  };
}
