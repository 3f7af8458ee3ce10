import { makeBirthCertificate } from "@hccd/shared";
import { parseConfig, DEV_INTEGRATION_KEYS, type Config } from "../config.js";
import { createLogger } from "../logger.js";
import { createRuntime, type Runtime } from "../runtime.js";
import type { CaseSystemClient } from "../adapters/case-system/types.js";

export const HOSPITAL_KEY = DEV_INTEGRATION_KEYS[0].key;
export const CASE_SYSTEM_KEY = DEV_INTEGRATION_KEYS[1].key;

/** A frozen, steppable clock. Starts at 10:00 Vietnam time, outside quiet hours. */
export function createClock(start = "2026-11-24T03:00:00Z") {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = new Date(iso).getTime();
    },
  };
}

export type TestWorld = Runtime & {
  clock: ReturnType<typeof createClock>;
  /** `app.request` with JSON bodies and an optional Bearer token. */
  call(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Response>;
  postCertificate(body: unknown, key?: string): Promise<Response>;
  /** A citizen in the Zalo simulator; when `phone` is given it is linked through the real endpoint. */
  citizen(opts?: { name?: string; phone?: string }): Promise<{ token: string; userId: string }>;
};

/**
 * The whole backend in sim mode on an in-memory (or given) database, with a frozen clock and
 * instant case-system steps: one line per test (style.md rule 4).
 */
export function createTestWorld(opts: { env?: Record<string, string>; dbPath?: string; clock?: ReturnType<typeof createClock>; caseSystem?: CaseSystemClient } = {}): TestWorld {
  const clock = opts.clock ?? createClock();
  const config: Config = parseConfig({ ZALO_MODE: "sim", CASE_SIM_STEP_MS: "0", LOG_LEVEL: "silent", MINI_APP_URL: "http://localhost:5173", ...opts.env });
  const runtime = createRuntime(config, { dbPath: opts.dbPath ?? ":memory:", now: clock.now, logger: createLogger({ level: "silent" }), defaultMetrics: false, ...(opts.caseSystem ? { caseSystem: opts.caseSystem } : {}) });
  const call: TestWorld["call"] = (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(o.body);
    }
    return Promise.resolve(runtime.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
  };
  return {
    ...runtime,
    clock,
    call,
    postCertificate: (body, key = HOSPITAL_KEY) => call("POST", "/api/integrations/birth-certificates", { token: key, body }),
    async citizen(o = {}) {
      const sim = runtime.sim?.zalo;
      if (!sim) throw new Error("not in sim mode");
      const { accessToken, userId } = sim.issueAccessToken({ name: o.name ?? "Người dùng thử" });
      if (o.phone) {
        const { token } = sim.issuePhoneToken({ accessToken, phone: o.phone });
        const res = await call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken: token } });
        if (res.status !== 200) throw new Error(`phone link failed: ${res.status} ${await res.text()}`);
      }
      return { token: accessToken, userId };
    },
  };
}

export { makeBirthCertificate };

/** A response body as JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJson = async <T = any>(res: Response): Promise<T> => (await res.json()) as T;
