/** The inbox's batched intake: many events stored in one commit, each once per dedupe key. */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getInboxRow, insertInboxEvents } from "./inbox.js";
import { queryRows } from "../raw.js";
import { fixtureNow as now } from "../testing/fixtures.js";
import { testDbs } from "../testing/test-db.js";

const open = testDbs(afterEach);

describe("insertInboxEvents", () => {
  it("stores a batch in one go, once per dedupe key (within the batch and against rows already stored), and says which were new", async () => {
    const { db } = await open();
    expect(await insertInboxEvents(db, [{ id: "a1", source: "zalo_webhook", dedupeKey: "msg:a", payload: { n: 1 }, now }])).toEqual([true]);
    const created = await insertInboxEvents(db, [
      { id: "b1", source: "zalo_webhook", dedupeKey: "msg:b", payload: { n: 2, text: "Đăng ký khai sinh" }, now },
      { id: "a2", source: "zalo_webhook", dedupeKey: "msg:a", payload: { n: 3 }, now },
      { id: "b2", source: "zalo_webhook", dedupeKey: "msg:b", payload: { n: 4 }, now },
      { id: "c1", source: "zalo_webhook", dedupeKey: "msg:c", payload: { n: 5 }, now, setAside: "unreadable event" },
    ]);
    expect(created).toEqual([true, false, false, true]);
    const rows = await queryRows<{ id: string }>(db, sql`select id from inbox order by id`);
    expect(rows.map((r) => r.id)).toEqual(["a1", "b1", "c1"]);
    expect(await getInboxRow(db, "b1")).toMatchObject({ payload: { n: 2, text: "Đăng ký khai sinh" }, receivedAt: now, processedAt: null, error: null });
    // A set-aside event is kept for staff with its reason, and never claimed for processing.
    expect(await getInboxRow(db, "c1")).toMatchObject({ processedAt: now, error: "unreadable event" });
    expect(await insertInboxEvents(db, [])).toEqual([]);
  });
});
