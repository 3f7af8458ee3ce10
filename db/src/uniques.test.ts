/**
 * The "only once" rules that requests used to check before inserting are constraints, so that
 * two instances (or two requests) racing each other store one row and the loser gets a unique
 * violation, which callers answer as the idempotent repeat (`isUniqueViolation`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { insertConsent, voidConsent } from "./access/consents.js";
import { insertSubmission } from "./access/submissions.js";
import { isUniqueViolation } from "./errors.js";
import { fixtureNow, seedDraft } from "./testing/fixtures.js";
import { testDbs } from "./testing/test-db.js";

const open = testDbs(afterEach);
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("only once, by constraint", () => {
  it("one active consent per draft version: a second, concurrent one is a unique violation", async () => {
    const { db } = await open();
    const { draftId, personId, zaloUserId } = await seedDraft(db);
    const consent = (id: string) => ({ id, draftId, draftVersion: 1, zaloUserId, personId, role: "holder" as const, contentHash: "h1", consentTextVersion: "1", consentedAt: fixtureNow });
    const results = await Promise.all([failure(insertConsent(db, consent("c1"))), failure(insertConsent(db, consent("c2")))]);
    expect(results.filter((e) => e === null)).toHaveLength(1);
    expect(isUniqueViolation(results.find((e) => e !== null))).toBe(true);
    // Once voided (the citizen withdrew), the same version may be consented to again.
    await voidConsent(db, results[0] === null ? "c1" : "c2", "withdrawn", fixtureNow);
    expect(await failure(insertConsent(db, consent("c3")))).toBeNull();
  });

  it("one submission per consent: a second is a unique violation", async () => {
    const { db } = await open();
    const { draftId, personId, zaloUserId } = await seedDraft(db);
    await insertConsent(db, { id: "c1", draftId, draftVersion: 1, zaloUserId, personId, role: "holder", contentHash: "h1", consentTextVersion: "1", consentedAt: fixtureNow });
    const submission = (id: string) => ({ id, draftId, consentId: "c1", procedureCode: "1.001", status: "queued" as const, createdAt: fixtureNow, updatedAt: fixtureNow });
    await insertSubmission(db, submission("s1"));
    expect(isUniqueViolation(await failure(insertSubmission(db, submission("s2"))))).toBe(true);
  });

  it("one first submission per case, any number of supplements to it, one live supplement per request", async () => {
    const { db } = await open();
    const { draftId, personId, zaloUserId } = await seedDraft(db);
    for (const [id, version] of [["c1", 1], ["c2", 2], ["c3", 3], ["c4", 4]] as const) {
      await insertConsent(db, { id, draftId, draftVersion: version, zaloUserId, personId, role: "holder", contentHash: id, consentTextVersion: "1", consentedAt: fixtureNow });
    }
    const row = (id: string, consentId: string, over: { supplementOf?: string; status?: "queued" | "cancelled" | "need_more_info" } = {}) =>
      ({ id, draftId, consentId, procedureCode: "1.001", caseId: "CASE-1", status: over.status ?? ("queued" as const), ...(over.supplementOf ? { supplementOf: over.supplementOf } : {}), createdAt: fixtureNow, updatedAt: fixtureNow });
    await insertSubmission(db, row("s1", "c1", { status: "need_more_info" }));
    // Another first submission claiming the case is refused; a supplement to it is not.
    expect(isUniqueViolation(await failure(insertSubmission(db, row("x", "c2"))))).toBe(true);
    await insertSubmission(db, row("s2", "c2", { supplementOf: "s1", status: "cancelled" }));
    expect(await failure(insertSubmission(db, row("s3", "c3", { supplementOf: "s1" })))).toBeNull();
    // While one supplement answering s1 is live, a second is refused (two instances, one supplement).
    expect(isUniqueViolation(await failure(insertSubmission(db, row("s4", "c4", { supplementOf: "s1" }))))).toBe(true);
  });

  it("tells a unique violation from other failures", async () => {
    const { db } = await open();
    const { draftId, personId } = await seedDraft(db);
    const foreignKey = await failure(insertConsent(db, { id: "c1", draftId, draftVersion: 1, zaloUserId: "nobody", personId, role: "holder", contentHash: "h", consentTextVersion: "1", consentedAt: fixtureNow }));
    expect(foreignKey).not.toBeNull();
    expect(isUniqueViolation(foreignKey)).toBe(false);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed"))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
