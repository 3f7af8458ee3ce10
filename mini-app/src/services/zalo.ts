/**
 * Every zmp-sdk call of the app, and only here. Each call is wrapped so that a refusal, a missing
 * platform or a failure comes back as a typed result: nothing from zmp-sdk throws into the UI.
 *
 * zmp-sdk outside Zalo only returns stubs (empty access token, no phone token) or rejects, so it
 * is not loaded there at all: every call answers `unavailable`, which lets the caller fall back to
 * the dev identity on a dev host. Inside Zalo it is loaded as its own chunk, started at boot
 * (`preload`), so the first screen does not wait for 32 KB it does not need to paint.
 */
type ZmpSdk = typeof import("./zmp-sdk-calls");

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

/** Nothing to ask outside Zalo: the platform is not there. */
const NOT_HERE = { ok: false, reason: "unavailable", code: null } as const;

/** What the rest of the app may ask of Zalo. */
export interface ZaloBridge {
  /** The Mini App access token (no permission prompt since SDK 2.35). */
  accessToken(): Promise<ZaloResult<string>>;
  /** A one-time token (valid 2 minutes) the server exchanges for the user's number. Prompts the user. */
  phoneNumberToken(): Promise<ZaloResult<string>>;
  /** Query parameters the Mini App was opened with (e.g. `draft` from an OA message link). */
  launchParams(): Promise<Record<string, string>>;
  /** Starts loading zmp-sdk (inside Zalo) so that the first call does not wait for it. */
  preload(): void;
  /** Opens the phone dialer inside Zalo. */
  callPhone(phoneNumber: string): Promise<ZaloResult<void>>;
  /** Zalo's key-value storage (there is no persistent localStorage inside Zalo). */
  storage: {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): Promise<boolean>;
  };
}

/**
 * `insideZalo`: from environment.ts. `load` is how zmp-sdk is fetched (a dynamic import; tests
 * may pass their own). A failed load is not kept: the next call tries again.
 */
export function createZaloBridge(opts: { insideZalo: boolean; load?: () => Promise<ZmpSdk> }): ZaloBridge {
  const { insideZalo } = opts;
  const load = opts.load ?? (() => import("./zmp-sdk-calls"));
  let sdk: Promise<ZmpSdk> | null = null;
  const loadSdk = (): Promise<ZmpSdk> => {
    if (!sdk) {
      const p = load();
      sdk = p;
      p.catch(() => {
        if (sdk === p) sdk = null;
      });
    }
    return sdk;
  };

  async function attempt<T>(call: (s: ZmpSdk) => Promise<T>, timeoutMs: number | null): Promise<ZaloResult<T>> {
    if (!insideZalo) return NOT_HERE;
    try {
      const run = loadSdk().then(call);
      const value = await (timeoutMs === null ? run : withTimeout(run, timeoutMs));
      return { ok: true, value };
    } catch (err) {
      return failure(err, insideZalo);
    }
  }

  return {
    preload() {
      if (insideZalo) void loadSdk().catch(() => undefined);
    },

    async accessToken() {
      const r = await attempt((s) => s.getAccessToken(), 15_000);
      if (!r.ok) return r;
      return r.value ? { ok: true, value: r.value } : NOT_HERE;
    },

    async phoneNumberToken() {
      // No timeout once the SDK is there: the user is reading Zalo's permission prompt.
      const r = await attempt((s) => s.getPhoneNumber(), null);
      if (!r.ok) return r;
      const token = r.value.token;
      return token ? { ok: true, value: token } : NOT_HERE;
    },

    async launchParams() {
      const r = await attempt(async (s) => s.getRouteParams(), 15_000);
      return r.ok && typeof r.value === "object" && r.value !== null ? r.value : {};
    },

    callPhone(phoneNumber) {
      return attempt((s) => s.openPhone({ phoneNumber }), 10_000);
    },

    storage: {
      async get(key) {
        const r = await attempt(async (s) => s.nativeStorage.getItem(key) as unknown, 15_000);
        return r.ok && typeof r.value === "string" ? r.value : null;
      },
      async set(key, value) {
        const r = await attempt(async (s) => s.nativeStorage.setItem(key, value), 15_000);
        return r.ok;
      },
    },
  };
}
