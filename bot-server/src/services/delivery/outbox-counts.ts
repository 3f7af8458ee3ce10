import { countOutboxByStatus, type Db } from "@hccd/db";

/** How many outbox rows there are of each kind and status (the `hccd_outbox_messages` gauge). */
export async function outboxCounts(db: Db): Promise<{ kind: string; status: string; count: number }[]> {
  return countOutboxByStatus(db);
}
