import type { MiddlewareHandler } from "hono";
import type { StaffRole } from "@hccd/db";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { forbidden, unauthorized } from "../errors.js";
import { staffFromToken } from "../services/staff-auth.js";

/**
 * Staff endpoints: `Authorization: Bearer <session token>` from `POST /api/staff/session`; 401
 * without a live session, 403 when the staff member's role may not do this.
 */
export function staffAuth(deps: Pick<ServiceDeps, "db" | "now">, roles: readonly StaffRole[]): MiddlewareHandler<AppEnv> {
  return async function staffAuthMiddleware(c, next) {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
    if (!m?.[1]) throw unauthorized("log in first: send the session token as Authorization: Bearer <token>");
    const staff = staffFromToken(deps, m[1]);
    if (!staff) throw unauthorized("the session has expired or was closed: log in again");
    if (!roles.includes(staff.role)) throw forbidden(`the ${staff.role} role may not do this`);
    c.set("staff", staff);
    c.set("staffToken", m[1]);
    await next();
  };
}
