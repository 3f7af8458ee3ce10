import { caseDossierAcceptedSchema, errorEnvelopeSchema, type CaseDossier, type CaseDossierAccepted } from "@hccd/shared";
import { PlatformError, TransportError, type FetchLike } from "../errors.js";
import type { CaseSystemClient } from "./types.js";

/**
 * Statuses where trying the same request again later can succeed: 408 timeout, 425 too early,
 * 429 rate limited. A 409 means the case system saw this idempotency key with a different body: a
 * bug on one side that retrying cannot fix, so it is not retryable. Other 4xx are our fault.
 */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/** Contract 3's client: `POST {baseUrl}/dossiers` with `Idempotency-Key: <submission id>`. */
export function createHttpCaseSystemClient(opts: { baseUrl: string; apiKey?: string; fetch?: FetchLike; timeoutMs?: number }): CaseSystemClient {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const base = opts.baseUrl.replace(/\/+$/, "");
  return {
    async submitDossier(dossier: CaseDossier, idempotencyKey: string): Promise<CaseDossierAccepted> {
      let res: Response;
      try {
        res = await doFetch(`${base}/dossiers`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "idempotency-key": idempotencyKey,
            ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
          },
          body: JSON.stringify(dossier),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const what = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") ? `no answer within ${timeoutMs} ms` : "request failed";
        throw new TransportError("case_system", what, { cause: err });
      }
      if (res.status >= 500) throw new TransportError("case_system", `HTTP ${res.status}`);
      let body: unknown;
      try {
        body = await res.json();
      } catch (err) {
        throw new TransportError("case_system", `HTTP ${res.status} with a body that is not JSON`, { cause: err });
      }
      if (res.status >= 400) {
        const env = errorEnvelopeSchema.safeParse(body);
        const message = env.success ? `${env.data.error.code}: ${env.data.error.message}` : `HTTP ${res.status}`;
        throw new PlatformError("case_system", res.status, message, RETRYABLE_4XX.has(res.status));
      }
      const parsed = caseDossierAcceptedSchema.safeParse(body);
      if (!parsed.success) throw new TransportError("case_system", `HTTP ${res.status} with an unexpected body`);
      return parsed.data;
    },
  };
}
