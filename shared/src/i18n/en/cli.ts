import type { cli as vi } from "../vi/cli.js";
import type { DeepStringShape } from "../shape.js";

export const cli: DeepStringShape<typeof vi> = {
  usage: `Usage: pnpm hccd <command> [options]

  import <file.csv|file.xlsx> [--by <who>] [--agency <agency name>] [--report <file.json>]
                     import a department's list of licences and certificates (contract 4)
  sweep              plan and queue the reminders that are due, once
  worker             run the delivery worker (and the reminder schedule) until stopped
  population replan  plan reminders again from every population record held (after rules or lead times change)
  population status  say how many population records are waiting to be planned
  staff create --username <name> --name <full name> --role <role> [--agency <agency>] [--ward <ward code>]
                     create a staff account; the password comes from HCCD_STAFF_PASSWORD or is typed in
  staff unlock --username <name> [--ip <address>]
                     let a username log in again at once after repeated failures (everywhere, or from one address)
  simulate [--port <port>] [--delay-ms <ms>]
                     run the Zalo and SMS simulators on their own (each send answered after <ms> milliseconds, as over a slow network)
  backup <file>      back the SQLite database up to a file, even while the server runs
  restore <file>     restore the SQLite database from a backup (stop the server first); the old one is kept aside

Common options: --lang vi|en. Database: DATABASE_PATH (default data/demo.db, as pnpm start), or DATABASE_URL (PostgreSQL).`,
  badDelay: "--delay-ms must be a whole number of milliseconds from 0 to 60000.",
  unknownCommand: "There is no command “{{command}}”.",
  missingFile: "Say which file to import.",
  missingOption: "The option --{{option}} is missing.",
  fileNotFound: "File {{path}} not found.",
  importing: "Importing {{file}}",
  progress: "{{bar}} {{value}} rows",
  importDone: "Read {{rows}} rows: {{created}} new, {{updated}} updated, {{unchanged}} unchanged, {{rejectedRows}} rejected (problems found: {{problems}}).",
  rejectedRow: "  row {{row}}, column {{column}}: {{reason}}",
  moreRejected: "  … and {{count}} more (write the report to a file with --report <file.json>).",
  rejectedNotKept: "The report keeps the details of the first {{kept}} rejected rows only; the other {{notKept}} are not kept. Fix these rows and import the file again to see the rest.",
  reportWritten: "Report written to {{path}}.",
  importFailed: "Could not import the file: {{reason}}",
  sweepDone: "Reminder sweep: {{queued}} queued, {{skipped}} not sendable (reason recorded), {{cancelled}} cancelled.",
  workerStarted: "Delivery worker running (database {{database}}). Press Ctrl+C to stop.",
  workerStopped: "Delivery worker stopped.",
  replanMarked: "Marked {{marked}} population records to be planned again.",
  replanDone: "Planned {{planned}} records here; {{waiting}} still waiting (running servers plan them too).",
  populationWaiting: "{{waiting}} population records are waiting to be planned.",
  passwordPrompt: "Password (at least 12 characters): ",
  staffCreated: "Account {{username}} ({{role}}) created.",
  staffUnlocked: "{{username}} may log in again ({{count}} failure counts cleared).",
  invalid: "Not valid:",
  invalidField: "  {{path}}: {{message}}",
  missingBackupFile: "The backup file's name is missing.",
  backupDone: "Backed {{database}} up to {{file}} ({{bytes}} bytes, {{migrations}} migrations).",
  restoreDone: "Restored {{database}} from {{file}} ({{migrations}} migrations; newer ones apply when the server starts).",
  restoreKeptAside: "The database as it was before the restore is kept at {{path}}.",
  backupProblem: {
    missing: "{{path}} was not found",
    exists: "{{path}} exists already: choose another name (an earlier backup is never overwritten).",
    not_sqlite: "{{path}} is not a SQLite database",
    not_ours: "{{path}} is not a database of this system ({{detail}})",
    damaged: "{{path}} is damaged, truncated or corrupt (SQLite says: {{detail}})",
    unreadable: "{{path}} could not be read ({{detail}})",
    write_failed: "Could not write {{path}} ({{detail}})",
    in_use: "The database {{path}} is open in a process (the server, the worker): stop it (Ctrl+C, or systemctl stop <service>) and run restore again.",
  },
  nothingRestored: "nothing was restored: the database is as it was.",
  noBackupWritten: "no backup was written.",
  restoreReplacedDamaged: "The database replaced was damaged (SQLite could not read it); it is kept aside as it was.",
  databaseUnavailable: "Could not open the database {{target}}: {{reason}}. Check DATABASE_URL (or DATABASE_PATH for SQLite).",
  postgresBackup: "The database is PostgreSQL: back it up with pg_dump (the password comes from PGPASSWORD or ~/.pgpass):\n  {{command}}",
  postgresRestore: "The database is PostgreSQL: stop every server instance, then restore with pg_restore (the password comes from PGPASSWORD or ~/.pgpass):\n  {{command}}",
  simulating: "Simulators running at {{base}}: ZALO_SIM_URL={{base}}/zalo SMS_GATEWAY_URL={{base}}/sms SMS_API_KEY={{key}}",
};
