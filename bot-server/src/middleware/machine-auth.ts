import type { MiddlewareHandler } from "hono";
import { findClientByKeyHash, type Db } from "@hccd/db";
import type { AppEnv } from "../env.js";
import { forbidden, unauthorized } from "../errors.js";
import { sha256Hex } from "../services/hashing.js";

export type IntegrationScope = "birth-certificates" | "death-notices" | "case-status";

/** API key → hash, the form keys are stored in (the key itself is never stored). */
export const hashApiKey = (key: string) => sha256Hex(`hccd-api-key:${key}`);

/**
 * Machine clients authenticate with `Authorization: Bearer <api key>`: 401 without a known key,
 * 403 when the key's client may not call this endpoint.
 */
export function machineAuth(db: Db, scope: IntegrationScope): MiddlewareHandler<AppEnv> {
  return async function machineAuthMiddleware(c, next) {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m?.[1]) throw unauthorized("send the API key as Authorization: Bearer <key>");
    const client = findClientByKeyHash(db, hashApiKey(m[1]));
    if (!client || client.disabledAt) throw unauthorized("unknown or disabled API key");
    if (!client.scopes.includes(scope)) throw forbidden(`client ${client.id} may not call ${scope}`);
    c.set("client", client);
    await next();
  };
}
