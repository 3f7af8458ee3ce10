import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { prepared, rawStatement } from "../prepared.js";
import { outbox } from "../schema.js";

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * The order in which a channel's due rows are claimed: what a citizen is waiting for now (a notice,
 * a dossier's status, a dossier going to the case system, a chat reply) before reminders, and
 * reminders before campaign traffic. Stored as the integer (lower first).
 */
export const OUTBOX_PRIORITIES = { transactional: 0, reminder: 1, campaign: 2 } as const;
export type OutboxPriority = keyof typeof OUTBOX_PRIORITIES;

export type NewOutboxRow = Omit<typeof outbox.$inferInsert, "status" | "attempts" | "createdAt" | "updatedAt" | "priority"> & { now: Date; priority: OutboxPriority };

/**
 * Stores a message to send. The idempotency key makes this safe to repeat: a second enqueue with
 * the same key returns the existing row and stores nothing. Call it inside the transaction that
 * records the reason for the message.
 */
export function enqueueOutbox(db: Db, row: NewOutboxRow): { row: OutboxRow; created: boolean } {
  const at = row.now.getTime();
  const inserted = rawStatement(
    db,
    "enqueueOutbox",
    "insert into outbox (id, kind, idempotency_key, channel, fallback_channels, person_id, payload, status, priority, attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?) on conflict (idempotency_key) do nothing",
  ).run(row.id, row.kind, row.idempotencyKey, row.channel, JSON.stringify(row.fallbackChannels ?? []), row.personId ?? null, JSON.stringify(row.payload), OUTBOX_PRIORITIES[row.priority], row.nextAttemptAt.getTime(), at, at);
  if (inserted.changes === 1) {
    return {
      created: true,
      row: {
        id: row.id, kind: row.kind, idempotencyKey: row.idempotencyKey, channel: row.channel, fallbackChannels: row.fallbackChannels ?? [], personId: row.personId ?? null,
        payload: row.payload, status: "pending", priority: OUTBOX_PRIORITIES[row.priority], attempts: 0, nextAttemptAt: row.nextAttemptAt, lockedUntil: null, lastError: null, providerRef: null,
        createdAt: row.now, updatedAt: row.now, sentAt: null, deliveredAt: null, seenAt: null,
      },
    };
  }
  const existing = findOutboxByKey(db, row.idempotencyKey);
  if (!existing) throw new Error(`outbox row for ${row.idempotencyKey} vanished`);
  return { row: existing, created: false };
}

export function getOutboxRow(db: Db, id: string): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

export function findOutboxByKey(db: Db, idempotencyKey: string): OutboxRow | undefined {
  return prepared(db, "outboxByKey", (d) => d.select().from(outbox).where(eq(outbox.idempotencyKey, sql.placeholder("key"))).prepare()).get({ key: idempotencyKey });
}

interface RawOutboxRow {
  id: string; kind: OutboxRow["kind"]; idempotency_key: string; channel: OutboxRow["channel"]; fallback_channels: string; person_id: string | null; payload: string;
  status: OutboxRow["status"]; priority: number; attempts: number; next_attempt_at: number; locked_until: number | null; last_error: string | null; provider_ref: string | null;
  created_at: number; updated_at: number; sent_at: number | null; delivered_at: number | null; seen_at: number | null;
}
const date = (ms: number | null) => (ms === null ? null : new Date(ms));
/** A row as SQLite returns it → as drizzle would map it (JSON parsed, epoch ms → Date). */
function fromRaw(r: RawOutboxRow): OutboxRow {
  return {
    id: r.id, kind: r.kind, idempotencyKey: r.idempotency_key, channel: r.channel, fallbackChannels: JSON.parse(r.fallback_channels) as string[], personId: r.person_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>, status: r.status, priority: r.priority, attempts: r.attempts, nextAttemptAt: new Date(r.next_attempt_at), lockedUntil: date(r.locked_until),
    lastError: r.last_error, providerRef: r.provider_ref, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), sentAt: date(r.sent_at), deliveredAt: date(r.delivered_at), seenAt: date(r.seen_at),
  };
}

const PRIORITY_LEVELS = Object.values(OUTBOX_PRIORITIES);

/**
 * The claim of one channel's due rows (exported for its query-plan test). One branch per priority
 * walks (status, channel, priority, next_attempt_at) from the oldest due row and stops at the
 * limit, reading the index alone (it holds the rowid); one more takes rows left `sending` by a
 * worker that crashed (lease expired), which are at most a batch per worker. A single
 * `(pending and due) or (sending and expired)` read every row of the outbox at each claim, and one
 * queue for all channels let 1,839 OA replies waiting for the OA throttle hold back a ZNS notice
 * and a dossier for 92 s.
 */
export const CLAIM_OUTBOX_SQL = `update outbox set status = 'sending', locked_until = @now + @lease, attempts = attempts + 1, updated_at = @now
  where rowid in (
    select rid from (
      ${PRIORITY_LEVELS.map((p) => `select rid, p, t from (select rowid as rid, priority as p, next_attempt_at as t from outbox where status = 'pending' and channel = @channel and priority = ${p} and next_attempt_at <= @now order by next_attempt_at limit @limit)`).join("\n      union all ")}
      union all select rid, p, t from (select rowid as rid, priority as p, next_attempt_at as t from outbox where status = 'sending' and channel = @channel and locked_until <= @now order by priority, next_attempt_at limit @limit)
    ) order by p, t limit @limit
  )
  returning *`;

/**
 * Claims up to `limit` rows of one channel that are due: pending rows whose time has come, and
 * rows left `sending` by a worker that crashed (lease expired); transactional ones first, then
 * reminders, then campaign traffic, each oldest first. Claimed rows are `sending` with a lease, so
 * no other worker takes them meanwhile. One UPDATE … RETURNING: atomic in SQLite. Raw SQL: the
 * worker claims a batch many times a second under load, and drizzle's mapping doubled its cost.
 */
export function claimDueOutbox(db: Db, opts: { now: Date; limit: number; leaseMs: number; channel: OutboxRow["channel"] }): OutboxRow[] {
  const claim = rawStatement(db, "claimDueOutbox", CLAIM_OUTBOX_SQL);
  const rows = claim.all({ now: opts.now.getTime(), limit: opts.limit, lease: opts.leaseMs, channel: opts.channel }) as RawOutboxRow[];
  return rows.map(fromRaw).sort((x, y) => x.priority - y.priority || x.nextAttemptAt.getTime() - y.nextAttemptAt.getTime());
}

export function markOutboxSent(db: Db, id: string, providerRef: string | null, now: Date): void {
  rawStatement(db, "markOutboxSent", "update outbox set status = 'sent', provider_ref = ?, sent_at = ?, locked_until = null, last_error = null, updated_at = ? where id = ?").run(providerRef, now.getTime(), now.getTime(), id);
}

/** Puts a row back in the queue for another attempt, optionally on another channel. */
export function rescheduleOutbox(db: Db, id: string, patch: { nextAttemptAt: Date; lastError: string; now: Date; channel?: OutboxRow["channel"]; fallbackChannels?: string[]; resetAttempts?: boolean }): void {
  db.update(outbox)
    .set({
      status: "pending",
      nextAttemptAt: patch.nextAttemptAt,
      lastError: patch.lastError,
      lockedUntil: null,
      updatedAt: patch.now,
      ...(patch.channel ? { channel: patch.channel } : {}),
      ...(patch.fallbackChannels ? { fallbackChannels: patch.fallbackChannels } : {}),
      ...(patch.resetAttempts ? { attempts: 0 } : {}),
    })
    .where(eq(outbox.id, id))
    .run();
}

export function markOutboxFailed(db: Db, id: string, lastError: string, now: Date): void {
  db.update(outbox).set({ status: "failed", lastError, lockedUntil: null, updatedAt: now }).where(eq(outbox.id, id)).run();
}

/** Cancels a row that has not started sending. Returns false when it is already being sent or done. */
export function cancelPendingOutbox(db: Db, idempotencyKey: string, now: Date): boolean {
  const r = db
    .update(outbox)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(eq(outbox.idempotencyKey, idempotencyKey), eq(outbox.status, "pending")))
    .returning({ id: outbox.id })
    .get();
  return r !== undefined;
}

/** Counts per status, for /metrics. */
export function countOutboxByStatus(db: Db): { status: string; kind: string; count: number }[] {
  return db
    .select({ status: outbox.status, kind: outbox.kind, count: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status, outbox.kind)
    .all();
}

/** The earliest time a pending row becomes due, for the worker's sleep. */
export function nextOutboxDueAt(db: Db): Date | null {
  const r = db.select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` }).from(outbox).where(eq(outbox.status, "pending")).get();
  return r?.at ? new Date(r.at) : null;
}

/** A delivery receipt: the row Zalo reported delivered (by its message id, or the ZNS tracking id, which is our row id). */
export function markOutboxReceipt(db: Db, ref: { msgId?: string; trackingId?: string }, kind: "delivered" | "seen", at: Date): boolean {
  const where = ref.trackingId ? eq(outbox.id, ref.trackingId) : ref.msgId ? eq(outbox.providerRef, ref.msgId) : undefined;
  if (!where) return false;
  const patch = kind === "delivered" ? { status: "delivered" as const, deliveredAt: at, updatedAt: at } : { seenAt: at, updatedAt: at };
  const r = db.update(outbox).set(patch).where(and(where, inArray(outbox.status, ["sent", "delivered"]))).returning({ id: outbox.id }).all();
  return r.length > 0;
}

/**
 * A message the gateway accepted but the operator could not deliver (an SMS delivery report):
 * failed, with the reason, so staff see it among what finally failed. Only a sent row changes.
 */
export function markOutboxUndelivered(db: Db, id: string, reason: string, at: Date): boolean {
  return rawStatement(db, "markOutboxUndelivered", "update outbox set status = 'failed', last_error = ?, updated_at = ? where id = ? and status = 'sent'").run(reason, at.getTime(), id).changes === 1;
}

/**
 * Notifications given up (every retry and channel spent), newest first, for staff to follow up.
 * `serviceKeys` narrows to reminders of those services (a department's own).
 */
export function listFailedOutbox(db: Db, opts: { limit: number; serviceKeys?: string[] }): OutboxRow[] {
  const failed = and(eq(outbox.status, "failed"), eq(outbox.kind, "notification"));
  const where = opts.serviceKeys
    ? and(failed, inArray(sql<string>`json_extract(${outbox.payload}, '$.message.serviceKey')`, opts.serviceKeys.length ? opts.serviceKeys : [""]))
    : failed;
  return db.select().from(outbox).where(where).orderBy(sql`${outbox.updatedAt} desc`).limit(opts.limit).all();
}

/** Messages queued for these persons, newest first (what the state told them, for "my data"). */
export function outboxOfPersons(db: Db, personIds: readonly string[], limit = 500): OutboxRow[] {
  if (personIds.length === 0) return [];
  return db.select().from(outbox).where(inArray(outbox.personId, [...personIds])).orderBy(desc(outbox.createdAt)).limit(limit).all();
}
