import { i18nFor, zaloWebhookEventSchema, type ZaloWebhookEvent } from "@hccd/shared";
import { findZaloUserByOaId, listUnprocessedInbox, markInboxProcessed, recordInboxFailure, upsertZaloUserFromOa, type InboxRow, type ZaloUser } from "@hccd/db";
import { enqueueChatMessage } from "../delivery/notifications.js";
import type { ServiceDeps } from "../../deps.js";
import { createPeriodicTask } from "../jobs/periodic-task.js";

/** What handles one stored event (the bot): given the event, its inbox id and the user it is about. */
export type InboxEventHandler = (input: { event: ZaloWebhookEvent; inboxId: string; user: ZaloUser | null }) => Promise<void>;

/** An event that fails this many times is set aside (kept, with its error) instead of blocking the queue. */
const MAX_ATTEMPTS = 5;

/** Delivery and seen receipts: about a message, not from a person (a ZNS receipt's sender may be the OA itself). */
const RECEIPTS = new Set(["user_received_message", "user_seen_message"]);

/**
 * The user an event is about: the sender of `user_*` events, the follower of follow events; none
 * for the OA's own echoes. Receipts find a known user but never create one.
 */
function userOf(deps: ServiceDeps, e: ZaloWebhookEvent): ZaloUser | null {
  if (e.event_name.startsWith("oa_send_")) return null;
  const oaUserId = e.follower?.id ?? e.sender?.id;
  if (!oaUserId) return null;
  if (RECEIPTS.has(e.event_name)) return findZaloUserByOaId(deps.db, oaUserId) ?? null;
  return upsertZaloUserFromOa(deps.db, { oaUserId, appUserId: e.user_id_by_app ?? null, now: deps.now() });
}

/**
 * Processes stored webhook events in arrival order, outside the HTTP request (Zalo wants its 200
 * within 2 s), each handed to `handle` (the bot) with the user it is about. Events stored but not
 * processed when the process died are processed at start. The bot is handed in, not imported: the
 * processor is the bot's runner, as the HTTP server is the routes'.
 */
export function createWebhookProcessor(deps: ServiceDeps & { handle: InboxEventHandler; afterBatch?: () => void }) {
  const log = deps.logger.child({ component: "webhook-processor" });

  async function processRow(row: InboxRow): Promise<void> {
    const parsed = zaloWebhookEventSchema.safeParse(row.payload);
    if (!parsed.success) {
      markInboxProcessed(deps.db, row.id, deps.now(), `unreadable event: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      log.warn({ inboxId: row.id }, "webhook event set aside: unreadable");
      return;
    }
    try {
      await deps.handle({ event: parsed.data, inboxId: row.id, user: userOf(deps, parsed.data) });
      markInboxProcessed(deps.db, row.id, deps.now());
    } catch (err) {
      const { setAside } = recordInboxFailure(deps.db, row.id, err instanceof Error ? err.message : String(err), deps.now(), MAX_ATTEMPTS);
      log.error({ err, inboxId: row.id, event: parsed.data.event_name, setAside }, "webhook event failed");
      if (setAside) tellSenderWeFailed(row, parsed.data);
    }
  }

  /**
   * An event set aside after every attempt is logged and kept for staff; a citizen who wrote is
   * also told, once (the idempotency key), rather than left waiting for an answer that never comes.
   */
  function tellSenderWeFailed(row: InboxRow, e: ZaloWebhookEvent): void {
    const oaUserId = e.sender?.id;
    if (!oaUserId || !(e.event_name.startsWith("user_send_") || e.event_name === "user_submit_info")) return;
    try {
      const language = findZaloUserByOaId(deps.db, oaUserId)?.language ?? "vi";
      const { t } = i18nFor(language);
      enqueueChatMessage(deps.db, {
        now: deps.now(), newId: deps.newId, oaUserId, language, idempotencyKey: `webhook-failed:${row.id}`,
        text: t("bot:processingFailed"), buttons: [{ type: "oa.query.hide", title: t("bot:buttons.handover"), payload: "#handover" }],
      });
    } catch (err) {
      log.error({ err, inboxId: row.id }, "could not tell the citizen their message failed");
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      const rows = listUnprocessedInbox(deps.db, "zalo_webhook", 100);
      if (rows.length === 0) return;
      for (const row of rows) await processRow(row);
      deps.afterBatch?.();
      // A row that failed stays unprocessed: stop this round rather than spin on it.
      if (listUnprocessedInbox(deps.db, "zalo_webhook", 1)[0]?.id === rows[0]?.id) return;
    }
  }

  // No schedule: the route kicks it after storing an event, and the start kicks it once.
  const task = createPeriodicTask({ intervalMs: 0, run: drain, onError: (err) => log.error({ err }, "webhook processing failed") });

  return {
    /** Processes what is stored, in the background; a kick during a run asks for one more run. */
    kick: task.kick,
    drain,
    idle: task.idle,
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;
