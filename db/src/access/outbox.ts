import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { statementSlices, tablesOf, type Db } from "../engine.js";
import { prepared } from "../prepared.js";
import { visibleColumns } from "./columns.js";
import { executeStatement, jsonText, onSqlite, queryRows, toDate, toJson } from "../raw.js";
import type { outbox } from "../schema.js";

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
 * records the reason for the message. Rows with the same `recipientKey` and priority are sent in
 * the order stored (see `claimDueOutbox`).
 */
export async function enqueueOutbox(db: Db, row: NewOutboxRow): Promise<{ row: OutboxRow; created: boolean }> {
  return (await enqueueOutboxRows(db, [row]))[0]!;
}

const ENQUEUE_OUTBOX_SQL =
  "insert into outbox (id, kind, idempotency_key, channel, fallback_channels, person_id, recipient_key, payload, status, priority, attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?) on conflict (idempotency_key) do nothing";
/** Columns of an outbox row as it is stored: the parameters one row of a multi-row INSERT carries. */
const OUTBOX_INSERT_COLUMNS = 14;

/**
 * Stores many messages to send (a sweep's batch), each as `enqueueOutbox` does: a row whose key is
 * stored already, or comes earlier in `rows`, stores nothing and answers with the stored row. In
 * the order of `rows`. On SQLite one prepared statement run for each row at once, on PostgreSQL
 * multi-row INSERT … ON CONFLICT DO NOTHING within its parameter limit, and one read of the rows
 * that were there already.
 */
export async function enqueueOutboxRows(db: Db, rows: readonly NewOutboxRow[]): Promise<{ row: OutboxRow; created: boolean }[]> {
  if (rows.length === 0) return [];
  const created =
    (await onSqlite(db, "enqueueOutbox", ENQUEUE_OUTBOX_SQL, (stmt) =>
      rows.map((row) => {
        const at = row.now.getTime();
        return stmt.run(row.id, row.kind, row.idempotencyKey, row.channel, JSON.stringify(row.fallbackChannels ?? []), row.personId ?? null, row.recipientKey ?? null, JSON.stringify(row.payload), OUTBOX_PRIORITIES[row.priority], row.nextAttemptAt.getTime(), at, at).changes === 1;
      }),
    )) ?? (await enqueueOutboxPortable(db, rows));
  const stored = await findOutboxByKeys(db, rows.filter((_, i) => !created[i]).map((r) => r.idempotencyKey));
  return rows.map((row, i) => {
    if (created[i]) return { created: true, row: newOutboxRow(row) };
    const existing = stored.get(row.idempotencyKey);
    if (!existing) throw new Error(`outbox row for ${row.idempotencyKey} vanished`);
    return { row: existing, created: false };
  });
}

/** The row `enqueueOutbox` stored, as a read would return it. */
function newOutboxRow(row: NewOutboxRow): OutboxRow {
  return {
    id: row.id, kind: row.kind, idempotencyKey: row.idempotencyKey, channel: row.channel, fallbackChannels: row.fallbackChannels ?? [], personId: row.personId ?? null, recipientKey: row.recipientKey ?? null,
    payload: row.payload, status: "pending", priority: OUTBOX_PRIORITIES[row.priority], attempts: 0, nextAttemptAt: row.nextAttemptAt, lockedUntil: null, lastError: null, providerRef: null,
    createdAt: row.now, updatedAt: row.now, sentAt: null, deliveredAt: null, seenAt: null,
  };
}

/** Which of `rows` were stored (the others' keys were taken). */
async function enqueueOutboxPortable(db: Db, rows: readonly NewOutboxRow[]): Promise<boolean[]> {
  const { outbox } = tablesOf(db);
  const inserted = new Set<string>();
  for (const slice of statementSlices(db, rows, OUTBOX_INSERT_COLUMNS)) {
    const values = slice.map((row) => ({
      id: row.id, kind: row.kind, idempotencyKey: row.idempotencyKey, channel: row.channel, fallbackChannels: row.fallbackChannels ?? [], personId: row.personId ?? null, recipientKey: row.recipientKey ?? null, payload: row.payload,
      status: "pending" as const, priority: OUTBOX_PRIORITIES[row.priority], attempts: 0, nextAttemptAt: row.nextAttemptAt, createdAt: row.now, updatedAt: row.now,
    }));
    for (const { id } of await db.insert(outbox).values(values).onConflictDoNothing({ target: outbox.idempotencyKey }).returning({ id: outbox.id })) inserted.add(id);
  }
  return rows.map((r) => inserted.has(r.id));
}

export async function getOutboxRow(db: Db, id: string): Promise<OutboxRow | undefined> {
  const { outbox } = tablesOf(db);
  return (await db.select(visibleColumns(outbox)).from(outbox).where(eq(outbox.id, id)).limit(1))[0];
}

export async function findOutboxByKey(db: Db, idempotencyKey: string): Promise<OutboxRow | undefined> {
  const rows = await prepared(db, "outboxByKey", (d) => d.select(visibleColumns(tablesOf(d).outbox)).from(tablesOf(d).outbox).where(eq(tablesOf(d).outbox.idempotencyKey, sql.placeholder("key"))).limit(1), { key: idempotencyKey });
  return rows[0];
}

/** The stored rows of these idempotency keys, by key. */
async function findOutboxByKeys(db: Db, keys: readonly string[]): Promise<Map<string, OutboxRow>> {
  if (keys.length === 1) {
    const row = await findOutboxByKey(db, keys[0]!);
    return new Map(row ? [[row.idempotencyKey, row]] : []);
  }
  const { outbox } = tablesOf(db);
  const found = new Map<string, OutboxRow>();
  for (const slice of statementSlices(db, [...new Set(keys)], 1)) {
    for (const row of await db.select(visibleColumns(outbox)).from(outbox).where(inArray(outbox.idempotencyKey, slice))) found.set(row.idempotencyKey, row);
  }
  return found;
}

interface RawOutboxRow {
  id: string; kind: OutboxRow["kind"]; idempotency_key: string; channel: OutboxRow["channel"]; fallback_channels: unknown; person_id: string | null; recipient_key: string | null; payload: unknown;
  status: OutboxRow["status"]; priority: number; attempts: number; next_attempt_at: unknown; locked_until: unknown; last_error: string | null; provider_ref: string | null;
  created_at: unknown; updated_at: unknown; sent_at: unknown; delivered_at: unknown; seen_at: unknown;
}
/** A row as either engine returns it raw → as drizzle would map it (JSON parsed, instants as Dates). */
function fromRaw(r: RawOutboxRow): OutboxRow {
  return {
    id: r.id, kind: r.kind, idempotencyKey: r.idempotency_key, channel: r.channel, fallbackChannels: toJson<string[]>(r.fallback_channels), personId: r.person_id, recipientKey: r.recipient_key,
    payload: toJson<Record<string, unknown>>(r.payload), status: r.status, priority: Number(r.priority), attempts: Number(r.attempts), nextAttemptAt: toDate(r.next_attempt_at)!, lockedUntil: toDate(r.locked_until),
    lastError: r.last_error, providerRef: r.provider_ref, createdAt: toDate(r.created_at)!, updatedAt: toDate(r.updated_at)!, sentAt: toDate(r.sent_at), deliveredAt: toDate(r.delivered_at), seenAt: toDate(r.seen_at),
  };
}

const PRIORITY_LEVELS = Object.values(OUTBOX_PRIORITIES);

/**
 * When a due row `o` must wait: an earlier row (rowid, the order queued) to the same recipient, of
 * the same priority, is being sent, is due, or waits for its retry (it was tried). Such a row is
 * sent (or fails for good, or is cancelled) first, so a recipient's messages arrive in the order
 * they were queued, however many workers and instances claim. A row waiting only for its time
 * (quiet hours, tomorrow's quota, a reminder's date: attempts 0) holds back nothing, nor does a
 * paused campaign's (`held`) or a row of another priority (a chat reply does not wait for a
 * reminder). It reads only the recipient's rows still waiting or being sent (a partial index).
 */
const EARLIER_IN_THE_WAY = `exists (select 1 from outbox e where e.recipient_key = o.recipient_key and e.priority = o.priority and e.status in ('pending', 'sending') and e.rowid < o.rowid
      and (e.status = 'sending' or e.next_attempt_at <= @now or e.attempts > 0))`;

/**
 * The claim of one channel's due rows (exported for its query-plan test). One branch per priority
 * walks (status, channel, priority, next_attempt_at) from the oldest due row and stops at the
 * limit, reading the index alone (it holds the recipient and the rowid) but for the few rows whose
 * recipient has another message waiting; one more takes rows left `sending` by a worker that
 * crashed (lease expired), which are at most a batch per worker. A single `(pending and due) or
 * (sending and expired)` read every row of the outbox at each claim, and one queue for all
 * channels let 1,839 OA replies waiting for the OA throttle hold back a ZNS notice and a dossier
 * for 92 s. (SQLite's; PostgreSQL's is `claimOutboxPg`.)
 */
export const CLAIM_OUTBOX_SQL = `update outbox set status = 'sending', locked_until = @now + @lease, attempts = attempts + 1, updated_at = @now
  where rowid in (
    select rid from (
      ${PRIORITY_LEVELS.map((p) => `select rid, p, t from (select o.rowid as rid, o.priority as p, o.next_attempt_at as t from outbox o where o.status = 'pending' and o.channel = @channel and o.priority = ${p} and o.next_attempt_at <= @now and not ${EARLIER_IN_THE_WAY} order by o.next_attempt_at limit @limit)`).join("\n      union all ")}
      union all select rid, p, t from (select rowid as rid, priority as p, next_attempt_at as t from outbox where status = 'sending' and channel = @channel and locked_until <= @now order by priority, next_attempt_at limit @limit)
    ) order by p, t limit @limit
  )
  returning *`;

/**
 * Claims up to `limit` rows of one channel that are due: pending rows whose time has come, and
 * rows left `sending` by a worker that crashed (lease expired); transactional ones first, then
 * reminders, then campaign traffic, each oldest first. Claimed rows are `sending` with a lease, so
 * no other worker takes them meanwhile. A recipient gets at most one row of a priority at a time,
 * the earliest queued: the next is handed out once it is sent (see `EARLIER_IN_THE_WAY`), so
 * messages queued in one instant arrive in the order queued, while many recipients still go side
 * by side. One UPDATE … RETURNING: atomic in SQLite (one writer); on PostgreSQL the candidate rows
 * are locked `FOR UPDATE SKIP LOCKED`, so workers of several instances claiming at once each get
 * other rows. Raw SQL: the worker claims a batch many times a second under load, and drizzle's
 * mapping doubled its cost.
 */
export async function claimDueOutbox(db: Db, opts: { now: Date; limit: number; leaseMs: number; channel: OutboxRow["channel"] }): Promise<OutboxRow[]> {
  const rows =
    (await onSqlite(db, "claimDueOutbox", CLAIM_OUTBOX_SQL, (stmt) => stmt.all({ now: opts.now.getTime(), limit: opts.limit, lease: opts.leaseMs, channel: opts.channel }) as RawOutboxRow[])) ??
    (await queryRows<RawOutboxRow>(db, claimOutboxPg(opts)));
  return rows.map(fromRaw).sort((x, y) => x.priority - y.priority || x.nextAttemptAt.getTime() - y.nextAttemptAt.getTime());
}

/**
 * The claim on PostgreSQL: the same branches (one per priority, one for expired leases), each
 * locking its candidates `FOR UPDATE SKIP LOCKED` (PostgreSQL allows no locking clause in a
 * UNION, hence one CTE each): rows another worker is claiming are skipped, not waited for. An
 * earlier row of the recipient that another worker is claiming at this moment is still `pending`
 * and due in this statement's snapshot, so it holds the later one back here too.
 */
function claimOutboxPg(opts: { now: Date; limit: number; leaseMs: number; channel: OutboxRow["channel"] }) {
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const inTheWay = sql.join(EARLIER_IN_THE_WAY.split("@now").map((part) => sql.raw(part)), now);
  const branch = (where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
    sql`(select o.id, o.priority, o.next_attempt_at from outbox o where ${where} and o.channel = ${opts.channel} order by ${order} limit ${opts.limit} for update skip locked)`;
  const pending = PRIORITY_LEVELS.map((p) => sql`p${sql.raw(String(p))} as ${branch(sql`o.status = 'pending' and o.priority = ${p} and o.next_attempt_at <= ${now} and not ${inTheWay}`, sql`o.next_attempt_at`)}`);
  const expired = sql`expired as ${branch(sql`o.status = 'sending' and o.locked_until <= ${now}`, sql`o.priority, o.next_attempt_at`)}`;
  const union = sql.join([...PRIORITY_LEVELS.map((p) => sql.raw(`select * from p${p}`)), sql.raw("select * from expired")], sql` union all `);
  return sql`with ${sql.join([...pending, expired], sql`, `)},
      picked as (select id from (${union}) c order by priority, next_attempt_at limit ${opts.limit})
    update outbox o set status = 'sending', locked_until = ${now} + (${opts.leaseMs} * interval '1 millisecond'), attempts = o.attempts + 1, updated_at = ${now}
    from picked where o.id = picked.id
    returning o.*`;
}

/**
 * The provider accepted the message. A delivery report may have been faster than this mark (the
 * gateway reports on its own request, possibly to another instance): a row it already marked
 * delivered or failed keeps that status, and only gains the provider's reference and the time.
 */
export async function markOutboxSent(db: Db, id: string, providerRef: string | null, now: Date): Promise<void> {
  await markOutboxSentMany(db, [{ id, providerRef, at: now }]);
}

const MARK_SENT_SQLITE =
  "update outbox set status = case when status in ('delivered', 'failed') then status else 'sent' end, provider_ref = ?, sent_at = ?, locked_until = null, last_error = case when status = 'failed' then last_error end, updated_at = ? where id = ?";

/**
 * `markOutboxSent` for many rows at once (the worker's marks of a commit): on SQLite one prepared
 * statement run for each, on PostgreSQL one UPDATE … FROM unnest(…), each row with its own time.
 */
export async function markOutboxSentMany(db: Db, marks: readonly { id: string; providerRef: string | null; at: Date }[]): Promise<void> {
  if (marks.length === 0) return;
  const fast = onSqlite(db, "markOutboxSent", MARK_SENT_SQLITE, (stmt) => {
    for (const m of marks) stmt.run(m.providerRef, m.at.getTime(), m.at.getTime(), m.id);
  });
  if (fast) return fast;
  const column = (pick: (m: (typeof marks)[number]) => string | null) => sql.param(marks.map(pick));
  await executeStatement(
    db,
    sql`update outbox set status = case when outbox.status in ('delivered', 'failed') then outbox.status else 'sent' end, provider_ref = v.ref, sent_at = v.at::timestamptz,
          locked_until = null, last_error = case when outbox.status = 'failed' then outbox.last_error end, updated_at = v.at::timestamptz
        from unnest(${column((m) => m.id)}::text[], ${column((m) => m.providerRef)}::text[], ${column((m) => m.at.toISOString())}::text[]) as v(id, ref, at)
        where outbox.id = v.id`,
  );
}

/** Puts a row back in the queue for another attempt, optionally on another channel. */
export async function rescheduleOutbox(db: Db, id: string, patch: { nextAttemptAt: Date; lastError: string; now: Date; channel?: OutboxRow["channel"]; fallbackChannels?: string[]; resetAttempts?: boolean }): Promise<void> {
  const { outbox } = tablesOf(db);
  await db
    .update(outbox)
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
    .where(eq(outbox.id, id));
}

/**
 * Right before a send: is the row still this worker's claim, and if so its lease starts again
 * (the new lease end, by which the claim is known from now on: pass it to the next call; null when
 * the claim is lost). A worker that stalled past its lease (a long throttle wait, a stopped event
 * loop) may find another instance has claimed the row again: that one sends it, this one must not.
 * The claim is known by its attempt count and lease end, both set by each claim.
 */
export async function holdOutboxClaim(db: Db, claim: Pick<OutboxRow, "id" | "attempts" | "lockedUntil">, now: Date, leaseMs: number): Promise<Date | null> {
  if (!claim.lockedUntil) return null;
  const { outbox } = tablesOf(db);
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const held = await db
    .update(outbox)
    .set({ lockedUntil })
    .where(and(eq(outbox.id, claim.id), eq(outbox.status, "sending"), eq(outbox.attempts, claim.attempts), eq(outbox.lockedUntil, claim.lockedUntil)))
    .returning({ id: outbox.id });
  return held.length === 1 ? lockedUntil : null;
}

/**
 * Gives back rows this worker claimed but did not start (it is shutting down): due again at once,
 * for any worker, without waiting for the claim's lease; the claim's attempt is taken back, since
 * nothing was tried. Rows already marked otherwise are left alone.
 */
export async function releaseOutboxClaims(db: Db, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const { outbox } = tablesOf(db);
  const released = await db
    .update(outbox)
    .set({ status: "pending", lockedUntil: null, attempts: sql`${outbox.attempts} - 1`, updatedAt: now })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.status, "sending")))
    .returning({ id: outbox.id });
  return released.length;
}

export async function markOutboxFailed(db: Db, id: string, lastError: string, now: Date): Promise<void> {
  const { outbox } = tablesOf(db);
  await db.update(outbox).set({ status: "failed", lastError, lockedUntil: null, updatedAt: now }).where(eq(outbox.id, id));
}

/** Cancels a row that has not started sending. Returns false when it is already being sent or done. */
export async function cancelPendingOutbox(db: Db, idempotencyKey: string, now: Date): Promise<boolean> {
  return (await cancelPendingOutboxKeys(db, [idempotencyKey], now)) > 0;
}

/** Cancels the rows of these keys that have not started sending (a batch's), in a statement per slice; answers how many. */
export async function cancelPendingOutboxKeys(db: Db, idempotencyKeys: readonly string[], now: Date): Promise<number> {
  const { outbox } = tablesOf(db);
  let cancelled = 0;
  for (const slice of statementSlices(db, idempotencyKeys, 1, 2)) {
    cancelled += (await db.update(outbox).set({ status: "cancelled", updatedAt: now }).where(and(inArray(outbox.idempotencyKey, slice), eq(outbox.status, "pending"))).returning({ id: outbox.id })).length;
  }
  return cancelled;
}

/**
 * Cancels the messages still waiting whose idempotency key starts with `keyPrefix` (a dossier's
 * older status notices when a newer status arrives): what was not sent yet is out of date.
 */
export async function cancelPendingOutboxByKeyPrefix(db: Db, keyPrefix: string, now: Date): Promise<number> {
  const { outbox } = tablesOf(db);
  const escaped = keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const cancelled = await db
    .update(outbox)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(sql`${outbox.idempotencyKey} like ${`${escaped}%`} escape '\\'`, eq(outbox.status, "pending")))
    .returning({ id: outbox.id });
  return cancelled.length;
}

/** Counts per status, for /metrics. */
export async function countOutboxByStatus(db: Db): Promise<{ status: string; kind: string; count: number }[]> {
  const { outbox } = tablesOf(db);
  return db
    .select({ status: outbox.status, kind: outbox.kind, count: sql<number>`count(*)`.mapWith(Number) })
    .from(outbox)
    .groupBy(outbox.status, outbox.kind);
}

/** The earliest time a pending row becomes due, for the worker's sleep. */
export async function nextOutboxDueAt(db: Db): Promise<Date | null> {
  const { outbox } = tablesOf(db);
  const [r] = await db.select({ at: sql<unknown>`min(${outbox.nextAttemptAt})` }).from(outbox).where(eq(outbox.status, "pending"));
  return toDate(r?.at);
}

/** A delivery receipt: the row Zalo reported delivered (by its message id, or the ZNS tracking id, which is our row id). */
export async function markOutboxReceipt(db: Db, ref: { msgId?: string; trackingId?: string }, kind: "delivered" | "seen", at: Date): Promise<boolean> {
  const { outbox } = tablesOf(db);
  const where = ref.trackingId ? eq(outbox.id, ref.trackingId) : ref.msgId ? eq(outbox.providerRef, ref.msgId) : undefined;
  if (!where) return false;
  const patch = kind === "delivered" ? { status: "delivered" as const, deliveredAt: at, lastError: null, updatedAt: at } : { seenAt: at, updatedAt: at };
  // 'sending' too: a report by our tracking id can arrive before the sender has marked the row sent.
  const r = await db.update(outbox).set(patch).where(and(where, inArray(outbox.status, ["sending", "sent", "delivered"]))).returning({ id: outbox.id });
  return r.length > 0;
}

/**
 * A message the gateway accepted but the operator could not deliver (an SMS delivery report):
 * failed, with the reason, so staff see it among what finally failed. Only a row sent, or still
 * being marked sent (the report can be faster than the sender), changes.
 */
export async function markOutboxUndelivered(db: Db, id: string, reason: string, at: Date): Promise<boolean> {
  const { outbox } = tablesOf(db);
  const r = await db.update(outbox).set({ status: "failed", lastError: reason, updatedAt: at }).where(and(eq(outbox.id, id), inArray(outbox.status, ["sending", "sent"]))).returning({ id: outbox.id });
  return r.length === 1;
}

/**
 * Notifications given up (every retry and channel spent), newest first, for staff to follow up.
 * `serviceKeys` narrows to reminders of those services (a department's own).
 */
export async function listFailedOutbox(db: Db, opts: { limit: number; serviceKeys?: string[] }): Promise<OutboxRow[]> {
  const { outbox } = tablesOf(db);
  const failed = and(eq(outbox.status, "failed"), eq(outbox.kind, "notification"));
  const where = opts.serviceKeys ? and(failed, inArray(jsonText(db, outbox.payload, "message", "serviceKey"), opts.serviceKeys.length ? opts.serviceKeys : [""])) : failed;
  return db.select(visibleColumns(outbox)).from(outbox).where(where).orderBy(sql`${outbox.updatedAt} desc`, desc(outbox.id)).limit(opts.limit);
}

/** Messages queued for these persons, newest first (what the state told them, for "my data"). */
export async function outboxOfPersons(db: Db, personIds: readonly string[], limit = 500): Promise<OutboxRow[]> {
  if (personIds.length === 0) return [];
  const { outbox } = tablesOf(db);
  return db.select(visibleColumns(outbox)).from(outbox).where(inArray(outbox.personId, [...personIds])).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);
}
