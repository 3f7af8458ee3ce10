import type { MiddlewareHandler } from "hono";
import { upsertZaloUser, type Db } from "@hccd/db";
import type { AppEnv } from "../env.js";
import { unauthorized } from "../errors.js";
import { PlatformError } from "../adapters/errors.js";
import type { ZaloGraphClient } from "../adapters/zalo/types.js";
import { sha256Hex } from "../services/hashing.js";

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

/**
 * Citizens send their Zalo Mini App access token (`getAccessToken()`) as a Bearer token; the
 * server verifies it with the Graph API (`/me`) and records the user. Anything else is 401.
 */
export function citizenAuth(deps: { db: Db; graph: ZaloGraphClient; now: () => Date; cache: ReturnType<typeof createTokenCache> }): MiddlewareHandler<AppEnv> {
  return async function citizenAuthMiddleware(c, next) {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const token = m?.[1];
    if (!token) throw unauthorized("send the Zalo access token as Authorization: Bearer <token>");
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
    const user = upsertZaloUser(deps.db, { id: identity.userId, displayName: identity.name, now });
    c.set("citizen", user);
    c.set("citizenAccessToken", token);
    await next();
  };
}
