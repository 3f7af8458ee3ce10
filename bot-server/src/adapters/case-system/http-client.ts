import { caseDossierAcceptedSchema, caseSupplementPath, errorEnvelopeSchema, type CaseDossier, type CaseDossierAccepted } from "@hccd/shared";
import { nodeFetch } from "../node-fetch.js";
import { fetchFailure, fetchWithTimeout, PlatformError, RETRYABLE_4XX, TransportError, type FetchLike } from "../errors.js";
import type { CaseSystemClient } from "./types.js";

/**
 * Statuses where trying the same request again later can succeed: 408 timeout, 425 too early,
 * 429 rate limited (errors.ts). A 409 means the case system saw this idempotency key with a
 * different body: a bug on one side that retrying cannot fix (the same bytes would get the same
 * 409), so it is not retryable and needs a person. 400/401/403/404/422 are our fault or our
 * configuration's. Exported so the outbox worker and its tests can name the rule.
 */
export { RETRYABLE_4XX };

/**
 * Contract 3's client: `POST {baseUrl}/dossiers` (a supplement: `POST {baseUrl}/dossiers/{caseId}/supplements`) with `Idempotency-Key: <submission id>` and, when
 * an API key is configured, `Authorization: Bearer <key>`. `201` (new case) or `200` (idempotent
 * repeat) → `{caseId, receiptNo}`; 4xx → PlatformError with the HTTP status as its code; 5xx,
 * timeouts, network failures and unreadable success bodies → TransportError.
 */
export function createHttpCaseSystemClient(opts: { baseUrl: string; apiKey?: string; fetch?: FetchLike; timeoutMs?: number }): CaseSystemClient {
  const doFetch = opts.fetch ?? nodeFetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const base = opts.baseUrl.replace(/\/+$/, "");
  async function post(path: string, dossier: CaseDossier, idempotencyKey: string): Promise<CaseDossierAccepted> {
    let res: Response;
    try {
      res = await fetchWithTimeout(doFetch, `${base}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": idempotencyKey,
          ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
        },
        body: JSON.stringify(dossier),
      }, timeoutMs);
    } catch (err) {
      throw fetchFailure("case_system", err, timeoutMs);
    }
    if (res.status >= 500) throw new TransportError("case_system", `HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      // A 4xx is the case system (or a proxy in front of it) refusing, whatever its body looks
      // like; a 2xx we cannot read means we do not know whether the case was opened: retry.
      if (res.status >= 400) throw new PlatformError("case_system", res.status, `HTTP ${res.status}`, RETRYABLE_4XX.has(res.status));
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
  }
  return {
    submitDossier: (dossier, idempotencyKey) => post("/dossiers", dossier, idempotencyKey),
    async submitSupplement(caseId, dossier, idempotencyKey) {
      const accepted = await post(caseSupplementPath(caseId), dossier, idempotencyKey);
      // The supplement belongs to this case: an answer naming another is not one we can record.
      if (accepted.caseId !== caseId) throw new TransportError("case_system", `supplement to ${caseId} was answered for case ${accepted.caseId}`);
      return accepted;
    },
  };
}
