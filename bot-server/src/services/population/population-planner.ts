import { setImmediate as nextTurn } from "node:timers/promises";
import type { PopulationRecord } from "@hccd/shared";
import { claimUnplannedPopulationRecords, countUnplannedPopulationRecords, markPopulationRecordsPlanned, markPopulationRecordsUnplanned, type Db, type PopulationRecordRow } from "@hccd/db";
import type { Foreground } from "../jobs/foreground.js";
import { createPeriodicTask, type PeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";
import { retryOnUniqueViolation } from "../only-once.js";
import { audit } from "../staff/audit.js";
import { applyPopulationRules, POPULATION_RULES, populationChange, type PopulationRuleDeps } from "./population-reminders.js";

/**
 * The version of `POPULATION_RULES`. A record whose `planned_rules` is lower is planned (again) by
 * the planner, so rules added or changed later also run over the records held before, not only
 * over the people whose record changes afterwards. Raise it with every change to what the rules
 * plan (a rule added, removed or changed); `POPULATION_RULE_NAMES` below makes a test fail when
 * the list changes without it. 1: the rules run inside the batch's request (before 2026-12-07);
 * 2: the same four rules, run by the planner.
 */
export const POPULATION_RULES_VERSION = 2;

/** The rules `POPULATION_RULES_VERSION` stands for, in order (a test compares them with `POPULATION_RULES`). */
export const POPULATION_RULE_NAMES = ["planDeadlineReminders", "outrankListedDocuments", "planChildIdCards", "withdrawDeceasedChildrensReminders"] as const;

/**
 * Records planned per transaction. On SQLite (one writer) a webhook's acknowledgement waits for
 * the transaction in hand: the plan of a record is a few statements, so 50 hold the writer for a
 * few milliseconds (see `pnpm bench`, population).
 */
export const PLANNED_PER_TRANSACTION = 50;

/** How often an idle planner looks for records to plan (a batch stored here kicks it at once; this picks up other instances' and re-planning runs). */
const POLL_MS = 5_000;

/** The rules over claimed records, as changes: each person once, with the version held now. */
async function planRecords(tx: Db, deps: PopulationRuleDeps, rows: readonly PopulationRecordRow[]): Promise<void> {
  const changes = rows.map((r) => populationChange({ id: r.personId, nationalId: r.nationalId }, r.record as PopulationRecord, deps.catalogue));
  await applyPopulationRules(tx, deps, changes, deps.now());
  await markPopulationRecordsPlanned(tx, rows.map((r) => r.personId), POPULATION_RULES_VERSION);
}

/**
 * A record whose rules fail on their own (a fault in a rule, not the database): it is marked
 * planned so that it does not hold up every record after it, and the failure is audited with the
 * person (never the record's data) for staff and developers; raising `POPULATION_RULES_VERSION`
 * once the rule is fixed plans it again.
 */
async function setAside(deps: PopulationRuleDeps, row: PopulationRecordRow, err: unknown): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await markPopulationRecordsPlanned(tx, [row.personId], POPULATION_RULES_VERSION);
    await audit(tx, { at: now, actor: { kind: "system", id: "population" }, action: "population_record.planning_failed", target: { kind: "person", id: row.personId }, details: { rules: POPULATION_RULES_VERSION, error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500) } });
  });
  deps.logger.error({ err, personId: row.personId }, "population rules failed for a record: set aside");
}

/**
 * Plans one slice of the records not planned by the current rules: claims up to `limit`, runs
 * `POPULATION_RULES` over them and marks them planned, in one transaction (a crash plans them
 * again, nothing half done). A slice that fails is tried again a record at a time, so that one
 * record a rule cannot plan is set aside (`setAside`) rather than blocking the rest. Answers how
 * many records it planned or set aside (0: nothing left).
 */
export async function planPopulationSlice(deps: PopulationRuleDeps, limit = PLANNED_PER_TRANSACTION): Promise<number> {
  try {
    return await retryOnUniqueViolation(() =>
      deps.db.transaction(async (tx) => {
        const rows = await claimUnplannedPopulationRecords(tx, POPULATION_RULES_VERSION, limit);
        if (rows.length > 0) await planRecords(tx, deps, rows);
        return rows.length;
      }),
    );
  } catch (err) {
    // The database itself failing fails here too, and the planner tries again at its next run.
    const rows = await deps.db.transaction((tx) => claimUnplannedPopulationRecords(tx, POPULATION_RULES_VERSION, limit));
    let done = 0;
    for (const row of rows) {
      try {
        await retryOnUniqueViolation(() => deps.db.transaction((tx) => planRecords(tx, deps, [row])));
      } catch (one) {
        await setAside(deps, row, one);
      }
      done++;
    }
    if (rows.length === 0) throw err;
    return done;
  }
}

/** Plans every record waiting for the current rules, a slice per transaction, until none is left (the CLI, tests); answers how many. */
export async function planWaitingPopulationRecords(deps: PopulationRuleDeps): Promise<number> {
  let planned = 0;
  for (let n = await planPopulationSlice(deps); n > 0; n = await planPopulationSlice(deps)) {
    planned += n;
    await nextTurn();
  }
  return planned;
}

/**
 * Runs the rules from population data outside the requests that store the records (contract 5
 * answers once the records are stored): every instance plans, each its own records (claimed
 * `SKIP LOCKED` on PostgreSQL), a slice per transaction, letting the event loop turn between
 * slices so webhooks and the API are answered meanwhile, and giving way to webhooks in flight
 * (`Foreground`). Kicked when a batch is stored here; polls
 * for the rest (another instance's batch, a re-planning run, a crash's leftovers).
 */
export function createPopulationPlanner(deps: PopulationRuleDeps & { foreground?: Foreground }, opts: { pollMs?: number; timer?: TaskTimer; perTransaction?: number } = {}): PeriodicTask {
  const log = deps.logger.child({ component: "population-planner" });
  // `kick()` plans what is waiting and resolves when nothing is left; `stop()` lets the slice in hand finish.
  return createPeriodicTask({
    intervalMs: opts.pollMs ?? POLL_MS,
    run: async () => {
      await deps.foreground?.giveWay();
      const planned = await planPopulationSlice(deps, opts.perTransaction ?? PLANNED_PER_TRANSACTION);
      await nextTurn();
      return planned > 0;
    },
    onError: (err) => log.error({ err }, "population planning failed"),
    ...(opts.timer ? { timer: opts.timer } : {}),
  });
}

export type PopulationPlanner = PeriodicTask;

/** How many records wait for the current rules (`hccd population status`, the bench). */
export function unplannedPopulationRecords(db: Db): Promise<number> {
  return countUnplannedPopulationRecords(db, POPULATION_RULES_VERSION);
}

/**
 * Re-planning over every record held (`hccd population replan`): for a change the rules' version
 * does not show, such as lead times a province configured differently. Marks the records a slice
 * per transaction, so the planners pick them up while it runs; answers how many it marked.
 */
export async function markAllPopulationRecordsForPlanning(db: Db, opts: { perTransaction?: number; onProgress?: (marked: number) => void } = {}): Promise<number> {
  let after = "";
  let marked = 0;
  for (;;) {
    const slice = await db.transaction((tx) => markPopulationRecordsUnplanned(tx, after, opts.perTransaction ?? 1000));
    if (slice.last === undefined) return marked;
    marked += slice.marked;
    after = slice.last;
    opts.onProgress?.(marked);
    await nextTurn();
  }
}

/** For the test that keeps `POPULATION_RULES_VERSION` honest. */
export const populationRuleNames = (): string[] => POPULATION_RULES.map((rule) => rule.name);
