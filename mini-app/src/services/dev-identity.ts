/**
 * The simulator's dev identity, for a browser outside Zalo on a dev host only (see environment.ts).
 * zmp-sdk gives no access token there, so the app signs in once with `POST /sim/zalo/dev-login`
 * and keeps the token in localStorage under {@link DEV_IDENTITY_KEY}; the phone step turns a
 * number into a one-time phone token with `POST /sim/zalo/phone-token`. The number is one of the
 * demo's simulated Zalo accounts (`GET /sim/demo`), shared in one tap as Zalo's "Allow" shares the
 * signed-in account's, or one typed by hand. The backend only mounts `/sim` in simulator mode, so
 * none of this works against real Zalo.
 */
import { z } from "zod";
import { request } from "./api";
import { ApiError } from "./api-error";

export const DEV_IDENTITY_KEY = "hccd.devIdentity";

const devLoginSchema = z.object({ accessToken: z.string().min(1), userId: z.string().min(1) });
const phoneTokenSchema = z.object({ token: z.string().min(1) });
/** `GET /sim/demo`: only the part the phone prompt uses; older servers send no `accounts`. */
const demoAccountsSchema = z.object({ accounts: z.array(z.object({ name: z.string().max(100), phone: z.string().regex(/^84\d{9}$/) })).max(10).default([]) });
export type DevAccount = z.infer<typeof demoAccountsSchema>["accounts"][number];
type StoredIdentity = z.infer<typeof devLoginSchema>;

export interface DevIdentity {
  /** The stored dev token, or a new one from dev-login (at most one login in flight). */
  token(): Promise<string>;
  /** Signs in again as the same user: the stored token was refused (e.g. the simulator restarted). */
  renew(): Promise<string>;
  /** A one-time phone token for `POST /api/me/phone`, as if Zalo's getPhoneNumber had answered. */
  phoneToken(phone: string): Promise<string>;
  /** The user this identity will sign in as, when already known without asking the simulator. */
  knownUserId(): string | null;
  /** The simulated Zalo accounts of the demo (none without the demo seed, or when asking fails). */
  accounts(): Promise<DevAccount[]>;
}

export function createDevIdentity(deps: {
  baseUrl: string;
  /** `window.localStorage`, or null when the browser refuses storage (then: one login per page load). */
  storage: Storage | null;
  /** `?devUser=<id>` on the page URL: sign in as this simulated user (tests use it for several parents). */
  requestedUserId: string | null;
  fetchImpl?: typeof fetch;
}): DevIdentity {
  let current: StoredIdentity | null = read();
  let inflight: Promise<StoredIdentity> | null = null;

  function read(): StoredIdentity | null {
    try {
      const parsed = devLoginSchema.safeParse(JSON.parse(deps.storage?.getItem(DEV_IDENTITY_KEY) ?? "null"));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function write(identity: StoredIdentity | null) {
    try {
      if (identity) deps.storage?.setItem(DEV_IDENTITY_KEY, JSON.stringify(identity));
      else deps.storage?.removeItem(DEV_IDENTITY_KEY);
    } catch {
      // Storage full or refused: the identity lives for this page only.
    }
  }

  function login(userId: string | null): Promise<StoredIdentity> {
    inflight ??= request({
      baseUrl: deps.baseUrl,
      method: "POST",
      path: "/sim/zalo/dev-login",
      body: userId ? { userId } : {},
      schema: devLoginSchema,
      fetchImpl: deps.fetchImpl,
    })
      .then((identity) => {
        current = identity;
        write(identity);
        return identity;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  }

  async function token(): Promise<string> {
    const wanted = deps.requestedUserId;
    if (current && (!wanted || current.userId === wanted)) return current.accessToken;
    return (await login(wanted)).accessToken;
  }

  function knownUserId(): string | null {
    const wanted = deps.requestedUserId;
    return wanted ?? current?.userId ?? null;
  }

  async function renew(): Promise<string> {
    const userId = deps.requestedUserId ?? current?.userId ?? null;
    current = null;
    write(null);
    return (await login(userId)).accessToken;
  }

  function exchangePhone(accessToken: string, phone: string) {
    return request({
      baseUrl: deps.baseUrl,
      method: "POST",
      path: "/sim/zalo/phone-token",
      body: { accessToken, phone },
      schema: phoneTokenSchema,
      fetchImpl: deps.fetchImpl,
    });
  }

  async function phoneToken(phone: string): Promise<string> {
    try {
      return (await exchangePhone(await token(), phone)).token;
    } catch (err) {
      // The simulator forgot our token (it restarted): it answers 401, or 422 on `accessToken`.
      const staleToken = err instanceof ApiError && (err.status === 401 || err.fields.some((f) => f.path === "accessToken"));
      if (!staleToken) throw err;
      return (await exchangePhone(await renew(), phone)).token;
    }
  }

  async function accounts(): Promise<DevAccount[]> {
    try {
      return (await request({ baseUrl: deps.baseUrl, path: "/sim/demo", schema: demoAccountsSchema, fetchImpl: deps.fetchImpl })).accounts;
    } catch {
      // No demo seed (404) or the simulator is away: the number is typed instead.
      return [];
    }
  }

  return { token, renew, phoneToken, knownUserId, accounts };
}
