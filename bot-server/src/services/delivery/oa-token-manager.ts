import { acquireOaTokenLease, getOaTokens, releaseOaTokenLease, saveOaTokens, tablesOf, type Db } from "@hccd/db";
import type { ZaloOAuthClient } from "../../adapters/zalo/oauth.js";
import type { Logger } from "../../logger.js";

export interface OaTokenManagerOptions {
  db: Db;
  oauth: ZaloOAuthClient;
  oaId: string;
  now: () => Date;
  logger: Logger;
  /** Who this process is, for the refresh lease. */
  holder: string;
  /** Refresh this long before the access token expires (default 1 h of its 25 h). */
  refreshAheadMs?: number;
  /** How long a refresh may hold the lease. */
  leaseMs?: number;
  /** How long to wait for another process's refresh before giving up. */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The OA access token, refreshed ahead of expiry. Zalo's refresh tokens are single-use, so two
 * concurrent refreshes burn the pair: within a process one refresh runs at a time (single flight);
 * across processes a lease in the database decides who refreshes; the new pair is stored before it
 * is used, so a crash right after a refresh does not lose it.
 */
export function createOaTokenManager(opts: OaTokenManagerOptions) {
  const refreshAhead = opts.refreshAheadMs ?? 60 * 60_000;
  const leaseMs = opts.leaseMs ?? 30_000;
  const waitMs = opts.waitMs ?? 15_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = opts.logger.child({ component: "oa-token" });
  let inflight: Promise<string> | undefined;
  let forced = false;

  async function fresh(): Promise<string | undefined> {
    const row = await getOaTokens(opts.db, opts.oaId);
    if (!row) throw new Error("no OA token pair stored: authorise the OA (ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN)");
    return !forced && row.expiresAt.getTime() - opts.now().getTime() > refreshAhead ? row.accessToken : undefined;
  }

  async function refresh(): Promise<string> {
    const deadline = opts.now().getTime() + waitMs;
    for (;;) {
      const now = opts.now();
      if (await acquireOaTokenLease(opts.db, opts.oaId, opts.holder, new Date(now.getTime() + leaseMs), now)) break;
      // Another process is refreshing: wait for its new pair instead of burning the refresh token.
      await sleep(200);
      const ready = await fresh();
      if (ready) return ready;
      if (opts.now().getTime() > deadline) throw new Error("timed out waiting for another process to refresh the OA token");
    }
    try {
      const current = await getOaTokens(opts.db, opts.oaId);
      if (!current) throw new Error("OA token pair vanished");
      // Someone refreshed between our check and the lease: use theirs.
      if (!forced && current.expiresAt.getTime() - opts.now().getTime() > refreshAhead) return current.accessToken;
      const pair = await opts.oauth.refresh(current.refreshToken);
      const now = opts.now();
      await saveOaTokens(opts.db, { oaId: opts.oaId, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: new Date(now.getTime() + pair.expiresIn * 1000), now });
      forced = false;
      log.info({ expiresInS: pair.expiresIn }, "OA access token refreshed");
      return pair.accessToken;
    } catch (err) {
      log.error({ err }, "OA token refresh failed");
      throw err;
    } finally {
      await releaseOaTokenLease(opts.db, opts.oaId, opts.holder);
    }
  }

  return {
    /** A valid access token, refreshing it first when it is close to expiry. */
    async getAccessToken(): Promise<string> {
      const token = await fresh();
      if (token) return token;
      inflight ??= refresh().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    /** Zalo said the token is bad or expired (-216/-220/-124): refresh before the next call. */
    invalidate(): void {
      forced = true;
    },
    /**
     * Stores the first pair (from configuration) when none is stored yet. An insert that yields to
     * a stored pair, not a look-up then a write: an instance starting while another has just
     * refreshed must not put the configured (now burnt) refresh token back.
     */
    async bootstrap(pair: { accessToken: string; refreshToken: string; expiresAt: Date }): Promise<void> {
      const { oaTokens } = tablesOf(opts.db);
      await opts.db.insert(oaTokens).values({ oaId: opts.oaId, ...pair, updatedAt: opts.now() }).onConflictDoNothing({ target: oaTokens.oaId });
    },
  };
}

export type OaTokenManager = ReturnType<typeof createOaTokenManager>;
