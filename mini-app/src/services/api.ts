import type { z } from "zod";
import {
  procedureGuidanceSchema,
  consentAcceptedSchema,
  draftListSchema,
  draftViewSchema,
  dossierCopySchema,
  errorEnvelopeSchema,
  profileSchema,
  wardListSchema,
  upcomingSchema,
  settingsSchema,
  myDataSchema,
  ratingSchema,
  consentWithdrawnSchema,
  consentListSchema,
  faqAskResponseSchema,
  vaccinationScheduleSchema,
  type RatingRequest,
  type UpdateSettings,
  type ConsentRequest,
  type EditDraftRequest,
} from "@hccd/shared/client";
import { ApiError } from "./api-error";

export interface RequestOptions<S extends z.ZodType> {
  baseUrl: string;
  path: string;
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** A multipart body (a file upload) instead of JSON. */
  form?: FormData;
  /** The citizen's Zalo access token (or the simulator's dev token), sent as a Bearer token. */
  token?: string | null;
  /** The shared zod schema of a successful answer: every response is checked against the contract. */
  schema: S;
  fetchImpl?: typeof fetch;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one place the app talks HTTP. Adds the token, parses every answer with its shared schema
 * and turns the error envelope `{error:{code,message,fields?}}` into an {@link ApiError}.
 */
export async function request<S extends z.ZodType>(opts: RequestOptions<S>): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const doFetch = opts.fetchImpl ?? fetch;

  let res: Response;
  let text: string;
  try {
    res = await doFetch(`${opts.baseUrl}${opts.path}`, {
      method: opts.method ?? "GET",
      headers,
      body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    text = await res.text();
  } catch (err) {
    throw new ApiError(0, "network", err instanceof Error ? err.message : "network error");
  }
  const json = parseJson(text);

  if (!res.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (envelope.success) {
      const { code, message, fields } = envelope.data.error;
      throw new ApiError(res.status, code, message, fields ?? []);
    }
    // No envelope: a proxy or gateway answered (e.g. the dev proxy with the backend down).
    const code = res.status === 401 ? "unauthorized" : res.status === 404 ? "not_found" : res.status >= 500 ? "server" : `http_${res.status}`;
    throw new ApiError(res.status, code, `${opts.method ?? "GET"} ${opts.path} answered ${res.status}`);
  }

  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    throw new ApiError(res.status, "bad_response", `${opts.method ?? "GET"} ${opts.path} answered outside the contract`, fields);
  }
  return parsed.data;
}

/** Waits between retries of an idempotent submission (a slow 3G link needs a moment). */
export const RETRY_DELAYS_MS = [800, 2500] as const;

/** Retries on no answer or a gateway error; any other answer is final. */
export async function retryTransient<T>(attempt: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const transient = err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
      const delay = delays[i];
      if (!transient || delay === undefined) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** Where the citizen's token comes from (Zalo, or the simulator's dev identity). */
export interface TokenSource {
  token(): Promise<string>;
  /** Called after a 401: drop the cached token and get a fresh one. */
  refresh(): Promise<string>;
}

/** The citizen API (`/api/me/*`, `/api/wards`), see `shared/src/schemas/citizen-api.ts`. */
export function createCitizenApi(deps: { baseUrl: string; tokens: TokenSource; fetchImpl?: typeof fetch }) {
  const { baseUrl, tokens, fetchImpl } = deps;

  /** Authenticated call; a 401 gets one retry with a fresh token (Zalo tokens expire). */
  async function call<S extends z.ZodType>(opts: Omit<RequestOptions<S>, "baseUrl" | "token" | "fetchImpl">): Promise<z.output<S>> {
    const first = await tokens.token();
    try {
      return await request({ ...opts, baseUrl, token: first, fetchImpl });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      const fresh = await tokens.refresh();
      return request({ ...opts, baseUrl, token: fresh, fetchImpl });
    }
  }

  const draftPath = (id: string) => `/api/me/drafts/${encodeURIComponent(id)}`;

  return {
    profile: () => call({ path: "/api/me", schema: profileSchema }),
    linkPhone: (phoneToken: string) => call({ method: "POST", path: "/api/me/phone", body: { phoneToken }, schema: profileSchema }),
    drafts: () => call({ path: "/api/me/drafts", schema: draftListSchema }),
    draft: (id: string) => call({ path: draftPath(id), schema: draftViewSchema }),
    /** The copy of a confirmed dossier the citizen files themselves (level 2). */
    dossierCopy: (id: string) => call({ path: `${draftPath(id)}/copy`, schema: dossierCopySchema }),
    editDraft: (id: string, body: EditDraftRequest) => call({ method: "PATCH", path: draftPath(id), body, schema: draftViewSchema }),
    /**
     * The consent is idempotent on the content hash it quotes (the same consent again answers 200
     * with the same ids), so a network failure or a gateway error is retried: the first attempt
     * may have arrived even if its answer did not.
     */
    consent: (id: string, body: ConsentRequest) => retryTransient(() => call({ method: "POST", path: `${draftPath(id)}/consent`, body, schema: consentAcceptedSchema })),
    upcoming: () => call({ path: "/api/me/upcoming", schema: upcomingSchema }),
    /** The renewal draft of a document I hold: prepared on the first call, the same one after. */
    openRenewal: (documentId: string) => call({ method: "POST", path: `/api/me/documents/${encodeURIComponent(documentId)}/draft`, schema: draftViewSchema }),
    uploadAttachment: (id: string, key: string, file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return call({ method: "PUT", path: `${draftPath(id)}/attachments/${encodeURIComponent(key)}`, form, schema: draftViewSchema });
    },
    settings: () => call({ path: "/api/me/settings", schema: settingsSchema }),
    updateSettings: (body: UpdateSettings) => call({ method: "PATCH", path: "/api/me/settings", body, schema: settingsSchema }),
    myData: () => call({ path: "/api/me/data", schema: myDataSchema }),
    rate: (submissionId: string, body: RatingRequest) => call({ method: "POST", path: `/api/me/submissions/${encodeURIComponent(submissionId)}/rating`, body, schema: ratingSchema }),
    consents: () => call({ path: "/api/me/consents", schema: consentListSchema }),
    withdrawConsent: (consentId: string) => call({ method: "DELETE", path: `/api/me/consents/${encodeURIComponent(consentId)}`, schema: consentWithdrawnSchema }),
    /** The same FAQ engine as the bot; no token needed. */
    askFaq: (question: string, lang: "vi" | "en") => request({ baseUrl, method: "POST", path: "/api/faq/ask", body: { question, lang, source: "mini_app" }, schema: faqAskResponseSchema, fetchImpl }),
    vaccinationSchedule: (dob: string) => request({ baseUrl, path: `/api/rules/vaccination-schedule?dob=${encodeURIComponent(dob)}`, schema: vaccinationScheduleSchema, fetchImpl }),
    /** A service's procedure guide (papers, fee, where and how to file): reference data, no token needed. */
    guidance: (serviceKey: string) => request({ baseUrl, path: `/api/services/${encodeURIComponent(serviceKey)}/guidance`, schema: procedureGuidanceSchema, fetchImpl }),
    /** Reference data: no token needed. */
    wards: () => request({ baseUrl, path: "/api/wards", schema: wardListSchema, fetchImpl }),
  };
}

export type CitizenApi = ReturnType<typeof createCitizenApi>;
