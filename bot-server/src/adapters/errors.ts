/**
 * Two kinds of failure, because retry decisions hinge on them (grammY's GrammyError vs HttpError):
 * the platform answered and said no (`PlatformError`, with its code), or we never got an answer
 * (`TransportError`: timeout, connection refused, 5xx, unreadable body).
 */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  constructor(
    /** Which platform: `zalo`, `zns`, `zalo_graph`, `case_system`. */
    readonly platform: string,
    /** The platform's own error code (Zalo's negative `error`, or the HTTP status for the case system). */
    readonly code: number,
    message: string,
    /** True when trying again later may succeed (rate limit, night block, token expired). */
    readonly retryable: boolean,
  ) {
    super(`${platform} error ${code}: ${message}`);
  }
}

export class TransportError extends Error {
  override readonly name = "TransportError";
  readonly retryable = true;
  constructor(
    readonly platform: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${platform} unreachable: ${message}`, options);
  }
}

/** The `fetch` the HTTP clients use: injected so tests and the simulators can route requests in-process. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * `fetch` with a deadline for the answer's headers. Not `AbortSignal.timeout`: its timer lives its
 * whole span even when the answer came at once, and under load (2,000 sends a second, a 10 s
 * deadline) twenty thousand live timers and their signals cost more than the requests. A timeout
 * rejects with a `TimeoutError`, as `AbortSignal.timeout` does.
 */
export async function fetchWithTimeout(doFetch: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  // Our node:http fetch keeps the deadline itself, more cheaply.
  const own = (doFetch as FetchLike & { withDeadline?: (u: string, i: RequestInit, ms: number) => Promise<Response> }).withDeadline;
  if (own) return own(url, init, timeoutMs);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  try {
    return await doFetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/** A `fetch` that hands requests to a Hono app in this process (the built-in simulators, tests). */
export const inProcessFetch =
  (app: { fetch: (req: Request) => Response | Promise<Response> }): FetchLike =>
  async (input, init) =>
    app.fetch(new Request(input, init));
