import { describe, expect, it } from "vitest";
import { createZaloSimulator } from "./simulator.js";
import { createZaloSimRoutes } from "../../sim/zalo-sim-routes.js";

const templates = {
  due: { body: "Giấy phép {{ no }} của {{name}} hết hạn ngày {{date}}.", buttons: [{ title: "Gia hạn", urlParam: "link" }] },
};
const DAY = 86_400_000;

/** A simulator on a settable clock; `zalo(...)` calls its Zalo API the way the HTTP clients do. */
function world(opts: { at?: string; enforceNightBlock?: boolean; dailyQuota?: number; receipts?: Parameters<typeof createZaloSimulator>[0]["receipts"] } = {}) {
  let t = Date.parse(opts.at ?? "2026-11-24T03:00:00Z"); // 10:00 in Vietnam
  const sim = createZaloSimulator({
    templates,
    now: () => new Date(t),
    ...(opts.receipts ? { receipts: opts.receipts } : {}),
    ...(opts.enforceNightBlock === undefined ? {} : { enforceNightBlock: opts.enforceNightBlock }),
    ...(opts.dailyQuota === undefined ? {} : { dailyQuota: opts.dailyQuota }),
  });
  const zalo = async (path: string, body: unknown, token = "sim-oa-access-token") => {
    const res = await sim.api.request(path, { method: "POST", headers: { access_token: token, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(200); // Zalo answers errors with HTTP 200 too
    return (await res.json()) as { error: number; message: string; data?: Record<string, unknown> };
  };
  const zns = (over: Record<string, unknown> = {}) =>
    zalo("/message/template", { phone: "84912345678", template_id: "due", template_data: { no: "GP-1", name: "Lan", date: "2026-12-01", link: "https://x.test/r" }, tracking_id: "tr-1", ...over });
  return { sim, zalo, zns, advance: (ms: number) => void (t += ms), routes: createZaloSimRoutes(sim) };
}

describe("Zalo simulator: OA customer-service window", () => {
  it("opens the 7-day window at the last interaction and closes it exactly 7 days later", async () => {
    const w = world();
    const { userId } = w.sim.issueAccessToken({});
    w.sim.setFollower(userId, true);
    w.sim.recordInteraction(userId, new Date(Date.parse("2026-11-24T03:00:00Z")));
    w.advance(7 * DAY - 1);
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "còn kịp" } })).error).toBe(0);
    w.advance(1);
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "trễ" } })).error).toBe(-230);
    expect(w.sim.messages({ userId }).map((m) => m.text)).toEqual(["còn kịp"]);
  });

  it("learns follows and interactions from webhook events", async () => {
    const w = world();
    const userId = "4321987654321987654";
    w.sim.observeEvent({ event_name: "follow", timestamp: String(Date.parse("2026-11-24T02:00:00Z")), follower: { id: userId } });
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "chào" } })).error).toBe(0);
    w.sim.observeEvent({ event_name: "unfollow", timestamp: String(Date.parse("2026-11-24T02:30:00Z")), follower: { id: userId } });
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "chào" } })).error).toBe(-213);
  });

  it("refuses a malformed message and an unknown OA token like Zalo: HTTP 200, non-zero error", async () => {
    const w = world();
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: {} })).error).toBe(-201);
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: "1" }, message: { text: "x" } }, "stolen")).error).toBe(-216);
  });

  it("keeps quick-reply payloads and link URLs of template buttons", async () => {
    const w = world();
    const { userId } = w.sim.issueAccessToken({});
    w.sim.setFollower(userId, true);
    w.sim.recordInteraction(userId, new Date(Date.parse("2026-11-24T02:00:00Z")));
    const buttons = [
      { title: "Có", type: "oa.query.show", payload: "#yes" },
      { title: "Mở", type: "oa.open.url", payload: { url: "https://x.test/a" } },
      { title: "Gọi", type: "oa.open.phone", payload: { phone_code: "0912345678" } },
    ];
    await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { attachment: { type: "template", payload: { template_type: "button", text: "Chọn", buttons } } } });
    expect(w.sim.messages({ userId })[0]?.buttons).toEqual([{ title: "Có", payload: "#yes" }, { title: "Mở", url: "https://x.test/a" }, { title: "Gọi" }]);
  });

  it("blocks messages from 22:00 to 06:00 Vietnam time when asked to", async () => {
    const night = world({ enforceNightBlock: true, at: "2026-11-24T22:30:00Z" }); // 05:30 in Vietnam
    expect((await night.zalo("/v3.0/oa/message/cs", { recipient: { user_id: "1" }, message: { text: "x" } })).error).toBe(-133);
    expect((await night.zns()).error).toBe(-133);
    night.advance(30 * 60_000); // 06:00
    expect((await night.zns()).error).toBe(0);
    const lenient = world({ at: "2026-11-24T16:00:00Z" }); // 23:00, night block off by default
    expect((await lenient.zns()).error).toBe(0);
  });
});

describe("Zalo simulator: ZNS", () => {
  it("renders the template with its parameters, link buttons from their parameter", async () => {
    const w = world();
    expect(await w.zns()).toMatchObject({ error: 0, data: { msg_id: expect.any(String), quota: { dailyQuota: "10000", remainingQuota: "9999" } } });
    expect(w.sim.messages({ phone: "+84 912 345 678" })).toEqual([
      expect.objectContaining({
        channel: "zns",
        phone: "84912345678",
        templateId: "due",
        text: "Giấy phép GP-1 của Lan hết hạn ngày 2026-12-01.",
        buttons: [{ title: "Gia hạn", url: "https://x.test/r" }],
        trackingId: "tr-1",
      }),
    ]);
  });

  it("answers a repeated tracking id with the first message, even at night or out of quota", async () => {
    const w = world({ enforceNightBlock: true, dailyQuota: 1, at: "2026-11-24T14:59:00Z" }); // 21:59
    const first = await w.zns();
    w.advance(2 * 60_000); // 22:01, and the quota is spent
    const again = await w.zns();
    expect(again).toMatchObject({ error: 0, data: { msg_id: first.data?.msg_id } });
    expect(w.sim.deliveriesPerTrackingId()).toEqual(new Map([["tr-1", 1]]));
  });

  it("resets the daily quota at midnight Vietnam time, not UTC", async () => {
    const w = world({ dailyQuota: 1, at: "2026-11-24T16:30:00Z" }); // 23:30 on the 24th in Vietnam
    expect((await w.zns({ tracking_id: "a" })).error).toBe(0);
    expect((await w.zns({ tracking_id: "b" })).error).toBe(-144);
    w.advance(30 * 60_000); // 00:00 on the 25th in Vietnam, still the 24th in UTC
    expect((await w.zns({ tracking_id: "b" })).error).toBe(0);
  });

  it("refuses a malformed body, a phone in the wrong form, and a parameter that makes the text too long", async () => {
    const w = world();
    expect((await w.zns({ template_id: 42 })).error).toBe(-100);
    expect((await w.zns({ phone: "+84912345678" })).error).toBe(-108);
    expect((await w.zns({ phone: "84212345678" })).error).toBe(-108); // a landline
    expect((await w.zns({ template_data: { no: "1", name: "x".repeat(400), date: "d", link: "" } })).error).toBe(-1121);
    expect(w.sim.messages({ phone: "84912345678" })).toEqual([]);
  });

  it("forgets what was sent on reset, but not who is logged in", async () => {
    const w = world({ dailyQuota: 1 });
    const { accessToken } = w.sim.issueAccessToken({ name: "Lan" });
    await w.zns();
    w.sim.reset();
    expect(w.sim.messages()).toEqual([]);
    expect(w.sim.deliveriesPerTrackingId().size).toBe(0);
    expect((await w.zns()).error).toBe(0); // quota and tracking ids forgotten too
    const me = await w.sim.api.request("/v2.0/me?fields=id,name", { headers: { access_token: accessToken } });
    expect(await me.json()).toMatchObject({ error: 0, name: "Lan" });
  });
});

describe("Zalo simulator: dev identity", () => {
  it("issues distinct 19-digit string user ids, or the one asked for", () => {
    const w = world();
    const ids = Array.from({ length: 50 }, () => w.sim.issueAccessToken({}).userId);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^\d{19}$/);
    expect(w.sim.issueAccessToken({ userId: "123" }).userId).toBe("123");
  });

  it("refuses a phone token for a landline or an unknown access token", () => {
    const w = world();
    const { accessToken } = w.sim.issueAccessToken({});
    expect(() => w.sim.issuePhoneToken({ accessToken, phone: "0281234567" })).toThrow();
    expect(() => w.sim.issuePhoneToken({ accessToken: "nope", phone: "0912345678" })).toThrow();
  });
});

describe("/sim/zalo routes", () => {
  const post = (w: ReturnType<typeof world>, path: string, body: unknown) =>
    w.routes.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("logs in a dev user, hands out a phone token, and makes them a follower", async () => {
    const w = world();
    const login = await post(w, "/dev-login", { name: "Lan" });
    expect(login.status).toBe(200);
    const { accessToken, userId } = (await login.json()) as { accessToken: string; userId: string };
    const pt = await post(w, "/phone-token", { accessToken, phone: "0912 345 678" });
    expect(await pt.json()).toEqual({ token: expect.any(String) });
    expect((await post(w, "/follow", { userId, following: true })).status).toBe(200);
    w.sim.recordInteraction(userId, new Date(Date.parse("2026-11-24T02:00:00Z")));
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "chào" } })).error).toBe(0);
  });

  it("counts a resend under a tracking id already delivered in /stats, though the citizen gets one message", async () => {
    const w = world();
    await w.zns();
    await w.zns();
    await w.zns({ tracking_id: "tr-2" });
    expect(await (await w.routes.request("/stats")).json()).toEqual({ delivered: 2, trackingIds: 2, duplicated: 0, resent: 1 });
    w.sim.reset();
    expect(await (await w.routes.request("/stats")).json()).toEqual({ delivered: 0, trackingIds: 0, duplicated: 0, resent: 0 });
  });

  it("learns a follow and a message it is told of (a test delivering the event itself): the OA may then answer", async () => {
    const w = world();
    const { userId } = w.sim.issueAccessToken({});
    const send = () => w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message: { text: "chào" } });
    expect((await send()).error).toBe(-213);
    const at = String(Date.parse("2026-11-24T02:59:00Z"));
    expect((await post(w, "/observe", { event_name: "user_send_text", timestamp: at, sender: { id: userId }, message: { text: "hỏi" } })).status).toBe(200);
    expect((await send()).error).toBe(-213); // wrote, but does not follow the OA
    expect((await post(w, "/observe", { event_name: "follow", timestamp: at, follower: { id: userId } })).status).toBe(200);
    expect((await send()).error).toBe(0);
  });

  it("lists messages by user id or by phone in any common form", async () => {
    const w = world();
    await w.zns();
    const res = await w.routes.request(`/messages?phone=${encodeURIComponent("+84 912 345 678")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { messages: unknown[] }).messages).toHaveLength(1);
    const none = await w.routes.request("/messages?userId=1");
    expect(await none.json()).toEqual({ messages: [] });
  });

  it.each([
    ["GET", "/messages", undefined, "userId"],
    ["GET", "/messages?phone=12345", undefined, "phone"],
    ["POST", "/dev-login", { userId: "abc" }, "userId"],
    ["POST", "/phone-token", { accessToken: "x", phone: "not a phone" }, "phone"],
    ["POST", "/phone-token", { accessToken: "unknown", phone: "0912345678" }, "accessToken"],
    ["POST", "/follow", { userId: "1", following: "yes" }, "following"],
    ["POST", "/observe", { event_name: "follow", timestamp: "yesterday" }, "timestamp"],
  ])("%s %s with a bad request is a 422 naming the field", async (method, path, body, field) => {
    const w = world();
    const res = method === "GET" ? await w.routes.request(path) : await post(w, path, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: { code: "validation_failed", message: expect.any(String), fields: expect.arrayContaining([expect.objectContaining({ path: field })]) } });
  });
});

describe("Zalo simulator: delivery receipts", () => {
  /** A simulator that hands its receipts (webhook events) to `events`, at once. */
  function withReceipts() {
    const events: Record<string, unknown>[] = [];
    const w = world({ receipts: { delayMs: 0, appId: "1000000000000000001", oaId: "2000000000000000002", deliver: async (e) => void events.push(e) } });
    const { userId } = w.sim.issueAccessToken({});
    w.sim.setFollower(userId, true);
    w.sim.recordInteraction(userId, new Date(Date.parse("2026-11-24T02:00:00Z")));
    return { ...w, events, userId };
  }

  it("sends user_received_message for an OA message it delivered, naming the user, the OA and the message id", async () => {
    const w = withReceipts();
    const sent = await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: w.userId }, message: { text: "Kính gửi Ông/Bà" } });
    expect(w.events).toEqual([]); // after the answer, as its own request
    await w.sim.idle();
    expect(w.events).toEqual([
      {
        app_id: "1000000000000000001", event_name: "user_received_message", timestamp: String(Date.parse("2026-11-24T03:00:00Z")),
        sender: { id: w.userId }, recipient: { id: "2000000000000000002" }, message: { msg_id: sent.data!.message_id, delivery_time: String(Date.parse("2026-11-24T03:00:00Z")) },
      },
    ]);
  });

  it("sends a ZNS receipt with the tracking id, once: not for a repeated tracking id, nor for what it refused", async () => {
    const w = withReceipts();
    const first = await w.zns();
    await w.zns(); // a retry: answered with the first message, not delivered again
    expect((await w.zns({ tracking_id: "tr-2", phone: "0912345678" })).error).toBe(-108);
    expect((await w.zalo("/v3.0/oa/message/cs", { recipient: { user_id: "9999999999999999999" }, message: { text: "không theo dõi" } })).error).toBe(-213);
    await w.sim.idle();
    expect(w.events).toEqual([
      expect.objectContaining({ event_name: "user_received_message", recipient: { id: "2000000000000000002" }, message: { msg_id: first.data!.msg_id, tracking_id: "tr-1", delivery_time: String(Date.parse("2026-11-24T03:00:00Z")) } }),
    ]);
  });
});
