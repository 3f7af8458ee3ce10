import { beforeEach, describe, expect, it } from "vitest";
import { createZaloSimulator } from "../adapters/zalo/simulator.js";
import { createZaloSimRoutes } from "./zalo-sim-routes.js";

/**
 * `/sim/zalo/messages`: programs (tests, the chat simulator, scripts) read JSON; a person opening
 * the link `pnpm start` prints reads a page: each message's text, time, channel and a button that
 * opens its link. Which one is decided by `Accept` (a browser asks for HTML) or `?format=`.
 */
const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const SENT_AT = new Date("2026-12-06T19:40:00Z"); // 02:40 on 7 December in Vietnam

let sim: ReturnType<typeof createZaloSimulator>;
let routes: ReturnType<typeof createZaloSimRoutes>;
beforeEach(async () => {
  let t = SENT_AT.getTime();
  sim = createZaloSimulator({
    now: () => new Date(t),
    templates: { birth_draft_ready: { body: "Kính gửi Ông/Bà {{name}}, hồ sơ khai sinh đã sẵn sàng.", buttons: [{ title: "Xem và xác nhận hồ sơ", urlParam: "link" }] } },
  });
  routes = createZaloSimRoutes(sim);
  const zns = (phone: string, name: string, link: string) =>
    sim.api.request("/message/template", { method: "POST", headers: { access_token: "sim-oa-access-token", "content-type": "application/json" }, body: JSON.stringify({ phone, template_id: "birth_draft_ready", template_data: { name, link } }) });
  await zns("84912345678", "Nguyễn Thị Lan", "http://localhost:5173/?draft=d-1");
  t = SENT_AT.getTime() + 5 * 60_000;
  await zns("84912345678", "Lan <b>", "javascript:alert(1)");
});

const get = (query: string, accept?: string) => routes.request(`/messages?${query}`, accept ? { headers: { accept } } : {});

describe("the message list for programs", () => {
  it.each([[undefined], ["*/*"], ["application/json"]])("answers JSON to Accept %s, as before", async (accept) => {
    const res = await get("phone=0912345678", accept);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("vary")).toMatch(/accept/i);
    const { messages } = (await res.json()) as { messages: { text: string; buttons: { url?: string }[] }[] };
    expect(messages.map((m) => m.buttons[0]!.url)).toEqual(["http://localhost:5173/?draft=d-1", "javascript:alert(1)"]);
  });

  it("answers JSON to ?format=json even from a browser, and keeps its 422 naming the field", async () => {
    expect((await get("phone=84912345678&format=json", BROWSER)).headers.get("content-type")).toMatch(/^application\/json/);
    const bad = await get("phone=12345");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", fields: [{ path: "phone" }] } });
  });
});

describe("the message list for a person", () => {
  it("is a Vietnamese page: newest first, each with its text, time in Vietnam, channel and a button opening its link", async () => {
    const res = await get("phone=84912345678", BROWSER);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/);
    expect(html).toContain("<title>Tin nhắn Zalo gửi tới 0912 345 678 · Mô phỏng Zalo</title>");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    const items = html.split('<li class="message"').slice(1);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('<time datetime="2026-12-06T19:45:00.000Z">07/12/2026 02:45</time>');
    expect(items[1]).toContain('<time datetime="2026-12-06T19:40:00.000Z">07/12/2026 02:40</time>');
    expect(items[1]).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan, hồ sơ khai sinh đã sẵn sàng.");
    expect(items[1]).toContain("ZNS");
    expect(items[1]).toContain('<a class="button" href="http://localhost:5173/?draft=d-1">Xem và xác nhận hồ sơ</a>');
    // Text is text, and only web links become links.
    expect(items[0]).toContain("Lan &lt;b&gt;");
    expect(items[0]).not.toContain('href="javascript:');
    expect(html).toContain("Tin nhắn: 2");
    expect(html).not.toContain("<script");
  });

  it("has a form to look up another phone, and links to reload, to the JSON and to English", async () => {
    const html = await (await get("phone=0912345678", BROWSER)).text();
    expect(html).toMatch(/<form method="get" action="\/messages"[^>]*>/);
    expect(html).toMatch(/<label for="phone">Số điện thoại<\/label>/);
    expect(html).toMatch(/<input id="phone" name="phone" type="tel"[^>]* value="0912 345 678"/);
    expect(html).toContain('href="/messages?phone=84912345678"');
    expect(html).toContain('href="/messages?phone=84912345678&amp;format=json"');
    expect(html).toContain('href="/messages?phone=84912345678&amp;lang=en" lang="en"');
  });

  it("speaks English with ?lang=en", async () => {
    const html = await (await get("phone=84912345678&lang=en", BROWSER)).text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain("Zalo messages to 0912 345 678");
    expect(html).toContain("Messages: 2");
    expect(html).toContain("Tiếng Việt");
  });

  it("says so when nothing has come yet, and lists by Zalo user id too", async () => {
    expect(await (await get("phone=0987654321", BROWSER)).text()).toContain("Chưa có tin nhắn nào tới 0987 654 321.");
    expect(await (await get("userId=8300000000000000001", BROWSER)).text()).toContain("Chưa có tin nhắn nào tới người dùng Zalo 8300000000000000001.");
  });

  it("asks for a phone when given none, and refuses a bad one next to the field (422)", async () => {
    const blank = await get("", BROWSER);
    expect(blank.status).toBe(200);
    expect(await blank.text()).toContain('<input id="phone" name="phone" type="tel"');
    const bad = await get("phone=12345", BROWSER);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).toContain('id="phone-error"');
    expect(html).toContain("Số điện thoại: không phải số di động Việt Nam.");
    expect(html).toContain('value="12345"');
  });
});
