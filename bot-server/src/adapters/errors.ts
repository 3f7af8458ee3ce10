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

/**
 * The answer was larger than the client accepts (`createNodeFetch`'s `maxResponseBytes`): the
 * client stopped reading and dropped the connection, so a broken or hostile endpoint cannot fill
 * our memory. `status` is the answer's HTTP status, for callers to classify the failure.
 */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
  constructor(
    readonly limitBytes: number,
    readonly status: number,
  ) {
    super(`the answer (HTTP ${status}) is larger than ${limitBytes} bytes`);
  }
}

/** 4xx statuses where the same request may succeed later: timeout, too early, rate limited. */
export const RETRYABLE_4XX: ReadonlySet<number> = new Set([408, 425, 429]);

/**
 * What a `fetch` that threw means for a platform call. No answer (a timeout, a refused connection)
 * is a TransportError: retried, since whether the platform acted is unknown and our requests are
 * idempotent or deduplicated. An answer too large to read is the same when it was a success or a
 * 5xx; a 4xx too large to read is the platform refusing, a PlatformError with the status
 * (retryable for 408, 425, 429), like a 4xx whose body we cannot parse.
 */
export function fetchFailure(platform: string, err: unknown, timeoutMs: number): PlatformError | TransportError {
  if (err instanceof ResponseTooLargeError) {
    if (err.status >= 400 && err.status < 500) return new PlatformError(platform, err.status, `HTTP ${err.status} with ${err.message.replace(/^the answer \(HTTP \d+\) is /, "an answer ")}`, RETRYABLE_4XX.has(err.status));
    return new TransportError(platform, err.message, { cause: err });
  }
  const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
  return new TransportError(platform, timedOut ? `no answer within ${timeoutMs} ms` : "request failed", { cause: err });
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
