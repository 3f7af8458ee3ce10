import { describe, expect, it } from "vitest";
import { createHttpZaloGraphClient, createHttpZaloOaClient, createHttpZnsClient } from "./http-clients.js";
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
