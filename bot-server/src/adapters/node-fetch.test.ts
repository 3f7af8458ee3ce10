import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import { fetchWithTimeout } from "./errors.js";
import { createNodeFetch } from "./node-fetch.js";

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 300);
      if (req.url === "/empty") return void res.writeHead(204).end();
      res.writeHead(req.url === "/missing" ? 404 : 200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"], "x-echo-auth": String(req.headers.authorization ?? "") });
      res.end(JSON.stringify({ method: req.method, body, length: req.headers["content-length"] ?? null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

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
