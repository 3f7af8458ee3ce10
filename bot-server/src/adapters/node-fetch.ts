import http from "node:http";
import https from "node:https";
import { ResponseTooLargeError, type FetchLike } from "./errors.js";

/**
 * The `fetch` our platform clients use by default: node:http(s) with keep-alive agents. Node 20's
 * built-in `fetch` (undici) managed about 600 requests a second on our 2-core machines where
 * node:http managed 2,500 (measured side by side, bench/delivery.ts): at the delivery worker's
 * volume the HTTP client was the bottleneck. Covers what the clients send — string, bytes or
 * URLSearchParams bodies, object or Headers headers, an AbortSignal — and buffers the answer, up
 * to a limit.
 */
export interface NodeFetch extends FetchLike {
  /** The same request with a deadline, kept by one timer (no AbortController and its listeners per request). */
  withDeadline(input: string, init: RequestInit, timeoutMs: number): Promise<Response>;
}

/**
 * The largest answer a client reads by default. Zalo's and the case system's answers are a few
 * hundred bytes; a megabyte leaves room for any error page and bounds what one answer can cost.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * A client with its own keep-alive agents. An answer over `maxResponseBytes` (by its
 * Content-Length or as it streams) is not read further: the connection is dropped and the call
 * rejects with a ResponseTooLargeError (see `fetchFailure` for how callers classify it).
 */
export function createNodeFetch(opts: { maxSockets?: number; maxResponseBytes?: number } = {}): NodeFetch {
  const maxSockets = opts.maxSockets ?? 256;
  const maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const agents = { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
  const send = (input: string | URL | Request, init: RequestInit = {}, timeoutMs?: number) =>
    new Promise<Response>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      const secure = url.protocol === "https:";
      if (!secure && url.protocol !== "http:") {
        reject(new TypeError(`unsupported protocol ${url.protocol}`));
        return;
      }
      const headers: Record<string, string> = {};
      const given = init.headers;
      if (given && !(given instanceof Headers) && !Array.isArray(given)) {
        for (const [k, v] of Object.entries(given)) headers[k.toLowerCase()] = String(v);
      } else {
        new Headers(given).forEach((value, key) => (headers[key] = value));
      }
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
          const status = res.statusCode ?? 0;
          let refused = false;
          const tooLarge = () => {
            refused = true;
            if (timer) clearTimeout(timer);
            // Destroying the request closes the socket: the rest is never read, and the agent does not reuse it.
            request.destroy();
            reject(new ResponseTooLargeError(maxBytes, status));
          };
          if (Number(res.headers["content-length"] ?? 0) > maxBytes) return tooLarge();
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            if (refused) return;
            size += c.length;
            if (size > maxBytes) return tooLarge();
            chunks.push(c);
          });
          res.on("error", reject);
          res.on("end", () => {
            if (timer) clearTimeout(timer);
            const out = responseHeaders(res.headers);
            const noBody = status === 204 || status === 304 || (init.method ?? "GET") === "HEAD";
            resolve(bufferedResponse(noBody ? Buffer.alloc(0) : Buffer.concat(chunks), status, res.statusMessage ?? "", out));
          });
        },
      );
      timer = timeoutMs === undefined ? undefined : setTimeout(() => request.destroy(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
      request.on("error", (err) => {
        if (timer) clearTimeout(timer);
        // An abort carries the signal's reason (our timeouts: a TimeoutError), as fetch does.
        reject(init.signal?.aborted && init.signal.reason instanceof Error ? init.signal.reason : err);
      });
      request.end(payload);
    });
  const f = ((input: string | URL | Request, init?: RequestInit) => send(input, init)) as NodeFetch;
  f.withDeadline = (input, init, timeoutMs) => send(input, init, timeoutMs);
  return f;
}

/** Read-only answer headers over node's own object (undici's `Headers` cost more than the request). */
function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const one = (name: string): string | null => {
    const v = raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  };
  const lite = {
    get: one,
    has: (name: string) => one(name) !== null,
    forEach: (cb: (value: string, key: string) => void) => {
      for (const k of Object.keys(raw)) cb(one(k)!, k);
    },
  };
  return lite as unknown as Headers;
}

/**
 * The answer, already read: what our clients use of a `Response` (status, ok, headers, json, text,
 * arrayBuffer), without building a web stream per answer — at 2,000 answers a second undici's
 * `new Response(body)` and its `json()` were a tenth of the worker's time.
 */
function bufferedResponse(body: Buffer, status: number, statusText: string, headers: Headers): Response {
  let used = false;
  const take = () => {
    if (used) throw new TypeError("Body is unusable: body has already been read");
    used = true;
    return body;
  };
  const lite = {
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers,
    redirected: false,
    type: "basic",
    url: "",
    get bodyUsed() {
      return used;
    },
    json: async () => JSON.parse(take().toString("utf8")) as unknown,
    text: async () => take().toString("utf8"),
    arrayBuffer: async () => {
      const b = take();
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    },
  };
  return lite as unknown as Response;
}

/** One keep-alive pool for the whole process. */
export const nodeFetch: NodeFetch = createNodeFetch();
