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

describe("another process's write lock", () => {
  it("is waited for with the event loop turning, and the statement runs once the lock is released", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "hccd-lock-"));
    const ours = await createDb(join(dir, "shared.db"));
    const theirs = await createDb(join(dir, "shared.db"), { migrate: false });
    try {
      if (ours.engine !== "sqlite" || theirs.engine !== "sqlite") throw new Error("expected SQLite");
      // The other "process" holds the write lock for 100 ms; it can only let go if our waiting lets the event loop turn.
      theirs.sqlite.exec("BEGIN IMMEDIATE");
      let turns = 0;
      const ticker = setInterval(() => turns++, 5);
      setTimeout(() => theirs.sqlite.exec("COMMIT"), 100);
      const started = Date.now();
      await ours.db.transaction((tx) => upsertWards(tx, [ward("in-a-transaction")]));
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(turns).toBeGreaterThan(5);
      // A statement on its own (no transaction) waits the same way.
      theirs.sqlite.exec("BEGIN IMMEDIATE");
      setTimeout(() => theirs.sqlite.exec("COMMIT"), 50);
      await upsertWards(ours.db, [ward("on-its-own")]);
      clearInterval(ticker);
      expect((await listWards(ours.db)).map((w) => w.code).sort()).toEqual(["in-a-transaction", "on-its-own"]);
    } finally {
      await theirs.close();
      await ours.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
