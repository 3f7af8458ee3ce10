import { and, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { executeStatement, flagLiteral, instantParam, onSqlite, queryRows, toDate, toFlag, toJson } from "../raw.js";
import type { campaignRecipients, campaigns, CampaignFilterRow } from "../schema.js";

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignStatus = CampaignRow["status"];
export type CampaignRecipientStatus = (typeof campaignRecipients.$inferSelect)["status"];

export async function insertCampaign(db: Db, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const { campaigns } = tablesOf(db);
  return (await db.insert(campaigns).values(row).returning())[0]!;
}

export async function getCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  const { campaigns } = tablesOf(db);
  return (await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1))[0];
}

/** Newest first. */
export async function listCampaigns(db: Db, opts: { limit: number }): Promise<CampaignRow[]> {
  const { campaigns } = tablesOf(db);
  return db.select().from(campaigns).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).limit(opts.limit);
}

/**
 * Changes a campaign only when it is still in one of `fromStatuses` (a compare-and-set: two staff
 * pressing pause and cancel at once cannot both win). Returns the row after the change, or undefined.
 */
export async function updateCampaignIf(db: Db, id: string, fromStatuses: readonly CampaignStatus[], patch: Partial<Omit<typeof campaigns.$inferInsert, "id">> & { updatedAt: Date }): Promise<CampaignRow | undefined> {
  const { campaigns } = tablesOf(db);
  return (
    await db
      .update(campaigns)
      .set({ ...patch, version: sql`${campaigns.version} + 1` })
      .where(and(eq(campaigns.id, id), inArray(campaigns.status, [...fromStatuses])))
      .returning()
  )[0];
}

/** Scheduled campaigns whose time has come. */
export async function dueScheduledCampaigns(db: Db, now: Date): Promise<CampaignRow[]> {
  const { campaigns } = tablesOf(db);
  return db.select().from(campaigns).where(and(eq(campaigns.status, "scheduled"), lte(campaigns.scheduledAt, now)));
}

export async function campaignsInStatus(db: Db, status: CampaignStatus): Promise<CampaignRow[]> {
  const { campaigns } = tablesOf(db);
  return db.select().from(campaigns).where(eq(campaigns.status, status));
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
  id: string; oa_user_id: string | null; display_name: string | null; phone: string | null; language: "vi" | "en"; follower: unknown;
  last_interaction_at: unknown; opted_out_at: unknown; notification_prefs: unknown;
}

/**
 * The WHERE clause for a target group over `zalo_users zu`. A Zalo user is tied to our records by
 * the phone they linked: to a person (ward of residence, date of birth) and to documents (the
 * service's holders, their kind and ward). The person filters (ward, age) apply to the same person.
 */
function audienceWhere(db: Db, q: AudienceQuery): SQL {
  const parts: SQL[] = [];
  if (q.language) parts.push(sql`zu.language = ${q.language}`);
  if (q.follower !== undefined) parts.push(sql`zu.follower = ${flagLiteral(db, q.follower)}`);
  const age = q.bornOnOrBefore !== undefined;
  const personConds: SQL[] = [];
  if (q.wardCode) personConds.push(sql`p.residence_ward_code = ${q.wardCode}`);
  if (age) {
    personConds.push(sql`p.date_of_birth is not null and p.date_of_birth <= ${q.bornOnOrBefore}`);
    if (q.bornOnOrAfter) personConds.push(sql`p.date_of_birth >= ${q.bornOnOrAfter}`);
  }
  const personExists = personConds.length ? sql`exists (select 1 from persons p where p.phone = zu.phone and ${sql.join(personConds, sql` and `)})` : null;
  // A ward alone also matches a document holder registered in that ward (a business's address).
  if (q.wardCode && !age) parts.push(sql`(${personExists} or exists (select 1 from documents dw where dw.phone = zu.phone and dw.ward_code = ${q.wardCode}))`);
  else if (personExists) parts.push(personExists);
  if (q.serviceKey || q.holderKind) {
    const docConds = [sql`d.phone = zu.phone`];
    if (q.serviceKey) docConds.push(sql`d.service_key = ${q.serviceKey}`);
    if (q.holderKind) docConds.push(sql`d.holder_kind = ${q.holderKind}`);
    const docExists = sql`exists (select 1 from documents d where ${sql.join(docConds, sql` and `)})`;
    // "Person" without a service: anyone on our person records, or holding a document as a person.
    if (q.holderKind === "person" && !q.serviceKey) parts.push(sql`(${docExists} or exists (select 1 from persons pk where pk.phone = zu.phone))`);
    else parts.push(docExists);
  }
  const needsPhone = Boolean(q.wardCode || age || q.serviceKey || q.holderKind);
  return sql.join([needsPhone ? sql`zu.phone is not null` : sql`1 = 1`, ...parts], sql` and `);
}

/** Counts the audience members of a target group, in id order after `after`, `limit` at a time. */
export async function audienceBatch(db: Db, q: AudienceQuery, opts: { after: string | null; limit: number }): Promise<AudienceMemberRow[]> {
  const rows = await queryRows<RawMember>(
    db,
    sql`select zu.id, zu.oa_user_id, zu.display_name, zu.phone, zu.language, zu.follower, zu.last_interaction_at, zu.opted_out_at, zu.notification_prefs
        from zalo_users zu where zu.id > ${opts.after ?? ""} and ${audienceWhere(db, q)} order by zu.id limit ${opts.limit}`,
  );
  return rows.map((r) => ({
    id: r.id, oaUserId: r.oa_user_id, displayName: r.display_name, phone: r.phone, language: r.language, follower: toFlag(r.follower),
    lastInteractionAt: toDate(r.last_interaction_at), optedOutAt: toDate(r.opted_out_at),
    notificationPrefs: toJson<AudienceMemberRow["notificationPrefs"]>(r.notification_prefs),
  }));
}

/** Whether one Zalo user is in the target group (a preview must be of an audience member). */
export async function isInAudience(db: Db, q: AudienceQuery, zaloUserId: string): Promise<boolean> {
  return (await queryRows(db, sql`select 1 as one from zalo_users zu where zu.id = ${zaloUserId} and ${audienceWhere(db, q)}`)).length > 0;
}

/** Records audience members; one already recorded for this campaign is left as it is (the primary key). Returns how many were new. */
export async function insertCampaignRecipients(db: Db, rows: { campaignId: string; zaloUserId: string; status: CampaignRecipientStatus; at: Date }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const fast = onSqlite(db, "insertCampaignRecipient", "insert into campaign_recipients (campaign_id, zalo_user_id, status, outbox_id, created_at) values (?, ?, ?, null, ?) on conflict (campaign_id, zalo_user_id) do nothing", (stmt) => {
    let n = 0;
    for (const r of rows) n += stmt.run(r.campaignId, r.zaloUserId, r.status, r.at.getTime()).changes;
    return n;
  });
  if (fast) return fast;
  const { campaignRecipients } = tablesOf(db);
  let n = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => ({ campaignId: r.campaignId, zaloUserId: r.zaloUserId, status: r.status, outboxId: null, createdAt: r.at }));
    n += (await db.insert(campaignRecipients).values(batch).onConflictDoNothing().returning({ id: campaignRecipients.zaloUserId })).length;
  }
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
interface RawDetails { zalo_user_id: string; oa_user_id: string | null; display_name: string | null; phone: string | null; language: "vi" | "en"; person_id: string | null; person_name: string | null; ward_name: string | null; opted_out_at: unknown }

// The person behind a linked phone: the eldest on our records with that phone (a parent's phone is
// often on their children's records too).
const DETAILS_SELECT = sql.raw(`select zu.id as zalo_user_id, zu.oa_user_id, zu.display_name, zu.phone, zu.language, zu.opted_out_at,
    (select p.id from persons p where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth, p.id limit 1) as person_id,
    (select p.full_name from persons p where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth, p.id limit 1) as person_name,
    coalesce(
      (select w.name from persons p join wards w on w.code = p.residence_ward_code where p.phone = zu.phone order by p.date_of_birth is null, p.date_of_birth, p.id limit 1),
      (select w.name from documents d join wards w on w.code = d.ward_code where d.phone = zu.phone limit 1)
    ) as ward_name
  from zalo_users zu`);
const fromRawDetails = (r: RawDetails): RecipientDetails => ({ zaloUserId: r.zalo_user_id, oaUserId: r.oa_user_id, displayName: r.display_name, phone: r.phone, language: r.language, personId: r.person_id, personName: r.person_name, wardName: r.ward_name, optedOutAt: toDate(r.opted_out_at) });

export async function recipientDetails(db: Db, zaloUserId: string): Promise<RecipientDetails | undefined> {
  const [r] = await queryRows<RawDetails>(db, sql`${DETAILS_SELECT} where zu.id = ${zaloUserId}`);
  return r ? fromRawDetails(r) : undefined;
}

/** The next recipients waiting for their wave, with what their message is written from. */
export async function pendingRecipients(db: Db, campaignId: string, limit: number): Promise<RecipientDetails[]> {
  const rows = await queryRows<RawDetails>(
    db,
    sql`${DETAILS_SELECT} join campaign_recipients cr on cr.zalo_user_id = zu.id where cr.campaign_id = ${campaignId} and cr.status = 'pending' order by cr.zalo_user_id limit ${limit}`,
  );
  return rows.map(fromRawDetails);
}

/** A recipient's message is in the outbox. Only a pending recipient moves (a repeated wave changes nothing). */
export async function markRecipientQueued(db: Db, campaignId: string, zaloUserId: string, outboxId: string): Promise<boolean> {
  return (await executeStatement(db, sql`update campaign_recipients set status = 'queued', outbox_id = ${outboxId} where campaign_id = ${campaignId} and zalo_user_id = ${zaloUserId} and status = 'pending'`)) === 1;
}

/** A waiting recipient is excluded after all (opted out since the campaign started). */
export async function markRecipientExcluded(db: Db, campaignId: string, zaloUserId: string, status: "opted_out" | "unreachable"): Promise<void> {
  await executeStatement(db, sql`update campaign_recipients set status = ${status} where campaign_id = ${campaignId} and zalo_user_id = ${zaloUserId} and status = 'pending'`);
}

/** Audience members of a campaign in the outbox and not yet sent (pending, sending or held). */
export async function openCampaignMessages(db: Db, campaignId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`select count(*) as n from campaign_recipients cr join outbox o on o.id = cr.outbox_id where cr.campaign_id = ${campaignId} and cr.status = 'queued' and o.status in ('pending', 'sending', 'held')`,
  );
  return r?.n ?? 0;
}

export async function pendingRecipientCount(db: Db, campaignId: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*) as n from campaign_recipients where campaign_id = ${campaignId} and status = 'pending'`);
  return r?.n ?? 0;
}

/** Pause: the campaign's messages not yet claimed by the worker are held (a claimed one finishes). */
export async function holdCampaignMessages(db: Db, campaignId: string, now: Date): Promise<number> {
  return executeStatement(
    db,
    sql`update outbox set status = 'held', updated_at = ${instantParam(db, now)} where status = 'pending' and id in (select outbox_id from campaign_recipients where campaign_id = ${campaignId} and status = 'queued')`,
  );
}

/** Resume: held messages go back to the queue, due at `dueAt`. */
export async function releaseCampaignMessages(db: Db, campaignId: string, dueAt: Date, now: Date): Promise<number> {
  return executeStatement(
    db,
    sql`update outbox set status = 'pending', next_attempt_at = ${instantParam(db, dueAt)}, updated_at = ${instantParam(db, now)} where status = 'held' and id in (select outbox_id from campaign_recipients where campaign_id = ${campaignId} and status = 'queued')`,
  );
}

/** Cancel: what is not sent is not sent (pending or held messages, recipients still waiting); what was sent stays counted. */
export async function cancelCampaignMessages(db: Db, campaignId: string, now: Date): Promise<{ messages: number; waiting: number }> {
  const messages = await executeStatement(
    db,
    sql`update outbox set status = 'cancelled', updated_at = ${instantParam(db, now)} where status in ('pending', 'held') and id in (select outbox_id from campaign_recipients where campaign_id = ${campaignId} and status = 'queued')`,
  );
  const waiting = await executeStatement(db, sql`update campaign_recipients set status = 'cancelled' where campaign_id = ${campaignId} and status = 'pending'`);
  return { messages, waiting };
}

/** Recipients by their own status and their message's outbox status (null when not queued). */
export async function campaignRecipientTally(db: Db, campaignId: string): Promise<{ recipientStatus: CampaignRecipientStatus; outboxStatus: string | null; count: number }[]> {
  const rows = await queryRows<{ rs: CampaignRecipientStatus; os: string | null; n: number }>(
    db,
    sql`select cr.status as rs, o.status as os, count(*) as n from campaign_recipients cr left join outbox o on o.id = cr.outbox_id where cr.campaign_id = ${campaignId} group by cr.status, o.status`,
  );
  return rows.map((r) => ({ recipientStatus: r.rs, outboxStatus: r.os, count: r.n }));
}
