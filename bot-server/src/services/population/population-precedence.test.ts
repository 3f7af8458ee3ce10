import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { insertPerson, insertPopulationRecords } from "@hccd/db";
import { nameKey, populationRecordSchema } from "@hccd/shared";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { POPULATION_CLIENT_ID } from "../integrations/machine-clients.js";
import { sweepReminders } from "../reminders/reminder-sweep.js";
import { importCsvText } from "../../testing/imports.js";
import { postPopulation, RESIDENTS } from "./population-testing.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const { tuan, ha } = RESIDENTS;
const HEADER = "service_code,document_no,holder_kind,holder_name,holder_id,phone,expires_on";
/**
 * A department's list holding, under the residents' ID numbers, what population data also gives:
 * Tuấn's ID card and household insurance card, Hà's temporary residence, each with another expiry
 * and phone than population data says; and Tuấn's tour guide card, which population data says
 * nothing about.
 */
const LIST = [
  "id-card-renewal,CC-1,person,Phạm Minh Tuấn,072201001111,0911000000,2026-12-30",
  "household-health-insurance,HG4727221234567,person,Phạm Minh Tuấn,072201001111,0911000000,2026-12-31",
  "temporary-residence,TT-1,person,Trần Thu Hà,072196002222,0911000001,2026-12-20",
  "tour-guide-card,HDV-1,person,Phạm Minh Tuấn,072201001111,0911000000,2027-01-23",
].join("\n") + "\n";

/** The listed documents' planned reminders, by service. */
const listedPlanned = async () =>
  (await w.rows<{ service: string }>(sql`select distinct service_key as service from reminders where document_id is not null and status = 'planned' order by service_key`)).map((r) => r.service);
const populationPlanned = async () =>
  (await w.rows<{ service: string }>(sql`select distinct service_key as service from reminders where person_id is not null and status = 'planned' order by service_key`)).map((r) => r.service);

describe("population data outranks a department's list for the same person (Đề án 06), whichever comes first", () => {
  it("list first, then population data: the list's reminders for what population data gives are withdrawn", async () => {
    w = await createTestWorld();
    expect((await importCsvText(w.services, w.catalogue, LIST, HEADER)).created).toBe(4);
    expect(await listedPlanned()).toEqual(["household-health-insurance", "id-card-renewal", "temporary-residence", "tour-guide-card"]);
    await postPopulation(w, "B-1", [tuan, ha]);
    expect(await listedPlanned()).toEqual(["tour-guide-card"]);
    expect(await populationPlanned()).toEqual(["household-health-insurance", "id-card-renewal", "temporary-residence"]);
  });

  it("population data first, then the list: the list plans nothing for what population data gives", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [tuan, ha]);
    const before = await populationPlanned();
    expect(before).toEqual(["household-health-insurance", "id-card-renewal", "temporary-residence"]);
    const report = await importCsvText(w.services, w.catalogue, LIST, HEADER);
    // The documents are stored (the list is the department's record), only their reminders give way.
    expect(report.created).toBe(4);
    expect(await listedPlanned()).toEqual(["tour-guide-card"]);
    expect(await populationPlanned()).toEqual(before);
    // A renewal in a later list (a new expiry) does not bring them back either.
    const renewed = LIST.replace("2026-12-30", "2027-02-01");
    expect((await importCsvText(w.services, w.catalogue, renewed, HEADER)).updated).toBe(1);
    expect(await listedPlanned()).toEqual(["tour-guide-card"]);
  });

  // Two instances, one storing the list and one the population record at the same moment: neither
  // transaction sees the other's rows, so neither withdraws the other's. The sweep checks again.
  it("stored at the same moment (neither saw the other): the sweep cancels the list's notice rather than send it", async () => {
    w = await createTestWorld();
    await importCsvText(w.services, w.catalogue, LIST, HEADER);
    const record = populationRecordSchema.parse(tuan);
    const now = w.clock.now();
    const person = await insertPerson(w.handle.db, { id: "p-tuan", nationalId: record.nationalId, fullName: record.fullName, nameKey: nameKey(record.fullName), dateOfBirth: record.dateOfBirth, updatedAt: now });
    await insertPopulationRecords(w.handle.db, [{ personId: person.id, nationalId: record.nationalId, record: record as unknown as Record<string, unknown>, recordUpdatedAt: new Date(record.updatedAt), deceased: false, batchId: "B-1", clientId: POPULATION_CLIENT_ID, receivedAt: now }]);
    w.clock.set("2026-11-30T01:00:00Z"); // 08:00 on the 30-day notice of the listed card (2026-12-30)
    await sweepReminders(w.services, { catalogue: w.catalogue });
    const card = await w.rows<{ status: string; reason: string | null }>(sql`select status, reason from reminders where document_id is not null and service_key = 'id-card-renewal' and step = 'P30D'`);
    expect(card).toEqual([{ status: "cancelled", reason: "population data holds this deadline" }]);
  });

  it("population data says the person died: a list imported afterwards plans nothing for them, whatever the service", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...tuan, deceased: true, updatedAt: "2026-11-21T01:00:00+07:00" }]);
    expect((await importCsvText(w.services, w.catalogue, LIST, HEADER)).created).toBe(4);
    expect(await listedPlanned()).toEqual(["temporary-residence"]); // Hà's: she is alive, population data gives her no deadline
  });
});
