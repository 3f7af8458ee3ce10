import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { resolveStaffSession } from "../middleware/staff-auth.js";
import { csrfTokenFor } from "../services/staff/staff-auth.js";
import { mayUse, type StaffArea } from "../services/staff/permissions.js";
import { handoverWaitingCounts } from "../services/chat/handover.js";
import type { ConsoleDeps, ConsoleEnv } from "./context.js";
import { forbiddenPage } from "./layout.js";

/**
 * Console pages of one work area: without a session, the login page (then back here); with a
 * role that may not use the area, a 403 page; a cookie request that changes something must carry
 * the CSRF token (see middleware/staff-auth.ts). It also loads what every page's frame shows
 * besides the staff member (the handover badge), so pages are drawn from data already loaded.
 */
export function consoleGuard(deps: Pick<ConsoleDeps, "db" | "now">, area: StaffArea): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const session = await resolveStaffSession(deps, c);
    if (!session) {
      const expired = Boolean(getCookie(c, "hccd_staff"));
      const target = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/staff";
      return c.redirect(`/staff/login?next=${encodeURIComponent(target)}${expired ? "&expired=1" : ""}`, 303);
    }
    c.set("staff", session.staff);
    c.set("staffToken", session.token);
    c.set("csrf", csrfTokenFor(session.token));
    c.set("handoverWaiting", mayUse(session.staff.role, "handover") ? await handoverWaitingCounts(deps, session.staff) : null);
    if (!mayUse(session.staff.role, area)) return c.html(forbiddenPage(c), 403);
    await next();
  };
}
