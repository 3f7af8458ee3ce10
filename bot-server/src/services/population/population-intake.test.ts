import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@hccd/db";
import { testDbs, testEngine } from "@hccd/db/testing";
import { makeBirthCertificate, populationBatchSchema } from "@hccd/shared";
import { parseConfig } from "../../config.js";
import { createLogger } from "../../logger.js";
import { createTestWorld, HOSPITAL_KEY, POPULATION_KEY, CASE_SYSTEM_KEY, readJson, type TestWorld } from "../../testing/world.js";
import { importCsvText } from "../../testing/imports.js";
import { provisionClients, POPULATION_CLIENT_ID } from "../integrations/machine-clients.js";
import { defaultReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { receivePopulationBatch } from "./population-intake.js";
import { postPopulation, RESIDENTS } from "./population-testing.js";
import { planWaitingPopulationRecords as planAll } from "./population-planner.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});
const open = testDbs(afterEach);

const count = async (table: string) => (await w.one<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`))!.n;
const { tuan, hoa, bao, ha } = RESIDENTS;

describe("POST /api/integrations/population-records (contract 5)", () => {
  it("keeps the good records of a batch and names each bad one by its index and field", async () => {
    w = await createTestWorld();
    const res = await postPopulation(w, "LGSP-2026-11-24-0001", [
      tuan,
      { ...ha, dateOfBirth: "1996-02-30", phone: "12345" },
      hoa,
      { fullName: "Không Số" },
      { ...bao, nationalId: "072112000123" }, // the century digit says 1900s, the date of birth 2012
    ]);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({ batchId: "LGSP-2026-11-24-0001", accepted: 2, unchanged: 0, stale: 0 });
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3, 4]);
    expect(body.rejected[0].fields.map((f: { path: string }) => f.path).sort()).toEqual(["dateOfBirth", "phone"]);
    expect(body.rejected[1].fields.map((f: { path: string }) => f.path).sort()).toEqual(["dateOfBirth", "nationalId", "updatedAt"]);
    expect(body.rejected[2].fields).toEqual([{ path: "nationalId", message: expect.stringMatching(/.+/) }]);
    const people = await w.rows<{ nationalId: string; phone: string; source: string; ref: string }>(
      sql`select national_id as "nationalId", phone, facts_source as source, facts_source_ref as ref from persons order by national_id`,
    );
    expect(people).toEqual([
      { nationalId: "072180004444", phone: "84912000444", source: "population_data", ref: "LGSP-2026-11-24-0001" },
      { nationalId: "072201001111", phone: "84903111222", source: "population_data", ref: "LGSP-2026-11-24-0001" },
    ]);
    // The record is kept whole, with the batch and the client it came from.
    const [held] = await w.rows<{ batchId: string; clientId: string; fullName: string }>(
      sql`select batch_id as "batchId", client_id as "clientId", full_name as "fullName" from population_records join persons on persons.id = population_records.person_id where persons.national_id = '072201001111'`,
    );
    expect(held).toEqual({ batchId: "LGSP-2026-11-24-0001", clientId: POPULATION_CLIENT_ID, fullName: "Phạm Minh Tuấn" });
  });

  it("answers the same batch again with the same counts and changes nothing; a record seen before is unchanged, an older one stale", async () => {
    w = await createTestWorld();
    const first = await readJson(await postPopulation(w, "B-1", [tuan, hoa, { nationalId: "x" }]));
    const reminders = await count("reminders");
    expect(reminders).toBeGreaterThan(0);
    const again = await readJson(await postPopulation(w, "B-1", [tuan, hoa, { nationalId: "x" }]));
    expect(again).toEqual(first);
    expect({ persons: await count("persons"), records: await count("population_records"), reminders: await count("reminders"), batches: await count("population_batches") }).toEqual({ persons: 2, records: 2, reminders, batches: 1 });

    const older = { ...tuan, phone: "0909999999", updatedAt: "2026-11-19T01:00:00+07:00" };
    expect(await readJson(await postPopulation(w, "B-2", [tuan, older]))).toEqual({ batchId: "B-2", accepted: 0, unchanged: 1, stale: 1, rejected: [] });
    expect((await w.one<{ phone: string }>(sql`select phone from persons where national_id = '072201001111'`))!.phone).toBe("84903111222");

    const newer = { ...tuan, phone: "0909999999", updatedAt: "2026-11-23T01:00:00+07:00" };
    expect(await readJson(await postPopulation(w, "B-3", [newer]))).toMatchObject({ accepted: 1, unchanged: 0, stale: 0 });
    expect((await w.one<{ phone: string; batch: string }>(sql`select phone, batch_id as batch from persons join population_records on person_id = persons.id where persons.national_id = '072201001111'`))).toEqual({ phone: "84909999999", batch: "B-3" });
  });

  it("refuses an unreadable envelope or more than 1,000 records with 422, and a body over its bound with 413", async () => {
    w = await createTestWorld();
    const noRecords = await w.call("POST", "/api/integrations/population-records", { token: POPULATION_KEY, body: { batchId: "B-1" } });
    expect(noRecords.status).toBe(422);
    expect((await readJson(noRecords)).error.fields).toEqual([{ path: "records", message: expect.any(String) }]);
    const tooMany = await postPopulation(w, "B-2", Array.from({ length: 1001 }, () => tuan));
    expect(tooMany.status).toBe(422);
    expect((await readJson(tooMany)).error.fields[0]).toEqual({ path: "records", message: expect.stringContaining("1000") });
    const notJson = await w.call("POST", "/api/integrations/population-records", { token: POPULATION_KEY, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(422);
    const huge = await postPopulation(w, "B-3", Array.from({ length: 1000 }, () => ({ ...tuan, fullName: "Phạm Minh Tuấn".repeat(200) })));
    expect(huge.status).toBe(413);
    expect(await count("persons")).toBe(0);
    expect(await count("population_batches")).toBe(0);
  });

  it("is the population platform's alone: a hospital may not post population records, and the platform may not post certificates", async () => {
    w = await createTestWorld();
    expect((await postPopulation(w, "B-1", [tuan], HOSPITAL_KEY)).status).toBe(403);
    expect((await postPopulation(w, "B-1", [tuan], CASE_SYSTEM_KEY)).status).toBe(403);
    expect((await postPopulation(w, "B-1", [tuan], "no-such-key")).status).toBe(401);
    expect((await w.postCertificate(makeBirthCertificate(), POPULATION_KEY)).status).toBe(403);
    expect((await w.call("POST", "/api/integrations/death-notices", { token: POPULATION_KEY, body: {} })).status).toBe(403);
    expect(await count("persons")).toBe(0);
  });

  it("outranks a hospital's certificate for the same person, and is not overwritten by a later one", async () => {
    w = await createTestWorld();
    expect((await w.postCertificate(makeBirthCertificate())).status).toBe(201); // the mother, 072195001234, phone 0912345678
    const lan = {
      nationalId: "072195001234", fullName: "Nguyễn Thị Lan", dateOfBirth: "1995-04-12", sex: "female", phone: "0977000111",
      residence: { wardCode: "25453", address: "Số 40, đường Cách Mạng Tháng Tám, Phường Tân Ninh, Tây Ninh" }, updatedAt: "2026-11-24T09:00:00+07:00",
    };
    expect(await readJson(await postPopulation(w, "B-1", [lan]))).toMatchObject({ accepted: 1 });
    const after = await w.one(sql`select phone, residence_address as address, facts_source as source from persons where national_id = '072195001234'`);
    expect(after).toEqual({ phone: "84977000111", address: lan.residence.address, source: "population_data" });
    expect((await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-BVDK-2026-000999" }))).status).toBe(201);
    expect(await w.one(sql`select phone, residence_address as address, facts_source as source from persons where national_id = '072195001234'`)).toEqual(after);
  });

  it("outranks a department's list: the listed card's reminders give way to the population deadline", async () => {
    w = await createTestWorld();
    // A list holding Tuấn's card under his ID number, with an older expiry and another phone.
    const report = await importCsvText(w.services, w.catalogue, "id-card-renewal,CC-1,person,Phạm Minh Tuấn,072201001111,0911000000,2026-12-30\n", "service_code,document_no,holder_kind,holder_name,holder_id,phone,expires_on");
    expect(report.created).toBe(1);
    const listed = await w.one<{ n: number }>(sql`select count(*) as n from reminders where document_id is not null and status = 'planned'`);
    expect(listed!.n).toBeGreaterThan(0);
    await postPopulation(w, "B-1", [tuan]);
    expect(await w.rows(sql`select status, reason from reminders where document_id is not null group by status, reason`)).toEqual([{ status: "cancelled", reason: "population data holds this deadline" }]);
    expect((await w.one<{ n: number }>(sql`select count(*) as n from reminders where person_id is not null and service_key = 'id-card-renewal' and status = 'planned'`))!.n).toBeGreaterThan(0);
  });
});

describe("a batch stored at once (issue 15, first sync)", () => {
  const personReminders = (nationalId: string) =>
    w.rows<{ dueOn: string; step: string; status: string }>(sql`select due_on as "dueOn", step, status from reminders join persons on persons.id = reminders.person_id where persons.national_id = ${nationalId} and service_key = 'id-card-renewal' order by next_at`);

  it("a person listed twice: the newer version is kept whatever the order, the older is stale, the same one unchanged", async () => {
    w = await createTestWorld();
    const newer = { ...tuan, phone: "0909999999", updatedAt: "2026-11-23T01:00:00+07:00" };
    expect(await readJson(await postPopulation(w, "B-1", [newer, hoa, tuan]))).toEqual({ batchId: "B-1", accepted: 2, unchanged: 0, stale: 1, rejected: [] });
    expect(await w.one(sql`select phone, facts_source_ref as ref from persons where national_id = '072201001111'`)).toEqual({ phone: "84909999999", ref: "B-1" });
    const held = await w.one<{ record: unknown }>(sql`select record from population_records where national_id = '072201001111'`);
    expect(JSON.stringify(held)).toContain("84909999999");
    expect(await readJson(await postPopulation(w, "B-2", [ha, ha, { ...ha, updatedAt: "2026-11-21T01:00:00+07:00" }]))).toEqual({ batchId: "B-2", accepted: 2, unchanged: 1, stale: 0, rejected: [] });
    expect({ persons: await count("persons"), records: await count("population_records") }).toEqual({ persons: 3, records: 3 });
  });

  // Luật Căn cước 2023 art. 21(2): the card renewed at 24 (in the 2 years before 25) holds to 40.
  it("a record changing within one batch plans from its last version only: nothing for the deadline it no longer has", async () => {
    w = await createTestWorld();
    const renewed = { ...tuan, householdInsurance: undefined, idCard: { number: "072201001111", issuedOn: "2026-11-23" }, updatedAt: "2026-11-24T09:00:00+07:00" };
    expect(await readJson(await postPopulation(w, "B-1", [{ ...tuan, householdInsurance: undefined }, renewed]))).toMatchObject({ accepted: 2, unchanged: 0, stale: 0 });
    expect(await personReminders(tuan.nationalId)).toEqual([
      { dueOn: "2041-12-24", step: "P60D", status: "planned" },
      { dueOn: "2041-12-24", step: "P30D", status: "planned" },
      { dueOn: "2041-12-24", step: "P7D", status: "planned" },
    ]);
  });

  it("a bad record in the middle of a batch: the records after it are stored and planned as those before it", async () => {
    w = await createTestWorld();
    const body = await readJson(await postPopulation(w, "B-1", [hoa, tuan, { ...ha, nationalId: "07219600222" }, bao, ha]));
    expect(body).toMatchObject({ accepted: 4, unchanged: 0, stale: 0 });
    expect(body.rejected).toEqual([{ index: 2, fields: [{ path: "nationalId", message: expect.stringMatching(/.+/) }] }]);
    expect(await w.rows(sql`select national_id as "nationalId" from persons order by national_id`)).toEqual([bao, hoa, ha, tuan].map((r) => ({ nationalId: r.nationalId })).sort((a, b) => a.nationalId.localeCompare(b.nationalId)));
    const planned = await w.rows<{ nationalId: string }>(sql`select distinct persons.national_id as "nationalId" from reminders join persons on persons.id = reminders.person_id where reminders.status = 'planned' order by persons.national_id`);
    expect(planned.map((p) => p.nationalId)).toEqual([bao, hoa, ha, tuan].map((r) => r.nationalId).sort());
  });
});

describe("a batch stored a slice per transaction", () => {
  it("a batch cut short between slices is finished by its repeat, with the counts of one whole run and each reminder once", async () => {
    w = await createTestWorld();
    const deps = { ...w.services, catalogue: w.catalogue };
    const batch = populationBatchSchema.parse({ batchId: "B-1", records: [tuan, hoa, { nationalId: "x" }, RESIDENTS.dung, bao, ha] });
    // The database gives out in the second slice (its first new person's id): the first slice stays stored.
    let ids = 0;
    const failing = { ...deps, newId: () => (++ids === 3 ? (() => { throw new Error("connection lost"); })() : randomUUID()) };
    await expect(receivePopulationBatch(failing, { batch, clientId: POPULATION_CLIENT_ID, recordsPerTransaction: 2 })).rejects.toThrow("connection lost");
    expect(await count("population_records")).toBe(2);
    expect(await count("audit_log")).toBe(0);
    // The same id with other records before it was stored whole: refused, naming the batch id, nothing stored.
    const other = await postPopulation(w, "B-1", [ha, tuan]);
    expect(other.status).toBe(409);
    expect((await readJson(other)).error.fields).toEqual([{ path: "batchId", message: expect.stringMatching(/.+/) }]);
    expect(await count("population_records")).toBe(2);
    const result = await receivePopulationBatch(deps, { batch, clientId: POPULATION_CLIENT_ID, recordsPerTransaction: 2 });
    expect(result).toEqual({ batchId: "B-1", accepted: 5, unchanged: 0, stale: 0, rejected: [{ index: 2, fields: expect.any(Array) }] });
    expect(await receivePopulationBatch(deps, { batch, clientId: POPULATION_CLIENT_ID, recordsPerTransaction: 2 })).toEqual(result);
    expect({ persons: await count("persons"), records: await count("population_records") }).toEqual({ persons: 5, records: 5 });
    expect(await w.rows(sql`select action from audit_log`)).toEqual([{ action: "population_batch.received" }]);
    // The same reminders as the batch stored in one go plans.
    await planAll(deps);
    const planned = await w.rows(sql`select persons.national_id as "nationalId", service_key as service, due_on as "dueOn", step from reminders join persons on persons.id = reminders.person_id order by 1, 2, 3, 4`);
    const whole = await createTestWorld();
    try {
      await postPopulation(whole, "B-1", batch.records);
      expect(await whole.rows(sql`select persons.national_id as "nationalId", service_key as service, due_on as "dueOn", step from reminders join persons on persons.id = reminders.person_id order by 1, 2, 3, 4`)).toEqual(planned);
    } finally {
      await whole.close();
    }
  });
});

describe("batches of overlapping people posted to two instances at once", () => {
  it("stores each person's newest version and plans each reminder once, never a 500", async () => {
    const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", MINI_APP_URL: "http://localhost:5173" });
    const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
    const [a, b = a] = handles.map((h) => ({ db: h.db, config, logger: createLogger({ level: "silent" }), now: () => new Date("2026-11-24T03:00:00Z"), newId: randomUUID, catalogue: defaultReminderCatalogue }));
    await provisionClients(a!.db, config.INTEGRATION_API_KEYS);
    // Each round, one instance gets Tuấn, Hoa and Bảo, the other Hoa, Bảo and Hà, all in a newer
    // version; the cards move each round (a renewal re-plans), so every round plans and cancels.
    const version = (round: number, side: number) => `2026-11-2${round}T0${side}:00:00+07:00`;
    const cardIssued = (round: number) => `2026-0${round + 1}-01`;
    const batch = (round: number, side: number, people: (typeof tuan | typeof hoa | typeof bao | typeof ha)[]) =>
      populationBatchSchema.parse({ batchId: `R-${round}-${side}`, records: people.map((r) => ({ ...r, idCard: { number: r.nationalId, issuedOn: cardIssued(round) }, updatedAt: version(round, side) })) });
    for (let round = 0; round < 4; round++) {
      // Each instance's planner runs meanwhile, as in production: a record replaced while planned is planned again.
      const [results] = await Promise.all([
        Promise.all([
          receivePopulationBatch(a!, { batch: batch(round, 1, [tuan, hoa, bao]), clientId: POPULATION_CLIENT_ID }),
          receivePopulationBatch(b!, { batch: batch(round, 2, [ha, bao, hoa]), clientId: POPULATION_CLIENT_ID }),
        ]),
        planAll(a!),
        planAll(b!),
      ]);
      await Promise.all([planAll(a!), planAll(b!)]);
      // Whichever ran first, Hoa and Bảo are accepted from both (side 2's version is newer) or stale in side 1's.
      expect(results.map((r) => r.accepted + r.stale + r.unchanged)).toEqual([3, 3]);
      expect(results[1]!.accepted).toBe(3);
    }
    const n = async (table: string) => (await queryRows<{ n: number }>(a!.db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n;
    expect({ persons: await n("persons"), records: await n("population_records") }).toEqual({ persons: 4, records: 4 });
    const held = await queryRows<{ nationalId: string; batch: string }>(a!.db, sql`select national_id as "nationalId", batch_id as batch from population_records order by national_id`);
    expect(held).toEqual([
      { nationalId: hoa.nationalId, batch: "R-3-2" },
      { nationalId: ha.nationalId, batch: "R-3-2" },
      { nationalId: tuan.nationalId, batch: "R-3-1" },
      { nationalId: bao.nationalId, batch: "R-3-2" },
    ]);
    expect(await queryRows(a!.db, sql`select idempotency_key as k, count(*) as n from reminders group by idempotency_key having count(*) > 1`)).toEqual([]);
    // Only the last round's cards have planned reminders; the earlier ones were withdrawn.
    const planned = await queryRows<{ dueOn: string }>(a!.db, sql`select distinct due_on as "dueOn" from reminders where status = 'planned' and service_key = 'id-card-renewal'`);
    const expected = await queryRows<{ dueOn: string }>(a!.db, sql`select distinct due_on as "dueOn" from reminders where status <> 'planned' and service_key = 'id-card-renewal'`);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.filter((p) => expected.some((e) => e.dueOn === p.dueOn))).toEqual([]);
  });
});

describe("the same batch posted to two instances at once", () => {
  it("stores it once and answers both with the same counts, never a 500", async () => {
    const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", MINI_APP_URL: "http://localhost:5173" });
    const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
    const [a, b = a] = handles.map((h) => ({ db: h.db, config, logger: createLogger({ level: "silent" }), now: () => new Date("2026-11-24T03:00:00Z"), newId: randomUUID, catalogue: defaultReminderCatalogue }));
    await provisionClients(a!.db, config.INTEGRATION_API_KEYS);
    const batches = Array.from({ length: 5 }, (_, i) => populationBatchSchema.parse({ batchId: `B-${i}`, records: [tuan, hoa, bao, ha].map((r) => ({ ...r, updatedAt: `2026-11-2${i}T01:00:00+07:00` })) }));
    const results = await Promise.all(batches.flatMap((batch) => [a!, b!].map((deps) => receivePopulationBatch(deps, { batch, clientId: POPULATION_CLIENT_ID }))));
    await Promise.all([planAll(a!), planAll(b!)]);
    for (let i = 0; i < batches.length; i++) expect(results[2 * i + 1]).toEqual(results[2 * i]);
    const n = async (db: Db, table: string) => (await queryRows<{ n: number }>(db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n;
    expect({ persons: await n(a!.db, "persons"), records: await n(a!.db, "population_records"), batches: await n(a!.db, "population_batches") }).toEqual({ persons: 4, records: 4, batches: 5 });
    // The newest version is the one held, whatever order the batches ran in.
    expect((await queryRows<{ batch: string }>(a!.db, sql`select batch_id as batch from population_records group by batch_id`)).map((r) => r.batch)).toEqual(["B-4"]);
    const keys = await queryRows<{ k: string; n: number }>(a!.db, sql`select idempotency_key as k, count(*) as n from reminders group by idempotency_key having count(*) > 1`);
    expect(keys).toEqual([]);
  });
});
