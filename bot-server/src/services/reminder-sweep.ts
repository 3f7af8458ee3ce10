import { dueReminders, getDocument, setReminderStatus } from "@hccd/db";
import type { ServiceDeps } from "../deps.js";
import type { ReminderCatalogue } from "./licence-import.js";
import { enqueueNotification } from "./notifications.js";

export interface SweepResult {
  queued: number;
  skipped: number;
  cancelled: number;
}

/**
 * The reminder sweep: takes the planned reminders that are due (through the (status, next_at)
 * index, so its cost grows with what is due, not with the tables) and queues each through the
 * channel policy. The reminder's key is the outbox key: it is never sent twice, across restarts and
 * re-imports. A reminder whose deadline changed since it was planned is cancelled.
 */
export function sweepReminders(deps: ServiceDeps, input: { catalogue: ReminderCatalogue; batchSize?: number; maxBatches?: number }): SweepResult {
  const result: SweepResult = { queued: 0, skipped: 0, cancelled: 0 };
  const batchSize = input.batchSize ?? 500;
  for (let b = 0; b < (input.maxBatches ?? 10_000); b++) {
    const now = deps.now();
    const due = dueReminders(deps.db, now, batchSize);
    if (due.length === 0) break;
    deps.db.transaction((tx) => {
      for (const r of due) {
        const doc = getDocument(tx, r.documentId);
        if (!doc || doc.expiresOn !== r.dueOn) {
          setReminderStatus(tx, r.id, { status: "cancelled", reason: "the deadline changed", now });
          result.cancelled++;
          continue;
        }
        const sent = enqueueNotification(tx, {
          config: deps.config,
          now,
          newId: deps.newId,
          recipient: { personId: null, phone: doc.phone },
          idempotencyKey: r.idempotencyKey,
          purpose: "reminder",
          message: {
            type: "document_expiry",
            documentId: doc.id,
            params: { holderName: doc.holderName, serviceName: input.catalogue.name(doc.serviceKey), documentNo: doc.documentNo, expiresOn: doc.expiresOn, fileBy: input.catalogue.fileBy(doc.serviceKey, doc.expiresOn) },
          },
        });
        if (sent.queued) {
          setReminderStatus(tx, r.id, { status: "queued", outboxId: sent.outboxId, now });
          result.queued++;
        } else {
          // Nobody to tell on Zalo, or they opted out: recorded, not retried (staff see it).
          setReminderStatus(tx, r.id, { status: "skipped", reason: sent.reason, now });
          result.skipped++;
        }
      }
    });
    if (due.length < batchSize) break;
  }
  return result;
}
