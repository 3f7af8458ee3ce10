import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import { unauthorized } from "../errors.js";
import { identifyCitizen, type TokenCache } from "../services/citizens/citizen-identity.js";
import type { AppDeps, ServiceDeps } from "../deps.js";

/**
 * Citizens send their Zalo Mini App access token (`getAccessToken()`) as a Bearer token; the
 * server verifies it with the Graph API (`/me`) and records the user. Anything else is 401.
 */
export function citizenAuth(deps: Pick<ServiceDeps, "db" | "now"> & { graph: AppDeps["zalo"]["graph"]; cache: TokenCache }): MiddlewareHandler<AppEnv> {
  return async function citizenAuthMiddleware(c, next) {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    const token = m?.[1];
    if (!token) throw unauthorized("send the Zalo access token as Authorization: Bearer <token>");
    c.set("citizen", await identifyCitizen(deps, token));
    c.set("citizenAccessToken", token);
    await next();
  };
}
