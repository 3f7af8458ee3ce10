/**
 * Every zmp-sdk call of the app, and only here. Each call is wrapped so that a refusal, a missing
 * platform or a failure comes back as a typed result: nothing from zmp-sdk throws into the UI.
 *
 * zmp-sdk outside Zalo: on a `localhost` page it returns stubs (empty access token, no phone
 * token); on any other host it rejects (its "not found" path, which its error handler turns into
 * a generic -2000). Outside Zalo every failure therefore counts as `unavailable`, which lets the
 * caller fall back to the dev identity on a dev host.
 */
import { getAccessToken, getPhoneNumber, getRouteParams, nativeStorage, openPhone } from "zmp-sdk/apis";

export type ZaloFailureReason =
  /** The user said no to a permission prompt. */
  | "denied"
  /** Not running inside Zalo (or a stub answered): the feature does not exist here. */
  | "unavailable"
  /** Anything else: network, timeout, an SDK error. Worth a retry. */
  | "failed";

export type ZaloResult<T> = { ok: true; value: T } | { ok: false; reason: ZaloFailureReason; code: number | null };

/**
 * -1401: permission refused (zmp-sdk UNAUTHORIZED, what getPhoneNumber answers when the user says
 * no); -201: older clients' "user denied"; -2002/-2003: USER_DENIED/USER_CANCEL.
 */
const DENIED_CODES: ReadonlySet<number> = new Set([-1401, -201, -2002, -2003]);
/** -1404: CLIENT_NOT_SUPPORT, the API does not exist on this host or client version. */
const UNAVAILABLE_CODES: ReadonlySet<number> = new Set([-1404]);

/** zmp-sdk rejects with an `AppError {code}`, a raw `{error: code}` or nothing at all. */
function errorCode(err: unknown): number | null {
  if (typeof err !== "object" || err === null) return null;
  const e = err as { code?: unknown; error?: unknown };
  const raw = typeof e.code === "number" ? e.code : typeof e.error === "number" ? e.error : Number(e.code ?? e.error);
  return Number.isFinite(raw) ? raw : null;
}

function failure(err: unknown, insideZalo: boolean): { ok: false; reason: ZaloFailureReason; code: number | null } {
  const code = errorCode(err);
  if (!insideZalo) return { ok: false, reason: "unavailable", code };
  if (code !== null && DENIED_CODES.has(code)) return { ok: false, reason: "denied", code };
  if (code !== null && UNAVAILABLE_CODES.has(code)) return { ok: false, reason: "unavailable", code };
  return { ok: false, reason: "failed", code };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`zmp-sdk call timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

async function attempt<T>(call: () => Promise<T>, timeoutMs: number | null, insideZalo: boolean): Promise<ZaloResult<T>> {
  try {
    const value = await (timeoutMs === null ? call() : withTimeout(call(), timeoutMs));
    return { ok: true, value };
  } catch (err) {
    return failure(err, insideZalo);
  }
}

/** What the rest of the app may ask of Zalo. */
export interface ZaloBridge {
  /** The Mini App access token (no permission prompt since SDK 2.35). */
  accessToken(): Promise<ZaloResult<string>>;
  /** A one-time token (valid 2 minutes) the server exchanges for the user's number. Prompts the user. */
  phoneNumberToken(): Promise<ZaloResult<string>>;
  /** Query parameters the Mini App was opened with (e.g. `draft` from an OA message link). */
  launchParams(): Record<string, string>;
  /** Opens the phone dialer inside Zalo. */
  callPhone(phoneNumber: string): Promise<ZaloResult<void>>;
  /** Zalo's key-value storage (there is no persistent localStorage inside Zalo). */
  storage: {
    get(key: string): string | null;
    set(key: string, value: string): boolean;
  };
}

/** `insideZalo`: from environment.ts; outside Zalo no zmp-sdk failure is worth a retry. */
export function createZaloBridge(opts: { insideZalo: boolean }): ZaloBridge {
  const { insideZalo } = opts;
  return {
    async accessToken() {
      const r = await attempt(() => getAccessToken(), 15_000, insideZalo);
      if (!r.ok) return r;
      return r.value ? { ok: true, value: r.value } : { ok: false, reason: "unavailable", code: null };
    },

    async phoneNumberToken() {
      // No timeout: the user is reading Zalo's permission prompt.
      const r = await attempt(() => getPhoneNumber(), null, insideZalo);
      if (!r.ok) return r;
      const token = r.value.token;
      return token ? { ok: true, value: token } : { ok: false, reason: "unavailable", code: null };
    },

    launchParams() {
      try {
        const params = getRouteParams();
        return typeof params === "object" && params !== null ? params : {};
      } catch {
        return {};
      }
    },

    callPhone(phoneNumber) {
      return attempt(() => openPhone({ phoneNumber }), 10_000, insideZalo);
    },

    storage: {
      get(key) {
        try {
          const v: unknown = nativeStorage.getItem(key);
          return typeof v === "string" ? v : null;
        } catch {
          return null;
        }
      },
      set(key, value) {
        try {
          nativeStorage.setItem(key, value);
          return true;
        } catch {
          return false;
        }
      },
    },
  };
}

/**
 * Importing zmp-sdk calls its `login()` straight away; outside Zalo on a host other than
 * `localhost` (e.g. `vite --host 127.0.0.1`) that promise rejects with nobody to catch it. Mark
 * that one rejection handled so it does not show up as a page error. Call before first render.
 */
export function quietSdkLoginOutsideZalo(win: Window, insideZalo: boolean): void {
  if (insideZalo) return;
  win.addEventListener("unhandledrejection", (event) => {
    const reason: unknown = event.reason;
    if (typeof reason === "object" && reason !== null && (reason as { api?: unknown }).api === "login") event.preventDefault();
  });
}
