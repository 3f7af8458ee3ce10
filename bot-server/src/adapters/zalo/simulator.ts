import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { randomBytes } from "node:crypto";
import { normalizeVnPhone, nextSendableAt, vietnamDate, CS_WINDOW_MS } from "@hccd/shared";

export interface SimTemplate {
  /** The approved text, with `{{param}}` placeholders. */
  body: string;
  /** Buttons whose URL comes from a template parameter. */
  buttons?: { title: string; urlParam: string }[];
}

export interface SimMessage {
  id: string;
  channel: "oa" | "zns";
  userId?: string;
  phone?: string;
  templateId?: string;
  templateData?: Record<string, string>;
  /** What the citizen reads: the OA text, or the ZNS template rendered with its parameters. */
  text: string;
  /** As Zalo shows them: a link button has its `url`; a quick reply has the `payload` it sends back. */
  buttons: { title: string; url?: string; payload?: string }[];
  trackingId?: string;
  sentAt: string;
}

/** ZNS limit: a rendered template body of at most 400 characters (zalo.md). */
const ZNS_MAX_CHARS = 400;
const PHONE_TOKEN_TTL_MS = 2 * 60_000;

/**
 * Request bodies as Zalo reads them. Lenient on purpose (unknown keys pass, values are checked
 * only where the platform checks them): a body that fails is answered like Zalo, HTTP 200 with a
 * non-zero `error`, never a 4xx.
 */
const csMessageBody = z.object({
  recipient: z.object({ user_id: z.string().min(1) }),
  message: z.union([
    z.object({ text: z.string().min(1) }),
    z.object({
      attachment: z.object({
        type: z.literal("template"),
        payload: z.object({
          template_type: z.literal("button"),
          text: z.string(),
          buttons: z.array(z.object({ title: z.string(), type: z.string(), payload: z.unknown() })).max(5),
        }),
      }),
    }),
  ]),
});
const znsBody = z.object({
  phone: z.string(),
  template_id: z.string(),
  template_data: z.record(z.string(), z.coerce.string()).default({}),
  tracking_id: z.string().optional(),
});

/**
 * A stand-in for Zalo's OA, ZNS and Graph APIs: the real HTTP clients talk to `api` exactly as they
 * would talk to Zalo, and the simulator keeps what was delivered for tests and the demo. It enforces
 * what the real platform enforces and the code must cope with: the access token, the follower rule
 * and 7-day window for customer-service messages, template parameters and length, the daily ZNS
 * quota, one-time 2-minute phone tokens, and (optionally) the night block.
 */
export function createZaloSimulator(opts: {
  templates: Record<string, SimTemplate>;
  now?: () => Date;
  enforceNightBlock?: boolean;
  dailyQuota?: number;
  oaAccessToken?: string;
  appSecret?: string;
  /**
   * Delivery receipts, as Zalo sends them: a `user_received_message` webhook event for each message
   * actually delivered (none for a refused send or a repeated tracking id), `delayMs` after the
   * answer (0: at once, after the answer). `deliver` signs and posts it to our webhook. Off when absent.
   */
  receipts?: { delayMs: number; appId: string; oaId: string; deliver: (event: Record<string, unknown> & { timestamp: string }) => Promise<void> };
}) {
  const now = opts.now ?? (() => new Date());
  const oaTokens = new Set([opts.oaAccessToken ?? "sim-oa-access-token"]);
  const appSecret = opts.appSecret ?? "sim-app-secret";
  const dailyQuota = opts.dailyQuota ?? 10_000;
  const users = new Map<string, { name: string | null; follower: boolean; lastInteractionAt: number | null }>();
  const accessTokens = new Map<string, string>();
  const phoneTokens = new Map<string, { accessToken: string; phone: string; expiresAt: number }>();
  const byTracking = new Map<string, SimMessage>();
  /** ZNS requests per tracking id, repeats included: a resend the tracking id made harmless still shows here. */
  const requestsByTracking = new Map<string, number>();
  /** OAuth: refresh tokens are single-use (zalo.md); every refresh is counted. */
  const refreshTokens = new Map<string, "valid" | "used">();
  let refreshCalls = 0;
  let sent: SimMessage[] = [];
  let quotaUsed = { day: "", count: 0 };
  /** Receipts on their way (waiting for their delay or being delivered), each with a way to drop it. */
  const receiptsOnTheWay = new Map<Promise<void>, () => void>();
  /**
   * The receipt of a delivered message (zalo.md: `user_received_message`, `message{msg_id,
   * tracking_id, delivery_time}`, correlated on the tracking id for ZNS), stamped when it leaves.
   * An OA message's receipt names its user as the sender and the OA as the recipient, like every
   * `user_*` event; a ZNS message went to a phone number, whose Zalo user we may not know, so
   * its receipt names no user.
   */
  function sendReceipt(msg: SimMessage): void {
    const r = opts.receipts;
    if (!r) return;
    const fire = (): Promise<void> => {
      const at = String(now().getTime());
      const event = {
        app_id: r.appId,
        event_name: "user_received_message",
        timestamp: at,
        ...(msg.userId ? { sender: { id: msg.userId } } : {}),
        recipient: { id: r.oaId },
        message: { msg_id: msg.id, ...(msg.trackingId ? { tracking_id: msg.trackingId } : {}), delivery_time: at },
      };
      return r.deliver(event).catch(() => undefined);
    };
    // After the answer in any case: Zalo's receipt is a request of its own.
    let drop = () => undefined as void;
    const p: Promise<void> = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), Math.max(0, r.delayMs));
      timer.unref();
      drop = () => {
        clearTimeout(timer);
        resolve(false);
      };
    })
      .then((go) => (go ? fire() : undefined))
      .finally(() => receiptsOnTheWay.delete(p));
    receiptsOnTheWay.set(p, () => drop());
  }
  /** Phones with no Zalo account: ZNS cannot reach them (-118), SMS must. */
  const withoutZalo = new Set<string>();
  let seq = 0;

  /** Vietnam's date, worked out once a second at most (asked on every send). */
  let dayCache = { at: 0, day: "" };
  const today = () => {
    const t = now().getTime();
    if (Math.floor(t / 1000) !== Math.floor(dayCache.at / 1000) || !dayCache.day) dayCache = { at: t, day: vietnamDate(new Date(t)) };
    return dayCache.day;
  };
  // A random part per simulator, a counter per message: unique, and cheap at thousands a second.
  const instance = randomBytes(3).toString("hex");
  const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${instance}${(++seq).toString(36)}`;
  const nightBlocked = () => opts.enforceNightBlock === true && nextSendableAt(now(), { startHour: 22, endHour: 6 }).getTime() !== now().getTime();
  const fail = (error: number, message: string) => ({ error, message });
  /** As the citizen sees a button: a link shows its URL; a quick reply keeps the payload it sends back. */
  const showButton = (b: { title: string; type: string; payload: unknown }): SimMessage["buttons"][number] => {
    if (b.type === "oa.open.url") return { title: b.title, url: z.object({ url: z.string() }).safeParse(b.payload).data?.url ?? "" };
    if (b.type === "oa.query.show" || b.type === "oa.query.hide") return { title: b.title, payload: String(b.payload) };
    return { title: b.title };
  };

  function render(body: string, data: Record<string, string>): { text: string; missing: string[] } {
    const missing: string[] = [];
    const text = body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => {
      const v = data[k];
      if (v === undefined) missing.push(k);
      return v ?? "";
    });
    return { text, missing };
  }

  const api = new Hono();

  /** Message sends still to be answered with a server error (`failNextSends`: retry tests). */
  let outage: { remaining: number; status: 500 | 502 | 503 } = { remaining: 0, status: 503 };
  const failingSends: MiddlewareHandler = async (c, next) => {
    if (outage.remaining <= 0) return next();
    outage = { ...outage, remaining: outage.remaining - 1 };
    return c.text("Service Unavailable", outage.status);
  };
  api.use("/v3.0/oa/message/cs", failingSends);
  api.use("/message/template", failingSends);

  api.post("/v3.0/oa/message/cs", async (c) => {
    // Zalo's header is `access_token: <token>`, not `Authorization: Bearer`.
    if (!oaTokens.has(c.req.header("access_token") ?? "")) return c.json(fail(-216, "Access token is invalid"));
    if (nightBlocked()) return c.json(fail(-133, "Message is blocked at night"));
    const parsed = csMessageBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(fail(-201, "Parameters are invalid"));
    const { recipient, message } = parsed.data;
    const user = users.get(recipient.user_id);
    if (!user?.follower) return c.json(fail(-213, "User has not followed the OA"));
    // Customer-service messages only within 7 days of the user's last interaction with the OA.
    if (user.lastInteractionAt === null || now().getTime() - user.lastInteractionAt >= CS_WINDOW_MS) return c.json(fail(-230, "User has not interacted with the OA in the last 7 days"));
    const text = "text" in message ? message.text : message.attachment.payload.text;
    const buttons = ("attachment" in message ? message.attachment.payload.buttons : []).map(showButton);
    const msg: SimMessage = { id: newId("oa"), channel: "oa", userId: recipient.user_id, text, buttons, sentAt: now().toISOString() };
    sent.push(msg);
    sendReceipt(msg);
    return c.json({ error: 0, message: "Success", data: { message_id: msg.id, user_id: recipient.user_id } });
  });

  api.post("/message/template", async (c) => {
    if (!oaTokens.has(c.req.header("access_token") ?? "")) return c.json(fail(-124, "Access token is invalid"));
    const parsed = znsBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(fail(-100, "Parameters are invalid"));
    const body = parsed.data;
    if (body.tracking_id !== undefined) requestsByTracking.set(body.tracking_id, (requestsByTracking.get(body.tracking_id) ?? 0) + 1);
    // A repeated tracking id is answered with the first message, whatever the hour or the quota:
    // a retry never delivers twice.
    const previous = body.tracking_id === undefined ? undefined : byTracking.get(body.tracking_id);
    if (previous) return c.json({ error: 0, message: "Success", data: { msg_id: previous.id, sent_time: String(Date.parse(previous.sentAt)), quota: quota() } });
    if (nightBlocked()) return c.json(fail(-133, "Message is blocked at night"));
    // ZNS wants exactly the `84…` form; `09…` or `+84…` are refused.
    const phone = normalizeVnPhone(body.phone);
    if (!phone.ok || body.phone !== phone.value) return c.json(fail(-108, "Phone number is invalid"));
    if (withoutZalo.has(phone.value)) return c.json(fail(-118, "Zalo account is not existed or inactive"));
    const template = opts.templates[body.template_id];
    if (!template) return c.json(fail(-109, "Template is invalid"));
    const data = body.template_data;
    const { text, missing } = render(template.body, data);
    if (missing.length > 0) return c.json(fail(-1122, `Missing template parameter: ${missing.join(", ")}`));
    if (text.length > ZNS_MAX_CHARS) return c.json(fail(-1121, `Rendered message is ${text.length} characters, more than ${ZNS_MAX_CHARS}`));
    if (quotaUsedToday() >= dailyQuota) return c.json(fail(-144, "Daily quota exceeded"));
    quotaUsed.count++;
    const msg: SimMessage = {
      id: newId("zns"),
      channel: "zns",
      phone: phone.value,
      templateId: body.template_id,
      templateData: data,
      text,
      buttons: (template.buttons ?? []).map((b) => ({ title: b.title, url: data[b.urlParam] ?? "" })),
      ...(body.tracking_id === undefined ? {} : { trackingId: body.tracking_id }),
      sentAt: now().toISOString(),
    };
    sent.push(msg);
    if (body.tracking_id !== undefined) byTracking.set(body.tracking_id, msg);
    sendReceipt(msg);
    return c.json({ error: 0, message: "Success", data: { msg_id: msg.id, sent_time: String(now().getTime()), quota: quota() } });
  });

  api.post("/v4/oa/access_token", async (c) => {
    if (c.req.header("secret_key") !== appSecret) return c.json({ error: -14002, error_name: "Invalid secret key" });
    const form = new URLSearchParams(await c.req.text());
    refreshCalls++;
    const token = form.get("refresh_token") ?? "";
    if (form.get("grant_type") !== "refresh_token") return c.json({ error: -14001, error_name: "Invalid grant type" });
    const state = refreshTokens.get(token);
    if (state !== "valid") return c.json({ error: -14014, error_name: state === "used" ? "Refresh token was already used" : "Invalid refresh token" });
    refreshTokens.set(token, "used");
    const pair = { access_token: `sim-oa-at-${randomBytes(8).toString("hex")}`, refresh_token: `sim-oa-rt-${randomBytes(8).toString("hex")}`, expires_in: "90000" };
    refreshTokens.set(pair.refresh_token, "valid");
    oaTokens.add(pair.access_token);
    return c.json(pair);
  });

  api.get("/v2.0/me", (c) => {
    const userId = accessTokens.get(c.req.header("access_token") ?? "");
    if (!userId) return c.json(fail(-501, "Access token is invalid or expired"));
    return c.json({ id: userId, name: users.get(userId)?.name ?? null, error: 0, message: "Success" });
  });

  api.get("/v2.0/me/info", (c) => {
    if (c.req.header("secret_key") !== appSecret) return c.json(fail(-2001, "Application secret key is invalid"));
    const accessToken = c.req.header("access_token") ?? "";
    if (!accessTokens.has(accessToken)) return c.json(fail(-501, "Access token is invalid or expired"));
    const code = c.req.header("code") ?? "";
    const entry = phoneTokens.get(code);
    // One-time token: used, expired, or issued to someone else is all the same refusal.
    phoneTokens.delete(code);
    if (!entry || entry.accessToken !== accessToken || entry.expiresAt <= now().getTime()) return c.json(fail(-2003, "Code is invalid or expired"));
    return c.json({ error: 0, message: "Success", data: { number: entry.phone } });
  });

  /** Sends counted against today's quota; the quota resets at midnight Vietnam time. */
  function quotaUsedToday(): number {
    const day = today();
    if (quotaUsed.day !== day) quotaUsed = { day, count: 0 };
    return quotaUsed.count;
  }

  /** Zalo sends the quota numbers as strings; the client coerces them. */
  function quota() {
    return { dailyQuota: String(dailyQuota), remainingQuota: String(Math.max(0, dailyQuota - quotaUsedToday())) };
  }

  /** A fresh user id shaped like Zalo's: a string of 19 digits, too large for a JS number. */
  function newUserId(): string {
    for (;;) {
      const id = String(1_000_000_000_000_000_000n + (BigInt(`0x${randomBytes(8).toString("hex")}`) % 9_000_000_000_000_000_000n));
      if (!users.has(id)) return id;
    }
  }

  return {
    api,
    /** A refresh token the OA was authorised with (as an administrator would obtain it). */
    issueOaRefreshToken(): string {
      const token = `sim-oa-rt-${randomBytes(8).toString("hex")}`;
      refreshTokens.set(token, "valid");
      return token;
    },
    /** How many refresh calls reached the OAuth endpoint. */
    oauthRefreshCalls: () => refreshCalls,
    /** Dev identity: an access token for a (new or given) simulated Zalo user. */
    issueAccessToken(input: { userId?: string; name?: string } = {}): { accessToken: string; userId: string } {
      const userId = input.userId ?? newUserId();
      const existing = users.get(userId);
      users.set(userId, { name: input.name ?? existing?.name ?? null, follower: existing?.follower ?? false, lastInteractionAt: existing?.lastInteractionAt ?? null });
      const accessToken = `sim-at-${randomBytes(16).toString("hex")}`;
      accessTokens.set(accessToken, userId);
      return { accessToken, userId };
    },
    /** What `getPhoneNumber()` would hand the Mini App: a one-time token, valid 2 minutes. */
    issuePhoneToken(input: { accessToken: string; phone: string }): { token: string } {
      const phone = normalizeVnPhone(input.phone);
      if (!phone.ok) throw new Error(`not a Vietnamese mobile number: ${input.phone}`);
      if (!accessTokens.has(input.accessToken)) throw new Error("unknown access token");
      const token = `sim-pt-${randomBytes(16).toString("hex")}`;
      phoneTokens.set(token, { accessToken: input.accessToken, phone: phone.value, expiresAt: now().getTime() + PHONE_TOKEN_TTL_MS });
      return { token };
    },
    /**
     * What Zalo itself learns when a user acts (the simulator "delivers" this event to our webhook):
     * messages and follows open the 7-day window; follow and unfollow change the follower status.
     */
    observeEvent(event: { event_name: string; timestamp: string; sender?: { id: string }; follower?: { id: string } }) {
      const userId = event.follower?.id ?? event.sender?.id;
      if (!userId || event.event_name.startsWith("oa_send_")) return;
      const u = users.get(userId) ?? { name: null, follower: false, lastInteractionAt: null };
      const interacted = event.event_name.startsWith("user_send_") || event.event_name === "user_submit_info" || event.event_name === "follow";
      users.set(userId, {
        ...u,
        follower: event.event_name === "follow" ? true : event.event_name === "unfollow" ? false : u.follower,
        lastInteractionAt: interacted ? Number(event.timestamp) : u.lastInteractionAt,
      });
    },
    /** The next `n` message sends (OA or ZNS) fail with an HTTP `status`, as in an outage: retried later. */
    failNextSends(n: number, status: 500 | 502 | 503 = 503) {
      outage = { remaining: n, status };
    },
    /** This phone has no Zalo account (ZNS answers -118); any common form of the number. */
    setWithoutZalo(phone: string) {
      const p = normalizeVnPhone(phone);
      if (!p.ok) throw new Error(`not a Vietnamese mobile number: ${phone}`);
      withoutZalo.add(p.value);
    },
    setFollower(userId: string, following: boolean) {
      const u = users.get(userId) ?? { name: null, follower: false, lastInteractionAt: null };
      users.set(userId, { ...u, follower: following });
    },
    recordInteraction(userId: string, at: Date) {
      const u = users.get(userId) ?? { name: null, follower: false, lastInteractionAt: null };
      users.set(userId, { ...u, lastInteractionAt: at.getTime() });
    },
    /** Messages delivered, oldest first; filtered by OA user id or by phone (any common form). */
    messages(filter: { userId?: string; phone?: string } = {}): SimMessage[] {
      const phone = filter.phone ? normalizeVnPhone(filter.phone) : null;
      return sent.filter((m) => (filter.userId === undefined || m.userId === filter.userId) && (!phone || (phone.ok && m.phone === phone.value)));
    },
    /** Deliveries per ZNS tracking id: a retry must never make this more than 1. */
    deliveriesPerTrackingId(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const m of sent) if (m.trackingId) counts.set(m.trackingId, (counts.get(m.trackingId) ?? 0) + 1);
      return counts;
    },
    /**
     * ZNS requests per tracking id, repeats included. A count above 1 is a resend (after a crash
     * between the send and its record, or a retry after a lost answer) that the tracking id kept
     * from reaching the citizen twice: exactly once here depends on the platform honouring it.
     */
    requestsPerTrackingId(): Map<string, number> {
      return new Map(requestsByTracking);
    },
    /** Waits for the receipts on their way (their delay, then their delivery). */
    async idle(): Promise<void> {
      while (receiptsOnTheWay.size) await Promise.all([...receiptsOnTheWay.keys()]);
    },
    /** Drops the receipts still waiting for their delay (the process is stopping) and waits for those being delivered. */
    async stopReceipts(): Promise<void> {
      for (const drop of receiptsOnTheWay.values()) drop();
      await Promise.all([...receiptsOnTheWay.keys()]);
    },
    /** Forgets what was sent (messages, tracking ids, today's quota); users and tokens stay valid. */
    reset() {
      sent = [];
      byTracking.clear();
      requestsByTracking.clear();
      quotaUsed = { day: "", count: 0 };
    },
  };
}

export type ZaloSimulator = ReturnType<typeof createZaloSimulator>;
