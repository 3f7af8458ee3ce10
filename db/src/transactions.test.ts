import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getWard, upsertWards } from "./access/wards.js";
import { forUpdate, tablesOf, type Db } from "./engine.js";
import { queryRows } from "./raw.js";
import { testDbs } from "./testing/test-db.js";

const open = testDbs(afterEach);
const ward = (code: string) => ({ code, name: `Phường ${code}`, provinceCode: "72" });
const codes = async (db: Db) => (await queryRows<{ code: string }>(db, sql`select code from wards order by code`)).map((r) => r.code);

describe("transactions", () => {
  it("roll back their own writes only: a query of another async chain, run while the transaction waits, stays", async () => {
    const { db } = await open();
    let resume!: () => void;
    const paused = new Promise<void>((r) => (resume = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const failed = db
      .transaction(async (tx) => {
        await upsertWards(tx, [ward("tx")]);
        inside();
        await paused;
        throw new Error("the transaction fails");
      })
      .catch((e: Error) => e.message);
    await entered;
    // Another request writes while the transaction is open and waiting (on SQLite it waits for it).
    const outside = upsertWards(db, [ward("outside")]);
    resume();
    expect(await failed).toBe("the transaction fails");
    await outside;
    expect(await codes(db)).toEqual(["outside"]);
  });

  it("commit what their callback wrote, and return its result", async () => {
    const { db } = await open();
    const result = await db.transaction(async (tx) => {
      await upsertWards(tx, [ward("a"), ward("b")]);
      return (await getWard(tx, "a"))?.name;
    });
    expect(result).toBe("Phường a");
    expect(await codes(db)).toEqual(["a", "b"]);
  });

  it("nest as savepoints: an inner failure undoes the inner writes only", async () => {
    const { db } = await open();
    await db.transaction(async (tx) => {
      await upsertWards(tx, [ward("outer")]);
      await tx
        .transaction(async (inner) => {
          await upsertWards(inner, [ward("inner")]);
          throw new Error("inner fails");
        })
        .catch(() => undefined);
      await upsertWards(tx, [ward("after")]);
    });
    expect(await codes(db)).toEqual(["after", "outer"]);
  });

  it("run transactions of concurrent chains one after the other, each seeing its own writes", async () => {
    const { db } = await open();
    const { wards } = tablesOf(db);
    await upsertWards(db, [ward("counter")]);
    // Read-modify-write in each of ten concurrent transactions: none may lose another's update.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction(async (tx) => {
          const [row] = await forUpdate(tx.select().from(wards).where(eq(wards.code, "counter")));
          await tx.update(wards).set({ name: `${row!.name}+` }).where(eq(wards.code, "counter"));
        }),
      ),
    );
    expect((await getWard(db, "counter"))?.name).toBe(`Phường counter${"+".repeat(10)}`);
  });
});
