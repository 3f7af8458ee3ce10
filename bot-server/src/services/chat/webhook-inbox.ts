import { webhookSenderKey, zaloWebhookEventSchema } from "@hccd/shared";
import { insertInboxEvents, type Db, type NewInboxEvent } from "@hccd/db";

/** A signed Zalo event to store: `setAside` (a reason: unreadable, dated outside the window) keeps it for staff, never processed. */
export interface ZaloEventToStore {
  id: string;
  dedupeKey: string;
  payload: unknown;
  now: Date;
  setAside: string | null;
  /**
   * Whose event it is (`webhookSenderKey`): a person's events are processed one at a time, in the
   * order received. Read from the payload when not given.
   */
  senderKey?: string | null;
}

/** Events committed together at most: a burst larger than this is committed in several batches. */
const MAX_BATCH = 256;

/** The sender of a stored payload, when the caller has not read it already (the route has). */
function senderKeyOf(payload: unknown): string | null {
  const parsed = zaloWebhookEventSchema.safeParse(payload);
  return parsed.success ? webhookSenderKey(parsed.data) : null;
}

const toRow = (input: ZaloEventToStore): NewInboxEvent => ({ source: "zalo_webhook", ...input, senderKey: input.senderKey !== undefined ? input.senderKey : senderKeyOf(input.payload) });

/**
 * Stores one signed Zalo event in the inbox, once per `dedupeKey` (Zalo resends); `created` is
 * false for a repeat. For one-off callers (tests, tools); the webhook route stores through
 * `createZaloInbox`, which commits the events of requests arriving together at once.
 */
export async function storeZaloEvent(db: Db, input: ZaloEventToStore): Promise<{ created: boolean }> {
  const [created] = await insertInboxEvents(db, [toRow(input)]);
  return { created: created! };
}

interface Waiting {
  input: ZaloEventToStore;
  resolve: (stored: { created: boolean }) => void;
  reject: (err: unknown) => void;
}

/**
 * The webhook's intake with group commit: `store` resolves once the event is committed (a crash
 * after the 200 loses nothing), but the requests that arrive while a commit is being written wait
 * together and are committed in one transaction after it, instead of one commit each. A batch
 * that fails is retried one event at a time, so one bad event fails only its own request.
 * `onStored` is called once per batch that stored an event to process (not once per event).
 */
export function createZaloInbox(deps: { db: Db; onStored: () => void }) {
  let queue: Waiting[] = [];
  let writing = false;

  async function commit(batch: Waiting[]): Promise<void> {
    let created: boolean[];
    try {
      created = await insertInboxEvents(deps.db, batch.map((w) => toRow(w.input)));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const one of batch) await commit([one]);
      return;
    }
    batch.forEach((w, i) => w.resolve({ created: created[i]! }));
    // After the answers are on their way, not before them.
    if (batch.some((w, i) => created[i] && w.input.setAside === null)) setImmediate(deps.onStored);
  }

  async function write(): Promise<void> {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
        queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
        await commit(batch);
      }
    } finally {
      writing = false;
    }
  }

  return {
    /** Stores the event; resolves when it is committed, `created` false for a repeat. */
    store(input: ZaloEventToStore): Promise<{ created: boolean }> {
      return new Promise((resolve, reject) => {
        queue.push({ input, resolve, reject });
        // The first request of a batch waits one turn of the event loop for the others arriving with it.
        if (!writing && queue.length === 1) setImmediate(() => void (writing || write()));
      });
    },
  };
}
