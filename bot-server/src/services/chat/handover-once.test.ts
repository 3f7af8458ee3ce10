/**
 * One open handover ticket per citizen, however many instances receive their "talk to a person" at
 * once: the database holds it (a partial unique index), and the request that loses the race answers
 * with the winner's ticket, never a 500 nor a second ticket.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { executeStatement, getZaloUser, insertTicket, isUniqueViolation, queryRows, upsertZaloUser } from "@hccd/db";
import { testDbs, testEngine } from "@hccd/db/testing";
import { openHandover } from "./handover.js";

const open = testDbs(afterEach);
const now = new Date("2026-11-24T03:00:00Z");

/** Two instances' databases: two pools on PostgreSQL; one handle on SQLite (see two-instances.test.ts). */
async function twoInstances() {
  const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
  return [handles[0]!.db, (handles[1] ?? handles[0]!).db] as const;
}

describe("one open handover ticket per citizen", () => {
  it("the database refuses a second open ticket for one citizen, and allows one after the first is closed", async () => {
    const { db } = await open();
    await upsertZaloUser(db, { id: "zalo-lan", displayName: "Lan", now });
    await insertTicket(db, { id: "t1", zaloUserId: "zalo-lan", reason: null, openedAt: now });
    const second = await insertTicket(db, { id: "t2", zaloUserId: "zalo-lan", reason: null, openedAt: now }).then(() => null, (err: unknown) => err);
    expect(isUniqueViolation(second)).toBe(true);
    await executeStatement(db, sql`update handover_tickets set status = 'closed' where id = 't1'`);
    await insertTicket(db, { id: "t3", zaloUserId: "zalo-lan", reason: null, openedAt: now });
  });

  it("ten requests for a person from two instances at once: one ticket, every request answered with it", async () => {
    const [a, b] = await twoInstances();
    await upsertZaloUser(a, { id: "zalo-lan", displayName: "Lan", now });
    const user = (await getZaloUser(a, "zalo-lan"))!;
    let seq = 0;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => openHandover(i % 2 ? b : a, { user, reason: "cần gặp cán bộ", now, newId: () => `ticket-${++seq}` })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    const tickets = await queryRows<{ n: number }>(a, sql`select count(*) as n from handover_tickets`);
    const messages = await queryRows<{ n: number }>(a, sql`select count(*) as n from handover_messages`);
    expect({ tickets: Number(tickets[0]!.n), messages: Number(messages[0]!.n) }).toEqual({ tickets: 1, messages: 1 });
  });
});
