import type { FieldError } from "@hccd/shared/client";

/**
 * Everything that can go wrong talking to the backend, in one shape. `code` is the server's error
 * code (`stale_draft`, `validation_failed`, ...) or one of the client's own:
 * - `network`: no answer at all (offline, DNS, CORS, server down); `status` is 0.
 * - `bad_response`: an answer that does not match the contract.
 * - `zalo_unavailable` / `zalo_failed`: no citizen token could be obtained from Zalo.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** Any thrown value as an ApiError, so the UI has one thing to render. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, "unexpected", err instanceof Error ? err.message : String(err));
}
