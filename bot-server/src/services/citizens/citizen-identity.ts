import { findPersonsByPhone, getZaloUser, setZaloUserVerifiedPhone, upsertZaloUser, type Db, type Person, type ZaloUser } from "@hccd/db";
import { PlatformError } from "../../adapters/errors.js";
import type { ZaloGraphClient } from "../../adapters/zalo/types.js";
import { DomainError, unauthorized } from "../../errors.js";
import { sha256Hex } from "../hashing.js";
import { audit } from "../staff/audit.js";

/**
 * The persons a Zalo user is, by the phone Zalo verified for them (none until they verify one): a
 * phone typed into the OA's form is never identity.
 */
export async function personsOfZaloUser(db: Db, user: ZaloUser): Promise<Person[]> {
  return user.phone ? findPersonsByPhone(db, user.phone) : [];
}

/**
 * A short-lived cache of verified tokens, so that each Mini App request does not cost a Graph API
 * call. Keyed by the token's hash: the token itself is not kept.
 */
export function createTokenCache(ttlMs = 5 * 60_000, maxEntries = 10_000) {
  const entries = new Map<string, { userId: string; name: string | null; expiresAt: number }>();
  return {
    get(token: string, now: number) {
      const key = sha256Hex(token);
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return e;
    },
    set(token: string, value: { userId: string; name: string | null }, now: number) {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(sha256Hex(token), { ...value, expiresAt: now + ttlMs });
    },
  };
}

export type TokenCache = ReturnType<typeof createTokenCache>;

/**
 * The citizen behind a Zalo Mini App access token (`getAccessToken()`): verified with the Graph
 * API (`/me`), or the cache, and recorded. A token Zalo refuses is 401.
 */
export async function identifyCitizen(deps: { db: Db; graph: ZaloGraphClient; now: () => Date; cache: TokenCache }, token: string): Promise<ZaloUser> {
  const now = deps.now();
  let identity = deps.cache.get(token, now.getTime());
  if (!identity) {
    try {
      const me = await deps.graph.getMe(token);
      identity = { userId: me.id, name: me.name, expiresAt: 0 };
      deps.cache.set(token, { userId: me.id, name: me.name }, now.getTime());
    } catch (err) {
      if (err instanceof PlatformError) throw unauthorized("the Zalo access token is not valid or has expired");
      throw err;
    }
  }
  return upsertZaloUser(deps.db, { id: identity.userId, displayName: identity.name, now });
}

/**
 * Links the phone Zalo verified (the one-time `getPhoneNumber` token, exchanged server-side with
 * the citizen's access token): from then on it says who the citizen is, and opens their drafts and
 * documents. Audited. A token Zalo refuses is 422 naming `phoneToken`.
 */
export async function linkVerifiedPhone(
  deps: { db: Db; graph: ZaloGraphClient; now: () => Date },
  user: ZaloUser,
  input: { accessToken: string; phoneToken: string; requestId?: string },
): Promise<ZaloUser> {
  let phone: string;
  try {
    phone = (await deps.graph.exchangePhoneToken({ accessToken: input.accessToken, code: input.phoneToken })).phone;
  } catch (e) {
    if (e instanceof PlatformError) throw new DomainError(422, "validation_failed", "The phone token is not valid or has expired; ask for it again", [{ path: "phoneToken", message: "is not valid or has expired (tokens last 2 minutes and work once)" }]);
    throw e;
  }
  const now = deps.now();
  await setZaloUserVerifiedPhone(deps.db, user.id, phone, now);
  await audit(deps.db, { at: now, actor: { kind: "citizen", id: user.id }, action: "phone.linked", target: { kind: "zalo_user", id: user.id }, ...(input.requestId ? { requestId: input.requestId } : {}) });
  return (await getZaloUser(deps.db, user.id)) ?? user;
}
