/**
 * Two backends on one database, each receiving its share of the same traffic at the same moment.
 * The same certificate, notice or consent is stored once and both answer as the idempotent repeat
 * (never a 500); a case's status callbacks arriving at both move it forward only. On PostgreSQL the
 * two are two connection pools, and the loser of each race meets the unique constraint or the row
 * lock; on SQLite one handle stands for both (two connections in one process would wait for each
 * other's write lock while holding the event loop), and its transactions take turns.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDraftParties, getSubmission, insertConsent, insertSubmission, getZaloUser, queryRows, setZaloUserVerifiedPhone, upsertZaloUser, type Db } from "@hccd/db";
import { testDbs, testEngine } from "@hccd/db/testing";
import { birthCertificateSchema, deathNoticeSchema, makeBirthCertificate } from "@hccd/shared";
import { parseConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { receiveBirthCertificate } from "./birth-death/birth-intake.js";
import { receiveDeathNotice } from "./birth-death/death-intake.js";
import { consentToDraft, editDraft, openDraftForCitizen } from "./drafts/citizen-drafts.js";
import { applyCaseStatus } from "./dossiers/case-status.js";
import { provisionClients } from "./integrations/machine-clients.js";
import { defaultReminderCatalogue } from "./reminders/reminder-catalogue.js";

const open = testDbs(afterEach);
const now = new Date("2026-11-24T03:00:00Z");
const config = parseConfig({ ZALO_MODE: "sim", LOG_LEVEL: "silent", MINI_APP_URL: "http://localhost:5173" });
const HOSPITAL = config.INTEGRATION_API_KEYS[0]!.clientId;

/** Two instances of the backend on one fresh database (see above for SQLite). */
async function twoInstances() {
  const handles = testEngine() === "postgres" ? await open.shared(2) : [await open()];
  const [a, b = a] = handles.map((h) => ({ db: h.db, config, logger: createLogger({ level: "silent" }), now: () => now, newId: randomUUID, catalogue: defaultReminderCatalogue }));
  await provisionClients(a!.db, config.INTEGRATION_API_KEYS);
  return [a!, b!] as const;
}

const count = async (db: Db, table: "birth_events" | "death_events" | "drafts" | "persons" | "outbox" | "consents" | "submissions") =>
  (await queryRows<{ n: number }>(db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n;

describe("only once, with two instances on one database", () => {
  it("each of 10 certificates posted to both at once: one draft each, both answered with its ids, the parents recorded once", async () => {
    const [a, b] = await twoInstances();
    const certificates = Array.from({ length: 10 }, (_, i) => birthCertificateSchema.parse(makeBirthCertificate({ certificateNo: `TN-BVDK-2026-${String(500 + i).padStart(6, "0")}` })));
    const results = await Promise.all(certificates.flatMap((certificate) => [a, b].map((deps) => receiveBirthCertificate(deps, { certificate, clientId: HOSPITAL }))));
    for (let i = 0; i < certificates.length; i++) {
      const [x, y] = [results[2 * i]!, results[2 * i + 1]!];
      expect([x.created, y.created].sort(), certificates[i]!.certificateNo).toEqual([false, true]);
      expect({ eventId: y.eventId, draftId: y.draftId }).toEqual({ eventId: x.eventId, draftId: x.draftId });
    }
    expect({ events: await count(a.db, "birth_events"), drafts: await count(a.db, "drafts"), notices: await count(a.db, "outbox"), persons: await count(a.db, "persons") }).toEqual({ events: 10, drafts: 10, notices: 10, persons: 2 });
  });

  it("a death notice posted to both at once: one draft, both answered with its ids", async () => {
    const [a, b] = await twoInstances();
    const notice = deathNoticeSchema.parse({
      noticeNo: "TN-BVDK-BT-2026-000045", issuedAt: "2026-11-21T16:00:00+07:00", facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
      deceased: { fullName: "Lê Văn Hùng", sex: "male", dateOfBirth: "1948-02-03", nationalId: "072048000111", diedAt: "2026-11-21T03:10:00+07:00", placeOfDeath: "Bệnh viện Đa khoa Tây Ninh", cause: "bệnh" },
      informant: { fullName: "Lê Thị Mai", relationship: "con", phone: "0901234567" },
    });
    const [x, y] = await Promise.all([a, b].map((deps) => receiveDeathNotice(deps, { notice, clientId: HOSPITAL })));
    expect([x!.created, y!.created].sort()).toEqual([false, true]);
    expect(y!.draftId).toBe(x!.draftId);
    expect({ events: await count(a.db, "death_events"), drafts: await count(a.db, "drafts") }).toEqual({ events: 1, drafts: 1 });
  });

  it("the mother's consent reaching both at once: one consent, one submission, both answered with their ids", async () => {
    const [a, b] = await twoInstances();
    const { draftId } = await receiveBirthCertificate(a, { certificate: birthCertificateSchema.parse(makeBirthCertificate()), clientId: HOSPITAL });
    await upsertZaloUser(a.db, { id: "zalo-lan", displayName: "Lan", now });
    await setZaloUserVerifiedPhone(a.db, "zalo-lan", "84912345678", now);
    const lan = (await getZaloUser(a.db, "zalo-lan"))!;
    const shown = await openDraftForCitizen(a.db, draftId, lan, now);
    const view = await editDraft(a, lan, draftId, { version: shown.version, changes: { "child.hometown": "Tây Ninh" } });
    const request = { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion };
    const [x, y] = await Promise.all([a, b].map((deps) => consentToDraft(deps, lan, draftId, request)));
    expect([x!.created, y!.created].sort()).toEqual([false, true]);
    expect({ consentId: y!.consentId, submissionId: y!.submissionId }).toEqual({ consentId: x!.consentId, submissionId: x!.submissionId });
    expect({ consents: await count(a.db, "consents"), submissions: await count(a.db, "submissions") }).toEqual({ consents: 1, submissions: 1 });
  });
});

describe("a case's status with two instances on one database", () => {
  it("callbacks for one case reaching both at once move it forward only: `completed` is never undone by an earlier `received`", async () => {
    const [a, b] = await twoInstances();
    await upsertZaloUser(a.db, { id: "zalo-lan", displayName: "Lan", now });
    const cases = [];
    for (let i = 0; i < 10; i++) {
      const certificate = birthCertificateSchema.parse(makeBirthCertificate({ certificateNo: `TN-BVDK-2026-${String(700 + i).padStart(6, "0")}` }));
      const { draftId } = await receiveBirthCertificate(a, { certificate, clientId: HOSPITAL });
      const mother = (await getDraftParties(a.db, draftId)).find((p) => p.role === "mother")!;
      const consent = await insertConsent(a.db, { id: `consent-${i}`, draftId, draftVersion: 1, zaloUserId: "zalo-lan", personId: mother.personId, role: "mother", contentHash: "h", consentTextVersion: "v", consentedAt: now });
      await insertSubmission(a.db, { id: `submission-${i}`, draftId, consentId: consent.id, procedureCode: "1.001193", status: "sent", caseId: `CASE-${i}`, createdAt: now, updatedAt: now });
      cases.push(`CASE-${i}`);
    }
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    await Promise.all(cases.flatMap((caseId) => [
      applyCaseStatus(a, { caseId, status: "received", at: at(1) }, { clientId: "case-system" }),
      applyCaseStatus(b, { caseId, status: "completed", at: at(2) }, { clientId: "case-system" }),
    ]));
    const statuses = [];
    for (let i = 0; i < cases.length; i++) statuses.push((await getSubmission(a.db, `submission-${i}`))?.status);
    expect(statuses).toEqual(cases.map(() => "completed"));
  });
});
