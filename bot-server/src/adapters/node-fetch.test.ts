import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { fetchWithTimeout, PlatformError, ResponseTooLargeError, TransportError } from "./errors.js";
import { createNodeFetch, DEFAULT_MAX_RESPONSE_BYTES } from "./node-fetch.js";
import { createHttpZaloGraphClient } from "./zalo/http-clients.js";
import { createHttpCaseSystemClient } from "./case-system/http-client.js";
import type { CaseDossier } from "@hccd/shared";

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 300);
      const flood = /^\/flood\/(\d+)(?:\/(\d+))?/.exec(req.url ?? "");
      if (flood) return void streamForever(res, Number(flood[1]), flood[2] ? Number(flood[2]) : undefined);
      if (req.url === "/empty") return void res.writeHead(204).end();
      res.writeHead(req.url === "/missing" ? 404 : 200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"], "x-echo-auth": String(req.headers.authorization ?? "") });
      res.end(JSON.stringify({ method: req.method, body, length: req.headers["content-length"] ?? null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const dossier: CaseDossier = {
  submissionId: "s1", procedureCode: "1.001193", applicant: { fullName: "Nguyễn Thị Lan", nationalId: "072195001234", relationship: "mother" },
  fields: {}, consent: { consentId: "c1", consentedAt: "2026-11-24T03:00:00.000Z", contentHash: "a".repeat(64) }, attachments: [],
};

/** Bytes the flooding endpoint managed to write before the client hung up, per request. */
const written: number[] = [];

/**
 * An endpoint that never stops answering (status given), in 64 KB chunks, chunked or with a false
 * Content-Length: the client must stop reading, not buffer until the process runs out of memory.
 */
function streamForever(res: http.ServerResponse, status: number, declared?: number) {
  res.writeHead(status, { "content-type": "application/json", ...(declared ? { "content-length": String(declared) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const slot = written.push(0) - 1;
  const pump = () => {
    while (!res.destroyed && sent < 32 * 1024 * 1024) {
      sent += chunk.length;
      written[slot] = sent;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
  };
  res.on("close", () => (written[slot] = sent));
  pump();
}

describe("createNodeFetch", () => {
  const f = createNodeFetch();
  it("sends the method, headers and body, and answers like fetch", async () => {
    const body = JSON.stringify({ text: "Kính gửi Ông/Bà" });
    const res = await f(`${base}/x`, { method: "POST", headers: { authorization: "Bearer k", "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-echo-auth")).toBe("Bearer k");
    expect(res.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({ method: "POST", body, length: String(Buffer.byteLength(body)) });
    await expect(res.text()).rejects.toThrow(/already been read/);
  });
  it("passes statuses through, with no body for 204", async () => {
    expect((await f(`${base}/missing`)).status).toBe(404);
    const empty = await f(`${base}/empty`, { method: "DELETE" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });
  it("sends URLSearchParams as a form body", async () => {
    const res = await f(`${base}/form`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ a: "1", b: "x y" }) });
    expect(((await res.json()) as { body: string }).body).toBe("a=1&b=x+y");
  });
  it("gives up after the deadline with a TimeoutError, like AbortSignal.timeout", async () => {
    const plain = (input: string | URL | Request, init?: RequestInit) => f(input, init); // no withDeadline: AbortController path
    const err = await fetchWithTimeout(plain, `${base}/slow`, {}, 50).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "TimeoutError" });
  });
  it("keeps a deadline of its own, also a TimeoutError", async () => {
    const err = await f.withDeadline(`${base}/slow`, {}, 50).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "TimeoutError" });
    expect(await (await f.withDeadline(`${base}/x`, {}, 5_000)).json()).toMatchObject({ method: "GET" });
  });
  it("refuses what it cannot send instead of sending something else", async () => {
    await expect(f(`${base}/x`, { method: "POST", body: new Blob(["x"]) })).rejects.toThrow(/string, bytes or URLSearchParams/);
    await expect(f("ftp://example.org/x")).rejects.toThrow(/unsupported protocol/);
  });
});

describe("createNodeFetch: answers are bounded", () => {
  it("stops reading an answer that streams past the client's limit, with a ResponseTooLargeError naming the limit and status", async () => {
    const small = createNodeFetch({ maxResponseBytes: 256 * 1024 });
    const err = await small(`${base}/flood/200`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect(err).toMatchObject({ limitBytes: 256 * 1024, status: 200 });
    // The connection was dropped: the server stopped far short of what it meant to send.
    await new Promise((r) => setTimeout(r, 50));
    expect(written.at(-1)).toBeLessThan(16 * 1024 * 1024);
    // The client still works.
    expect((await small(`${base}/x`)).status).toBe(200);
  });

  it("refuses at once an answer whose Content-Length is over the limit", async () => {
    const small = createNodeFetch({ maxResponseBytes: 1024 });
    await expect(small(`${base}/flood/200/${10 * 1024 * 1024}`)).rejects.toMatchObject({ name: "ResponseTooLargeError", status: 200 });
  });

  it("has a limit by default", async () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBeLessThanOrEqual(16 * 1024 * 1024);
    await expect(createNodeFetch()(`${base}/flood/200`)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("callers classify it: a 2xx too large to read is transient (retried), a 4xx too large is the platform refusing", async () => {
    const small = createNodeFetch({ maxResponseBytes: 64 * 1024 });
    const graph = createHttpZaloGraphClient({ baseUrl: `${base}/flood/200`, appSecret: "s", fetch: small });
    const transient = await graph.getMe("t").catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(TransportError);
    expect((transient as TransportError).message).toContain("larger than 65536 bytes");
    const cases = createHttpCaseSystemClient({ baseUrl: `${base}/flood/400`, fetch: small });
    const refused = await cases.submitDossier(dossier, "k-1").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ code: 400, retryable: false });
    const limited = createHttpCaseSystemClient({ baseUrl: `${base}/flood/429`, fetch: small });
    expect(await limited.submitDossier(dossier, "k-2").catch((e: unknown) => e)).toMatchObject({ code: 429, retryable: true });
  });
});
