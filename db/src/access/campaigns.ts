import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { rawStatement } from "../prepared.js";
import { campaignRecipients, campaigns, type CampaignFilterRow } from "../schema.js";

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignStatus = CampaignRow["status"];
export type CampaignRecipientStatus = (typeof campaignRecipients.$inferSelect)["status"];

export function insertCampaign(db: Db, row: typeof campaigns.$inferInsert): CampaignRow {
  return db.insert(campaigns).values(row).returning().get();
}

export function getCampaign(db: Db, id: string): CampaignRow | undefined {
  return db.select().from(campaigns).where(eq(campaigns.id, id)).get();
}

/** Newest first. */
export function listCampaigns(db: Db, opts: { limit: number }): CampaignRow[] {
  return db.select().from(campaigns).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).limit(opts.limit).all();
}

/**
 * Changes a campaign only when it is still in one of `fromStatuses` (a compare-and-set: two staff
 * pressing pause and cancel at once cannot both win). Returns the row after the change, or undefined.
 */
export function updateCampaignIf(db: Db, id: string, fromStatuses: readonly CampaignStatus[], patch: Partial<Omit<typeof campaigns.$inferInsert, "id">> & { updatedAt: Date }): CampaignRow | undefined {
  return db
    .update(campaigns)
    .set({ ...patch, version: sql`${campaigns.version} + 1` })
    .where(and(eq(campaigns.id, id), inArray(campaigns.status, [...fromStatuses])))
    .returning()
    .get();
}

/** Scheduled campaigns whose time has come. */
export function dueScheduledCampaigns(db: Db, now: Date): CampaignRow[] {
  return db.select().from(campaigns).where(and(eq(campaigns.status, "scheduled"), lte(campaigns.scheduledAt, now))).all();
}

export function campaignsInStatus(db: Db, status: CampaignStatus): CampaignRow[] {
  return db.select().from(campaigns).where(eq(campaigns.status, status)).all();
}

/** The audience filters in the form the query takes: an age band already turned into dates of birth. */
export interface AudienceQuery {
  wardCode?: string | undefined;
  serviceKey?: string | undefined;
  holderKind?: CampaignFilterRow["holderKind"];
  follower?: boolean | undefined;
  language?: "vi" | "en" | undefined;
  bornOnOrBefore?: string | undefined;
  bornOnOrAfter?: string | null | undefined;
}

/** What deciding about, and writing to, an audience member needs. */
export interface AudienceMemberRow {
  id: string;
  oaUserId: string | null;
  displayName: string | null;
  phone: string | null;
  language: "vi" | "en";
  follower: boolean;
  lastInteractionAt: Date | null;
  optedOutAt: Date | null;
  notificationPrefs: { services?: Record<string, boolean>; channels?: Record<string, boolean> };
}

interface RawMember {
  id: string; oa_user_id: string | null; display_name: string | null; phone: string | null; language: "vi" | "en"; follower: number;
  last_interaction_at: number | null; opted_out_at: number | null; notification_prefs: string;
}

/**
 * The WHERE clause for a target group over `zalo_users zu`. A Zalo user is tied to our records by
 * the phone they linked: to a person (ward of residence, date of birth) and to documents (the
 * service's holders, their kind and ward). The person filters (ward, age) apply to the same person.
 */
function audienceWhere(q: AudienceQuery): { clause: string; params: Record<string, unknown>; shape: string } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.language) {
    parts.push("zu.language = @language");
    params.language = q.language;
  }
  if (q.follower !== undefined) {
    parts.push("zu.follower = @follower");
    params.follower = q.follower ? 1 : 0;
  }
  const age = q.bornOnOrBefore !== undefined;
  const personConds: string[] = [];
  if (q.wardCode) personConds.push("p.residence_ward_code = @ward");
  if (age) {
    personConds.push("p.date_of_birth is not null and p.date_of_birth <= @bornBefore");
    params.bornBefore = q.bornOnOrBefore;
    if (q.bornOnOrAfter) {
      personConds.push("p.date_of_birth >= @bornAfter");
      params.bornAfter = q.bornOnOrAfter;
    }
  }
  if (q.wardCode) params.ward = q.wardCode;
  const personExists = personConds.length ? `exists (select 1 from persons p where p.phone = zu.phone and ${personConds.join(" and ")})` : null;
  // A ward alone also matches a document holder registered in that ward (a business's address).
  if (q.wardCode && !age) parts.push(`(${personExists} or exists (select 1 from documents dw where dw.phone = zu.phone and dw.ward_code = @ward))`);
  else if (personExists) parts.push(personExists);
  if (q.serviceKey || q.holderKind) {
    const docConds = ["d.phone = zu.phone"];
    if (q.serviceKey) {
      docConds.push("d.service_key = @service");
      params.service = q.serviceKey;
    }
    if (q.holderKind) {
      docConds.push("d.holder_kind = @kind");
      params.kind = q.holderKind;
    }
    const docExists = `exists (select 1 from documents d where ${docConds.join(" and ")})`;
    // "Person" without a service: anyone on our person records, or holding a document as a person.
    if (q.holderKind === "person" && !q.serviceKey) parts.push(`(${docExists} or exists (select 1 from persons pk where pk.phone = zu.phone))`);
    else parts.push(docExists);
  }
  const needsPhone = Boolean(q.wardCode || age || q.serviceKey || q.holderKind);
  const conds = [needsPhone ? "zu.phone is not null" : "1", ...parts];
  const shape = JSON.stringify(Object.keys(params).sort()) + (q.holderKind === "person" && !q.serviceKey ? ":p" : "") + (q.wardCode && !age ? ":w" : "");
  return { clause: conds.join(" and "), params, shape };
}

/** Counts the audience members of a target group, in id order after `after`, `limit` at a time. */
export function audienceBatch(db: Db, q: AudienceQuery, opts: { after: string | null; limit: number }): AudienceMemberRow[] {
  const w = audienceWhere(q);
  const stmt = rawStatement(
    db,
    `campaignAudience:${w.shape}`,
    `select zu.id, zu.oa_user_id, zu.display_name, zu.phone, zu.language, zu.follower, zu.last_interaction_at, zu.opted_out_at, zu.notification_prefs
     from zalo_users zu where zu.id > @after and ${w.clause} order by zu.id limit @limit`,
  );
  const rows = stmt.all({ ...w.params, after: opts.after ?? "", limit: opts.limit }) as RawMember[];
  return rows.map((r) => ({
    id: r.id, oaUserId: r.oa_user_id, displayName: r.display_name, phone: r.phone, language: r.language, follower: r.follower === 1,
    lastInteractionAt: r.last_interaction_at === null ? null : new Date(r.last_interaction_at), optedOutAt: r.opted_out_at === null ? null : new Date(r.opted_out_at),
    notificationPrefs: JSON.parse(r.notification_prefs) as AudienceMemberRow["notificationPrefs"],
  }));
}

/** Whether one Zalo user is in the target group (a preview must be of an audience member). */
export function isInAudience(db: Db, q: AudienceQuery, zaloUserId: string): boolean {
  const w = audienceWhere(q);
  const stmt = rawStatement(db, `campaignAudienceOne:${w.shape}`, `select 1 from zalo_users zu where zu.id = @id and ${w.clause}`);
  return stmt.get({ ...w.params, id: zaloUserId }) !== undefined;
}

/** Records audience members; one already recorded for this campaign is left as it is (the primary key). Returns how many were new. */
export function insertCampaignRecipients(db: Db, rows: { campaignId: string; zaloUserId: string; status: CampaignRecipientStatus; at: Date }[]): number {
  const stmt = rawStatement(db, "insertCampaignRecipient", "insert into campaign_recipients (campaign_id, zalo_user_id, status, outbox_id, created_at) values (?, ?, ?, null, ?) on conflict (campaign_id, zalo_user_id) do nothing");
  let n = 0;
  for (const r of rows) n += stmt.run(r.campaignId, r.zaloUserId, r.status, r.at.getTime()).changes;
  return n;
}

/** What a message to one recipient is written from: their Zalo profile and what our records say of them. */
export interface RecipientDetails {
  zaloUserId: string;
  oaUserId: string | null;
  displayName: string | null;
  phone: string | null;
  language: "vi" | "en";
  personId: string | null;
  personName: string | null;
  wardName: string | null;
  optedOutAt: Date | null;
}
interface RawDetails { zalo_user_id: string; oa_user_id: string | null; display_name: string | null; phone: string | null; language: "vi" | "en"; person_id: string | null; person_name: string | null; ward_name: string | null; opted_out_at: number | null }

// The person behind a linked phone: the eldest on our records with that phone (a parent's phone is
// often on their children's records too).
const DETAILS_SELECT = `select zu.id as zalo_user_id, zu.oa_user_id, zu.display_name, zu.phone, zu.language, zu.opted_out_at,
    (select p.id from persons p where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth limit 1) as person_id,
    (select p.full_name from persons p where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth limit 1) as person_name,
    coalesce(
      (select w.name from persons p join wards w on w.code = p.residence_ward_code where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth limit 1),
      (select w.name from documents d join wards w on w.code = d.ward_code where d.phone = zu.phone limit 1)
    ) as ward_name
  from zalo_users zu`;
const fromRawDetails = (r: RawDetails): RecipientDetails => ({ zaloUserId: r.zalo_user_id, oaUserId: r.oa_user_id, displayName: r.display_name, phone: r.phone, language: r.language, personId: r.person_id, personName: r.person_name, wardName: r.ward_name, optedOutAt: r.opted_out_at === null ? null : new Date(r.opted_out_at) });

export function recipientDetails(db: Db, zaloUserId: string): RecipientDetails | undefined {
  const r = rawStatement(db, "campaignRecipientDetails", `${DETAILS_SELECT} where zu.id = ?`).get(zaloUserId) as RawDetails | undefined;
  return r ? fromRawDetails(r) : undefined;
}

/** The next recipients waiting for their wave, with what their message is written from. */
export function pendingRecipients(db: Db, campaignId: string, limit: number): RecipientDetails[] {
  const rows = rawStatement(
    db,
    "campaignPendingRecipients",
    `${DETAILS_SELECT} join campaign_recipients cr on cr.zalo_user_id = zu.id where cr.campaign_id = ? and cr.status = 'pending' order by cr.zalo_user_id limit ?`,
  ).all(campaignId, limit) as RawDetails[];
  return rows.map(fromRawDetails);
}

/** A recipient's message is in the outbox. Only a pending recipient moves (a repeated wave changes nothing). */
export function markRecipientQueued(db: Db, campaignId: string, zaloUserId: string, outboxId: string): boolean {
  return rawStatement(db, "campaignRecipientQueued", "update campaign_recipients set status = 'queued', outbox_id = ? where campaign_id = ? and zalo_user_id = ? and status = 'pending'").run(outboxId, campaignId, zaloUserId).changes === 1;
}

/** A waiting recipient is excluded after all (opted out since the campaign started). */
export function markRecipientExcluded(db: Db, campaignId: string, zaloUserId: string, status: "opted_out" | "unreachable"): void {
  rawStatement(db, "campaignRecipientExcluded", "update campaign_recipients set status = ? where campaign_id = ? and zalo_user_id = ? and status = 'pending'").run(status, campaignId, zaloUserId);
}

/** Audience members of a campaign in the outbox and not yet sent (pending, sending or held). */
export function openCampaignMessages(db: Db, campaignId: string): number {
  const r = rawStatement(
    db,
    "campaignOpenMessages",
    "select count(*) as n from campaign_recipients cr join outbox o on o.id = cr.outbox_id where cr.campaign_id = ? and cr.status = 'queued' and o.status in ('pending', 'sending', 'held')",
  ).get(campaignId) as { n: number };
  return r.n;
}

export function pendingRecipientCount(db: Db, campaignId: string): number {
  return (rawStatement(db, "campaignPendingCount", "select count(*) as n from campaign_recipients where campaign_id = ? and status = 'pending'").get(campaignId) as { n: number }).n;
}

/** Pause: the campaign's messages not yet claimed by the worker are held (a claimed one finishes). */
export function holdCampaignMessages(db: Db, campaignId: string, now: Date): number {
  return rawStatement(
    db,
    "campaignHold",
    "update outbox set status = 'held', updated_at = @now where status = 'pending' and id in (select outbox_id from campaign_recipients where campaign_id = @c and status = 'queued')",
  ).run({ now: now.getTime(), c: campaignId }).changes;
}

/** Resume: held messages go back to the queue, due at `dueAt`. */
export function releaseCampaignMessages(db: Db, campaignId: string, dueAt: Date, now: Date): number {
  return rawStatement(
    db,
    "campaignRelease",
    "update outbox set status = 'pending', next_attempt_at = @due, updated_at = @now where status = 'held' and id in (select outbox_id from campaign_recipients where campaign_id = @c and status = 'queued')",
  ).run({ due: dueAt.getTime(), now: now.getTime(), c: campaignId }).changes;
}

/** Cancel: what is not sent is not sent (pending or held messages, recipients still waiting); what was sent stays counted. */
export function cancelCampaignMessages(db: Db, campaignId: string, now: Date): { messages: number; waiting: number } {
  const messages = rawStatement(
    db,
    "campaignCancelOutbox",
    "update outbox set status = 'cancelled', updated_at = @now where status in ('pending', 'held') and id in (select outbox_id from campaign_recipients where campaign_id = @c and status = 'queued')",
  ).run({ now: now.getTime(), c: campaignId }).changes;
  const waiting = rawStatement(db, "campaignCancelWaiting", "update campaign_recipients set status = 'cancelled' where campaign_id = ? and status = 'pending'").run(campaignId).changes;
  return { messages, waiting };
}

/** Recipients by their own status and their message's outbox status (null when not queued). */
export function campaignRecipientTally(db: Db, campaignId: string): { recipientStatus: CampaignRecipientStatus; outboxStatus: string | null; count: number }[] {
  const rows = rawStatement(
    db,
    "campaignTally",
    "select cr.status as rs, o.status as os, count(*) as n from campaign_recipients cr left join outbox o on o.id = cr.outbox_id where cr.campaign_id = ? group by cr.status, o.status",
  ).all(campaignId) as { rs: CampaignRecipientStatus; os: string | null; n: number }[];
  return rows.map((r) => ({ recipientStatus: r.rs, outboxStatus: r.os, count: r.n }));
}
