import { addDays, CHANNELS, isChannel, nextSendableAt, OUTBOX_CHANNELS, vietnamDate, type OutboxChannel } from "@hccd/shared";
import { eq } from "drizzle-orm";
import {
  claimDueOutbox,
  forUpdate,
  holdOutboxClaim,
  insertDraftEvent,
  insertStatusHistory,
  markOutboxFailed,
  markOutboxSent,
  markOutboxSentMany,
  releaseOutboxClaims,
  rescheduleOutbox,
  setDraftStatus,
  tablesOf,
  updateSubmission,
  type OutboxRow,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import type { ZaloClients } from "../../adapters/zalo/types.js";
import type { CaseSystemClient } from "../../adapters/case-system/types.js";
import { PlatformError, TransportError } from "../../adapters/errors.js";
import type { SmsClient } from "../../adapters/sms/types.js";
import type { NotificationPayload } from "./notifications.js";
import { classifyFailure, type SendFailure } from "./channels/channel.js";
import { channelModule, channelRegistry } from "./channels/registry.js";
import { createDeliveryBudget, type DeliveryBudgetTime } from "./delivery-budget.js";
import { buildCaseDossier } from "../dossiers/case-dossier.js";
import { NotSendable } from "../not-sendable.js";
import { sendCaseDossier } from "../dossiers/supplements.js";
import { createPeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";

export interface OutboxWorkerDeps extends ServiceDeps {
  zalo: ZaloClients;
  sms: SmsClient;
  caseSystem: CaseSystemClient;
  /** Zalo refused the OA access token: refresh it before the retry. */
  onTokenRejected?: () => void;
}

export interface OutboxWorkerOptions {
  /** Rows claimed at a time per channel (fewer on a slow throttle: see `batchFor`). */
  batchSize?: number;
  /** How long a claimed row stays ours; a crash mid-send frees it after this. */
  leaseMs?: number;
  pollMs?: number;
  /** Sends in flight at once per channel (each waits for its channel's throttle). */
  concurrency?: number;
  /**
   * The throttles' clock (epoch ms: the shared budget's seconds start at the same instants on every
   * instance) and sleep; tests inject a fake one. Default: the process's.
   */
  throttleTime?: DeliveryBudgetTime;
  /** The polls' timer (tests drive it by hand; default: the process's). */
  timer?: TaskTimer;
}


/** How many sent notifications are recorded in one commit. */
const SENT_MARKS_PER_COMMIT = 32;
/**
 * …and how long a sent mark may wait for the others: on a throttled channel 32 sends take 1.6 s,
 * and Zalo's delivery receipt (matched on the message id we record) must find the row sent.
 */
const SENT_MARK_MAX_WAIT_MS = 200;

/** Today's quota of the channel is spent, for every instance (the shared budget said so before we asked the provider). */
class QuotaSpent extends Error {
  override readonly name = "QuotaSpent";
}

/** Another instance claimed the row again while this worker waited past its lease: it sends it, not us. */
class ClaimLost extends Error {
  override readonly name = "ClaimLost";
}

/** Attempts before a row is given up and listed for staff. */
const MAX_ATTEMPTS: Record<OutboxRow["kind"], number> = { notification: 6, case_submission: 12 };
/** First retry delay; doubles each attempt, capped. */
const BASE_DELAY_MS: Record<OutboxRow["kind"], number> = { notification: 30_000, case_submission: 10_000 };
const MAX_DELAY_MS = 60 * 60_000;

/** Exponential backoff with ±20% jitter so retries of many rows do not arrive together. */
export function backoffMs(kind: OutboxRow["kind"], attempts: number, random: () => number = Math.random): number {
  const raw = Math.min(MAX_DELAY_MS, BASE_DELAY_MS[kind] * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}


/**
 * The outbox worker (GOV.UK Notify's model): claim due rows, reload what they refer to, send,
 * classify the failure (retry later, fall over to the next channel, or give up), record the final
 * status. Sends happen outside transactions; every state change is one short transaction.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps, opts: OutboxWorkerOptions = {}) {
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  // Four rows per lane: the pool waits for a batch's last send before claiming the next, so a
  // batch much larger than the pool keeps that wait rare.
  const batchSize = opts.batchSize ?? Math.max(50, concurrency * 4);
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollMs = opts.pollMs ?? 1000;
  const rates = Object.fromEntries(CHANNELS.map((c) => [c, channelRegistry[c].rate(deps.config)]));
  /** Each channel's throttle and daily quota, shared with every instance on the database. */
  const budget = createDeliveryBudget(deps, rates, opts.throttleTime ?? {});
  /**
   * Rows claimed at a time on a channel: the batch, but no more than its throttle lets through in
   * half a lease, so a claimed row is sent before another worker may take it again.
   */
  const batchFor = (channel: OutboxChannel): number => {
    const rate = isChannel(channel) ? rates[channel]!.perSecond : 0;
    return rate > 0 ? Math.max(1, Math.min(batchSize, Math.floor((rate * leaseMs) / 2000))) : batchSize;
  };
  const log = deps.logger.child({ component: "outbox-worker" });
  const clients = { zalo: deps.zalo, sms: deps.sms };

  /**
   * Throws ClaimLost unless the row is still this worker's claim. While at least three quarters
   * of its lease are left it is, without asking the database: no worker claims a row before its
   * lease has passed (instances' clocks agree, as leases require), and a send is well under a
   * quarter of a lease. Otherwise (a long wait for the throttle, a stalled worker) the lease is
   * renewed in the database, which fails if another worker has claimed the row again meanwhile.
   * Renewing before every send was a write per message: half of the worker's CPU at 4,000 msg/s.
   */
  async function holdClaim(row: OutboxRow): Promise<void> {
    const now = deps.now();
    if (row.lockedUntil && row.lockedUntil.getTime() - now.getTime() >= (leaseMs * 3) / 4) return;
    const renewed = await holdOutboxClaim(deps.db, row, now, leaseMs);
    if (!renewed) throw new ClaimLost(`outbox row ${row.id} was claimed again by another worker`);
    // The claim is known by its new lease end from now on (a later renewal must name it).
    row.lockedUntil = renewed;
  }

  /** Renders the row for its channel, waits for the channel's budget, sends. Returns the provider's reference. */
  async function sendNotification(row: OutboxRow): Promise<string> {
    const channel = channelModule(row.channel);
    if (!channel) throw new NotSendable(`channel ${row.channel} cannot carry a notification`);
    const request = channel.render(row.payload as NotificationPayload, deps.config);
    // Still ours? (A stalled worker's claim may have been taken again.) Checked before the budget,
    // so no database round trip stands between a unit of the second's budget and its send unless
    // the wait for the budget was long (checked again: see holdClaim).
    await holdClaim(row);
    if (!(await budget.takeDay(channel.name))) throw new QuotaSpent(`today's ${channel.name} quota is spent`);
    await budget.takeSend(channel.name);
    await holdClaim(row);
    const sent = await channel.send(request, clients, row.id);
    if (sent.quotaSpent) await budget.spendDay(channel.name);
    return sent.providerRef;
  }

  async function dispatch(row: OutboxRow): Promise<void> {
    const now = () => deps.now();
    try {
      if (row.kind === "case_submission") {
        const submissionId = String(row.payload.submissionId);
        const dossier = await buildCaseDossier(deps.db, submissionId);
        await holdClaim(row);
        const accepted = await sendCaseDossier(deps.db, deps.caseSystem, dossier);
        const at = now();
        // After the case system answered: the transaction holds no HTTP call.
        await deps.db.transaction(async (tx) => {
          await markOutboxSent(tx, row.id, accepted.caseId, at);
          const { submissions } = tablesOf(tx);
          const [s] = await forUpdate(tx.select().from(submissions).where(eq(submissions.id, submissionId)).limit(1));
          // A status callback may already have moved it past `sent`; never move it back.
          if (s && (s.status === "queued" || s.status === "sent")) await updateSubmission(tx, submissionId, { status: "sent", caseId: accepted.caseId, receiptNo: accepted.receiptNo, updatedAt: at });
          else await updateSubmission(tx, submissionId, { caseId: accepted.caseId, receiptNo: accepted.receiptNo, updatedAt: at });
          await insertStatusHistory(tx, { submissionId, status: "sent", note: `receipt ${accepted.receiptNo}`, at });
          if (s) {
            // A `need_more_info` that came back before this answer already gave the draft back to the citizen.
            if (s.status !== "need_more_info") await setDraftStatus(tx, s.draftId, "submitted", at);
            await insertDraftEvent(tx, { draftId: s.draftId, kind: "submitted", at, data: { receiptNo: accepted.receiptNo } });
          }
        });
        log.info({ outboxId: row.id, submissionId, caseId: accepted.caseId }, "dossier submitted to the case system");
        return;
      }
      const ref = await sendNotification(row);
      const at = now();
      const payload = row.payload as NotificationPayload;
      // A prepared draft's notice is a step of its timeline ("we told you").
      if (payload.message.type === "birth_draft_ready" || payload.message.type === "child_id_card_draft_ready") {
        const draftId = payload.message.draftId;
        await deps.db.transaction(async (tx) => {
          await markOutboxSent(tx, row.id, ref, at);
          await insertDraftEvent(tx, { draftId, kind: "notified", at, data: { channel: row.channel } });
        });
        log.info({ outboxId: row.id, channel: row.channel }, "notification sent");
      } else {
        if (sentMarks.length === 0) sentMarksSince = performance.now();
        // Logged "sent" once recorded (`flushSentMarks`): a log line then always means a row marked sent.
        sentMarks.push({ id: row.id, providerRef: ref, at, channel: row.channel });
        if (sentMarks.length >= SENT_MARKS_PER_COMMIT || performance.now() - sentMarksSince >= SENT_MARK_MAX_WAIT_MS) await flushSentMarks();
      }
    } catch (err) {
      if (err instanceof ClaimLost) return void log.warn({ outboxId: row.id, channel: row.channel }, "claim lost before sending: another worker sends it");
      await handleFailure(row, err);
    }
  }

  async function handleFailure(row: OutboxRow, err: unknown): Promise<void> {
    const at = deps.now();
    const message = err instanceof Error ? err.message : String(err);
    const channel = row.kind === "notification" ? channelModule(row.channel) : undefined;
    const failure: SendFailure = err instanceof QuotaSpent ? { kind: "quota" } : (channel?.classify(err) ?? classifyFailure(err));
    if (failure.kind === "quota") {
      // The provider said so: no instance asks it again today.
      if (channel && !(err instanceof QuotaSpent)) await budget.spendDay(channel.name);
      // Not the message's fault: the next allowed channel carries it today, else it waits for tomorrow's quota.
      const [next, ...rest] = row.fallbackChannels;
      if (next) {
        await rescheduleOutbox(deps.db, row.id, { nextAttemptAt: at, lastError: message, now: at, channel: next, fallbackChannels: rest, resetAttempts: true });
        log.warn({ outboxId: row.id, from: row.channel, to: next }, "quota spent: falling over to the next channel");
      } else {
        const tomorrow = nextSendableAt(new Date(`${addDays(vietnamDate(at), 1)}T00:00:00+07:00`), deps.config.QUIET_HOURS);
        await rescheduleOutbox(deps.db, row.id, { nextAttemptAt: tomorrow, lastError: message, now: at, resetAttempts: true });
        log.warn({ outboxId: row.id, channel: row.channel, retryAt: tomorrow.toISOString() }, "quota spent and no other channel: waiting for tomorrow's quota");
      }
      return;
    }
    if (failure.kind === "permanent") {
      const [next, ...rest] = row.fallbackChannels;
      if (row.kind === "notification" && next !== undefined && isChannel(next)) {
        await rescheduleOutbox(deps.db, row.id, { nextAttemptAt: nextSendableAt(at, deps.config.QUIET_HOURS), lastError: message, now: at, channel: next, fallbackChannels: rest, resetAttempts: true });
        log.warn({ outboxId: row.id, from: row.channel, to: next, error: message }, "permanent failure: falling over to the next channel");
        return;
      }
      await markOutboxFailed(deps.db, row.id, message, at);
      log.error({ outboxId: row.id, kind: row.kind, error: message }, "permanent failure: given up, listed for staff");
      return;
    }
    if (row.attempts >= MAX_ATTEMPTS[row.kind]) {
      await markOutboxFailed(deps.db, row.id, `gave up after ${row.attempts} attempts: ${message}`, at);
      log.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, error: message }, "retries exhausted: given up, listed for staff");
      return;
    }
    if (failure.refreshToken) deps.onTokenRejected?.();
    let nextAt = new Date(at.getTime() + backoffMs(row.kind, row.attempts));
    // A night block (Zalo's -133/-234): wait for the morning rather than burning attempts.
    if (failure.untilMorning) nextAt = nextSendableAt(nextAt, deps.config.QUIET_HOURS);
    await rescheduleOutbox(deps.db, row.id, { nextAttemptAt: nextAt, lastError: message, now: at });
    const level = err instanceof TransportError || err instanceof PlatformError ? "warn" : "error";
    log[level]({ outboxId: row.id, kind: row.kind, attempts: row.attempts, retryAt: nextAt.toISOString(), error: message }, "send failed: will retry");
  }

  /**
   * Sent notifications are recorded a few at a time, in one transaction: a commit per message cost
   * more than the send (≈220 µs each under load). A crash before the commit means those rows are
   * sent again after their lease: ZNS and SMS answer a repeated tracking id / client reference with
   * the first message (exactly once); an OA message has no such key and may arrive twice — the
   * window is at most SENT_MARKS_PER_COMMIT sends or SENT_MARK_MAX_WAIT_MS, and closes at the end
   * of every batch.
   */
  const sentMarks: { id: string; providerRef: string; at: Date; channel: string }[] = [];
  /** When the oldest mark still waiting was made (process time). */
  let sentMarksSince = 0;
  async function flushSentMarks(): Promise<void> {
    if (sentMarks.length === 0) return;
    // Taken at once, before any await: marks pushed meanwhile (by other lanes) go in the next commit.
    const marks = sentMarks.splice(0);
    // One commit for them all (on SQLite each statement outside a transaction is its own commit).
    await deps.db.transaction((tx) => markOutboxSentMany(tx, marks));
    for (const m of marks) log.info({ outboxId: m.id, channel: m.channel }, "notification sent");
  }

  let stopping = false;

  /** Claims one channel's due rows and sends them. Returns how many rows it handled. */
  async function runChannel(channel: OutboxChannel): Promise<number> {
    const rows = await claimDueOutbox(deps.db, { now: deps.now(), limit: batchFor(channel), leaseMs, channel });
    if (rows.length === 0) return 0;
    // A small pool: sends overlap (the channel's throttle spaces them), state changes stay one short transaction each.
    // Once stopping, a lane starts no more sends: those in flight finish, the rest are given back below.
    let next = 0;
    const lane = async () => {
      while (next < rows.length && !stopping) await dispatch(rows[next++]!);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, lane));
    } finally {
      await flushSentMarks();
      // Another instance sends them now rather than after this claim's lease.
      if (next < rows.length) await releaseOutboxClaims(deps.db, rows.slice(next).map((r) => r.id), deps.now());
    }
    return rows.length;
  }

  /**
   * One round: every channel claims and sends what is due now, side by side. Each channel on its
   * own: one channel's throttle (or outage) governs only its own rows, so 1,839 OA replies waiting
   * for the OA's 20/s no longer hold back a ZNS notice or a dossier for the case system. Returns
   * how many rows were handled.
   */
  async function runOnce(): Promise<number> {
    const handled = await Promise.all(OUTBOX_CHANNELS.map(runChannel));
    return handled.reduce((a, b) => a + b, 0);
  }

  /** Runs until nothing is due (tests and the CLI use this to drain the queue). */
  async function drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /**
   * Each channel's loop: one round at a time, every `pollMs` once started; a kick during a round
   * asks for one more. A round that sent anything is followed by another at once rather than at
   * the next poll: a full batch means more is waiting (a backlog would go at one batch a second),
   * and a recipient's next message, claimed only once the one before it is sent, is due now.
   */
  const loops = OUTBOX_CHANNELS.map((channel) =>
    createPeriodicTask({
      intervalMs: pollMs,
      run: async () => (await runChannel(channel)) > 0,
      onError: (err) => log.error({ err, channel }, "outbox run failed"),
      // `pnpm hccd worker` has nothing else keeping the process up.
      keepAlive: true,
      ...(opts.timer ? { timer: opts.timer } : {}),
    }),
  );

  return {
    runOnce,
    drain,
    /** Sends what is due now instead of waiting for the next poll (after the bot queued replies); nothing unless started. */
    kick(): void {
      for (const loop of loops) if (loop.started) void loop.kick();
    },
    start(): void {
      stopping = false;
      for (const loop of loops) loop.start();
    },
    /** Starts no more sends: those in flight finish, rows claimed but not started are released; then the loops end. */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
