import { Hono } from "hono";
import { z } from "zod";
import { normalizeVnPhone, zodIssuesToFields } from "@hccd/shared";
import type { ZaloSimulator } from "../adapters/zalo/simulator.js";
import { wantsMessagesPage, zaloMessagesPage } from "./zalo-messages-page.js";

const phoneField = z.string().transform((s, ctx) => {
  const r = normalizeVnPhone(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: "is not a Vietnamese mobile number" });
    return z.NEVER;
  }
  return r.value;
});

/**
 * The simulator's own routes, mounted at `/sim/zalo` in sim mode only: what was delivered, and the
 * dev identity the Mini App uses in a browser outside Zalo.
 */
export function createZaloSimRoutes(sim: ZaloSimulator) {
  const app = new Hono();
  const invalid = (issues: z.core.$ZodIssue[]) => ({ error: { code: "validation_failed", message: "invalid request", fields: zodIssuesToFields(issues) } });

  app.get("/messages", (c) => {
    // A person's browser gets a page (sim/zalo-messages-page.tsx); programs get JSON.
    c.header("Vary", "Accept");
    if (wantsMessagesPage(c)) return zaloMessagesPage(c, sim);
    const userId = c.req.query("userId");
    const phone = c.req.query("phone");
    if (!userId && !phone) return c.json({ error: { code: "validation_failed", message: "give userId or phone", fields: [{ path: "userId", message: "userId or phone is required" }] } }, 422);
    if (phone && !normalizeVnPhone(phone).ok) return c.json({ error: { code: "validation_failed", message: "invalid phone", fields: [{ path: "phone", message: "is not a Vietnamese mobile number" }] } }, 422);
    return c.json({ messages: sim.messages({ ...(userId ? { userId } : {}), ...(phone ? { phone } : {}) }) });
  });

  /** Delivery counts (ZNS per tracking id): a crash test or a benchmark in another process checks exactly-once here. */
  app.get("/stats", (c) => {
    const counts = sim.deliveriesPerTrackingId();
    let duplicated = 0;
    for (const n of counts.values()) if (n > 1) duplicated++;
    // Requests that repeated a tracking id already delivered: resends the tracking id made harmless.
    let resent = 0;
    for (const n of sim.requestsPerTrackingId().values()) resent += n - 1;
    return c.json({ delivered: sim.messages().length, trackingIds: counts.size, duplicated, resent });
  });

  app.post("/dev-login", async (c) => {
    const r = z.object({ userId: z.string().regex(/^\d{1,32}$/, "must be digits").optional(), name: z.string().max(100).optional() }).safeParse(await c.req.json().catch(() => ({})));
    if (!r.success) return c.json(invalid(r.error.issues), 422);
    return c.json(sim.issueAccessToken({ ...(r.data.userId ? { userId: r.data.userId } : {}), ...(r.data.name ? { name: r.data.name } : {}) }));
  });

  app.post("/phone-token", async (c) => {
    const r = z.object({ accessToken: z.string().min(1), phone: phoneField }).safeParse(await c.req.json().catch(() => null));
    if (!r.success) return c.json(invalid(r.error.issues), 422);
    try {
      return c.json(sim.issuePhoneToken(r.data));
    } catch {
      return c.json({ error: { code: "validation_failed", message: "unknown access token", fields: [{ path: "accessToken", message: "is not a simulator token" }] } }, 422);
    }
  });

  /**
   * What Zalo learns when a user acts (follows, writes): a test that signs and delivers the event to
   * our webhook itself (to several instances at once) tells the simulator here, so that the 7-day
   * window and the follower rule let the OA answer, as they do when the chat simulator delivers it.
   */
  app.post("/observe", async (c) => {
    const r = z.object({ event_name: z.string().min(1), timestamp: z.string().regex(/^\d{1,15}$/, "must be milliseconds as a string"), sender: z.object({ id: z.string().min(1) }).optional(), follower: z.object({ id: z.string().min(1) }).optional() }).safeParse(await c.req.json().catch(() => null));
    if (!r.success) return c.json(invalid(r.error.issues), 422);
    sim.observeEvent(r.data);
    return c.json({ ok: true });
  });

  app.post("/follow", async (c) => {
    const r = z.object({ userId: z.string().min(1), following: z.boolean() }).safeParse(await c.req.json().catch(() => null));
    if (!r.success) return c.json(invalid(r.error.issues), 422);
    sim.setFollower(r.data.userId, r.data.following);
    return c.json({ ok: true });
  });
  return app;
}
