import type { z } from "zod";
import {
  consentAcceptedSchema,
  draftListSchema,
  draftViewSchema,
  errorEnvelopeSchema,
  profileSchema,
  wardListSchema,
  type ConsentRequest,
  type EditDraftRequest,
} from "@hccd/shared";
import { ApiError } from "./api-error";

export interface RequestOptions<S extends z.ZodType> {
  baseUrl: string;
  path: string;
  method?: "GET" | "POST" | "PATCH";
  body?: unknown;
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
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
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
    editDraft: (id: string, body: EditDraftRequest) => call({ method: "PATCH", path: draftPath(id), body, schema: draftViewSchema }),
    consent: (id: string, body: ConsentRequest) => call({ method: "POST", path: `${draftPath(id)}/consent`, body, schema: consentAcceptedSchema }),
    /** Reference data: no token needed. */
    wards: () => request({ baseUrl, path: "/api/wards", schema: wardListSchema, fetchImpl }),
  };
}

export type CitizenApi = ReturnType<typeof createCitizenApi>;
