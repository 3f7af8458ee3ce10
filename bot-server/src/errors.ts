import type { FieldError } from "@hccd/shared";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * A failure the service means to report (not a bug): it carries the HTTP status, a stable code
 * clients can branch on, and for validation failures the fields at fault. One `onError` turns it
 * into `{error:{code,message,fields?}}`.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what = "resource") => new DomainError(404, "not_found", `${what} not found`);
export const validationFailed = (fields: FieldError[], message = "The request is not valid") => new DomainError(422, "validation_failed", message, fields);
export const conflict = (code: string, message: string) => new DomainError(409, code, message);
export const unauthorized = (message = "Authentication required") => new DomainError(401, "unauthorized", message);
export const forbidden = (message = "Not allowed for this client") => new DomainError(403, "forbidden", message);

/**
 * A refusal that says when to come back: 429 (too many attempts) or 503 (busy). The one `onError`
 * sends `Retry-After` with it.
 */
export class RetryLater extends DomainError {
  constructor(
    status: 429 | 503,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
  }
}
