/** Rows the db tests build on: a draft with its party, a Zalo user, and what they reference. */
import { insertDraft } from "../access/drafts.js";
import { insertPerson } from "../access/persons.js";
import { upsertZaloUser } from "../access/zalo-users.js";
import type { Db } from "../engine.js";

export const fixtureNow = new Date("2026-11-24T03:00:00Z");

/** A mother, her Zalo user and a renewal draft (`d1`, version 1) she can consent to. */
export async function seedDraft(db: Db): Promise<{ draftId: string; personId: string; zaloUserId: string }> {
  await insertPerson(db, { id: "p1", fullName: "Nguyễn Thị Lan", nameKey: "nguyen thi lan", phone: "84912345678", updatedAt: fixtureNow });
  await upsertZaloUser(db, { id: "u1", displayName: "Lan", now: fixtureNow });
  await insertDraft(db, { id: "d1", service: "tour-guide-card", procedureCode: "1.001", fields: {}, dueBy: "2026-12-31", createdAt: fixtureNow, updatedAt: fixtureNow });
  return { draftId: "d1", personId: "p1", zaloUserId: "u1" };
}
