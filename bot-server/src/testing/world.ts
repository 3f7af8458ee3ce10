import { makeBirthCertificate } from "@hccd/shared";
import { queryRows, type DbHandle } from "@hccd/db";
import { openSharedTestDb, openTestDb, testEngine } from "@hccd/db/testing";
import type { SQL } from "drizzle-orm";
import { parseConfig, DEV_INTEGRATION_KEYS, type Config } from "../config.js";
import { createLogger } from "../logger.js";
import { createRuntime, type Runtime, type RuntimeOptions, type ZaloSimulator } from "../runtime.js";
import type { CaseSystemClient } from "../adapters/case-system/types.js";
import type { FaqService } from "../faq/types.js";
import { signEvent, textEvent, type EventUser } from "../webhook/events.js";
import type { MacSecrets } from "../webhook/signature.js";
import type { ReminderCatalogue } from "../services/reminders/reminder-catalogue.js";

export const HOSPITAL_KEY = DEV_INTEGRATION_KEYS[0].key;
export const CASE_SYSTEM_KEY = DEV_INTEGRATION_KEYS[1].key;
export const POPULATION_KEY = DEV_INTEGRATION_KEYS[2].key;

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
  /** The database (`handle.db`), for services and data-access functions. */
  db: DbHandle["db"];
  /**
   * Raw SQL for assertions, on either engine: `await w.rows<{ n: number }>(sql\`select count(*) as n from outbox\`)`.
   * Values come in SQLite's shapes (instants as epoch ms, flags 0/1, counts as numbers); alias
   * camelCase columns in double quotes (`as "createdAt"`).
   */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** The first row of `rows(query)`, or undefined. */
  one<T = Record<string, unknown>>(query: SQL): Promise<T | undefined>;
  /** `app.request` with JSON bodies and an optional Bearer token. */
  call(method: string, path: string, opts?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<Response>;
  postCertificate(body: unknown, key?: string): Promise<Response>;
  /** A citizen in the Zalo simulator; when `phone` is given it is linked through the real endpoint. */
  citizen(opts?: { name?: string; phone?: string }): Promise<{ token: string; userId: string }>;
  /**
   * The chat user opens the Mini App and shares the phone Zalo verifies (getPhoneNumber's token,
   * exchanged by `POST /api/me/phone`): the only way a phone becomes the user's identity.
   */
  verifyPhone(user: EventUser, phone: string): Promise<void>;
  /** Signs an OA webhook event with the simulator's secrets and posts it to /webhooks/zalo. */
  sendEvent(event: { timestamp: string } & Record<string, unknown>, opts?: { signature?: string }): Promise<Response>;
  /** Processes stored webhook events and sends the replies they queued. */
  settle(): Promise<void>;
  secrets: MacSecrets;
  /** A Zalo user who follows the OA (in the simulator), with fresh ids. */
  chatUser(opts?: { follows?: boolean }): EventUser;
  /** The user types `text` to the OA: the simulator notes the interaction, the signed event is posted. */
  say(user: EventUser, text: string, msgId?: string): Promise<Response>;
  /** The user types `text`; the event is processed and what the OA answered to it is returned. */
  ask(user: EventUser, text: string): Promise<{ text: string; buttons: { title: string; url?: string }[] }[]>;
  /** What the simulated Zalo delivered to this OA user. */
  inbox(user: EventUser): { text: string; buttons: { title: string; url?: string }[] }[];
};

export interface TestWorldOptions {
  env?: Record<string, string>;
  /** A SQLite file (a test that reopens it after a "restart" runs on SQLite only: prefer `database`). */
  dbPath?: string;
  /**
   * A database already open, which the world closes: one of `openSharedTestDb(n)`'s handles
   * (`@hccd/db/testing`), so that several worlds share one database on either engine (two
   * instances at once, or a restart: close the first world, open the second on the next handle).
   */
  database?: DbHandle;
  clock?: ReturnType<typeof createClock>;
  caseSystem?: CaseSystemClient;
  faq?: FaqService;
  processWebhooksOnStore?: boolean;
  catalogue?: ReminderCatalogue;
  throttleTime?: RuntimeOptions["throttleTime"];
}

/**
 * The whole backend in sim mode, with a frozen clock and instant case-system steps: one line per
 * test (style.md rule 4). The database is fresh and migrated, on the engine of the test run:
 * SQLite `:memory:` by default; a copy of the migrated PostgreSQL template in the
 * `bot-server:postgres` project (run when HCCD_TEST_DATABASE_URL names a server); or the one given.
 */
export async function createTestWorld(opts: TestWorldOptions = {}): Promise<TestWorld> {
  const clock = opts.clock ?? createClock();
  // Zalo's receipts are off unless a test asks for them (`ZALO_SIM_RECEIPT_MS: "0"`): they are webhook events of their own.
  const config: Config = parseConfig({ ZALO_MODE: "sim", CASE_SIM_STEP_MS: "0", LOG_LEVEL: "silent", MINI_APP_URL: "http://localhost:5173", ZALO_SIM_RECEIPT_MS: "off", ...opts.env });
  const database = opts.dbPath ? { dbPath: opts.dbPath } : { handle: opts.database ?? (await openTestDb()) };
  const runtime = await createRuntime(config, { ...database, now: clock.now, logger: createLogger({ level: "silent" }), defaultMetrics: false, ...(opts.caseSystem ? { caseSystem: opts.caseSystem } : {}), ...(opts.faq ? { faq: opts.faq } : {}), ...(opts.catalogue ? { catalogue: opts.catalogue } : {}), ...(opts.throttleTime ? { throttleTime: opts.throttleTime } : {}), processWebhooksOnStore: opts.processWebhooksOnStore ?? false });
  const secrets: MacSecrets = { appId: config.ZALO_APP_ID ?? "", oaId: config.ZALO_OA_ID ?? "", oaSecretKey: config.ZALO_OA_SECRET_KEY ?? "", appSecret: config.ZALO_APP_SECRET ?? "" };
  let userSeq = 0;
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
  const db = runtime.handle.db;
  const world: TestWorld = {
    ...runtime,
    clock,
    db,
    rows: <T,>(query: SQL) => queryRows<T>(db, query),
    one: async <T,>(query: SQL) => (await queryRows<T>(db, query))[0],
    call,
    secrets,
    sendEvent(event, o = {}) {
      runtime.sim?.zalo?.observeEvent(event as Parameters<ZaloSimulator["observeEvent"]>[0]);
      const signed = signEvent(event, secrets);
      return call("POST", "/webhooks/zalo", { rawBody: signed.body, headers: { "content-type": "application/json", "x-zevent-signature": o.signature ?? signed.signature } });
    },
    chatUser(o = {}) {
      userSeq++;
      const user = { oaUserId: String(8_100_000_000_000_000_000n + BigInt(userSeq)), appUserId: String(5_100_000_000_000_000_000n + BigInt(userSeq)) };
      runtime.sim?.zalo?.setFollower(user.oaUserId, o.follows ?? true);
      return user;
    },
    say(user, text, msgId) {
      return world.sendEvent(textEvent(secrets, user, text, clock.now(), msgId));
    },
    async ask(user, text) {
      const before = world.inbox(user).length;
      await world.say(user, text);
      await world.settle();
      return world.inbox(user).slice(before);
    },
    inbox(user) {
      return runtime.sim?.zalo?.messages({ userId: user.oaUserId }) ?? [];
    },
    async settle() {
      await runtime.webhooks.kick();
      await runtime.worker.drain();
    },
    postCertificate: (body, key = HOSPITAL_KEY) => call("POST", "/api/integrations/birth-certificates", { token: key, body }),
    async verifyPhone(user, phone) {
      const sim = runtime.sim?.zalo;
      if (!sim) throw new Error("not in sim mode");
      if (!user.appUserId) throw new Error("the chat user has no app-scoped id");
      const { accessToken } = sim.issueAccessToken({ userId: user.appUserId });
      const { token } = sim.issuePhoneToken({ accessToken, phone });
      const res = await call("POST", "/api/me/phone", { token: accessToken, body: { phoneToken: token } });
      if (res.status !== 200) throw new Error(`phone verification failed: ${res.status} ${await res.text()}`);
    },
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
  return world;
}

/**
 * Two instances (worlds) on one fresh database, sharing one clock, each with its own worker and
 * its own simulators (standing for the same Zalo OA). On PostgreSQL they hold two connection pools
 * on one database; on SQLite one handle stands for both (two connections in one process would
 * wait for each other's write lock while holding the event loop), and their workers still run side
 * by side. Close the second first: on SQLite the first closes the handle.
 */
export async function createTwoTestWorlds(opts: { clock: ReturnType<typeof createClock>; env?: Record<string, string>; envB?: Record<string, string>; throttleTime?: RuntimeOptions["throttleTime"] }): Promise<[TestWorld, TestWorld]> {
  const handles: DbHandle[] = testEngine() === "postgres" ? await openSharedTestDb(2) : await openSharedTestDb(1).then(([h]) => [h!, { ...h!, close: async () => undefined }]);
  const common = { clock: opts.clock, ...(opts.throttleTime ? { throttleTime: opts.throttleTime } : {}) };
  const a = await createTestWorld({ ...common, database: handles[0]!, env: opts.env ?? {} });
  try {
    return [a, await createTestWorld({ ...common, database: handles[1]!, env: { ...opts.env, ...opts.envB } })];
  } catch (err) {
    await handles[1]!.close();
    await a.close();
    throw err;
  }
}

export { makeBirthCertificate };

/** A response body as JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJson = async <T = any>(res: Response): Promise<T> => (await res.json()) as T;
