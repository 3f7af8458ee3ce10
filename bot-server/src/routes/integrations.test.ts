import { afterEach, describe, expect, it } from "vitest";
import { createTestWorld, makeBirthCertificate, CASE_SYSTEM_KEY, type TestWorld, readJson } from "../testing/world.js";
import { MAX_BODY_BYTES } from "../request-limits.js";
import { findPersonByNationalId, insertPerson, toJson } from "@hccd/db";
import { sql } from "drizzle-orm";

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

/** How many certificates, drafts and queued messages are stored. */
const storedCounts = () => world.one(sql`select (select count(*) from birth_events) as e, (select count(*) from drafts) as d, (select count(*) from outbox) as o`);

describe("POST /api/integrations/birth-certificates (contract 1)", () => {
  it("answers 401 without a key or with an unknown one, 403 for a client not allowed", async () => {
    world = await createTestWorld();
    const body = makeBirthCertificate();
    const none = await world.call("POST", "/api/integrations/birth-certificates", { body });
    expect(none.status).toBe(401);
    expect(await readJson(none)).toMatchObject({ error: { code: "unauthorized" } });
    expect((await world.postCertificate(body, "not-a-real-key-000000")).status).toBe(401);
    const wrongClient = await world.postCertificate(body, CASE_SYSTEM_KEY);
    expect(wrongClient.status).toBe(403);
    expect(await readJson(wrongClient)).toMatchObject({ error: { code: "forbidden" } });
  });

  it("is idempotent on certificateNo and refuses a changed payload with 409", async () => {
    world = await createTestWorld();
    const first = await world.postCertificate(makeBirthCertificate());
    expect(first.status).toBe(201);
    const ids = await readJson(first);
    // Same content, different spelling (key order, phone format, decomposed Unicode): still the same certificate.
    const same = makeBirthCertificate({ mother: { phone: "+84 912 345 678", fullName: "Nguye\u0302\u0303n Thị Lan" } });
    const again = await world.postCertificate(same);
    expect(again.status).toBe(200);
    expect(await readJson(again)).toEqual(ids);
    const changed = await world.postCertificate(makeBirthCertificate({ child: { weightGrams: 3200 } }));
    expect(changed.status).toBe(409);
    expect(await readJson(changed)).toMatchObject({ error: { code: "certificate_conflict" } });
    expect(await storedCounts()).toEqual({ e: 1, d: 1, o: 1 });
  });

  it("stores one draft when the same certificate arrives twice at once: both answered with its ids", async () => {
    world = await createTestWorld();
    const answers = await Promise.all([world.postCertificate(makeBirthCertificate()), world.postCertificate(makeBirthCertificate())]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(answers.map((r) => readJson(r)));
    expect(a).toEqual(b);
    expect(await storedCounts()).toEqual({ e: 1, d: 1, o: 1 });
  });

  it("records the parents once when their twins' certificates arrive at once", async () => {
    world = await createTestWorld();
    const twin = makeBirthCertificate({ certificateNo: "TN-BVDK-2026-000124", child: { plannedName: "Trần Bảo An", birthType: "twins" } } as never);
    const answers = await Promise.all([world.postCertificate(makeBirthCertificate({ child: { birthType: "twins" } } as never)), world.postCertificate(twin)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(await world.rows(sql`select national_id, count(*) as n from persons group by national_id order by national_id`)).toEqual([{ national_id: "072092004321", n: 1 }, { national_id: "072195001234", n: 1 }]);
    expect(await storedCounts()).toEqual({ e: 2, d: 2, o: 2 });
  });

  it("answers 422 naming each bad field and stores nothing", async () => {
    world = await createTestWorld();
    const res = await world.postCertificate(makeBirthCertificate({ mother: { nationalId: "072095001234", phone: "12" }, child: { sex: "x" as never } }));
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["child.sex", "mother.nationalId", "mother.phone"]);
    expect(await world.one(sql`select count(*) as n from birth_events`)).toEqual({ n: 0 });
  });

  it("answers 400 for malformed JSON, 422 for a non-object, 413 for an oversized body", async () => {
    world = await createTestWorld();
    const { HOSPITAL_KEY } = await import("../testing/world.js");
    const malformed = await world.call("POST", "/api/integrations/birth-certificates", { token: HOSPITAL_KEY, rawBody: '{"certificateNo": ', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(await readJson(malformed)).toMatchObject({ error: { code: "bad_request" } });
    expect((await world.postCertificate([1, 2])).status).toBe(422);
    const huge = await world.call("POST", "/api/integrations/birth-certificates", { token: HOSPITAL_KEY, rawBody: JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES) }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);
  });

  it("matches parents to existing persons by ID number instead of creating duplicates", async () => {
    world = await createTestWorld();
    const db = world.handle.db;
    await insertPerson(db, { id: "known-mother", nationalId: "072195001234", fullName: "Nguyễn Thị Lan", nameKey: "x", dateOfBirth: "1995-04-12", sex: "female", phone: "84911111111", residenceWardCode: "25454", residenceAddress: "Tổ 3, Phường Bình Minh", updatedAt: new Date() });
    const res = await world.postCertificate(makeBirthCertificate());
    expect(res.status).toBe(201);
    expect(await world.one(sql`select count(*) as n from persons where national_id = '072195001234'`)).toEqual({ n: 1 });
    // Population data wins over the certificate: the phone on file is kept, the residence is the registered one.
    expect((await findPersonByNationalId(db, "072195001234"))?.phone).toBe("84911111111");
    const { draftId } = await readJson(res);
    const parties = await world.rows(sql`select person_id, role from draft_parties where draft_id = ${draftId} order by role`);
    expect(parties).toEqual([{ person_id: expect.any(String), role: "father" }, { person_id: "known-mother", role: "mother" }]);
    const fields = toJson<Record<string, unknown>>((await world.one<{ fields: unknown }>(sql`select fields from drafts where id = ${draftId}`))?.fields);
    expect(fields["mother.residence"]).toMatchObject({ value: "Tổ 3, Phường Bình Minh", source: "population_data" });
    expect(fields["registration.wardCode"]).toMatchObject({ value: "25454" });
  });

  it("prepares the draft but queues nothing when no parent has a phone", async () => {
    world = await createTestWorld();
    const res = await world.postCertificate(makeBirthCertificate({ mother: { phone: undefined }, father: { phone: undefined } } as never));
    expect(res.status).toBe(201);
    expect(await world.one(sql`select count(*) as n from outbox`)).toEqual({ n: 0 });
    const received = await world.one<{ details: unknown }>(sql`select details from audit_log where action = 'birth_certificate.received'`);
    expect(toJson(received?.details)).toMatchObject({ notice: "unreachable" });
  });
});

describe("POST /api/integrations/case-status", () => {
  it("needs the case system's key and a known case", async () => {
    world = await createTestWorld();
    const cb = { caseId: "nope", status: "received", at: "2026-11-24T10:00:00+07:00" };
    expect((await world.call("POST", "/api/integrations/case-status", { body: cb })).status).toBe(401);
    const { HOSPITAL_KEY } = await import("../testing/world.js");
    expect((await world.call("POST", "/api/integrations/case-status", { token: HOSPITAL_KEY, body: cb })).status).toBe(403);
    expect((await world.call("POST", "/api/integrations/case-status", { token: CASE_SYSTEM_KEY, body: cb })).status).toBe(404);
    const bad = await world.call("POST", "/api/integrations/case-status", { token: CASE_SYSTEM_KEY, body: { ...cb, status: "done", at: "yesterday" } });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["at", "status"]);
  });
});
