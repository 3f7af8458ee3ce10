import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { createDb, DatabaseUnavailable, isPostgresUrl, type DbHandle } from "@hccd/db";
import { resources } from "@hccd/shared";
import { ConfigError, databaseTarget, type Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { createApp, type App } from "./app.js";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "./services/delivery/outbox-worker.js";
import { provisionClients, CASE_SYSTEM_CLIENT_ID, isFacilityClient, POPULATION_CLIENT_ID } from "./services/integrations/machine-clients.js";
import { createPopulationPlatformSimulator, type PopulationPlatformSimulator } from "./sim/population-platform.js";
import { sendTodaysPopulationNoticesNow } from "./services/population/population-reminders.js";
import { createPopulationPlanner, type PopulationPlanner } from "./services/population/population-planner.js";
import { createForeground } from "./services/jobs/foreground.js";
import { createHttpZaloGraphClient, createHttpZaloOaClient, createHttpZnsClient } from "./adapters/zalo/http-clients.js";
import { createZaloSimulator } from "./adapters/zalo/simulator.js";
import { createZaloSimRoutes } from "./sim/zalo-sim-routes.js";
import { createHttpCaseSystemClient } from "./adapters/case-system/http-client.js";
import { createCaseSimRoutes, createCaseSystemSimulator } from "./adapters/case-system/simulator.js";
import type { ZaloClients } from "./adapters/zalo/types.js";
import type { CaseSystemClient } from "./adapters/case-system/types.js";
import { inProcessFetch } from "./adapters/errors.js";
import type { ServiceDeps } from "./deps.js";
import { demoZaloAccounts, seedDemo, seedReference } from "./seed/demo.js";
import { draftLink } from "./services/delivery/notifications.js";
import { createWebhookProcessor, type WebhookProcessor } from "./services/chat/webhook-processor.js";
import { createBotHandler } from "./bot/bot.js";
import type { FaqService } from "./faq/types.js";
import { createFaqSync, createStoredFaq, seedBuiltinFaqEntries, type FaqSync } from "./services/chat/faq-service.js";
import { createOaTokenManager, type OaTokenManager } from "./services/delivery/oa-token-manager.js";
import { createHttpZaloOAuthClient } from "./adapters/zalo/oauth.js";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createChatSimRoutes } from "./sim/chat.js";
import { signEvent } from "./webhook/events.js";
import type { MacSecrets } from "./webhook/signature.js";
import { createHttpSmsClient } from "./adapters/sms/http-client.js";
import { createSmsSimulator, createSmsSimRoutes, type SmsSimulator } from "./adapters/sms/simulator.js";
import type { SmsClient } from "./adapters/sms/types.js";
import { NotSendable } from "./services/not-sendable.js";
import { createBackgroundJobs, type BackgroundJobs } from "./services/jobs/background-jobs.js";
import { defaultReminderCatalogue, type ReminderCatalogue } from "./services/reminders/reminder-catalogue.js";
import { createReminderScheduler, type ReminderScheduler } from "./services/reminders/reminder-scheduler.js";
import { createCampaignScheduler, type CampaignScheduler } from "./services/campaigns/campaign-dispatch.js";
import { createImportResumer, recoverImports } from "./services/imports/import-recovery.js";
import type { PeriodicTask } from "./services/jobs/periodic-task.js";
import { databaseReadiness } from "./services/health/database-health.js";
import { attachmentsDirProblem } from "./services/storage/blob-store.js";

export type ZaloSimulator = ReturnType<typeof createZaloSimulator>;
export type CaseSystemSimulator = ReturnType<typeof createCaseSystemSimulator>;

export interface RuntimeOptions {
  /** Overrides DATABASE_URL and DATABASE_PATH: a SQLite file, `:memory:`, or a `postgres://` URL (tests, the CLI). */
  dbPath?: string;
  /**
   * A database already open (tests: a fresh copy of the migrated PostgreSQL template, or one of
   * two handles on one database as two instances hold it). The runtime closes it at `close()`;
   * uploads go to a temporary folder, as with `:memory:`.
   */
  handle?: DbHandle;
  now?: () => Date;
  newId?: () => string;
  logger?: Logger;
  /** Prometheus default process metrics (off in tests: many apps in one process). */
  defaultMetrics?: boolean;
  /** Process webhook events right after they are stored (default). Restart tests turn it off. */
  processWebhooksOnStore?: boolean;
  /** The FAQ the bot answers from (default: the built-in Vietnamese FAQ). */
  faq?: FaqService;
  /**
   * A case system that outlives this runtime (restart tests: the real one keeps its state when
   * our process dies). Replaces CASE_SYSTEM_URL and the built-in simulator.
   */
  caseSystem?: CaseSystemClient;
  /** The service catalogue the reminder engine reads (default: the province's catalogue in `shared`). */
  catalogue?: ReminderCatalogue;
  /** The delivery throttles' clock and sleep (tests inject a fake one). */
  throttleTime?: OutboxWorkerOptions["throttleTime"];
}

export interface Runtime {
  config: Config;
  /** This instance among those sharing the database: the holder of its leases. */
  instanceId: string;
  handle: DbHandle;
  app: App;
  worker: OutboxWorker;
  webhooks: WebhookProcessor;
  /** Plans from population records outside the requests that store them (kicked by each batch stored here); `startWork()` starts its schedule. */
  populationPlanner: PopulationPlanner;
  /** The reminder sweep on its schedule (SWEEP_INTERVAL_MS); `start()` is the caller's choice, like the worker's. */
  scheduler: ReminderScheduler;
  /** Campaigns: starts scheduled ones and feeds sending ones to the outbox in waves; `start()` is the caller's choice. */
  campaigns: CampaignScheduler;
  /** Follows other instances' FAQ edits (FAQ_POLL_MS); `startWork()` starts it. */
  faqSync: FaqSync;
  catalogue: ReminderCatalogue;
  /** Work started by requests (imports); `close()` waits for it. */
  jobs: BackgroundJobs;
  /** Resumes (or fails) imports whose instance died, on its schedule; `start()` is the caller's choice. */
  importResumer: PeriodicTask;
  /** This instance's working copies of running imports' files (the files are kept in the database): `imports/` beside the database. */
  importDir: string;
  logger: Logger;
  /** What services take: the database, configuration, logger, clock and id generator. */
  services: ServiceDeps;
  /** Starts every periodic job (the server and `pnpm hccd worker`): outbox, webhook inbox, reminder sweep, campaigns. */
  startWork(work?: { processWebhooks?: boolean }): void;
  /** Stops taking work (readiness false), finishes or releases what is claimed and gives leases up; `close()` does it first. */
  stopWork(): Promise<void>;
  /** Present in sim mode. */
  sim?: { zalo?: ZaloSimulator; caseSystem?: CaseSystemSimulator; sms?: SmsSimulator };
  /** Draft prepared by the demo seed, when SEED=demo. */
  demoDraftId?: string;
  close(): Promise<void>;
}

/** The ZNS templates the simulator knows: our approved Vietnamese texts, as Zalo would hold them. */
export function simTemplates(config: Config) {
  const vi = resources.vi.notifications;
  return {
    [config.ZNS_TEMPLATE_BIRTH_DRAFT]: { body: vi.birthDraftReady.body, buttons: [{ title: vi.birthDraftReady.button, urlParam: "link" }] },
    [config.ZNS_TEMPLATE_DEATH_DRAFT]: { body: vi.deathDraftReady.body, buttons: [{ title: vi.deathDraftReady.button, urlParam: "link" }] },
    [config.ZNS_TEMPLATE_CHILD_ID_CARD_DRAFT]: { body: vi.childIdCardDraftReady.body, buttons: [{ title: vi.childIdCardDraftReady.button, urlParam: "link" }] },
    [config.ZNS_TEMPLATE_DOSSIER_STATUS]: { body: vi.dossierStatus.znsBody, buttons: [{ title: vi.dossierStatus.button, urlParam: "link" }] },
    [config.ZNS_TEMPLATE_DOCUMENT_EXPIRY]: { body: vi.documentExpiry.body, buttons: [{ title: vi.documentExpiry.button, urlParam: "link" }] },
    [config.ZNS_TEMPLATE_VACCINATION_DUE]: { body: vi.vaccinationDue.body, buttons: [{ title: vi.vaccinationDue.button, urlParam: "link" }] },
    // No button: a mistake is reported by writing to the OA (the body says so).
    [config.ZNS_TEMPLATE_PAYMENT_NOTICE]: { body: vi.paymentNotice.znsBody, buttons: [] },
    [config.ZNS_TEMPLATE_POPULATION_DEADLINE]: { body: vi.populationDeadline.body, buttons: [{ title: vi.populationDeadline.button, urlParam: "link" }] },
  };
}

/** `fetch` that sends requests to a Hono app in-process: the HTTP clients run for real, no port. */
const inProcess = inProcessFetch;

/**
 * What to tell the operator when the backend could not start for a reason of theirs — a setting
 * found wrong at start, the database not there or refusing us — or undefined for a fault (whose
 * stack is worth printing).
 */
export function startupProblem(err: unknown): string | undefined {
  if (err instanceof ConfigError) return err.message;
  if (err instanceof DatabaseUnavailable) return `Could not open the database ${err.target}: ${err.reason}. Check ${isPostgresUrl(err.target) ? "DATABASE_URL" : "DATABASE_PATH"}.`;
  return undefined;
}

/**
 * Wires the whole backend from a config: database (opened and migrated: PostgreSQL when
 * DATABASE_URL is set, else SQLite at DATABASE_PATH), machine clients, Zalo and case system
 * clients (real HTTP clients, pointed at the simulators in sim mode), the app and the outbox
 * worker. `main.ts` serves it; tests build it with `:memory:` or a test database.
 */
export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  // Refused before anything opens or migrates, rather than at a citizen's first upload.
  const papers = config.ATTACHMENTS_DIR ? await attachmentsDirProblem(config.ATTACHMENTS_DIR) : null;
  if (papers) {
    await opts.handle?.close();
    throw new ConfigError([{ variable: "ATTACHMENTS_DIR", message: papers }]);
  }
  const target = opts.dbPath ?? databaseTarget(config);
  const handle = opts.handle ?? (await createDb(target));
  // A database that outlives nothing (`:memory:`, a test's database) keeps its uploads in a
  // temporary folder removed at close. Otherwise they are durable, so an import survives a
  // restart with its file: beside the SQLite file, or beside DATABASE_PATH (the data folder) on PostgreSQL.
  const temporary = opts.handle !== undefined || target === ":memory:";
  const importDir = temporary ? mkdtempSync(join(tmpdir(), "hccd-imports-")) : join(dirname(resolve(isPostgresUrl(target) ? config.DATABASE_PATH : target)), "imports");
  try {
    mkdirSync(importDir, { recursive: true, mode: 0o700 });
    return await wire(config, opts, handle, importDir, temporary);
  } catch (err) {
    // A runtime that could not start leaves nothing open behind it.
    await handle.close();
    if (temporary) rmSync(importDir, { recursive: true, force: true });
    throw err;
  }
}

async function wire(config: Config, opts: RuntimeOptions, handle: DbHandle, importDir: string, temporaryImportDir: boolean): Promise<Runtime> {
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL });
  const now = opts.now ?? (() => new Date());
  const newId = opts.newId ?? randomUUID;
  // Unique among the instances sharing the database (two runtimes in one process too): it holds leases.
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const db = handle.db;
  await provisionClients(db, config.INTEGRATION_API_KEYS);

  let zalo: ZaloClients;
  let caseSystem: CaseSystemClient;
  let sim: Runtime["sim"];
  let simRoutes: Hono | undefined;
  // The app is created below; the case-system simulator calls back into it.
  let appRef: App | undefined;
  let tokenManager: OaTokenManager | undefined;

  if (config.ZALO_MODE === "sim" && config.ZALO_SIM_URL) {
    // The simulator runs in another process: the same HTTP clients, over the network.
    const simToken = "sim-oa-access-token";
    zalo = {
      oa: createHttpZaloOaClient({ baseUrl: config.ZALO_SIM_URL, getAccessToken: async () => simToken }),
      zns: createHttpZnsClient({ baseUrl: config.ZALO_SIM_URL, getAccessToken: async () => simToken }),
      graph: createHttpZaloGraphClient({ baseUrl: config.ZALO_SIM_URL, appSecret: "sim-app-secret" }),
    };
  } else if (config.ZALO_MODE === "sim") {
    const secrets: MacSecrets = { appId: config.ZALO_APP_ID ?? "", oaId: config.ZALO_OA_ID ?? "", oaSecretKey: config.ZALO_OA_SECRET_KEY ?? "", appSecret: config.ZALO_APP_SECRET ?? "" };
    const zaloSim = createZaloSimulator({
      templates: simTemplates(config), now, dailyQuota: config.ZALO_SIM_DAILY_QUOTA,
      ...(config.ZALO_SIM_RECEIPT_MS === null ? {} : {
        // Receipts reach our public webhook signed as Zalo signs them, like the chat simulator's events.
        receipts: {
          delayMs: config.ZALO_SIM_RECEIPT_MS, appId: secrets.appId, oaId: secrets.oaId,
          deliver: async (event: Record<string, unknown> & { timestamp: string }) => {
            if (!appRef) throw new Error("app not ready");
            const { body, signature } = signEvent(event, secrets, config.ZALO_WEBHOOK_MAC === "any" ? "app_id+oa_secret" : config.ZALO_WEBHOOK_MAC);
            await appRef.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body });
          },
        },
      }),
    });
    const fetch = inProcess(zaloSim.api);
    const simToken = "sim-oa-access-token";
    zalo = {
      oa: createHttpZaloOaClient({ baseUrl: "http://zalo.sim", getAccessToken: async () => simToken, fetch }),
      zns: createHttpZnsClient({ baseUrl: "http://zalo.sim", getAccessToken: async () => simToken, fetch }),
      graph: createHttpZaloGraphClient({ baseUrl: "http://zalo.sim", appSecret: "sim-app-secret", fetch }),
    };
    simRoutes = new Hono();
    simRoutes.route("/zalo", createZaloSimRoutes(zaloSim));
    simRoutes.route(
      "/chat",
      createChatSimRoutes({
        config, sim: zaloSim, now,
        deliver: async (body, signature) => {
          if (!appRef) throw new Error("app not ready");
          return appRef.request("/webhooks/zalo", { method: "POST", headers: { "content-type": "application/json", "x-zevent-signature": signature }, body });
        },
        callApi: async (path, init) => {
          if (!appRef) throw new Error("app not ready");
          return appRef.request(path, init);
        },
      }),
    );
    sim = { zalo: zaloSim };
  } else {
    const tokens = createOaTokenManager({
      db, logger, now,
      oauth: createHttpZaloOAuthClient({ appId: config.ZALO_APP_ID ?? "", appSecret: config.ZALO_APP_SECRET ?? "" }),
      oaId: config.ZALO_OA_ID ?? "",
      holder: instanceId,
    });
    // The configured pair's expiry is unknown: treat it as due within the hour, so it is refreshed early.
    await tokens.bootstrap({ accessToken: config.ZALO_OA_ACCESS_TOKEN ?? "", refreshToken: config.ZALO_OA_REFRESH_TOKEN ?? "", expiresAt: new Date(now().getTime() + 30 * 60_000) });
    tokenManager = tokens;
    zalo = {
      oa: createHttpZaloOaClient({ getAccessToken: tokens.getAccessToken }),
      zns: createHttpZnsClient({ getAccessToken: tokens.getAccessToken }),
      graph: createHttpZaloGraphClient({ appSecret: config.ZALO_APP_SECRET ?? "" }),
    };
  }

  let sms: SmsClient;
  if (config.SMS_GATEWAY_URL) {
    sms = createHttpSmsClient({ baseUrl: config.SMS_GATEWAY_URL, brandname: config.SMS_BRANDNAME, ...(config.SMS_API_KEY ? { apiKey: config.SMS_API_KEY } : {}) });
  } else if (config.ZALO_MODE === "sim") {
    const smsSim = createSmsSimulator({
      now,
      reportSecret: config.SMS_WEBHOOK_SECRET ?? "",
      // The simulated gateway reports deliveries to our public webhook, signed, like the real one.
      deliverReport: async (body, signature) => {
        if (!appRef) throw new Error("app not ready");
        await appRef.request("/webhooks/sms", { method: "POST", headers: { "content-type": "application/json", "x-sms-signature": signature }, body });
      },
    });
    sms = createHttpSmsClient({ baseUrl: "http://sms.sim", apiKey: smsSim.apiKey, brandname: config.SMS_BRANDNAME, fetch: inProcess(smsSim.api) });
    simRoutes ??= new Hono();
    simRoutes.route("/sms", createSmsSimRoutes(smsSim));
    sim = { ...sim, sms: smsSim };
  } else {
    // Live without a gateway: SMS is not a channel we have. Such rows fail at once, saying why.
    sms = { send: async () => { throw new NotSendable("no SMS gateway is configured (SMS_GATEWAY_URL)"); } };
  }

  if (opts.caseSystem) {
    caseSystem = opts.caseSystem;
  } else if (config.CASE_SYSTEM_URL) {
    caseSystem = createHttpCaseSystemClient({ baseUrl: config.CASE_SYSTEM_URL, ...(config.CASE_SYSTEM_API_KEY ? { apiKey: config.CASE_SYSTEM_API_KEY } : {}) });
  } else {
    const callbackKey = config.INTEGRATION_API_KEYS.find((k) => k.clientId === CASE_SYSTEM_CLIENT_ID)?.key;
    if (!callbackKey) throw new Error(`CASE_SYSTEM_URL is empty (simulator) but INTEGRATION_API_KEYS has no key for client "${CASE_SYSTEM_CLIENT_ID}" to call back with`);
    const caseSim = createCaseSystemSimulator({
      stepMs: config.CASE_SIM_STEP_MS,
      now,
      // The simulated case system calls our public callback endpoint with its own key, like the real one.
      deliverStatus: async (cb) => {
        if (!appRef) throw new Error("app not ready");
        const res = await appRef.request("/api/integrations/case-status", {
          method: "POST",
          headers: { authorization: `Bearer ${callbackKey}`, "content-type": "application/json" },
          body: JSON.stringify(cb),
        });
        if (!res.ok) throw new Error(`case-status callback answered ${res.status}`);
      },
    });
    caseSystem = createHttpCaseSystemClient({ baseUrl: "http://case-system.sim", fetch: inProcess(caseSim.api) });
    simRoutes ??= new Hono();
    simRoutes.route("/case-system", createCaseSimRoutes(caseSim));
    sim = { ...sim, caseSystem: caseSim };
  }

  const catalogue = opts.catalogue ?? defaultReminderCatalogue;
  let demoDraftId: string | undefined;
  if (config.SEED === "demo") {
    const hospital = config.INTEGRATION_API_KEYS.find((k) => isFacilityClient(k.clientId));
    if (!hospital) throw new Error("SEED=demo needs a hospital client in INTEGRATION_API_KEYS");
    demoDraftId = (await seedDemo({ db, config, logger, now, newId, catalogue }, hospital.clientId)).draftId;
    const demo = { draftId: demoDraftId, link: draftLink(config, demoDraftId), motherPhone: "0912345678", accounts: demoZaloAccounts() };
    // Where the demo starts, for `pnpm start` and newcomers: the draft waiting for the demo mother.
    simRoutes?.get("/demo", (c) => c.json(demo));
  }
  // The demo's population platform (contract 5): pushes a neighbourhood through the public endpoint
  // with the platform's own key once the app is up (below), as the real platform would.
  const populationKey = config.INTEGRATION_API_KEYS.find((k) => k.clientId === POPULATION_CLIENT_ID)?.key;
  let populationSim: PopulationPlatformSimulator | undefined;
  if (config.SEED === "demo" && simRoutes && populationKey) {
    populationSim = createPopulationPlatformSimulator({
      now,
      push: async (body) => {
        if (!appRef) throw new Error("app not ready");
        const res = await appRef.request("/api/integrations/population-records", { method: "POST", headers: { authorization: `Bearer ${populationKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
        return { status: res.status, body: await res.json() };
      },
    });
    simRoutes.route("/population", populationSim.routes);
  }

  const worker = createOutboxWorker(
    { db, config, logger, now, newId, zalo, sms, caseSystem, onTokenRejected: () => tokenManager?.invalidate() },
    { leaseMs: config.OUTBOX_LEASE_MS, concurrency: config.OUTBOX_CONCURRENCY, pollMs: config.OUTBOX_POLL_MS, ...(opts.throttleTime ? { throttleTime: opts.throttleTime } : {}) },
  );
  // The FAQ lives in the database (staff edit it); the shipped entries are copied in when missing.
  await seedBuiltinFaqEntries(db, now());
  const faq = opts.faq ?? (await createStoredFaq(db));
  const faqSync = createFaqSync(faq, { intervalMs: config.FAQ_POLL_MS, logger });
  const jobs = createBackgroundJobs(logger);
  // Reports stored whole by earlier versions are bounded; imports a dead process left running are resumed or failed.
  await recoverImports({ db, config, logger, now, newId, jobs, catalogue, importDir });
  // Each import is claimed by the instance that runs it (no leader needed).
  const importResumer = createImportResumer({ db, config, logger, now, newId, jobs, catalogue, importDir });
  const processWebhooksHere = config.WEBHOOK_PROCESSING === "inline";
  // What must run once across instances runs on the holder of its lease; the outbox and the webhook
  // inbox need none: every instance works on them, each claiming its own rows.
  const leader = { holder: instanceId, ttlMs: config.LEADER_LEASE_MS };
  const scheduler = createReminderScheduler({ db, config, logger, now, newId }, { catalogue, intervalMs: config.SWEEP_INTERVAL_MS, onQueued: () => worker.kick(), leader });
  const campaigns = createCampaignScheduler({ db, config, logger, now, newId }, { intervalMs: 5000, onQueued: () => worker.kick(), leader });
  // Every instance plans from population records (each claims its own); a batch stored here kicks it.
  // Webhooks in flight here: a population sync's slices and their planning give them way.
  const foreground = createForeground();
  const populationPlanner = createPopulationPlanner({ db, config, logger, now, newId, catalogue, foreground });
  const webhooks = createWebhookProcessor({
    db, config, logger, now, newId,
    handle: createBotHandler({ db, config, logger, now, newId, faq, catalogue, miniAppUrl: draftLink(config, "").replace(/\/\?draft=$/, "") }),
    afterBatch: () => worker.kick(),
  });
  let shuttingDown = false;
  const readiness = async () => {
    if (shuttingDown) return { ok: false as const, reason: "shutting down" };
    const database = await databaseReadiness(handle);
    if (!database.ok || !config.ATTACHMENTS_DIR) return database;
    // A share unmounted while running: no citizen's paper can be stored or read here.
    const papers = await attachmentsDirProblem(config.ATTACHMENTS_DIR);
    return papers ? { ok: false as const, reason: `ATTACHMENTS_DIR: ${papers}` } : database;
  };
  const app = createApp(
    { db, config, logger, now, newId, zalo, caseSystem, faq, catalogue, jobs, importDir, readiness, onWebhookStored: () => {
        if (processWebhooksHere && (opts.processWebhooksOnStore ?? true)) void webhooks.kick();
      }, onPopulationStored: () => void populationPlanner.kick(), foreground, ...(simRoutes ? { simRoutes } : {}) },
    { defaultMetrics: opts.defaultMetrics ?? true },
  );
  appRef = app;
  if (populationSim) {
    try {
      await populationSim.pushDemo();
      // Planned before the notices due today are brought forward.
      await populationPlanner.kick();
      await sendTodaysPopulationNoticesNow(db, now());
    } catch (err) {
      logger.error({ err }, "the demo population push failed");
    }
  }

  /**
   * Every periodic job the backend runs: what must run once runs on the holder of its lease.
   * Webhook events are processed here unless WEBHOOK_PROCESSING=workers leaves them to the
   * workers (`pnpm hccd worker` asks for them with `processWebhooks`).
   */
  function startWork(work: { processWebhooks?: boolean } = {}): void {
    worker.start();
    scheduler.start();
    campaigns.start();
    importResumer.start();
    populationPlanner.start();
    // Events stored but not processed before a stop are processed now; failed ones are retried on its timer.
    if (work.processWebhooks ?? processWebhooksHere) webhooks.start();
    faqSync.start();
  }
  let stopping: Promise<void> | undefined;
  /**
   * Takes no new work: `/readyz` answers 503 at once; the periodic jobs finish the run in progress
   * (the outbox its claimed batch, the webhook processor its events) and stop; leases are released,
   * so another instance takes the sweep and the campaigns over at its next try, not after the lease.
   */
  function stopWork(): Promise<void> {
    shuttingDown = true;
    stopping ??= (async () => {
      await Promise.all([scheduler.stop(), campaigns.stop(), importResumer.stop(), faqSync.stop(), populationPlanner.stop()]);
      await webhooks.stop();
      await worker.stop();
    })();
    return stopping;
  }

  return {
    config,
    instanceId,
    handle,
    app,
    worker,
    webhooks,
    populationPlanner,
    scheduler,
    campaigns,
    faqSync,
    catalogue,
    jobs,
    importResumer,
    importDir,
    logger,
    services: { db, config, logger, now, newId },
    ...(sim ? { sim } : {}),
    ...(demoDraftId ? { demoDraftId } : {}),
    startWork,
    stopWork,
    async close() {
      await stopWork();
      // An import still running finishes (its rows are written in batches) before the database closes.
      await jobs.idle();
      await sim?.caseSystem?.idle().catch(() => undefined);
      await sim?.sms?.idle();
      await sim?.zalo?.stopReceipts();
      sim?.caseSystem?.close();
      await handle.close();
      if (temporaryImportDir) rmSync(importDir, { recursive: true, force: true });
    },
  };
}

export { seedReference };
