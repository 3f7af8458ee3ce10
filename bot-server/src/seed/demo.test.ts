import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { checkNationalId, type DraftView } from "@hccd/shared";
import { findPersonByNationalId } from "@hccd/db";
import { testDbs } from "@hccd/db/testing";
import { createClock, createTestWorld, readJson, type TestWorld } from "../testing/world.js";
import { DEMO_SEED_TABLES, tableCounts } from "../testing/table-counts.js";
import { DEMO_FATHER, DEMO_MOTHER, demoBirthCertificate } from "./demo.js";

let world: TestWorld;

/**
 * The demo's rows, counting only the reminders the seed plans: the population platform's demo batch
 * is of the day (sim/population-platform.ts), so the next day it brings its dates forward and
 * re-plans its own reminders (subject `person`).
 */
async function seedCounts(w: TestWorld): Promise<Record<string, number>> {
  const { reminders: _all, ...rest } = await tableCounts(w, DEMO_SEED_TABLES);
  const [fromSeed] = await w.rows<{ n: number }>(sql`select count(*) as n from reminders where subject <> 'person'`);
  return { ...rest, reminders: Number(fromSeed!.n) };
}
afterEach(async () => {
  await world?.close();
});
const open = testDbs(afterEach);

/** The backend as `pnpm start` seeds it (SEED=demo), with the test clock. */
async function demoWorld(): Promise<TestWorld> {
  world = await createTestWorld({ env: { SEED: "demo" } });
  return world;
}

async function demoStart(w: TestWorld): Promise<{ draftId: string; accounts: { name: string; phone: string }[] }> {
  const res = await w.call("GET", "/sim/demo");
  expect(res.status).toBe(200);
  return readJson(res);
}

describe("the demo as `pnpm start` seeds it", () => {
  it("gives the mother a birth draft that needs nothing typed: every required field has a value and its source", async () => {
    const w = await demoWorld();
    const { draftId } = await demoStart(w);
    const mother = await w.citizen({ name: "Lan", phone: DEMO_MOTHER.phone });
    const view = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }));
    expect(view.openFields).toEqual([]);
    for (const f of view.fields.filter((x) => x.required)) {
      expect(f.value, f.key).not.toBeNull();
      expect(f.source, f.key).not.toBeNull();
    }
    // Quê quán: the father's by custom, from population data, with the mother's one tap away.
    expect(view.fields.find((f) => f.key === "child.hometown")).toMatchObject({
      value: DEMO_FATHER.hometown, source: "population_data", sourceOf: "father", editable: true,
      proposals: [{ value: DEMO_FATHER.hometown, source: "population_data", sourceOf: "father" }, { value: DEMO_MOTHER.hometown, source: "population_data", sourceOf: "mother" }],
    });
    expect(view.fields.find((f) => f.key === "father.residence")).toMatchObject({ value: DEMO_FATHER.residence.address, source: "population_data" });
  });

  it("holds a consistent Vietnamese family: NFC text, ID numbers that match birth year and sex, the certificate agreeing with population data", async () => {
    const w = await demoWorld();
    const db = w.handle.db;
    const cert = demoBirthCertificate(w.clock.now());
    for (const [who, demo, sex, phone] of [["mother", DEMO_MOTHER, "female", "84912345678"], ["father", DEMO_FATHER, "male", "84987654321"]] as const) {
      const p = await findPersonByNationalId(db, demo.nationalId);
      expect(p, who).toBeDefined();
      for (const text of [p!.fullName, p!.ethnicity, p!.residenceAddress, p!.hometown]) {
        expect(text, who).toEqual(expect.any(String));
        expect(text, who).toBe(text!.normalize("NFC"));
      }
      expect(checkNationalId(demo.nationalId, { dateOfBirth: demo.dateOfBirth, sex })).toMatchObject({ ok: true });
      expect(p).toMatchObject({ fullName: demo.fullName, dateOfBirth: demo.dateOfBirth, sex, hometown: demo.hometown, residenceWardCode: demo.residence.wardCode, phone });
      const onCertificate = cert[who]!;
      expect(onCertificate).toMatchObject({ fullName: p!.fullName, dateOfBirth: p!.dateOfBirth, nationalId: p!.nationalId, ethnicity: p!.ethnicity, nationality: p!.nationality });
    }
    // The child takes the father's family name, as the planned name says.
    expect(cert.child.plannedName?.split(" ")[0]).toBe(DEMO_FATHER.fullName.split(" ")[0]);
  });

  it("lists the demo's simulated Zalo accounts, so the dev phone prompt can share one in a tap", async () => {
    const w = await demoWorld();
    const { accounts } = await demoStart(w);
    expect(accounts).toEqual([
      { name: DEMO_MOTHER.fullName, phone: "84912345678" },
      { name: DEMO_FATHER.fullName, phone: "84987654321" },
    ]);
  });

  it("adds nothing on a later start on the same database: the same draft, the same rows", async () => {
    const [first, second] = await open.shared(2);
    const before = await createTestWorld({ env: { SEED: "demo" }, database: first! });
    const seeded = await seedCounts(before);
    // Persons: the parents and the 13 residents of the population platform's demo batch; staff: one
    // per role, and the Department of Home Affairs' officer. Drafts: the newborn's birth registration,
    // and the application prepared for the 3-year-old without an ID card (plan 920 row 2).
    expect(seeded).toMatchObject({ persons: 15, birth_events: 1, drafts: 2, documents: 4, staff_users: 6 });
    await before.close();
    // The next day: the certificate it would write now differs, the stored one is sent again.
    world = await createTestWorld({ env: { SEED: "demo" }, database: second!, clock: createClock("2026-11-25T03:00:00Z") });
    expect(world.demoDraftId).toBe(before.demoDraftId);
    expect(await seedCounts(world)).toEqual(seeded);
  });
});
