import { z } from "zod";
import { nodeFetch } from "../node-fetch.js";
import { fetchFailure, fetchWithTimeout, PlatformError, TransportError, type FetchLike } from "../errors.js";

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives (Zalo: 25 h, sent as a string). */
  expiresIn: number;
}

/** Zalo OAuth v4 for the OA: exchanges a (single-use) refresh token for a new pair. */
export interface ZaloOAuthClient {
  refresh(refreshToken: string): Promise<OaTokenPair>;
}

const pairSchema = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });
const errorSchema = z.object({ error: z.coerce.number(), error_name: z.string().optional(), error_description: z.string().optional(), message: z.string().optional() });

/**
 * `POST https://oauth.zaloapp.com/v4/oa/access_token`, form-encoded, header `secret_key: <app
 * secret>`, grant `refresh_token` (zalo.md). A refused refresh token is permanent: the OA must be
 * authorised again by an administrator.
 */
export function createHttpZaloOAuthClient(opts: { baseUrl?: string; appId: string; appSecret: string; fetch?: FetchLike; timeoutMs?: number }): ZaloOAuthClient {
  const doFetch = opts.fetch ?? nodeFetch;
  const base = (opts.baseUrl ?? "https://oauth.zaloapp.com").replace(/\/+$/, "");
  return {
    async refresh(refreshToken) {
      let res: Response;
      const timeoutMs = opts.timeoutMs ?? 10_000;
      try {
        res = await fetchWithTimeout(doFetch, `${base}/v4/oa/access_token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", secret_key: opts.appSecret },
          body: new URLSearchParams({ refresh_token: refreshToken, app_id: opts.appId, grant_type: "refresh_token" }).toString(),
        }, timeoutMs);
      } catch (err) {
        throw fetchFailure("zalo_oauth", err, timeoutMs);
      }
      if (res.status >= 500) throw new TransportError("zalo_oauth", `HTTP ${res.status}`);
      const body: unknown = await res.json().catch(() => null);
      const pair = pairSchema.safeParse(body);
      if (pair.success) return { accessToken: pair.data.access_token, refreshToken: pair.data.refresh_token, expiresIn: pair.data.expires_in };
      const err = errorSchema.safeParse(body);
      if (err.success && err.data.error !== 0) throw new PlatformError("zalo_oauth", err.data.error, err.data.error_description ?? err.data.message ?? err.data.error_name ?? "refused", false);
      throw new TransportError("zalo_oauth", "unexpected response");
    },
  };
}
