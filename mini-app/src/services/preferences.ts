import type { ZaloBridge } from "./zalo";

/** Small settings kept on the device (the chosen language). */
export interface Preferences {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Inside Zalo there is no persistent localStorage, so Zalo's nativeStorage is used there. */
export function createPreferences(deps: { insideZalo: boolean; zalo: ZaloBridge; storage: Storage | null }): Preferences {
  if (deps.insideZalo) {
    return { get: (k) => deps.zalo.storage.get(k), set: (k, v) => void deps.zalo.storage.set(k, v) };
  }
  return {
    get(k) {
      try {
        return deps.storage?.getItem(k) ?? null;
      } catch {
        return null;
      }
    },
    set(k, v) {
      try {
        deps.storage?.setItem(k, v);
      } catch {
        // Refused storage: the choice lasts for this page only.
      }
    },
  };
}
