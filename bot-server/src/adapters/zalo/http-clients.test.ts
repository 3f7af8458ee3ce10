import { describe, expect, it } from "vitest";
import { RETRYABLE_ZALO_CODES, createHttpZaloGraphClient, createHttpZaloOaClient, createHttpZnsClient, isRetryableZaloCode } from "./http-clients.js";
import { createZaloSimulator } from "./simulator.js";
import { PlatformError, TransportError, type FetchLike } from "../errors.js";

const templates = { t1: { body: "Kính gửi Ông/Bà {{name}}, hồ sơ {{no}}.", buttons: [{ title: "Xem", urlParam: "link" }] } };

function world(opts: { now?: () => Date; enforceNightBlock?: boolean; dailyQuota?: number } = {}) {
  const sim = createZaloSimulator({ templates, ...opts });
  const fetch: FetchLike = async (input, init) => sim.api.fetch(new Request(input, init));
  const token = async () => "sim-oa-access-token";
  return {
    sim,
    oa: createHttpZaloOaClient({ baseUrl: "http://zalo.sim", getAccessToken: token, fetch }),
    zns: createHttpZnsClient({ baseUrl: "http://zalo.sim", getAccessToken: token, fetch }),
    graph: createHttpZaloGraphClient({ baseUrl: "http://zalo.sim", appSecret: "sim-app-secret", fetch }),
    fetch,
  };
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("OA customer-service messages", () => {
  it("delivers to a follower within the 7-day window, with buttons", async () => {
    const w = world();
    const { userId } = w.sim.issueAccessToken({ name: "Lan" });
    w.sim.setFollower(userId, true);
    w.sim.recordInteraction(userId, new Date(Date.now() - 6 * 86_400_000));
    const r = await w.oa.sendText({ userId, text: "Xin chào", buttons: [{ type: "oa.open.url", title: "Mở", url: "https://example.test/x" }] });
    expect(r.messageId).toEqual(expect.any(String));
    expect(w.sim.messages({ userId })).toEqual([expect.objectContaining({ channel: "oa", text: "Xin chào", buttons: [{ title: "Mở", url: "https://example.test/x" }] })]);
  });

  it.each([
    ["not a follower", false, 1, -213],
    ["outside the 7-day window", true, 8, -230],
  ])("refuses %s permanently", async (_what, follower, daysAgo, code) => {
    const w = world();
    const { userId } = w.sim.issueAccessToken({});
    w.sim.setFollower(userId, follower);
    w.sim.recordInteraction(userId, new Date(Date.now() - daysAgo * 86_400_000));
    const e = await failure(w.oa.sendText({ userId, text: "x" }));
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ code, retryable: false });
  });

  it("reports a bad token as retryable (after a refresh) and the night block as retryable", async () => {
    const w = world({ enforceNightBlock: true, now: () => new Date("2026-11-24T16:00:00Z") }); // 23:00 in Vietnam
    const bad = createHttpZaloOaClient({ baseUrl: "http://zalo.sim", getAccessToken: async () => "wrong", fetch: w.fetch });
    expect(await failure(bad.sendText({ userId: "1", text: "x" }))).toMatchObject({ code: -216, retryable: true });
    expect(await failure(w.oa.sendText({ userId: "1", text: "x" }))).toMatchObject({ code: -133, retryable: true });
  });
});

describe("ZNS template messages", () => {
  it("renders the template, answers the quota, and never delivers a tracking id twice", async () => {
    const w = world({ dailyQuota: 5 });
    const input = { phone: "84912345678", templateId: "t1", templateData: { name: "Lan", no: "A1", link: "https://x.test/d" }, trackingId: "track-1" };
    const first = await w.zns.sendTemplate(input);
    expect(first.quota).toEqual({ dailyQuota: 5, remainingQuota: 4 });
    const again = await w.zns.sendTemplate(input);
    expect(again.msgId).toBe(first.msgId);
    expect(w.sim.deliveriesPerTrackingId().get("track-1")).toBe(1);
    expect(w.sim.messages({ phone: "0912345678" })).toEqual([expect.objectContaining({ text: "Kính gửi Ông/Bà Lan, hồ sơ A1.", buttons: [{ title: "Xem", url: "https://x.test/d" }] })]);
  });

  it.each([
    [{ phone: "0912345678" }, -108, false], // must be the 84… form
    [{ templateId: "nope" }, -109, false],
    [{ templateData: { name: "Lan" } }, -1122, false],
    [{ templateData: { name: "x".repeat(400), no: "1", link: "" } }, -1121, false],
  ])("refuses %j with %i", async (over, code, retryable) => {
    const w = world();
    const e = await failure(w.zns.sendTemplate({ phone: "84912345678", templateId: "t1", templateData: { name: "Lan", no: "1", link: "" }, trackingId: "t", ...over }));
    expect(e).toMatchObject({ code, retryable });
  });

  it("stops at the daily quota with a retryable error", async () => {
    const w = world({ dailyQuota: 1 });
    await w.zns.sendTemplate({ phone: "84912345678", templateId: "t1", templateData: { name: "a", no: "1", link: "" }, trackingId: "a" });
    expect(await failure(w.zns.sendTemplate({ phone: "84912345678", templateId: "t1", templateData: { name: "a", no: "1", link: "" }, trackingId: "b" }))).toMatchObject({ code: -144, retryable: true });
  });
});

describe("Graph API", () => {
  it("identifies the holder of an access token and refuses an unknown one", async () => {
    const w = world();
    const { accessToken, userId } = w.sim.issueAccessToken({ name: "Lan" });
    expect(await w.graph.getMe(accessToken)).toEqual({ id: userId, name: "Lan" });
    expect(await failure(w.graph.getMe("forged"))).toBeInstanceOf(PlatformError);
  });

  it("exchanges a phone token once, within 2 minutes, for the same user only", async () => {
    let t = new Date("2026-11-24T03:00:00Z").getTime();
    const w = world({ now: () => new Date(t) });
    const a = w.sim.issueAccessToken({});
    const b = w.sim.issueAccessToken({});
    const { token } = w.sim.issuePhoneToken({ accessToken: a.accessToken, phone: "+84 912 345 678" });
    expect(await failure(w.graph.exchangePhoneToken({ accessToken: b.accessToken, code: token }))).toBeInstanceOf(PlatformError);
    const { token: t2 } = w.sim.issuePhoneToken({ accessToken: a.accessToken, phone: "0912345678" });
    expect(await w.graph.exchangePhoneToken({ accessToken: a.accessToken, code: t2 })).toEqual({ phone: "84912345678" });
    expect(await failure(w.graph.exchangePhoneToken({ accessToken: a.accessToken, code: t2 }))).toBeInstanceOf(PlatformError);
    const { token: t3 } = w.sim.issuePhoneToken({ accessToken: a.accessToken, phone: "0912345678" });
    t += 2 * 60_000;
    expect(await failure(w.graph.exchangePhoneToken({ accessToken: a.accessToken, code: t3 }))).toBeInstanceOf(PlatformError);
  });

  it("refuses the exchange without the right app secret", async () => {
    const w = world();
    const wrong = createHttpZaloGraphClient({ baseUrl: "http://zalo.sim", appSecret: "leaked?", fetch: w.fetch });
    const a = w.sim.issueAccessToken({});
    const { token } = w.sim.issuePhoneToken({ accessToken: a.accessToken, phone: "0912345678" });
    expect(await failure(wrong.exchangePhoneToken({ accessToken: a.accessToken, code: token }))).toMatchObject({ retryable: false });
  });
});

describe("transport failures", () => {
  it.each([
    ["a 502", (async () => new Response("bad gateway", { status: 502 })) as FetchLike],
    ["a network error", (async () => {
      throw new TypeError("fetch failed");
    }) as FetchLike],
    ["a body that is not JSON", (async () => new Response("<html>", { status: 200 })) as FetchLike],
    ["a timeout", ((_i: unknown, init?: RequestInit) => new Promise((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)))) as FetchLike],
  ])("%s is a retryable TransportError", async (_what, fetch) => {
    const oa = createHttpZaloOaClient({ baseUrl: "http://zalo.sim", getAccessToken: async () => "t", fetch, timeoutMs: 20 });
    const e = await failure(oa.sendText({ userId: "1", text: "x" }));
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).retryable).toBe(true);
    expect((e as Error).message).not.toContain("t\""); // no token in messages
  });
});

/** A fetch that records what was sent and answers with `answer`. */
function recording(answer: unknown, status = 200) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetch: FetchLike = async (input, init) => {
    const req = new Request(input, init);
    calls.push({ url: req.url, method: req.method, headers: req.headers, body: req.method === "GET" ? undefined : await req.json() });
    return new Response(typeof answer === "string" ? answer : JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  };
  return { calls, fetch };
}

describe("wire format", () => {
  it("sends a button message as Zalo's template attachment, token in the access_token header", async () => {
    const r = recording({ error: 0, message: "Success", data: { message_id: "m1" } });
    const oa = createHttpZaloOaClient({ getAccessToken: async () => "oa-token", fetch: r.fetch });
    await oa.sendText({
      userId: "1234567890123456789",
      text: "Chọn",
      buttons: [
        { type: "oa.open.url", title: "Mở", url: "https://x.test" },
        { type: "oa.query.show", title: "Có", payload: "#yes" },
        { type: "oa.open.phone", title: "Gọi", phone: "84912345678" },
      ],
    });
    const [call] = r.calls;
    expect(call?.url).toBe("https://openapi.zalo.me/v3.0/oa/message/cs");
    expect(call?.headers.get("access_token")).toBe("oa-token");
    expect(call?.headers.get("authorization")).toBeNull();
    expect(call?.body).toEqual({
      recipient: { user_id: "1234567890123456789" },
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "Chọn",
            buttons: [
              { title: "Mở", type: "oa.open.url", payload: { url: "https://x.test" } },
              { title: "Có", type: "oa.query.show", payload: "#yes" },
              { title: "Gọi", type: "oa.open.phone", payload: { phone_code: "84912345678" } },
            ],
          },
        },
      },
    });
  });

  it("sends plain text without an attachment", async () => {
    const r = recording({ error: 0, message: "Success", data: { message_id: "m1" } });
    await createHttpZaloOaClient({ baseUrl: "http://h/", getAccessToken: async () => "t", fetch: r.fetch }).sendText({ userId: "1", text: "chào" });
    expect(r.calls[0]?.url).toBe("http://h/v3.0/oa/message/cs");
    expect(r.calls[0]?.body).toEqual({ recipient: { user_id: "1" }, message: { text: "chào" } });
  });

  it.each([
    ["strings", { dailyQuota: "500", remainingQuota: "499" }, 1732417200000],
    ["numbers", { dailyQuota: 500, remainingQuota: 499 }, "1732417200000"],
  ])("reads ZNS quota numbers sent as %s", async (_what, quota, sentTime) => {
    const r = recording({ error: 0, message: "Success", data: { msg_id: "z1", sent_time: sentTime, quota } });
    const zns = createHttpZnsClient({ getAccessToken: async () => "t", fetch: r.fetch });
    const out = await zns.sendTemplate({ phone: "84912345678", templateId: "t1", templateData: { a: "1" }, trackingId: "tr" });
    expect(out).toEqual({ msgId: "z1", sentTime: "1732417200000", quota: { dailyQuota: 500, remainingQuota: 499 } });
    expect(r.calls[0]?.url).toBe("https://business.openapi.zalo.me/message/template");
    expect(r.calls[0]?.body).toEqual({ phone: "84912345678", template_id: "t1", template_data: { a: "1" }, tracking_id: "tr" });
  });

  it("sends the one-time code and the app secret as headers to graph.zalo.me", async () => {
    const r = recording({ error: 0, message: "Success", data: { number: "0912345678" } });
    const graph = createHttpZaloGraphClient({ appSecret: "s3cret", fetch: r.fetch });
    expect(await graph.exchangePhoneToken({ accessToken: "at", code: "one-time" })).toEqual({ phone: "84912345678" });
    expect(r.calls[0]?.url).toBe("https://graph.zalo.me/v2.0/me/info");
    expect([r.calls[0]?.headers.get("access_token"), r.calls[0]?.headers.get("code"), r.calls[0]?.headers.get("secret_key")]).toEqual(["at", "one-time", "s3cret"]);
  });

  it("reads a numeric user id from /me as a string", async () => {
    const r = recording({ id: "8590122738945032014", name: "Lan", error: 0, message: "Success" });
    expect(await createHttpZaloGraphClient({ appSecret: "s", fetch: r.fetch }).getMe("at")).toEqual({ id: "8590122738945032014", name: "Lan" });
    expect(r.calls[0]?.url).toBe("https://graph.zalo.me/v2.0/me?fields=id,name");
  });
});

describe("error classification", () => {
  it.each([
    [-32, true], [-133, true], [-234, true], [-216, true], [-220, true], [-124, true], [-144, true], [-147, true],
    [-230, false], [-213, false], [-108, false], [-109, false], [-139, false], [-141, false], [-1121, false], [-1122, false],
  ])("Zalo error %i is retryable: %s", async (code, retryable) => {
    expect(isRetryableZaloCode(code)).toBe(retryable);
    expect(RETRYABLE_ZALO_CODES.has(code)).toBe(retryable);
    const r = recording({ error: code, message: "no" });
    const e = await failure(createHttpZnsClient({ getAccessToken: async () => "t", fetch: r.fetch }).sendTemplate({ phone: "84912345678", templateId: "t", templateData: {}, trackingId: "x" }));
    expect(e).toBeInstanceOf(PlatformError);
    expect(e).toMatchObject({ platform: "zns", code, retryable });
  });

  it("keeps phone numbers and tokens Zalo echoes back out of the error message", async () => {
    const r = recording({ error: -108, message: "Phone 84912345678 is invalid for token 123456789012345" });
    const e = await failure(createHttpZnsClient({ getAccessToken: async () => "t", fetch: r.fetch }).sendTemplate({ phone: "84912345678", templateId: "t", templateData: {}, trackingId: "x" }));
    expect((e as Error).message).not.toMatch(/912345678|123456789012345/);
  });

  it("treats a 4xx as a refusal even when its body is not Zalo's envelope (429 retryable)", async () => {
    const oa = (status: number, body: unknown) => createHttpZaloOaClient({ getAccessToken: async () => "t", fetch: recording(body, status).fetch });
    expect(await failure(oa(404, { error: 0 }).sendText({ userId: "1", text: "x" }))).toMatchObject({ code: 404, retryable: false });
    expect(await failure(oa(429, { detail: "slow down" }).sendText({ userId: "1", text: "x" }))).toMatchObject({ code: 429, retryable: true });
  });

  it("treats a success without the expected data as a TransportError", async () => {
    const e = await failure(createHttpZaloOaClient({ getAccessToken: async () => "t", fetch: recording({ error: 0, message: "Success", data: {} }).fetch }).sendText({ userId: "1", text: "x" }));
    expect(e).toBeInstanceOf(TransportError);
  });

  it("refuses a number from Zalo that is not a Vietnamese mobile, without echoing it", async () => {
    const graph = createHttpZaloGraphClient({ appSecret: "s", fetch: recording({ error: 0, data: { number: "442071234567" } }).fetch });
    const e = await failure(graph.exchangePhoneToken({ accessToken: "at", code: "c" }));
    expect(e).toMatchObject({ retryable: false });
    expect((e as Error).message).not.toContain("442071234567");
  });

  it.each(["getMe", "exchangePhoneToken", "sendTemplate"] as const)("%s turns a 503 into a TransportError", async (which) => {
    const fetch: FetchLike = async () => new Response("busy", { status: 503 });
    const graph = createHttpZaloGraphClient({ appSecret: "s", fetch });
    const zns = createHttpZnsClient({ getAccessToken: async () => "t", fetch });
    const call =
      which === "getMe" ? graph.getMe("at") : which === "exchangePhoneToken" ? graph.exchangePhoneToken({ accessToken: "at", code: "c" }) : zns.sendTemplate({ phone: "84912345678", templateId: "t", templateData: {}, trackingId: "x" });
    expect(await failure(call)).toBeInstanceOf(TransportError);
  });
});
