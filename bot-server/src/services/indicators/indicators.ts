/**
 * The plans' evaluation indicators for the staff console and API: reminders on time, children
 * reminded at the milestone over every birth received (plan 920 row 1), the drafts funnel,
 * notice-to-consent time, opening a draft to filing it (Sơn La 169), the case system's processing
 * time, people found per data source, satisfaction, the FAQ's answered rate, handover waiting
 * time, delivery by channel.
 *
 * Aggregates only: no indicator shows a person, so viewing them writes no audit entry (a staff
 * read of a *person's* data is what the audit log must hold); exporting one is audited, with the
 * filters, because the file leaves the system.
 */
import {
  birthReminderRows,
  citizenSourceCounts,
  deliveryCounts,
  processingTimeRows,
  draftIndicatorRows,
  faqAskedCounts,
  getWard,
  handoverIndicatorRows,
  ratingCountsByScore,
  reminderIndicatorRows,
  unansweredQuestionCounts,
  type StaffUser,
} from "@hccd/db";
import {
  AGENCIES,
  BIRTHS_REMINDED_TARGET,
  CHANNELS,
  CHILD_REMINDER_OUTCOMES,
  CITIZEN_SOURCES,
  DRAFT_TO_SUBMISSION_TARGET_MS,
  FUNNEL_STEPS,
  HANDOVER_FIRST_REPLY_TARGET_MS,
  INDICATOR_TARGETS,
  REMINDER_OUTCOMES_COUNTED,
  defaultPeriod,
  childReminderOutcome,
  isSatisfied,
  mean,
  median,
  percentile,
  periodInstants,
  reminderOutcome,
  share,
  vietnamDate,
  workingMsBetween,
  type IndicatorQuery,
  type IndicatorReport,
  type ReminderCounts,
  type ChildReminderOutcome,
  type ReminderOutcome,
} from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import { validationFailed } from "../../errors.js";
import { serviceKeyOf, type NotificationMessage } from "../delivery/notifications.js";
import type { ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { staffServiceKeys } from "../reminders/staff-reminders.js";
import { VACCINATION_SERVICE_KEY } from "../reminders/reminder-planning.js";
import { DEATH_SERVICE_KEY } from "../birth-death/death-intake.js";

/** Whether the filters keep a service (no service filter keeps every one). */
const keeps = (f: Pick<ResolvedIndicatorFilters, "serviceKeys">, key: string) => !f.serviceKeys || f.serviceKeys.includes(key);

export type IndicatorDeps = Pick<ServiceDeps, "db" | "now"> & { catalogue: ReminderCatalogue };

/** The longest period one report covers: two years of daily data stays well inside a second. */
export const MAX_PERIOD_DAYS = 731;

/** The filters after the staff member's scope is applied, and the service keys they come to. */
export interface ResolvedIndicatorFilters {
  from: string;
  to: string;
  service: string | null;
  agency: string | null;
  ward: string | null;
  fixed: { agency: boolean; ward: boolean };
  /** undefined: every service. */
  serviceKeys: string[] | undefined;
}

/** The lead agencies staff may filter by: those of the catalogue's services, in the plan's spelling. */
export function indicatorAgencies(catalogue: ReminderCatalogue): string[] {
  const known = new Set(catalogue.keys().map((k) => catalogue.agency?.(k)).filter((a): a is string => Boolean(a)));
  return Object.values(AGENCIES).map((a) => a.vi).filter((a) => known.has(a));
}

/**
 * Checks the filters and applies the staff member's scope: a department officer's agency and a
 * ward officer's ward are fixed, whatever the request says. Unknown values are refused (422, with
 * the field), never silently widened to "everything".
 */
export async function resolveIndicatorFilters(deps: IndicatorDeps, staff: StaffUser, q: IndicatorQuery): Promise<ResolvedIndicatorFilters> {
  const today = vietnamDate(deps.now());
  const to = q.to ?? today;
  const from = q.from ?? defaultPeriod(to).from;
  const errors: { path: string; message: string }[] = [];
  if (from > to) errors.push({ path: "to", message: "must not be before the start of the period" });
  else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) errors.push({ path: "from", message: `the period may cover at most ${MAX_PERIOD_DAYS} days` });

  const agencyFixed = staff.role === "department";
  const wardFixed = staff.role === "ward_officer";
  const agency = agencyFixed ? staff.agency : (q.agency ?? null);
  const ward = wardFixed ? staff.wardCode : (q.ward ?? null);
  if (!agencyFixed && agency && !indicatorAgencies(deps.catalogue).includes(agency)) errors.push({ path: "agency", message: "is not the lead agency of any service in the catalogue" });
  if (q.service && !deps.catalogue.has(q.service)) errors.push({ path: "service", message: "is not a service of the catalogue" });
  if (!wardFixed && ward && !(await getWard(deps.db, ward))) errors.push({ path: "ward", message: "is not a ward of the province" });
  if (errors.length) throw validationFailed(errors, "The indicator filters are not valid");

  let serviceKeys: string[] | undefined = agencyFixed ? (staffServiceKeys(deps.catalogue, staff) ?? []) : agency ? deps.catalogue.keys().filter((k) => deps.catalogue.agency?.(k) === agency) : undefined;
  if (q.service) serviceKeys = serviceKeys ? serviceKeys.filter((k) => k === q.service) : [q.service];
  // A ward officer without a ward, or a department officer without an agency, sees nothing rather than everything.
  return { from, to, service: q.service ?? null, agency: agency ?? null, ward: ward ?? null, fixed: { agency: agencyFixed, ward: wardFixed }, serviceKeys: agencyFixed && !staff.agency ? [] : serviceKeys };
}

const OUTCOME_FIELD: Record<ReminderOutcome, Exclude<keyof ReminderCounts, "due" | "counted" | "onTimeShare">> = {
  on_time: "onTime", sent_late: "sentLate", waiting: "waiting", missed: "missed", failed: "failed", unreachable: "unreachable", opted_out: "optedOut", cancelled: "cancelled",
};

function emptyReminderCounts(): ReminderCounts {
  return { due: 0, onTime: 0, sentLate: 0, waiting: 0, missed: 0, failed: 0, unreachable: 0, optedOut: 0, cancelled: 0, counted: 0, onTimeShare: null };
}

function addOutcome(c: ReminderCounts, o: ReminderOutcome): void {
  c.due++;
  c[OUTCOME_FIELD[o]]++;
  if (REMINDER_OUTCOMES_COUNTED.includes(o)) c.counted++;
}

const finish = (c: ReminderCounts): ReminderCounts => ({ ...c, onTimeShare: share(c.onTime, c.counted) });

/** Every indicator for the filters, within the staff member's scope. */
export async function indicatorReport(deps: IndicatorDeps, staff: StaffUser, q: IndicatorQuery): Promise<IndicatorReport> {
  const f = await resolveIndicatorFilters(deps, staff, q);
  const now = deps.now();
  return buildReport(f, now, await loadIndicatorRows(deps, f, now));
}

/** Everything the indicators are computed from, read at once (independent queries: several connections on PostgreSQL). */
async function loadIndicatorRows(deps: IndicatorDeps, f: ResolvedIndicatorFilters, now: Date) {
  const { start, end } = periodInstants(f);
  const scope = { start, end, serviceKeys: f.serviceKeys, wardCode: f.ward ?? undefined };
  // Reminders whose moment came in the period (and has come: a reminder planned for later is not due yet).
  const dueEnd = new Date(Math.min(end.getTime(), now.getTime()));
  const [reminders, drafts, byScore, faq, asked, tickets, delivery, births, processing, sources] = await Promise.all([
    dueEnd > start ? reminderIndicatorRows(deps.db, { ...scope, end: dueEnd }) : [],
    draftIndicatorRows(deps.db, scope),
    ratingCountsByScore(deps.db, scope),
    unansweredQuestionCounts(deps.db, scope),
    faqAskedCounts(deps.db, { from: f.from, to: f.to }),
    handoverIndicatorRows(deps.db, scope),
    deliveryCounts(deps.db, scope),
    keeps(f, VACCINATION_SERVICE_KEY) ? birthReminderRows(deps.db, scope) : [],
    processingTimeRows(deps.db, scope),
    citizenSourceCounts(deps.db, { ...scope, include: { births: keeps(f, "birth-registration") || keeps(f, VACCINATION_SERVICE_KEY), deaths: keeps(f, DEATH_SERVICE_KEY) } }),
  ]);
  return { reminders, drafts, byScore, faq, asked, tickets, delivery, births, processing, sources };
}

function buildReport(f: ResolvedIndicatorFilters, now: Date, rows: Awaited<ReturnType<typeof loadIndicatorRows>>): IndicatorReport {
  const { drafts, byScore, faq, asked, tickets } = rows;
  const all = ["period", "service", "agency", "ward"] as const;

  // 1. Reminders due in the period.
  const total = emptyReminderCounts();
  const byService = new Map<string, ReminderCounts>();
  for (const r of rows.reminders) {
    const o = reminderOutcome({ status: r.status, reason: r.reason, dueOn: r.dueOn, nextAt: new Date(r.nextAt), outboxStatus: r.outboxStatus, sentAt: r.sentAt === null ? null : new Date(r.sentAt) }, now);
    addOutcome(total, o);
    let s = byService.get(r.serviceKey);
    if (!s) byService.set(r.serviceKey, (s = emptyReminderCounts()));
    addOutcome(s, o);
  }

  // 2–3. Drafts prepared in the period; the notice is the first of the draft's own "ready" message
  // (or the worker's `notified` event) and, for a renewal, the reminder that led the citizen to it.
  const noticeAt = (d: (typeof drafts)[number]) => {
    const times = [d.notifiedEventAt, d.readyNoticeSentAt, d.reminderSentAt].filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) : null;
  };
  const stepCount: Record<(typeof FUNNEL_STEPS)[number], number> = {
    prepared: drafts.length,
    notified: drafts.filter((d) => noticeAt(d) !== null).length,
    // Opened: an `opened` event (recorded once per draft when a party first opens it in the Mini
    // App) or a consent. A consent can only be given on an opened draft, and drafts from before the
    // event was recorded have none, so a consent stands in for the missing event.
    opened: drafts.filter((d) => d.openedEventAt !== null || d.firstConsentAt !== null).length,
    consented: drafts.filter((d) => d.firstConsentAt !== null).length,
    submitted: drafts.filter((d) => d.submitted === 1).length,
    completed: drafts.filter((d) => d.completed === 1).length,
  };
  const waits = drafts.flatMap((d) => {
    const n = noticeAt(d);
    return n !== null && d.firstConsentAt !== null && d.firstConsentAt >= n ? [d.firstConsentAt - n] : [];
  });

  // 4. Satisfaction.
  const ratings = byScore.reduce((s, r) => s + r.count, 0);
  const satisfied = byScore.filter((r) => isSatisfied(r.score)).reduce((s, r) => s + r.count, 0);

  // 5. FAQ: every question is counted on its Vietnam day (the period's days, `from`–`to`), and the
  // unanswered ones are also logged with their text. Answered: the top match was confident. A
  // request for a person is counted apart (not a question, never an answer).
  const faqChannels = [...new Set([...asked.byChannel.map((c) => c.channel), ...faq.byChannel.map((c) => c.channel)])].sort() as ("bot" | "api" | "mini_app")[];
  const faqByChannel = faqChannels.map((channel) => {
    const a = asked.byChannel.find((c) => c.channel === channel) ?? { asked: 0, answered: 0, personRequests: 0 };
    const u = faq.byChannel.find((c) => c.channel === channel) ?? { logged: 0, distinct: 0, resolved: 0 };
    return { channel, asked: a.asked, answered: a.answered, answeredShare: share(a.answered, a.asked), personRequests: a.personRequests, logged: u.logged, distinct: u.distinct, resolved: u.resolved };
  });

  // 6. Handover: first reply in office time against one working day.
  const answered = tickets.filter((t) => t.firstResponseAt !== null);
  const working = answered.map((t) => workingMsBetween(new Date(t.openedAt), new Date(t.firstResponseAt!)));
  const withinTarget = working.filter((ms) => ms <= HANDOVER_FIRST_REPLY_TARGET_MS).length;
  // Still waiting and already past the target: decided (late), so counted in the share's denominator.
  const lateWaiting = tickets.filter((t) => t.firstResponseAt === null && workingMsBetween(new Date(t.openedAt), now) > HANDOVER_FIRST_REPLY_TARGET_MS).length;

  // 7. Delivery by channel: notifications queued in the period, narrowed to the services in scope.
  const channels = CHANNELS.map((channel) => ({ channel, queued: 0, sent: 0, delivered: 0, failed: 0, cancelled: 0 }));
  for (const row of rows.delivery) {
    const service = row.type === "dossier_status" ? row.draftService : serviceKeyOf({ type: row.type, serviceKey: row.serviceKey ?? undefined } as NotificationMessage);
    if (f.serviceKeys && (!service || !f.serviceKeys.includes(service))) continue;
    const c = channels.find((x) => x.channel === row.channel);
    if (!c) continue;
    if (row.status === "pending" || row.status === "sending") c.queued += row.count;
    else if (row.status === "sent") c.sent += row.count;
    else if (row.status === "delivered") {
      c.sent += row.count;
      c.delivered += row.count;
    } else if (row.status === "failed") c.failed += row.count;
    else if (row.status === "cancelled") c.cancelled += row.count;
  }

  // 8. Plan 920 row 1: each child received in the period, by what became of its vaccination reminders so far.
  const children = new Map<string, { planned: number; due: ReminderOutcome[] }>();
  for (const r of rows.births) {
    let c = children.get(r.birthEventId);
    if (!c) children.set(r.birthEventId, (c = { planned: 0, due: [] }));
    if (r.status === null || r.nextAt === null || r.dueOn === null) continue;
    c.planned++;
    if (r.nextAt <= now.getTime()) c.due.push(reminderOutcome({ status: r.status, reason: r.reason, dueOn: r.dueOn, nextAt: new Date(r.nextAt), outboxStatus: r.outboxStatus, sentAt: r.sentAt === null ? null : new Date(r.sentAt) }, now));
  }
  const childCounts = Object.fromEntries(CHILD_REMINDER_OUTCOMES.map((o) => [o, 0])) as Record<ChildReminderOutcome, number>;
  for (const c of children.values()) childCounts[childReminderOutcome(c)]++;

  // 9. Sơn La 169: from opening the prepared draft (its first `opened` event) to the consent that files it.
  const filing = drafts.flatMap((d) => (d.openedEventAt !== null && d.firstConsentAt !== null && d.firstConsentAt >= d.openedEventAt ? [d.firstConsentAt - d.openedEventAt] : []));

  // 10. The case system's processing time, from `received` to the result.
  const processing = new Map<string, { times: number[]; completed: number; rejected: number }>();
  for (const p of rows.processing) {
    let s = processing.get(p.service);
    if (!s) processing.set(p.service, (s = { times: [], completed: 0, rejected: 0 }));
    s[p.result]++;
    if (p.receivedAt !== null && p.resultAt >= p.receivedAt) s.times.push(p.resultAt - p.receivedAt);
  }
  const allTimes = [...processing.values()].flatMap((s) => s.times);

  return {
    filters: { from: f.from, to: f.to, service: f.service, agency: f.agency, ward: f.ward, fixed: f.fixed },
    generatedAt: now.toISOString(),
    reminders: {
      appliesTo: [...all],
      target: INDICATOR_TARGETS.remindersOnTime,
      total: finish(total),
      byService: [...byService].sort(([a], [b]) => a.localeCompare(b)).map(([service, c]) => ({ service, ...finish(c) })),
    },
    funnel: { appliesTo: [...all], steps: FUNNEL_STEPS.map((step) => ({ step, count: stepCount[step] })) },
    noticeToConsent: { appliesTo: [...all], drafts: waits.length, medianMs: median(waits) },
    satisfaction: { appliesTo: [...all], target: INDICATOR_TARGETS.satisfied, ratings, satisfied, share: share(satisfied, ratings), byScore: [1, 2, 3, 4, 5].map((score) => ({ score, count: byScore.find((r) => r.score === score)?.count ?? 0 })) },
    faq: {
      appliesTo: ["period"],
      asked: asked.total.asked,
      answered: asked.total.answered,
      answeredShare: share(asked.total.answered, asked.total.asked),
      personRequests: asked.total.personRequests,
      unanswered: faq.total.logged,
      distinctUnanswered: faq.total.distinct,
      resolvedByStaff: faq.total.resolved,
      byChannel: faqByChannel,
    },
    handover: {
      appliesTo: ["period", "ward"],
      targetWorkingMs: HANDOVER_FIRST_REPLY_TARGET_MS,
      opened: tickets.length,
      answered: answered.length,
      unanswered: tickets.length - answered.length,
      medianMs: median(answered.map((t) => t.firstResponseAt! - t.openedAt)),
      medianWorkingMs: median(working),
      withinTarget,
      withinTargetShare: share(withinTarget, answered.length + lateWaiting),
    },
    delivery: { appliesTo: [...all], channels },
    birthsReminded: {
      appliesTo: ["period", "ward"],
      target: BIRTHS_REMINDED_TARGET,
      births: children.size,
      onTime: childCounts.on_time,
      share: share(childCounts.on_time, children.size),
      byOutcome: CHILD_REMINDER_OUTCOMES.map((outcome) => ({ outcome, count: childCounts[outcome] })),
    },
    draftToSubmission: {
      appliesTo: [...all],
      targetMs: DRAFT_TO_SUBMISSION_TARGET_MS,
      drafts: filing.length,
      meanMs: mean(filing),
      medianMs: median(filing),
      p90Ms: percentile(filing, 0.9),
      withinTarget: filing.filter((ms) => ms < DRAFT_TO_SUBMISSION_TARGET_MS).length,
    },
    processingTime: {
      appliesTo: [...all],
      total: { cases: allTimes.length, medianMs: median(allTimes), p90Ms: percentile(allTimes, 0.9) },
      byService: [...processing]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([service, p]) => ({ service, cases: p.times.length, completed: p.completed, rejected: p.rejected, medianMs: median(p.times), p90Ms: percentile(p.times, 0.9) })),
    },
    citizenSources: { appliesTo: [...all], sources: CITIZEN_SOURCES.map((source) => ({ source, people: Number(rows.sources.find((r) => r.source === source)?.people ?? 0) })) },
  };
}
