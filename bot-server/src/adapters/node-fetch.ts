import http from "node:http";
import https from "node:https";
import type { FetchLike } from "./errors.js";

/**
 * The `fetch` our platform clients use by default: node:http(s) with keep-alive agents. Node 20's
 * built-in `fetch` (undici) managed about 600 requests a second on our 2-core machines where
 * node:http managed 2,500 (measured side by side, bench/delivery.ts): at the delivery worker's
 * volume the HTTP client was the bottleneck. Covers what the clients send — string, bytes or
 * URLSearchParams bodies, object or Headers headers, an AbortSignal — and buffers the answer.
 */
export function createNodeFetch(opts: { maxSockets?: number } = {}): FetchLike {
  const maxSockets = opts.maxSockets ?? 256;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      const secure = url.protocol === "https:";
      if (!secure && url.protocol !== "http:") {
        reject(new TypeError(`unsupported protocol ${url.protocol}`));
        return;
      }
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      const body = init.body;
      let payload: string | Uint8Array | undefined;
      if (body === undefined || body === null) payload = undefined;
      else if (typeof body === "string" || body instanceof Uint8Array) payload = body;
      else if (body instanceof URLSearchParams) payload = body.toString();
      else {
        reject(new TypeError("createNodeFetch sends string, bytes or URLSearchParams bodies only"));
        return;
      }
      if (payload !== undefined && headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(payload));
      const request = (secure ? https : http).request(
        url,
        { method: init.method ?? "GET", headers, agent: secure ? agents.https : agents.http, ...(init.signal ? { signal: init.signal } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
              else if (v !== undefined) out.set(k, v);
            }
            const noBody = status === 204 || status === 304 || (init.method ?? "GET") === "HEAD";
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? "", headers: out }));
          });
        },
      );
      request.on("error", (err) => {
        // An abort carries the signal's reason (our timeouts: a TimeoutError), as fetch does.
        reject(init.signal?.aborted && init.signal.reason instanceof Error ? init.signal.reason : err);
      });
      request.end(payload);
    });
}

/** One keep-alive pool for the whole process. */
export const nodeFetch: FetchLike = createNodeFetch();
