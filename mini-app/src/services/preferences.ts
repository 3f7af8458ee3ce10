import type { ZaloBridge } from "./zalo";

/** Small settings kept on the device (the chosen language). */
export interface Preferences {
  /** What is known now (inside Zalo: only after `restore`, or what was set in this session). */
  get(key: string): string | null;
  set(key: string, value: string): void;
  /** Reads the stored value (inside Zalo from nativeStorage, which needs the SDK). */
  restore(key: string): Promise<string | null>;
}

/** Inside Zalo there is no persistent localStorage, so Zalo's nativeStorage is used there. */
export function createPreferences(deps: { insideZalo: boolean; zalo: ZaloBridge; storage: Storage | null }): Preferences {
  if (deps.insideZalo) {
    const known = new Map<string, string>();
    return {
      get: (k) => known.get(k) ?? null,
      set(k, v) {
        known.set(k, v);
        void deps.zalo.storage.set(k, v);
      },
      async restore(k) {
        const v = known.get(k) ?? (await deps.zalo.storage.get(k));
        if (v !== null && !known.has(k)) known.set(k, v);
        return v;
      },
    };
  }
  const get = (k: string): string | null => {
    try {
      return deps.storage?.getItem(k) ?? null;
    } catch {
      return null;
    }
  };
  return {
    get,
    set(k, v) {
      try {
        deps.storage?.setItem(k, v);
      } catch {
        // Refused storage: the choice lasts for this page only.
      }
    },
    restore: (k) => Promise.resolve(get(k)),
  };
}
