import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import cliProgress from "cli-progress";
import { i18nFor, type Language } from "@hccd/shared";
import { backupSqliteFile, DatabaseUnavailable, postgresBackupCommands, restoreSqliteFile, SqliteBackupError, type StaffRole } from "@hccd/db";
import { ConfigError, databaseLabel, parseConfig, type Config } from "./config.js";
import { DomainError } from "./errors.js";
import { createRuntime, type Runtime } from "./runtime.js";
import { checkFileSignature, importFormat, SIGNATURE_BYTES } from "./services/imports/import-reader.js";
import { importLicences } from "./services/imports/licence-import.js";
import { sweepReminders } from "./services/reminders/reminder-sweep.js";
import { markAllPopulationRecordsForPlanning, planWaitingPopulationRecords, unplannedPopulationRecords } from "./services/population/population-planner.js";
import { createStaffUser, unlockStaffLogins } from "./services/staff/staff-auth.js";
import { clientKey } from "./middleware/client-address.js";
import { importReasonText, keptFilePath } from "./services/imports/staff-imports.js";
import { createStandaloneSimulators } from "./sim/standalone.js";

/** The repository, where `data/demo.db` (the CLI's default database) lives. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** pnpm runs scripts at the workspace root: paths the user typed are relative to where they typed them (INIT_CWD). */
const pathFrom = (env: NodeJS.ProcessEnv) => (p: string) => (isAbsolute(p) ? p : resolve(env.INIT_CWD ?? process.cwd(), p));
const SHOWN_REJECTIONS = 50;

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: "string", default: "vi" },
      by: { type: "string" },
      agency: { type: "string" },
      report: { type: "string" },
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      ward: { type: "string" },
      ip: { type: "string" },
      port: { type: "string", default: "8790" },
      "delay-ms": { type: "string", default: "0" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function configFromEnv(env: NodeJS.ProcessEnv): Config {
  // The CLI never seeds, and by default works on the database `pnpm start` uses (DATABASE_URL, when set, wins as at start).
  return parseConfig({ ...env, SEED: "none", DATABASE_PATH: env.DATABASE_PATH ? pathFrom(env)(env.DATABASE_PATH) : join(ROOT, "data", "demo.db"), LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
}

/**
 * `pnpm hccd <command>`: what officers and operators run by hand or from cron. Exit codes: 0 done
 * (and `--help`, `-h`, `help`); 1 could not run (no or unknown command, bad option, configuration,
 * unreadable file); 2 imported, but some rows were rejected.
 */
export async function runCli(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; env: NodeJS.ProcessEnv } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env }): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (err) {
    // An unknown option or a missing value: say which, then how to call.
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${i18nFor("vi").t("cli:usage")}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  const fromUser = pathFrom(io.env);
  const lang: Language = values.lang === "en" ? "en" : "vi";
  const t = i18nFor(lang).t;
  const say = (key: string, params?: Record<string, unknown>) => io.out(`${t(`cli:${key}`, params)}\n`);
  const [command, ...rest] = positionals;
  // Asked for: the usage on stdout, and done. Not asked for (no command): a usage error.
  if (values.help || command === "help") {
    say("usage");
    return 0;
  }
  if (!command) {
    io.err(`${t("cli:usage")}\n`);
    return 1;
  }

  let runtime: Runtime | undefined;
  const open = async () => (runtime = await createRuntime(configFromEnv(io.env)));
  try {
    switch (command) {
      case "import": {
        const file = rest[0];
        if (!file) throw new UsageError(t("cli:missingFile"));
        const path = fromUser(file);
        if (!existsSync(path)) throw new UsageError(t("cli:fileNotFound", { path }));
        const format = importFormat(path);
        const head = Buffer.alloc(SIGNATURE_BYTES);
        const fd = openSync(path, "r");
        readSync(fd, head, 0, SIGNATURE_BYTES, 0);
        closeSync(fd);
        checkFileSignature(format, head);
        const rt = await open();
        const bar = new cliProgress.SingleBar(
          { format: `${t("cli:importing", { file })} ${t("cli:progress", { bar: "{bar}", value: "{value}" })}`, stream: process.stderr, noTTYOutput: false, etaBuffer: 50, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        // While the file is read and checked the total is not known: the bar shows rows read so far;
        // then it fills as the valid rows are stored.
        bar.start(0, 0);
        // The import works on its own copy beside the database, whatever becomes of the file the
        // user named: if this process dies, an instance finishes the import from the copy kept in
        // the database (or, for a file larger than an upload may be, the next start on this host).
        const importId = rt.services.newId();
        const kept = keptFilePath(rt.importDir, importId, format);
        copyFileSync(path, kept);
        const content = statSync(kept).size <= rt.config.IMPORT_MAX_BYTES ? readFileSync(kept) : undefined;
        const report = await importLicences(rt.services, {
          path: kept, kept: true, importId, ...(content ? { content } : {}),
          fileName: file, format, importedBy: values.by ?? `cli:${io.env.USER ?? "operator"}`, catalogue: rt.catalogue,
          agency: values.agency ?? null,
          onProgress: (p) => {
            bar.setTotal(p.stage === "reading" ? p.rows : p.total);
            bar.update(p.stage === "reading" ? p.rows : p.done);
          },
        }).finally(() => bar.stop());
        // A row can have several problems: count both, as the staff API does. Notes about the
        // file are problems of the report, not rejected rows.
        const rejectedRows = report.rejectedRows;
        say("importDone", { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejectedRows, problems: report.problems });
        for (const r of report.rejected.slice(0, SHOWN_REJECTIONS)) say("rejectedRow", { ...r, reason: importReasonText(r.reason, lang) });
        if (report.problems > SHOWN_REJECTIONS) say("moreRejected", { count: report.problems - Math.min(SHOWN_REJECTIONS, report.rejected.length) });
        if (report.rejectedNotKept > 0) say("rejectedNotKept", { kept: rejectedRows - report.rejectedNotKept, notKept: report.rejectedNotKept });
        if (values.report) {
          writeFileSync(fromUser(values.report), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
          say("reportWritten", { path: fromUser(values.report) });
        }
        return rejectedRows > 0 ? 2 : 0;
      }
      case "sweep": {
        const rt = await open();
        const r = await sweepReminders(rt.services, { catalogue: rt.catalogue });
        say("sweepDone", { ...r });
        // What was queued goes out now rather than at the worker's next poll.
        await rt.worker.drain();
        return 0;
      }
      case "population": {
        // Checked before the database is opened: a mistyped command touches nothing.
        if (rest[0] !== "status" && rest[0] !== "replan") throw new UsageError(t("cli:unknownCommand", { command: `population ${rest[0] ?? ""}`.trim() }));
        const rt = await open();
        const deps = { ...rt.services, catalogue: rt.catalogue };
        if (rest[0] === "status") {
          say("populationWaiting", { waiting: await unplannedPopulationRecords(rt.services.db) });
          return 0;
        }
        say("replanMarked", { marked: await markAllPopulationRecordsForPlanning(rt.services.db) });
        const planned = await planWaitingPopulationRecords(deps);
        say("replanDone", { planned, waiting: await unplannedPopulationRecords(rt.services.db) });
        return 0;
      }
      case "worker": {
        // Every periodic job the server runs, without the HTTP server: what must run once runs on the holder of its lease.
        const rt = await open();
        // A worker processes webhook events whatever WEBHOOK_PROCESSING says: it is where they go.
        rt.startWork({ processWebhooks: true });
        say("workerStarted", { database: databaseLabel(rt.config) });
        await new Promise<void>((done) => {
          process.once("SIGINT", done);
          process.once("SIGTERM", done);
        });
        // Claimed work finishes and leases are released (then `close()` below closes the database).
        await rt.stopWork();
        say("workerStopped");
        return 0;
      }
      case "staff": {
        if (rest[0] === "unlock") {
          if (!values.username) throw new UsageError(t("cli:missingOption", { option: "username" }));
          const rt = await open();
          const count = await unlockStaffLogins(rt.services, { username: values.username, ...(values.ip ? { client: clientKey(values.ip) } : {}) });
          say("staffUnlocked", { username: values.username, count });
          return 0;
        }
        if (rest[0] !== "create") throw new UsageError(t("cli:unknownCommand", { command: `staff ${rest[0] ?? ""}`.trim() }));
        for (const option of ["username", "name", "role"] as const) if (!values[option]) throw new UsageError(t("cli:missingOption", { option }));
        const password = io.env.HCCD_STAFF_PASSWORD ?? (await askPassword(t("cli:passwordPrompt")));
        const rt = await open();
        const user = await createStaffUser(rt.services, {
          username: values.username!, displayName: values.name!, password, role: values.role as StaffRole,
          agency: values.agency ?? null, wardCode: values.ward ?? null,
        });
        say("staffCreated", { username: user.username, role: user.role });
        return 0;
      }
      case "simulate": {
        const config = configFromEnv({ ...io.env, ZALO_MODE: "sim" });
        const responseDelayMs = Number(values["delay-ms"]);
        if (!Number.isInteger(responseDelayMs) || responseDelayMs < 0 || responseDelayMs > 60_000) throw new UsageError(t("cli:badDelay"));
        const sims = createStandaloneSimulators(config, { responseDelayMs });
        const port = Number(values.port);
        const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
          const s = serve({ fetch: sims.app.fetch, port, hostname: "127.0.0.1" }, () => resolve(s));
        });
        say("simulating", { base: `http://127.0.0.1:${port}`, key: sims.sms.apiKey });
        await new Promise<void>((done) => {
          process.once("SIGINT", done);
          process.once("SIGTERM", done);
        });
        server.close();
        return 0;
      }
      case "backup":
      case "restore": {
        // No runtime: a backup must not migrate what it copies, a restore must not hold what it replaces.
        const file = rest[0];
        if (!file) throw new UsageError(t("cli:missingBackupFile"));
        const config = configFromEnv(io.env);
        if (config.DATABASE_URL) {
          // pg_dump and pg_restore do this properly (consistent snapshot, roles, large objects): say how, do not pretend.
          const commands = postgresBackupCommands(config.DATABASE_URL, fromUser(file));
          io.err(`${t(command === "backup" ? "cli:postgresBackup" : "cli:postgresRestore", { command: commands[command] })}\n`);
          return 1;
        }
        const database = config.DATABASE_PATH;
        try {
          if (command === "backup") {
            const r = await backupSqliteFile(database, fromUser(file));
            say("backupDone", { database, file: fromUser(file), ...r });
          } else {
            const r = restoreSqliteFile(fromUser(file), database, new Date());
            say("restoreDone", { database, file: fromUser(file), migrations: r.migrations });
            if (r.replacedDamaged) say("restoreReplacedDamaged");
            if (r.keptAside) say("restoreKeptAside", { path: r.keptAside });
          }
        } catch (err) {
          if (!(err instanceof SqliteBackupError)) throw err;
          const problem = t(`cli:backupProblem.${err.problem}`, { path: err.path, detail: err.detail });
          // Say what did not happen, except where the problem says it already.
          const outcome = err.problem === "in_use" || err.problem === "exists" ? "" : `: ${t(command === "backup" ? "cli:noBackupWritten" : "cli:nothingRestored")}`;
          io.err(`${problem}${outcome}\n`);
          return 1;
        }
        return 0;
      }
      default:
        throw new UsageError(t("cli:unknownCommand", { command }));
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${t("cli:usage")}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n`);
      return 1;
    }
    if (err instanceof DatabaseUnavailable) {
      io.err(`${t("cli:databaseUnavailable", { target: err.target, reason: err.reason })}\n`);
      return 1;
    }
    if (err instanceof DomainError) {
      // The importer's reasons are English in the API; the operator reads them in their language.
      io.err(`${t("cli:invalid")} ${importReasonText(err.message, lang)}\n`);
      for (const f of err.fields ?? []) io.err(`${t("cli:invalidField", { ...f, message: importReasonText(f.message, lang) })}\n`);
      return 1;
    }
    if (command === "import") {
      io.err(`${t("cli:importFailed", { reason: err instanceof Error ? err.message : String(err) })}\n`);
      return 1;
    }
    throw err;
  } finally {
    await runtime?.close();
  }
}

/** Reads a password from the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void };
  process.stderr.write(prompt);
  out._writeToOutput = () => undefined;
  try {
    return (await rl.question("")).trim();
  } finally {
    rl.close();
    process.stderr.write("\n");
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
