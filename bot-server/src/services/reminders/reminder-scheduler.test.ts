import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { importCsvText } from "../../testing/imports.js";
import { createReminderScheduler } from "./reminder-scheduler.js";
import { handTimer } from "../../testing/hand-timer.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const importCsv = (body: string) => importCsvText(w.services, tourGuideCatalogue, body);

const outboxRows = async () => (await w.one<{ n: number }>(sql`select count(*) as n from outbox`))!.n;

describe("reminder scheduler", () => {
  it("sweeps at start (a restart catches up), then on its interval, and wakes the worker when it queued something", async () => {
    w = await createTestWorld({ catalogue: tourGuideCatalogue }); // 2026-11-24 10:00 Vietnam time
    await importCsv("tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\ntour-guide-card,HDV-2,person,Trần Thị Mai,0987654321,2027-01-24\n");
    let wakes = 0;
    const timer = handTimer();
    const scheduler = createReminderScheduler(w.services, { catalogue: tourGuideCatalogue, intervalMs: 300_000, onQueued: () => wakes++, timer });
    scheduler.start();
    // HDV-1's 60-day step is today: queued by the first run, which starts at once (no interval passed).
    await scheduler.idle();
    expect(await outboxRows()).toBe(1);
    expect(wakes).toBe(1);
    // HDV-2's is tomorrow at 08:00: an interval passing before then queues nothing, the first after it does.
    timer.tick();
    await scheduler.idle();
    expect(await outboxRows()).toBe(1);
    w.clock.set("2026-11-25T01:00:00Z");
    timer.tick();
    await scheduler.idle();
    expect(await outboxRows()).toBe(2);
    expect(wakes).toBe(2);
    await scheduler.stop();
    w.clock.set("2027-01-16T01:00:00Z"); // HDV-1's 7-day step: nothing runs after stop
    timer.tick();
    await scheduler.idle();
    expect(timer.scheduled()).toBe(0);
    expect(await outboxRows()).toBe(2);
    // Both 30-day steps were missed while stopped; HDV-1's 7-day step is due too, so its 30-day one
    // is superseded (not sent: it would say 30 days when 7 are left). HDV-2's 30-day one still goes.
    expect(await scheduler.runOnce()).toEqual({ queued: 2, skipped: 0, cancelled: 1 });
    expect(await w.rows(sql`select step, status, reason from reminders where status = 'cancelled'`)).toEqual([{ step: "P30D", status: "cancelled", reason: "superseded by a later notice" }]);
  });

  it("an interval of 0 turns the schedule off; the sweep still runs on demand", async () => {
    w = await createTestWorld({ catalogue: tourGuideCatalogue });
    await importCsv("tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n");
    const timer = handTimer();
    const scheduler = createReminderScheduler(w.services, { catalogue: tourGuideCatalogue, intervalMs: 0, timer });
    scheduler.start();
    await scheduler.idle();
    expect(timer.scheduled()).toBe(0);
    expect(await outboxRows()).toBe(0);
    expect(await scheduler.runOnce()).toEqual({ queued: 1, skipped: 0, cancelled: 0 });
  });
});
