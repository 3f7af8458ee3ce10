import { z } from "zod";
import { isPostgresUrl, withoutPassword } from "@hccd/db";

const integrationKeys = z
  .string()
  .default("")
  .transform((s, ctx) => {
    const out: { key: string; clientId: string }[] = [];
    for (const part of s.split(",").map((p) => p.trim()).filter(Boolean)) {
      const i = part.lastIndexOf(":");
      const key = part.slice(0, i);
      const clientId = part.slice(i + 1);
      if (i <= 0 || !clientId || key.length < 16 || !/^[a-z0-9][a-z0-9-]*$/.test(clientId)) {
        ctx.addIssue({ code: "custom", message: `each entry must be key:client with a key of at least 16 characters and a client id in lower-case letters, digits and hyphens (bad entry ${out.length + 1})` });
        return z.NEVER;
      }
      out.push({ key, clientId });
    }
    return out;
  });

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== "" ? s.trim() : undefined));

/** Node's timers hold at most this many milliseconds; a longer delay fires at once (every millisecond, for an interval). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A variable left empty (`FOO=` in a .env file, or spaces) is one not set: its default applies. */
const unsetIfEmpty = (raw: string | undefined) => (raw === undefined || raw.trim() === "" ? undefined : raw.trim());

/**
 * A number from `min` to `max`, `fallback` when not set: whole unless `fractions` (`2.5` per
 * second). Digits only: `30s`, `1e3` or `0x10` are refused rather than read as something else. The
 * message says the unit and the range.
 */
function numberSetting(unit: string, min: number, max: number, fallback: number, fractions = false) {
  const pattern = fractions ? /^\d+(\.\d+)?$/ : /^\d+$/;
  const rule = `must be a ${fractions ? "number" : "whole number"} of ${unit} from ${min} to ${max}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const s = unsetIfEmpty(raw);
      if (s === undefined) return fallback;
      const n = Number(s);
      if (!pattern.test(s) || !Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: rule });
        return z.NEVER;
      }
      return n;
    });
}

const wholeNumber = (unit: string, min: number, max: number, fallback: number) => numberSetting(unit, min, max, fallback);

/** Milliseconds a timer waits: at most what Node's timers hold. */
const milliseconds = (min: number, fallback: number) => wholeNumber("milliseconds", min, MAX_TIMER_MS, fallback);

/** One of `values`, `fallback` when not set; the message lists them. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      const s = unsetIfEmpty(raw);
      if (s === undefined) return fallback;
      if (!(values as readonly string[]).includes(s)) {
        ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}` });
        return z.NEVER;
      }
      return s;
    });
}

/**
 * Variables whose value is never repeated in a message: secrets, keys, tokens, and URLs (which
 * may carry a password).
 */
const SECRET_VARIABLE = /SECRET|KEY|TOKEN|PASSWORD|_URL$/;

/**
 * Environment of the backend, parsed once at boot. A bad value stops the process naming the
 * variable (w3cj/hono-open-api-starter's pattern).
 */
export const configSchema = z
  .object({
    PORT: wholeNumber("port", 1, 65535, 8787),
    HOST: z.string().default("127.0.0.1"),
    /** The SQLite file, when DATABASE_URL is empty: the embedded default (a small office, `pnpm start`, the tests). */
    DATABASE_PATH: z.string().min(1).default("./data/hccd.db"),
    /** PostgreSQL (`postgres://user:password@host:5432/name`): a province's cluster of several instances sharing one database. */
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .refine((s) => isPostgresUrl(s) && URL.canParse(s) && new URL(s).hostname !== "", { message: "must be a postgres:// or postgresql:// URL with a host (postgres://user:password@host:5432/name), or empty for SQLite at DATABASE_PATH" })
        .optional(),
    ),
    /**
     * Where citizens' papers live: a directory every instance mounts (NFS, a mounted bucket), or
     * empty for the database (services/storage/blob-store.ts says why each).
     */
    ATTACHMENTS_DIR: optionalText,
    SEED: oneOf(["demo", "none"], "none"),
    ZALO_MODE: oneOf(["sim", "live"], "sim"),
    ZALO_APP_ID: optionalText,
    ZALO_OA_ID: optionalText,
    ZALO_OA_SECRET_KEY: optionalText,
    ZALO_APP_SECRET: optionalText,
    /** Live mode: the OA token pair from the first authorisation; stored, then refreshed automatically. */
    ZALO_OA_ACCESS_TOKEN: optionalText,
    ZALO_OA_REFRESH_TOKEN: optionalText,
    INTEGRATION_API_KEYS: integrationKeys,
    CASE_SYSTEM_URL: z
      .string()
      .optional()
      .transform((s) => (s && s.trim() !== "" ? s.trim().replace(/\/+$/, "") : undefined))
      .pipe(z.url({ message: "must be an http(s) URL, or empty for the simulator" }).optional()),
    CASE_SYSTEM_API_KEY: optionalText,
    /** Simulator: time between the case's status steps. */
    CASE_SIM_STEP_MS: milliseconds(0, 4000),
    /** Where the Mini App is opened from links (sim: the local dev server). */
    MINI_APP_URL: optionalText,
    ZNS_TEMPLATE_BIRTH_DRAFT: z.string().default("birth_draft_ready"),
    ZNS_TEMPLATE_DEATH_DRAFT: z.string().default("death_draft_ready"),
    ZNS_TEMPLATE_CHILD_ID_CARD_DRAFT: z.string().default("child_id_card_draft_ready"),
    ZNS_TEMPLATE_DOSSIER_STATUS: z.string().default("dossier_status"),
    ZNS_TEMPLATE_DOCUMENT_EXPIRY: z.string().default("document_expiry"),
    ZNS_TEMPLATE_VACCINATION_DUE: z.string().default("vaccination_due"),
    ZNS_TEMPLATE_PAYMENT_NOTICE: z.string().default("payment_notice"),
    ZNS_TEMPLATE_POPULATION_DEADLINE: z.string().default("population_deadline"),
    /** Quiet hours in Vietnam time, `start-end` (default 21-7: nothing sent 21:00–07:00). */
    QUIET_HOURS: z
      .string()
      .default("21-7")
      .transform((s, ctx) => {
        const m = /^(\d{1,2})-(\d{1,2})$/.exec(s);
        const startHour = Number(m?.[1]);
        const endHour = Number(m?.[2]);
        if (!m || startHour > 23 || endHour > 23) {
          ctx.addIssue({ code: "custom", message: "must be two hours 0-23 as start-end, e.g. 21-7" });
          return z.NEVER;
        }
        return { startHour, endHour };
      }),
    /**
     * How many proxies of ours stand in front of the backend, each appending to X-Forwarded-For
     * (a load balancer, nginx). 0: the client is the socket's peer and X-Forwarded-For is ignored,
     * since anyone can write it. Login rate limits count clients by this address.
     */
    TRUST_PROXY_HOPS: wholeNumber("proxies", 0, 10, 0),
    LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
    /**
     * How Zalo's webhook MAC is formed: which id comes first and which secret ends it (sources
     * disagree, zalo.md). `any` accepts every variant and logs which one matched.
     */
    ZALO_WEBHOOK_MAC: oneOf(["app_id+oa_secret", "oa_id+oa_secret", "app_id+app_secret", "oa_id+app_secret", "any"], "app_id+oa_secret"),
    /**
     * How old a Zalo webhook event may be and still be processed (its signed `timestamp`). Zalo
     * resends an event it got no 200 for, with the same timestamp, for as long as its retry
     * schedule runs (sources disagree on it, zalo.md); we answer in milliseconds, so only our own
     * outage makes Zalo resend. An hour covers a restart or a short outage, keeps a captured event
     * from being replayed later, and a chat answer more than an hour late helps nobody.
     */
    WEBHOOK_MAX_AGE_MS: wholeNumber("milliseconds", 60_000, Number.MAX_SAFE_INTEGER, 60 * 60_000),
    /**
     * Where Zalo's webhook events are handled once stored and acknowledged: `inline`, by the server
     * that received them (one machine, the default); `workers`, only by `pnpm hccd worker`
     * processes (claimed with a lease, any number of them), so the servers that answer Zalo spend
     * their CPU on acknowledging, never behind the bot's work (issue 14's intake target).
     */
    WEBHOOK_PROCESSING: oneOf(["inline", "workers"], "inline"),
    /** Largest webhook body accepted (Zalo's events are a few KB). */
    WEBHOOK_MAX_BYTES: wholeNumber("bytes", 1024, 16 * 1024 * 1024, 64 * 1024),
    /** Largest list a staff member may upload (a 100,000-row .xlsx is about 5 MB). */
    IMPORT_MAX_BYTES: wholeNumber("bytes", 1024, 1024 * 1024 * 1024, 50 * 1024 * 1024),
    /** How often the reminder sweep runs (ms); 0 turns the schedule off (the CLI and the staff API still run it). */
    SWEEP_INTERVAL_MS: milliseconds(0, 5 * 60_000),
    /**
     * Sends per second per channel (0: no limit). Zalo publishes no rate for OA and ZNS messages and
     * answers -32 when pushed too hard (retried); these keep well under it. SMS per the gateway's contract.
     */
    THROTTLE_OA_PER_SEC: numberSetting("messages per second", 0, 100_000, 20, true),
    THROTTLE_ZNS_PER_SEC: numberSetting("messages per second", 0, 100_000, 10, true),
    THROTTLE_SMS_PER_SEC: numberSetting("messages per second", 0, 100_000, 10, true),
    /**
     * ZNS messages per Vietnam day, all instances together (0: no cap of ours; Zalo's quota per OA
     * still applies, and once Zalo says it is spent no instance asks again that day). Set it to
     * the OA's quota, or below it to keep some for what staff send by hand.
     */
    ZNS_DAILY_QUOTA: wholeNumber("messages", 0, 100_000_000, 0),
    /**
     * How long the leader lease of the reminder sweep and the campaign waves lasts past its last
     * renewal (every third of it): an instance that dies without a word hands over within this and a third.
     */
    LEADER_LEASE_MS: milliseconds(3000, 30_000),
    /** How often each instance checks whether staff changed the FAQ (then rebuilds its index): an edit reaches every instance within this. */
    FAQ_POLL_MS: milliseconds(0, 2000),
    /** How long a claimed outbox row is held before another worker may take it (a crashed worker's rows come back after this). */
    OUTBOX_LEASE_MS: milliseconds(1000, 60_000),
    /** How often an idle worker looks for due rows (it is also woken when something is queued, and goes straight on after a full batch). */
    OUTBOX_POLL_MS: milliseconds(50, 1000),
    /** Sends in flight at once per channel and worker (each still waits for its channel's throttle). */
    OUTBOX_CONCURRENCY: wholeNumber("sends", 1, 256, 16),
    /**
     * Sim mode only: a Zalo simulator in another process (`pnpm hccd simulate`), reached over HTTP,
     * instead of the one built into this process (a worker process and its simulator must outlive each other).
     */
    ZALO_SIM_URL: optionalText,
    /**
     * Sim mode: the built-in Zalo simulator sends a delivery receipt (`user_received_message`,
     * signed, to our webhook) this many ms after each message it delivers, as Zalo does; `off`
     * sends none. The demo's campaign counts reach "delivered" through them.
     */
    ZALO_SIM_RECEIPT_MS: z
      .union([z.literal("off"), z.coerce.number().int().min(0).max(600_000)], { error: "must be off or a delay in ms (0 to 600000)" })
      .default(1000)
      .transform((v) => (v === "off" ? null : v)),
    /** Sim mode: the simulated OA's daily ZNS quota (Zalo sets it per OA; 10,000 unless told). */
    ZALO_SIM_DAILY_QUOTA: wholeNumber("messages", 0, 100_000_000, 10_000),
    /** Brandname SMS gateway; empty: the built-in simulator in sim mode, no SMS at all in live mode. */
    SMS_GATEWAY_URL: optionalText,
    SMS_API_KEY: optionalText,
    /** The registered brandname the SMS shows as its sender. */
    SMS_BRANDNAME: z.string().min(1).max(11).default("HCC-CONG"),
    /** The secret the gateway signs its delivery reports with (`POST /webhooks/sms`); sim mode has a default. */
    SMS_WEBHOOK_SECRET: optionalText,
  })
  .superRefine((c, ctx) => {
    if (c.ZALO_MODE === "live") {
      for (const k of ["ZALO_APP_ID", "ZALO_OA_ID", "ZALO_OA_SECRET_KEY", "ZALO_APP_SECRET", "ZALO_OA_ACCESS_TOKEN", "ZALO_OA_REFRESH_TOKEN"] as const) {
        if (!c[k]) ctx.addIssue({ code: "custom", path: [k], message: "is required when ZALO_MODE=live" });
      }
      if (c.INTEGRATION_API_KEYS.length === 0) ctx.addIssue({ code: "custom", path: ["INTEGRATION_API_KEYS"], message: "is required when ZALO_MODE=live" });
    }
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
  }
}

/** Development keys, used only in sim mode when INTEGRATION_API_KEYS is empty. Printed at start. */
export const DEV_INTEGRATION_KEYS = [
  { key: "dev-hospital-key-0000000000", clientId: "bvdk-tay-ninh" },
  { key: "dev-case-system-key-00000000", clientId: "case-system" },
  { key: "dev-population-key-000000000", clientId: "population" },
] as const;

/** Credentials of the simulated Zalo app and OA (sim mode only). */
/** Sim mode: what the SMS simulator signs its delivery reports with. */
export const SIM_SMS_WEBHOOK_SECRET = "sim-sms-webhook-secret";
export const SIM_ZALO = { appId: "1000000000000000001", oaId: "2000000000000000002", oaSecretKey: "sim-oa-secret-key", appSecret: "sim-app-secret" } as const;

/** What `createDb` opens: the PostgreSQL URL when DATABASE_URL is set, else the SQLite file at DATABASE_PATH. */
export function databaseTarget(config: Pick<Config, "DATABASE_URL" | "DATABASE_PATH">): string {
  return config.DATABASE_URL ?? config.DATABASE_PATH;
}

/** The database for logs and the start banner: engine and place, never the password. */
export function databaseLabel(config: Pick<Config, "DATABASE_URL" | "DATABASE_PATH">): string {
  return config.DATABASE_URL ? `PostgreSQL ${withoutPassword(config.DATABASE_URL)}` : `SQLite ${config.DATABASE_PATH}`;
}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = configSchema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(
      r.error.issues.map((i) => {
        const variable = String(i.path[0] ?? "(environment)");
        const value = env[variable];
        // The value as given helps find a typo (`worker` for `workers`); a secret's is never repeated.
        const got = value !== undefined && value.trim() !== "" && !SECRET_VARIABLE.test(variable) ? ` (got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})` : "";
        return { variable, message: `${i.message}${got}` };
      }),
    );
  }
  const config = r.data;
  if (config.ZALO_MODE === "sim") {
    if (config.INTEGRATION_API_KEYS.length === 0) config.INTEGRATION_API_KEYS = DEV_INTEGRATION_KEYS.map((k) => ({ ...k }));
    // The simulator's own app and OA: the chat simulator signs events with these.
    config.ZALO_APP_ID ??= SIM_ZALO.appId;
    config.ZALO_OA_ID ??= SIM_ZALO.oaId;
    config.ZALO_OA_SECRET_KEY ??= SIM_ZALO.oaSecretKey;
    config.ZALO_APP_SECRET ??= SIM_ZALO.appSecret;
    config.SMS_WEBHOOK_SECRET ??= SIM_SMS_WEBHOOK_SECRET;
  }
  return config;
}
