/**
 * Per-query cost of the data layer on SQLite, before and after it became asynchronous: the same
 * queries through drizzle's synchronous better-sqlite3 driver (what data access used before) and
 * through the layer (drizzle's sqlite-proxy, async, behind the transaction gate). Prints the
 * median of 15 rounds in µs per query. With HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL: a
 * PostgreSQL server), prints the layer's figures there too (network round trips included), in a
 * fresh database created beside the one named and dropped after.
 *
 *   pnpm --filter @hccd/db bench
 */
import { drizzle } from "drizzle-orm/better-sqlite3";
import { eq, sql } from "drizzle-orm";
import { CLAIM_OUTBOX_SQL, claimDueOutbox, enqueueOutbox, findOutboxByKey, markOutboxSent } from "../src/access/outbox.js";
import { getPerson, insertPerson } from "../src/access/persons.js";
import { writeAudit } from "../src/access/audit.js";
import { createDb, type DbHandle } from "../src/create-db.js";
import * as schema from "../src/schema.js";
import { benchDatabaseName, benchPostgres, createDatabase, dropDatabase } from "./postgres.js";

const ROUNDS = 15;
/** The raw insert the outbox used before (and still uses on SQLite). */
const ENQUEUE_SQL =
  "insert into outbox (id, kind, idempotency_key, channel, fallback_channels, person_id, payload, status, priority, attempts, next_attempt_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?) on conflict (idempotency_key) do nothing";
const N = 2_000;
const now = new Date("2026-11-24T03:00:00Z");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function measure(run: (i: number, round: number) => unknown): Promise<number> {
  const perOp: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await run(i, round);
    perOp.push(Number(process.hrtime.bigint() - t) / 1000 / N);
  }
  return median(perOp);
}

async function seed(h: DbHandle): Promise<void> {
  await h.db.transaction(async (tx) => {
    for (let i = 0; i < N; i++) await insertPerson(tx, { id: `p${i}`, fullName: `Người ${i}`, nameKey: `nguoi ${i}`, phone: `849${String(i).padStart(8, "0")}`, updatedAt: now });
  });
}

const outboxRow = (key: string) => ({ id: key, kind: "notification" as const, idempotencyKey: key, channel: "oa" as const, priority: "transactional" as const, payload: { message: { type: "chat", text: "Xin chào" } }, nextAttemptAt: now, now });

async function layer(h: DbHandle): Promise<Record<string, number>> {
  const { db } = h;
  return {
    "select by primary key": await measure((i) => getPerson(db, `p${i}`)),
    "insert (audit)": await measure((i, r) => writeAudit(db, { at: now, actorKind: "system", actorId: `b${r}`, action: "bench", targetId: String(i) })),
    "outbox enqueue (hot path)": await measure((i, r) => enqueueOutbox(db, outboxRow(`k${r}-${i}`))),
    "outbox by key": await measure((i, r) => findOutboxByKey(db, `k${r}-${i}`)),
    "outbox claim 1 + sent (hot path)": await measure(async () => {
      const [row] = await claimDueOutbox(db, { now, limit: 1, leaseMs: 30_000, channel: "oa" });
      if (row) await markOutboxSent(db, row.id, null, now);
    }),
  };
}

async function main() {
  const h = await createDb(":memory:");
  if (h.engine !== "sqlite") throw new Error("unreachable");
  await seed(h);
  // Before: the synchronous driver on the same connection and schema.
  const sync = drizzle(h.sqlite, { schema });
  const byKey = sync.select().from(schema.outbox).where(eq(schema.outbox.idempotencyKey, sql.placeholder("key"))).prepare();
  const enqueue = h.sqlite.prepare(ENQUEUE_SQL);
  const claim = h.sqlite.prepare(CLAIM_OUTBOX_SQL);
  const sent = h.sqlite.prepare("update outbox set status = 'sent', provider_ref = ?, sent_at = ?, locked_until = null, last_error = null, updated_at = ? where id = ?");
  const before = {
    "select by primary key": await measure((i) => sync.select().from(schema.persons).where(eq(schema.persons.id, `p${i}`)).get()),
    "insert (audit)": await measure((i, r) => sync.insert(schema.auditLog).values({ at: now, actorKind: "system", actorId: `s${r}`, action: "bench", targetId: String(i) }).run()),
    "outbox enqueue (hot path)": await measure((i, r) => enqueue.run(`s${r}-${i}`, "notification", `s${r}-${i}`, "oa", "[]", null, "{}", 0, now.getTime(), now.getTime(), now.getTime())),
    "outbox by key": await measure((i, r) => byKey.get({ key: `s${r}-${i}` })),
    "outbox claim 1 + sent (hot path)": await measure(() => {
      const [row] = claim.all({ now: now.getTime(), limit: 1, lease: 30_000, channel: "oa" }) as { id: string }[];
      if (row) sent.run(null, now.getTime(), now.getTime(), row.id);
    }),
  };
  const after = await layer(h);
  await h.close();
  console.log("SQLite, µs per query (median of %d rounds of %d):", ROUNDS, N);
  console.log("%s", ["query".padEnd(34) + "before (sync driver)".padStart(22) + "after (async layer)".padStart(22)].join(""));
  for (const [name, us] of Object.entries(after)) {
    const b = (before as Record<string, number>)[name];
    console.log(name.padEnd(34) + (b === undefined ? "—" : b.toFixed(1)).padStart(22) + us.toFixed(1).padStart(22));
  }
  const server = benchPostgres();
  if (server.url === null) {
    console.log(`PostgreSQL: ${server.reason}`);
    return;
  }
  const name = benchDatabaseName("hccd_bench_queries");
  const pg = await createDb(await createDatabase(server.url, name));
  try {
    await seed(pg);
    const figures = await layer(pg);
    console.log("PostgreSQL (same machine, TCP), µs per query:");
    for (const [query, us] of Object.entries(figures)) console.log(query.padEnd(34) + us.toFixed(1).padStart(44));
  } finally {
    await pg.close();
    await dropDatabase(server.url, name);
  }
}

await main();
