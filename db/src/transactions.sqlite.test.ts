import { afterEach, describe, expect, it } from "vitest";
import { listWards, upsertWards } from "./access/wards.js";
import type { Db } from "./engine.js";
import { testDbs } from "./testing/test-db.js";
import { createDb } from "./create-db.js";

const open = testDbs(afterEach);
const ward = (code: string) => ({ code, name: `Phường ${code}`, provinceCode: "72" });
/** The message of a query's failure (drizzle wraps the driver's error in a "Failed query" error). */
const reason = async (p: Promise<unknown>) => p.then(() => "resolved", (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);

describe("transactions on SQLite's one connection", () => {
  it("refuse a query on the database itself inside its own transaction (it would wait for itself)", async () => {
    const { db } = await open();
    expect(await reason(db.transaction(async () => listWards(db)))).toMatch(/use tx, not db/);
    await expect(db.transaction(async () => db.transaction(async () => undefined))).rejects.toThrow(/tx.transaction/);
    // The connection is free again afterwards.
    expect(await listWards(db)).toEqual([]);
  });

  it("refuse a tx used after its transaction ended, instead of running it in someone else's", async () => {
    const { db } = await open();
    let leaked: Db | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    expect(await reason(upsertWards(leaked!, [ward("late")]))).toMatch(/after the transaction ended/);
    expect(await listWards(db)).toEqual([]);
  });

  it("unguarded (NODE_ENV=production), still give the connection to one transaction at a time, queries on the database waiting their turn", async () => {
    const handle = await createDb(":memory:", { guardTransactions: false });
    try {
      const { db } = handle;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = db.transaction(async (tx) => {
        await upsertWards(tx, [ward("a")]);
        await held;
        throw new Error("rolled back");
      });
      // While the first transaction holds the connection, another and a plain read wait for it;
      // neither runs inside it: the read, queued after the second, sees the second's row and never
      // the first's, which is rolled back.
      const second = db.transaction(async (tx) => upsertWards(tx, [ward("b")]));
      const read = listWards(db);
      release();
      await expect(first).rejects.toThrow("rolled back");
      await second;
      expect((await read).map((w) => w.code)).toEqual(["b"]);
      expect((await listWards(db)).map((w) => w.code)).toEqual(["b"]);
    } finally {
      await handle.close();
    }
  });
});
