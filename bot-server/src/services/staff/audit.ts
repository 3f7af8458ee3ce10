import { writeAudit, type Db } from "@hccd/db";

export type Actor = { kind: "machine" | "citizen" | "staff" | "system"; id: string };

/** Writes one audit entry. Details must not hold ID numbers or phones in clear: refer to records by id. */
export async function audit(db: Db, entry: { at: Date; actor: Actor; action: string; target?: { kind: string; id: string }; requestId?: string; details?: Record<string, unknown> }): Promise<void> {
  await writeAudit(db, {
    at: entry.at,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    action: entry.action,
    targetKind: entry.target?.kind ?? null,
    targetId: entry.target?.id ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  });
}
