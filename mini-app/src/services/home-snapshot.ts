import { z } from "zod";
import { profileSchema, upcomingSchema, type Profile, type Upcoming } from "@hccd/shared/client";
import type { Preferences } from "./preferences";

export const HOME_SNAPSHOT_KEY = "hccd.home.v1";
/** Older than a day, a copy is more likely wrong than useful: the app waits for the server instead. */
export const HOME_SNAPSHOT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const snapshotSchema = z.object({ owner: z.string(), savedAt: z.number(), profile: profileSchema, upcoming: upcomingSchema });
type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * The last home screen the citizen saw, kept on the device so that a later open shows it at once
 * while the server is asked (on slow 4G an answer takes more than half a second). Only what the
 * home screen shows (no ID numbers, no full phone number); dropped when stale, when it belongs to
 * another user, or when the server's answer replaces it.
 */
export interface HomeSnapshots {
  profile(): Promise<Profile | null>;
  upcoming(): Promise<Upcoming | null>;
  save(profile: Profile, upcoming: Upcoming): void;
  clear(): void;
}

export function createHomeSnapshots(deps: {
  preferences: Preferences;
  /**
   * Whether a copy saved for this user may be shown before the server says who is signed in:
   * the dev identity knows its user; inside Zalo, nativeStorage belongs to the Zalo account.
   */
  acceptOwner: (owner: string) => boolean;
  now?: () => number;
}): HomeSnapshots {
  const now = deps.now ?? Date.now;
  let read: Promise<Snapshot | null> | null = null;
  const current = (): Promise<Snapshot | null> =>
    (read ??= deps.preferences
      .restore(HOME_SNAPSHOT_KEY)
      .then((raw) => {
        if (raw === null) return null;
        const parsed = snapshotSchema.safeParse(JSON.parse(raw));
        if (!parsed.success) return null;
        const s = parsed.data;
        const age = now() - s.savedAt;
        if (age < 0 || age > HOME_SNAPSHOT_MAX_AGE_MS) return null;
        if (!deps.acceptOwner(s.owner)) return null;
        if (s.profile.zaloUserId !== s.owner) return null;
        return s;
      })
      .catch(() => null));
  return {
    profile: () => current().then((s) => s?.profile ?? null),
    upcoming: () => current().then((s) => s?.upcoming ?? null),
    save(profile, upcoming) {
      const s: Snapshot = { owner: profile.zaloUserId, savedAt: now(), profile, upcoming };
      read = Promise.resolve(s);
      deps.preferences.set(HOME_SNAPSHOT_KEY, JSON.stringify(s));
    },
    clear() {
      read = Promise.resolve(null);
      deps.preferences.set(HOME_SNAPSHOT_KEY, "null");
    },
  };
}
