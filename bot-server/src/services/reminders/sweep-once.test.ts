/**
 * The reminder sweep with two backends on one database: the runtime runs it on one instance at a
 * time (its leader lease), and even two sweeps at once plan and queue each reminder once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getLease } from "@hccd/db";
import { openSharedTestDb, testEngine } from "@hccd/db/testing";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { createClock, createTestWorld, type TestWorld } from "../../testing/world.js";
import { importCsvText } from "../../testing/imports.js";
import { sweepReminders } from "./reminder-sweep.js";

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

async function twoWorlds() {
  const clock = createClock(); // 2026-11-24 10:00 Vietnam time
  const [first, second] = await openSharedTestDb(2);
  for (const database of [first!, second!]) worlds.push(await createTestWorld({ database, clock, catalogue: tourGuideCatalogue }));
  return { a: worlds[0]!, b: worlds[1]!, clock };
}
const queued = async (w: TestWorld) => Number((await w.one<{ n: number }>(sql`select count(*) as n from outbox`))!.n);

describe("the reminder sweep across instances", () => {
  it("runs on the lease holder only; once the holder dies, the other sweeps after the lease", async () => {
    const { a, b, clock } = await twoWorlds();
    await importCsvText(a.services, tourGuideCatalogue, "tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n");
    await a.scheduler.kick();
    expect(await queued(a)).toBe(1);
    expect((await getLease(a.db, "reminder-sweep"))?.holder).toBe(a.instanceId);
    // A second document due today: `b` is not the holder, so its sweep does not run; nor does it
    // once `a` has died (no renewal, no release) until a's lease has run out.
    await importCsvText(b.services, tourGuideCatalogue, "tour-guide-card,HDV-2,person,Trần Thị Mai,0987654321,2027-01-23\n");
    await b.scheduler.kick();
    clock.advance(a.config.LEADER_LEASE_MS - 1);
    await b.scheduler.kick();
    expect(await queued(b)).toBe(1);
    clock.advance(1);
    await b.scheduler.kick();
    expect(await queued(b)).toBe(2);
    expect((await getLease(b.db, "reminder-sweep"))?.holder).toBe(b.instanceId);
  });

  it("a holder that shuts down releases the lease: the other sweeps at once", async () => {
    const { a, b } = await twoWorlds();
    await a.scheduler.kick();
    await importCsvText(b.services, tourGuideCatalogue, "tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n");
    await a.close();
    worlds.splice(0, 1);
    await b.scheduler.kick();
    expect(await queued(b)).toBe(1);
  });

  it("two sweeps at once, on two instances, still plan and queue each reminder once (unique constraints)", async () => {
    const { a, b } = await twoWorlds();
    await importCsvText(a.services, tourGuideCatalogue, Array.from({ length: 20 }, (_, i) => `tour-guide-card,HDV-${i},person,Người ${i},09123456${String(i).padStart(2, "0")},2027-01-23\n`).join(""));
    // On SQLite two connections in one process would wait on each other holding the event loop: one handle stands for both.
    const other = testEngine() === "postgres" ? b : a;
    await Promise.all([sweepReminders(a.services, { catalogue: tourGuideCatalogue }), sweepReminders(other.services, { catalogue: tourGuideCatalogue })]);
    expect(await queued(a)).toBe(20);
    // Each document's steps are planned once: as many rows as distinct (document, step), each queued step with one notice.
    const [r] = await a.rows<{ n: number; distinct: number; queued: number }>(sql`select count(*) as n, count(distinct document_id || ':' || step) as "distinct", sum(case when status = 'queued' then 1 else 0 end) as queued from reminders`);
    expect({ n: Number(r!.n), queued: Number(r!.queued) }).toEqual({ n: Number(r!.distinct), queued: 20 });
  });
});

describe("an instance's periodic work (the server and `pnpm hccd worker`)", () => {
  it("starts the sweep and the campaign waves under their leases, and gives both up when it stops", async () => {
    const { a, b } = await twoWorlds();
    a.startWork();
    const holders = async (w: TestWorld) => [(await getLease(w.db, "reminder-sweep"))?.holder, (await getLease(w.db, "campaign-waves"))?.holder];
    for (let turn = 0; turn < 2000 && (await holders(a)).some((h) => h !== a.instanceId); turn++) await new Promise<void>((r) => setImmediate(r));
    expect(await holders(a)).toEqual([a.instanceId, a.instanceId]);
    await a.stopWork();
    expect(await holders(b)).toEqual([undefined, undefined]);
    expect((await a.call("GET", "/readyz")).status).toBe(503);
  });
});
