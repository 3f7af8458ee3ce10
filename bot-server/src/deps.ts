import type { Db } from "@hccd/db";
import type { Foreground } from "./services/jobs/foreground.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { ZaloClients } from "./adapters/zalo/types.js";
import type { CaseSystemClient } from "./adapters/case-system/types.js";
import type { Hono } from "hono";
import type { FaqService } from "./faq/types.js";
import type { BackgroundJobs } from "./services/jobs/background-jobs.js";
import type { ReminderCatalogue } from "./services/reminders/reminder-catalogue.js";

/** Everything the app and its services need, passed in (no module-level singletons). */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** The clock: tests freeze it. */
  now: () => Date;
  /** Identifier generator (UUID v4 by default). */
  newId: () => string;
  zalo: ZaloClients;
  caseSystem: CaseSystemClient;
  /** Simulator routes mounted at `/sim/*`, present only in sim mode. */
  simRoutes?: Hono;
  /** The FAQ the bot and `/api/faq/ask` answer from. */
  faq: FaqService;
  /** The service catalogue as the reminder engine reads it. */
  catalogue: ReminderCatalogue;
  /** Work requests start without waiting for it (imports); shutdown waits for it. */
  jobs: BackgroundJobs;
  /** Where uploads are kept while their import runs (beside the database), so an interrupted import can be resumed. */
  importDir: string;
  /** Called after a webhook event is stored, to process it outside the request. */
  onWebhookStored?: () => void;
  /** Called after a population batch is stored, to plan from its records outside the request. */
  onPopulationStored?: () => void;
  /** The webhooks in flight here, which bulk work (a population sync) gives way to; absent: none. */
  foreground?: Foreground;
  /** Whether this instance may take traffic (`/readyz`); absent: always. */
  readiness?: () => Promise<{ ok: true } | { ok: false; reason: string }>;
}

/** What services need: the app's dependencies without the HTTP-only parts. */
export type ServiceDeps = Pick<AppDeps, "db" | "config" | "logger" | "now" | "newId">;
