import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentsHeldBy, insertDocument } from "@hccd/db";
import type { DraftView } from "@hccd/shared";
import { makeBirthCertificate, readJson, type TestWorld } from "../testing/world.js";
import { fullScans, queryPlan, queryPlanWorld, type createStatementRecorder } from "../testing/query-plans.js";

/**
 * Every query the citizen API runs must find its rows through an index: at 241,000 documents one
 * full scan of `documents` cost 40 ms per home screen. SQLite's plan does not depend on how many
 * rows there are (no ANALYZE statistics), so an empty-ish database shows the plan production gets.
 */
const SMALL_TABLES = [
  // The province's wards: about a hundred rows, read whole for the registration-place choices.
  "wards",
];

const MOTHER_ID = "072195001234";
let recorder: ReturnType<typeof createStatementRecorder>;
let sqlite: Database.Database;
let w: TestWorld;
let token: string;
let draftId: string;
let documentId: string;

let world: Awaited<ReturnType<typeof queryPlanWorld>>;

beforeAll(async () => {
  world = await queryPlanWorld();
  ({ w, sqlite, recorder } = world);
  draftId = (await readJson(await w.postCertificate(makeBirthCertificate()))).draftId;
  const now = w.clock.now();
  documentId = (await insertDocument(w.handle.db, {
    id: "doc-1", serviceKey: "tour-guide-card", documentNo: "HDV-1", holderKind: "person", holderName: "Nguyễn Thị Lan",
    holderId: MOTHER_ID, phone: null, expiresOn: "2026-12-20", updatedAt: now,
  })).id;
  token = (await w.citizen({ phone: "0912345678" })).token;
});

afterAll(async () => {
  await world?.close();
});

async function scansOf(method: string, path: string, body?: unknown) {
  let status = 0;
  const ran = await recorder.record(async () => {
    status = (await w.call(method, path, { token, ...(body !== undefined ? { body } : {}) })).status;
  });
  expect(status, `${method} ${path}`).toBeLessThan(300);
  expect(ran.length, `${method} ${path} ran no query`).toBeGreaterThan(0);
  return ran.flatMap((s) => fullScans(queryPlan(sqlite, s), SMALL_TABLES).map((step) => `${step} ← ${s.sql}`));
}

describe("the citizen API reads through indexes (EXPLAIN QUERY PLAN of the queries it runs)", () => {
  it("documentsHeldBy, the home screen's documents: by phone or by the ID number behind it, no SCAN of documents", async () => {
    const ran = await recorder.record(async () => documentsHeldBy(w.handle.db, { phone: "84912345678", nationalIds: [MOTHER_ID] }));
    expect(ran).toHaveLength(1);
    expect(queryPlan(sqlite, ran[0]!).join("\n")).not.toMatch(/\bSCAN documents\b/);
    expect(fullScans(queryPlan(sqlite, ran[0]!))).toEqual([]);
  });

  it.each([
    ["GET", "/api/me"],
    ["GET", "/api/me/upcoming"],
    ["GET", "/api/me/drafts"],
    ["GET", "/api/me/settings"],
    ["GET", "/api/me/consents"],
    ["GET", "/api/me/data"],
  ])("%s %s scans no table", async (method, path) => {
    expect(await scansOf(method, path)).toEqual([]);
  });

  it("opening, editing and consenting to a draft, and preparing a renewal, scan no table", async () => {
    expect(await scansOf("GET", `/api/me/drafts/${draftId}`)).toEqual([]);
    const view = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${draftId}`, { token }));
    expect(await scansOf("PATCH", `/api/me/drafts/${draftId}`, { version: view.version, changes: { "child.hometown": "Tây Ninh" } })).toEqual([]);
    const edited = await readJson<DraftView>(await w.call("GET", `/api/me/drafts/${draftId}`, { token }));
    expect(await scansOf("POST", `/api/me/drafts/${draftId}/consent`, { contentHash: edited.contentHash, consentTextVersion: edited.consentTextVersion })).toEqual([]);
    expect(await scansOf("POST", `/api/me/documents/${documentId}/draft`)).toEqual([]);
    expect(await scansOf("PATCH", "/api/me/settings", { language: "en" })).toEqual([]);
  });
});
