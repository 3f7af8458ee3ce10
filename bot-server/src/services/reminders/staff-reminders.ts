import { listFailedOutbox, listSkippedReminders, type StaffUser } from "@hccd/db";
import type { FailedDeliveries } from "@hccd/shared";
import type { ServiceDeps } from "../../deps.js";
import type { ReminderCatalogue } from "./reminder-catalogue.js";
import { audit } from "../staff/audit.js";

/**
 * The service keys a staff member may see: a department officer their agency's services, others
 * every service (`undefined`: no narrowing).
 */
export function staffServiceKeys(catalogue: ReminderCatalogue, staff: StaffUser): string[] | undefined {
  if (staff.role !== "department") return undefined;
  return catalogue.keys().filter((k) => catalogue.agency?.(k) === staff.agency);
}

/**
 * What finally failed, for staff to follow up by other means (a phone call, a ward visit):
 * messages given up after every retry and channel, and reminders nobody could be told about. The
 * read is audited: the rows point at people.
 */
export async function listFailedDeliveries(
  deps: ServiceDeps & { catalogue: ReminderCatalogue },
  staff: StaffUser,
  opts: { limit: number; requestId?: string },
): Promise<FailedDeliveries> {
  const serviceKeys = staffServiceKeys(deps.catalogue, staff);
  const scope = serviceKeys ? { serviceKeys } : {};
  const messages = (await listFailedOutbox(deps.db, { limit: opts.limit, ...scope })).map((m) => ({
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    lastError: m.lastError,
    attempts: m.attempts,
    updatedAt: m.updatedAt.toISOString(),
    personId: m.personId,
  }));
  const skippedReminders = (await listSkippedReminders(deps.db, { limit: opts.limit, ...scope })).map((r) => ({
    id: r.id,
    serviceKey: r.serviceKey,
    subject: r.subject,
    dueOn: r.dueOn,
    step: r.step,
    reason: r.reason,
    documentId: r.documentId,
    birthEventId: r.birthEventId,
  }));
  await audit(deps.db, {
    at: deps.now(),
    actor: { kind: "staff", id: staff.id },
    action: "reminders.failed_listed",
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    details: { messages: messages.length, skippedReminders: skippedReminders.length, scope: serviceKeys ? "agency" : "all" },
  });
  return { messages, skippedReminders };
}
