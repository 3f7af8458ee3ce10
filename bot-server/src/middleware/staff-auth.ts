import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../env.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError, forbidden, unauthorized } from "../errors.js";
import { csrfTokenFor, staffFromToken, type StaffRole, type StaffUser } from "../services/staff/staff-auth.js";
import { STAFF_AREAS, type StaffArea } from "../services/staff/permissions.js";

/** The console's session cookie: httpOnly, SameSite=Strict, Secure behind HTTPS (set at login by console/index.tsx). */
export const STAFF_COOKIE = "hccd_staff";
/** Where a cookie-authenticated request that changes something carries its CSRF token. */
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_FIELD = "_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface StaffSession {
  staff: StaffUser;
  token: string;
  /** The browser sent it by itself (the console's cookie): a change needs the CSRF token too. */
  viaCookie: boolean;
}

/**
 * The staff member behind a request: `Authorization: Bearer <token>` (scripts, the API) or the
 * console's session cookie. Null when there is none or it expired; throws 403 `csrf_failed` when a
 * cookie-authenticated request that changes something comes from another site or lacks the token.
 */
export async function resolveStaffSession(deps: Pick<ServiceDeps, "db" | "now">, c: Context): Promise<StaffSession | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const cookie = bearer ? undefined : getCookie(c, STAFF_COOKIE);
  const token = bearer ?? cookie;
  if (!token) return null;
  const staff = await staffFromToken(deps, token);
  if (!staff) return null;
  const viaCookie = !bearer;
  if (viaCookie && !SAFE_METHODS.has(c.req.method)) await checkCsrf(c, token);
  return { staff, token, viaCookie };
}

/**
 * Two checks, either of which stops a forged request: the browser's own word on where the request
 * comes from (Sec-Fetch-Site / Origin must be this site), and the session's CSRF token (a header
 * for scripts, a hidden form field for forms), which another site cannot read.
 */
async function checkCsrf(c: Context, token: string): Promise<void> {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw csrfFailed("the request came from another site");
  const origin = c.req.header("origin");
  if (origin && origin !== "null") {
    const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw csrfFailed("the request came from another site");
  } else if (origin === "null") {
    throw csrfFailed("the request came from an opaque origin");
  }
  let sent = c.req.header(CSRF_HEADER);
  if (!sent) {
    const type = c.req.header("content-type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      const body = await c.req.parseBody();
      const field = body[CSRF_FIELD];
      if (typeof field === "string") sent = field;
    }
  }
  if (!sent || sent !== csrfTokenFor(token)) throw csrfFailed("the form is out of date or was not sent from the console: reload the page and try again");
}

const csrfFailed = (message: string) => new DomainError(403, "csrf_failed", message);

/**
 * Staff API endpoints of one work area (see staff/permissions.ts): 401 without a live session,
 * 403 when the staff member's role may not use the area.
 */
export function staffAuth(deps: Pick<ServiceDeps, "db" | "now">, area: StaffArea): MiddlewareHandler<AppEnv> {
  const roles: readonly StaffRole[] = STAFF_AREAS[area];
  return async function staffAuthMiddleware(c, next) {
    const hadCredentials = Boolean(c.req.header("authorization") ?? getCookie(c, STAFF_COOKIE));
    const session = await resolveStaffSession(deps, c);
    if (!session) throw unauthorized(hadCredentials ? "the session has expired or was closed: log in again" : "log in first: send the session token as Authorization: Bearer <token>");
    if (!roles.includes(session.staff.role)) throw forbidden(`the ${session.staff.role} role may not do this`);
    c.set("staff", session.staff);
    c.set("staffToken", session.token);
    await next();
  };
}
