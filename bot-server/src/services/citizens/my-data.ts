import type { MyData } from "@hccd/shared";
import { listDraftsForPersons, outboxOfPersons, ratingsOfZaloUser, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { personsOfZaloUser } from "./citizen-identity.js";
import { documentsOfCitizen } from "../drafts/renewal-drafts.js";
import { consentsOfCitizen } from "./consents.js";
import { audit } from "../staff/audit.js";

/** Everything held about the citizen (Law 91/2025/QH15 art. on the data subject's right of access), with the read audited. */
export async function myData(deps: ServiceDeps, user: ZaloUser, requestId?: string): Promise<MyData> {
  const { db } = deps;
  const now = deps.now();
  const persons = await personsOfZaloUser(db, user);
  const personIds = persons.map((p) => p.id);
  const documents = await documentsOfCitizen(db, user);
  const drafts = await listDraftsForPersons(db, personIds);
  const consents = await consentsOfCitizen(db, user);
  const messages = await outboxOfPersons(db, personIds);
  const ratings = await ratingsOfZaloUser(db, user.id);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const data: MyData = {
    exportedAt: now.toISOString(),
    zaloUser: { id: user.id, displayName: user.displayName, phone: user.phone, contactPhone: user.contactPhone, language: user.language, follower: user.follower, optedOutAt: iso(user.optedOutAt), linkedAt: iso(user.phoneLinkedAt) },
    persons: persons.map((p) => ({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) })),
    documents: documents.map((d) => ({ serviceKey: d.serviceKey, documentNo: d.documentNo, holderKind: d.holderKind, holderName: d.holderName, holderId: d.holderId, phone: d.phone, issuedOn: d.issuedOn, expiresOn: d.expiresOn, wardCode: d.wardCode, address: d.address })),
    drafts: drafts.map((d) => ({ id: d.id, service: d.service, status: d.status, dueBy: d.dueBy, fields: Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, f.value])), createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt) })),
    consents,
    messages: messages.filter((m) => m.kind === "notification").map((m) => ({ id: m.id, channel: m.channel, status: m.status, createdAt: m.createdAt.toISOString(), type: String((m.payload as { message?: { type?: string } }).message?.type ?? "") })),
    ratings: ratings.map((r) => ({ submissionId: r.submissionId, score: r.score, comment: r.comment, at: r.at.toISOString() })),
  };
  await audit(db, { at: now, actor: { kind: "citizen", id: user.id }, action: "my_data.exported", target: { kind: "zalo_user", id: user.id }, ...(requestId ? { requestId } : {}) });
  return data;
}
