import { afterEach, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { makeBirthCertificate, vaccinationSchedule } from "@hccd/shared";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { reminderCatalogueFrom } from "./reminder-catalogue.js";
import { sweepReminders } from "./reminder-sweep.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** Child vaccination as the catalogue holds it (plan 920 row 1): a week ahead, then the day before. */
const catalogue = reminderCatalogueFrom([
  {
    key: "child-vaccination",
    name: { vi: "Nhắc lịch tiêm chủng", en: "vaccination reminders" },
    leadAgency: { vi: "Sở Y tế", en: "Department of Health" },
    notices: { steps: [{ before: "P7D" }, { before: "P1D" }] },
    channels: ["oa", "zns", "sms"],
  },
]);

const count = async (query: SQL) => (await w.one<{ n: number }>(query))!.n;

describe("vaccination reminders planned from each birth (plan 920 row 1)", () => {
  it("plans a reminder before every dose after birth, and the sweep tells the mother on the day", async () => {
    w = await createTestWorld({ catalogue }); // 2026-11-24 10:00 Vietnam time; the child was born 2026-11-20
    expect((await w.postCertificate(makeBirthCertificate())).status).toBe(201);
    const doses = vaccinationSchedule("2026-11-20").filter((d) => d.dueOn > "2026-11-20");
    expect(doses.length).toBeGreaterThan(5);
    expect(await count(sql`select count(*) as n from reminders where subject = 'vaccination'`)).toBe(doses.length * 2);
    // The same certificate again plans nothing more.
    await w.postCertificate(makeBirthCertificate());
    expect(await count(sql`select count(*) as n from reminders where subject = 'vaccination'`)).toBe(doses.length * 2);

    const first = doses[0]!;
    const [y, m, d] = first.dueOn.split("-").map(Number) as [number, number, number];
    // 08:00 Vietnam time (01:00 UTC), seven days before the first dose.
    w.clock.set(new Date(Date.UTC(y, m - 1, d - 7, 1)).toISOString());
    await w.worker.drain(); // the birth-draft notice
    const before = w.sim!.zalo!.messages({ phone: "84912345678" }).length;
    const swept = await sweepReminders(w.services, { catalogue });
    expect(swept.queued).toBe(doses.filter((x) => x.dueOn === first.dueOn).length);
    await w.worker.drain();
    // One notice per dose due that day, in the order they were queued.
    const sent = w.sim!.zalo!.messages({ phone: "84912345678" }).slice(before);
    expect(sent).toHaveLength(swept.queued);
    for (const m of sent) expect(m.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
    expect(sent[0]!.text).toContain(first.name.vi);
    expect(w.sim!.zalo!.messages({ phone: "84987654321" })).toHaveLength(0); // not the father: the mother was reached
    expect((await sweepReminders(w.services, { catalogue })).queued).toBe(0);
  });

  it("goes to the father when the mother has no phone", async () => {
    w = await createTestWorld({ catalogue });
    await w.postCertificate(makeBirthCertificate({ mother: { phone: undefined } }));
    const first = vaccinationSchedule("2026-11-20").find((d) => d.dueOn > "2026-11-20")!;
    const [y, m, d] = first.dueOn.split("-").map(Number) as [number, number, number];
    w.clock.set(new Date(Date.UTC(y, m - 1, d - 1, 1)).toISOString()); // the day before: the 7-day step is superseded
    const r = await sweepReminders(w.services, { catalogue });
    expect(r.queued).toBeGreaterThan(0);
    expect(r.cancelled).toBe(r.queued);
    await w.worker.drain();
    const toFather = w.sim!.zalo!.messages({ phone: "84987654321" }).filter((x) => x.text.includes(first.name.vi));
    expect(toFather[0]!.text).toContain("Kính gửi Ông/Bà Trần Văn Minh");
  });

  it("plans nothing when the catalogue has no vaccination service", async () => {
    w = await createTestWorld({ catalogue: reminderCatalogueFrom([]) });
    await w.postCertificate(makeBirthCertificate());
    expect(await count(sql`select count(*) as n from reminders`)).toBe(0);
  });
});
