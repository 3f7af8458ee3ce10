import { afterEach, describe, expect, it } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { inProcessFetch, PlatformError, TransportError } from "../errors.js";
import { createHttpSmsClient } from "./http-client.js";
import { createSmsSimulator } from "./simulator.js";
import { smsText } from "./types.js";

const inProcess = inProcessFetch;

describe("smsText", () => {
  it("sends Vietnamese unaccented so it fits GSM-7's 160 characters", () => {
    expect(smsText("Kính gửi Ông/Bà Nguyễn Thị Lan, thẻ “BHYT” sắp hết hạn – đường Đồng Khởi")).toEqual({
      text: 'Kinh gui Ong/Ba Nguyen Thi Lan, the "BHYT" sap het han - duong Dong Khoi',
      encoding: "gsm7",
      segments: 1,
    });
  });
  it("counts 160 septets as one segment, then 153 per part; the extension table takes two", () => {
    expect(smsText("a".repeat(160)).segments).toBe(1);
    expect(smsText("a".repeat(161)).segments).toBe(2);
    expect(smsText("a".repeat(306)).segments).toBe(2);
    expect(smsText("a".repeat(307)).segments).toBe(3);
    expect(smsText("€".repeat(80)).segments).toBe(1); // 160 septets
    expect(smsText("€".repeat(81)).segments).toBe(2);
  });
  it("falls back to UCS-2 (70, then 67 per part) when a character has no GSM form", () => {
    expect(smsText("Xin chào 👋")).toMatchObject({ encoding: "ucs2", segments: 1 });
    expect(smsText(`${"a".repeat(69)}😀`)).toMatchObject({ encoding: "ucs2", segments: 2 }); // 71 UTF-16 units
  });
});

describe("HTTP SMS client against the gateway simulator", () => {
  const sim = createSmsSimulator({ now: () => new Date("2026-12-03T02:00:00Z") });
  const client = createHttpSmsClient({ baseUrl: "http://sms.test", apiKey: sim.apiKey, brandname: "HCC-CONG", fetch: inProcess(sim.api) });
  afterEach(() => sim.reset());

  it("sends and returns the gateway's id and segment count", async () => {
    const r = await client.send({ phone: "84912345678", text: "Kinh gui Ong/Ba Lan", clientRef: "ref-1" });
    expect(r).toMatchObject({ messageId: expect.stringMatching(/^sms/), acceptedAt: "2026-12-03T02:00:00.000Z", segments: 1 });
    expect(sim.messages({ phone: "0912345678" })).toEqual([expect.objectContaining({ text: "Kinh gui Ong/Ba Lan", brandname: "HCC-CONG", clientRef: "ref-1" })]);
  });

  it("treats a repeated client reference as the first message (409), delivered once", async () => {
    const first = await client.send({ phone: "84912345678", text: "Lan 1", clientRef: "ref-2" });
    const again = await client.send({ phone: "84912345678", text: "Lan 1", clientRef: "ref-2" });
    expect(again.messageId).toBe(first.messageId);
    expect(sim.deliveriesPerClientRef().get("ref-2")).toBe(1);
  });

  it("retries a busy gateway (503 → TransportError) and refuses a bad number for good, masking it", async () => {
    sim.failNext(1, "transient");
    await expect(client.send({ phone: "84912345678", text: "x", clientRef: "ref-3" })).rejects.toBeInstanceOf(TransportError);
    await expect(client.send({ phone: "84912345678", text: "x", clientRef: "ref-3" })).resolves.toMatchObject({ segments: 1 });
    const err = await client.send({ phone: "84001234567", text: "x", clientRef: "ref-4" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: 422, retryable: false });
    expect((err as Error).message).not.toContain("84001234567");
  });

  it("refuses a wrong API key for good (a person must fix it)", async () => {
    const wrong = createHttpSmsClient({ baseUrl: "http://sms.test", apiKey: "nope", brandname: "HCC-CONG", fetch: inProcess(sim.api) });
    await expect(wrong.send({ phone: "84912345678", text: "x", clientRef: "ref-5" })).rejects.toMatchObject({ code: 401, retryable: false });
    expect(sim.messages()).toHaveLength(0);
  });

  it("names the field when the gateway answers 2xx with a body it does not understand", async () => {
    const odd = createHttpSmsClient({ baseUrl: "http://sms.test", brandname: "HCC-CONG", fetch: async () => new Response(JSON.stringify({ id: 1 }), { status: 202 }) });
    await expect(odd.send({ phone: "84912345678", text: "x", clientRef: "r" })).rejects.toThrow(/unexpected body \(message_id/);
  });

  it("gives up on a gateway that does not answer in time (TransportError)", async () => {
    const slow = createHttpSmsClient({ baseUrl: "http://sms.test", brandname: "HCC-CONG", timeoutMs: 20, fetch: (_u, init) => new Promise((_res, rej) => init?.signal?.addEventListener("abort", () => rej(init.signal!.reason))) });
    await expect(slow.send({ phone: "84912345678", text: "x", clientRef: "r" })).rejects.toThrow(/no answer within 20 ms/);
  });
});

describe("HTTP SMS client over a real socket", () => {
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it("speaks to the simulator served on loopback", async () => {
    const sim = createSmsSimulator();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: sim.api.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port));
    });
    const client = createHttpSmsClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: sim.apiKey, brandname: "HCC-CONG" });
    await client.send({ phone: "84987654321", text: "Kinh gui", clientRef: "net-1" });
    expect(sim.messages({ phone: "84987654321" })).toHaveLength(1);
  });
});
