import { Hono } from "hono";
import { z } from "zod";
import { normalizeVnPhone, zodIssuesToFields } from "@hccd/shared";
import type { Config } from "../config.js";
import type { ZaloSimulator } from "../adapters/zalo/simulator.js";
import { followEvent, signEvent, textEvent, userEvent, type EventUser } from "../webhook/events.js";
import type { MacSecrets } from "../webhook/signature.js";
import { CHAT_PAGE_HTML } from "./chat-page.js";

const sendSchema = z.object({
  user: z.object({ oaUserId: z.string().regex(/^\d{1,32}$/, "must be digits"), appUserId: z.string().regex(/^\d{1,32}$/, "must be digits").optional() }),
  action: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("text"), text: z.string().min(1, "must not be empty").max(2000) }),
    z.object({ kind: z.literal("follow") }),
    z.object({ kind: z.literal("unfollow") }),
    z.object({ kind: z.literal("image") }),
    z.object({ kind: z.literal("sticker") }),
    z.object({ kind: z.literal("share_phone"), phone: z.string().min(9).max(20) }),
    z.object({ kind: z.literal("verify_phone"), phone: z.string().min(9).max(20) }),
  ]),
});

/**
 * `/sim/chat`: a page where a person chats with the OA as a citizen would in Zalo. Every action
 * becomes a webhook event, signed with the (simulated) OA secret and posted to our real
 * `/webhooks/zalo` — the same path Zalo uses — and the replies are read back from what the Zalo
 * simulator delivered. Sim mode only.
 */
export function createChatSimRoutes(deps: { config: Config; sim: ZaloSimulator; now: () => Date; deliver: (body: string, signature: string) => Promise<Response>; callApi: (path: string, init: RequestInit) => Promise<Response> }) {
  const app = new Hono();
  const secrets: MacSecrets = { appId: deps.config.ZALO_APP_ID ?? "", oaId: deps.config.ZALO_OA_ID ?? "", oaSecretKey: deps.config.ZALO_OA_SECRET_KEY ?? "", appSecret: deps.config.ZALO_APP_SECRET ?? "" };
  const variant = deps.config.ZALO_WEBHOOK_MAC === "any" ? "app_id+oa_secret" : deps.config.ZALO_WEBHOOK_MAC;

  app.get("/", (c) => c.html(CHAT_PAGE_HTML));

  /**
   * What the Mini App does when this chat user shares their phone there: Zalo's one-time phone
   * token, exchanged by our real `POST /api/me/phone`. A phone typed into the OA's form
   * (`share_phone`) is contact data only; this is the phone that opens the user's dossiers.
   */
  async function verifyInMiniApp(user: EventUser, phoneInput: string) {
    const phone = normalizeVnPhone(phoneInput);
    if (!phone.ok || !user.appUserId) return { delivered: false, status: 422, event: "mini_app_phone" };
    const { accessToken } = deps.sim.issueAccessToken({ userId: user.appUserId });
    const { token } = deps.sim.issuePhoneToken({ accessToken, phone: phone.value });
    const res = await deps.callApi("/api/me/phone", { method: "POST", headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" }, body: JSON.stringify({ phoneToken: token }) });
    return { delivered: res.status === 200, status: res.status, event: "mini_app_phone" };
  }

  app.post("/send", async (c) => {
    const r = sendSchema.safeParse(await c.req.json().catch(() => null));
    if (!r.success) return c.json({ error: { code: "validation_failed", message: "invalid chat action", fields: zodIssuesToFields(r.error.issues) } }, 422);
    const user: EventUser = r.data.user;
    const now = deps.now();
    const a = r.data.action;
    if (a.kind === "verify_phone") return c.json(await verifyInMiniApp(user, a.phone));
    const event =
      a.kind === "text" ? textEvent(secrets, user, a.text, now)
      : a.kind === "follow" || a.kind === "unfollow" ? followEvent(secrets, user, now, a.kind === "follow")
      : a.kind === "share_phone" ? userEvent(secrets, user, "user_submit_info", now, undefined, { info: { name: "", phone: a.phone } })
      : userEvent(secrets, user, a.kind === "image" ? "user_send_image" : "user_send_sticker", now, { msg_id: `${a.kind}-${now.getTime()}`, attachments: [{ type: a.kind, payload: { url: "" } }] });
    // Zalo knows its users: following and writing open the 7-day window for replies.
    deps.sim.observeEvent(event);
    const { body, signature } = signEvent(event, secrets, variant);
    const res = await deps.deliver(body, signature);
    return c.json({ delivered: res.status === 200, status: res.status, event: event.event_name });
  });
  return app;
}
