import { setImmediate as nextTurn } from "node:timers/promises";
import { i18nFor, RECEIPT_EVENTS, webhookOaUserId, zaloWebhookEventSchema, type ZaloWebhookEvent } from "@hccd/shared";
import { claimInboxEvents, findZaloUserByOaId, markInboxProcessed, recordInboxFailure, upsertZaloUserFromOa, type InboxRow, type ZaloUser } from "@hccd/db";
import { enqueueChatMessage } from "../delivery/notifications.js";
import type { ServiceDeps } from "../../deps.js";
import { createPeriodicTask, type TaskTimer } from "../jobs/periodic-task.js";

/** What handles one stored event (the bot): given the event, its inbox id and the user it is about. */
export type InboxEventHandler = (input: { event: ZaloWebhookEvent; inboxId: string; user: ZaloUser | null }) => Promise<void>;

/** An event that fails this many times is set aside (kept, with its error) instead of blocking the queue. */
const MAX_ATTEMPTS = 5;

/** Events claimed at a time: a batch takes milliseconds per event, far within the lease. */
const BATCH = 100;

export interface WebhookProcessorOptions {
  /** How long claimed events stay this instance's: an instance that dies mid-batch frees them after this. */
  leaseMs?: number;
  /**
   * Once started, the processor also runs this often: a failed event is retried, and events a dead
   * instance had claimed are taken over, without waiting for the next event to arrive.
   */
  pollMs?: number;
  timer?: TaskTimer;
}

/**
 * The user an event is about: the sender of `user_*` events, the follower of follow events; none
 * for the OA's own echoes. Receipts find a known user but never create one.
 */
async function userOf(deps: ServiceDeps, e: ZaloWebhookEvent): Promise<ZaloUser | null> {
  const oaUserId = webhookOaUserId(e);
  if (!oaUserId) return null;
  if (RECEIPT_EVENTS.has(e.event_name)) return (await findZaloUserByOaId(deps.db, oaUserId)) ?? null;
  return upsertZaloUserFromOa(deps.db, { oaUserId, appUserId: e.user_id_by_app ?? null, now: deps.now() });
}

/**
 * Processes stored webhook events in arrival order, outside the HTTP request (Zalo wants its 200
 * within 2 s), each handed to `handle` (the bot) with the user it is about. Events are claimed
 * with a lease (`claimInboxEvents`), so two instances (or two runs) never process one event at
 * once; events a dead process had claimed are processed again once its lease has passed. The bot
 * is handed in, not imported: the processor is the bot's runner, as the HTTP server is the routes'.
 */
export function createWebhookProcessor(deps: ServiceDeps & { handle: InboxEventHandler; afterBatch?: () => void }, opts: WebhookProcessorOptions = {}) {
  const log = deps.logger.child({ component: "webhook-processor" });
  const leaseMs = opts.leaseMs ?? 60_000;

  /** Processes one claimed event; false when it failed (it stays unprocessed, or is set aside). */
  async function processRow(row: InboxRow): Promise<boolean> {
    const parsed = zaloWebhookEventSchema.safeParse(row.payload);
    if (!parsed.success) {
      await markInboxProcessed(deps.db, row.id, deps.now(), `unreadable event: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      log.warn({ inboxId: row.id }, "webhook event set aside: unreadable");
      return true;
    }
    try {
      await deps.handle({ event: parsed.data, inboxId: row.id, user: await userOf(deps, parsed.data) });
      await markInboxProcessed(deps.db, row.id, deps.now());
      return true;
    } catch (err) {
      const { setAside } = await recordInboxFailure(deps.db, row.id, err instanceof Error ? err.message : String(err), deps.now(), MAX_ATTEMPTS);
      log.error({ err, inboxId: row.id, event: parsed.data.event_name, setAside }, "webhook event failed");
      if (setAside) await tellSenderWeFailed(row, parsed.data);
      return false;
    }
  }

  /**
   * An event set aside after every attempt is logged and kept for staff; a citizen who wrote is
   * also told, once (the idempotency key), rather than left waiting for an answer that never comes.
   */
  async function tellSenderWeFailed(row: InboxRow, e: ZaloWebhookEvent): Promise<void> {
    const oaUserId = e.sender?.id;
    if (!oaUserId || !(e.event_name.startsWith("user_send_") || e.event_name === "user_submit_info")) return;
    try {
      const language = (await findZaloUserByOaId(deps.db, oaUserId))?.language ?? "vi";
      const { t } = i18nFor(language);
      await enqueueChatMessage(deps.db, {
        now: deps.now(), newId: deps.newId, oaUserId, language, idempotencyKey: `webhook-failed:${row.id}`,
        text: t("bot:processingFailed"), buttons: [{ type: "oa.query.hide", title: t("bot:buttons.handover"), payload: "#handover" }],
      });
    } catch (err) {
      log.error({ err, inboxId: row.id }, "could not tell the citizen their message failed");
    }
  }

  /** Set by `stop()`: the batch in hand finishes (milliseconds an event), no new one is claimed. */
  let stopping = false;

  /**
   * Claims and processes one batch; true when there may be more. Between events it lets the event
   * loop turn: on SQLite every query answers at once, so without that a batch would run to its end
   * in one go and the webhook's requests (and every other) would wait behind it.
   */
  async function processBatch(): Promise<boolean> {
    if (stopping) return false;
    const rows = await claimInboxEvents(deps.db, { source: "zalo_webhook", now: deps.now(), limit: BATCH, leaseMs });
    if (rows.length === 0) return false;
    let failed = false;
    for (const row of rows) {
      if (!(await processRow(row))) failed = true;
      await nextTurn();
    }
    deps.afterBatch?.();
    // A failed event is free to claim again at once: stop this round rather than spin on it (the timer retries it).
    return !failed;
  }

  /** Processes what is stored until nothing is left (or an event failed). */
  async function drain(): Promise<void> {
    while (await processBatch());
  }

  // The route kicks it after storing an event, and the start kicks it once; once started, the timer retries.
  const task = createPeriodicTask({
    intervalMs: opts.pollMs ?? 10_000,
    // One batch a run: a stop waits for one batch, not for the whole backlog.
    run: processBatch,
    onError: (err) => log.error({ err }, "webhook processing failed"),
    ...(opts.timer ? { timer: opts.timer } : {}),
  });

  return {
    /** Processes what is stored, in the background; a kick during a run asks for one more run. */
    kick: task.kick,
    drain,
    /** Retries failed events and takes over a dead instance's claims every `pollMs` (kicks work without it). */
    start() {
      stopping = false;
      task.start();
    },
    /** Claims no more events: the batch in hand is processed, then the processor stops. */
    stop() {
      stopping = true;
      return task.stop();
    },
    idle: task.idle,
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;
