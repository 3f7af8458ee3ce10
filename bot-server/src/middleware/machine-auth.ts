import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { forbidden, unauthorized } from "../errors.js";
import { machineClientByKey, type IntegrationScope } from "../services/integrations/machine-clients.js";

/**
 * Machine clients authenticate with `Authorization: Bearer <api key>`: 401 without a known key,
 * 403 when the key's client may not call this endpoint.
 */
export function machineAuth(db: ServiceDeps["db"], scope: IntegrationScope): MiddlewareHandler<AppEnv> {
  return async function machineAuthMiddleware(c, next) {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthorized("send the API key as Authorization: Bearer <key>");
    const client = await machineClientByKey(db, m[1]);
    if (!client) throw unauthorized("unknown or disabled API key");
    if (!client.scopes.includes(scope)) throw forbidden(`client ${client.id} may not call ${scope}`);
    c.set("client", client);
    await next();
  };
}
