/**
 * Reads for the staff console's indicators: aggregates and the few columns a rule needs, never a
 * person's details. The rules (what is on time, satisfied, answered in time) live in
 * @hccd/shared `domain/indicators.ts`; these functions only select and count.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../engine.js";
import { instantParam, jsonText, onSqlite, queryRows } from "../raw.js";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

/**
 * What every indicator query narrows by. `serviceKeys`: only these catalogue services (undefined:
 * every service; an empty list matches nothing). `wardCode`: only people of this ward.
 */
export interface IndicatorScope {
  start: Date;
  end: Date;
  serviceKeys?: readonly string[] | undefined;
  wardCode?: string | undefined;
}

const inList = (column: SQL, keys: readonly string[]) => (keys.length ? sql`${column} in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})` : sql`1 = 0`);
const all = <T>(db: Db, query: SQL): Promise<T[]> => queryRows<T>(db, query);
const sqliteDialect = new SQLiteAsyncDialect();

/**
 * Rows as arrays rather than objects: the reminders of a year are a hundred thousand rows, and
 * building an object per row cost more than the query (bench/indicators.ts). On PostgreSQL the
 * rows arrive as objects (every column aliased apart) and are read in column order.
 */
async function rows(db: Db, query: SQL): Promise<unknown[][]> {
  const q = sqliteDialect.sqlToQuery(query);
  const fast = onSqlite(db, `arrays:${q.sql}`, q.sql, (stmt) => stmt.raw(true).all(...q.params) as unknown[][]);
  if (fast) return fast;
  return (await queryRows(db, query)).map((r) => Object.values(r));
}

/** A reminder whose moment (`next_at`) fell in the period, with the message it queued. */
export interface ReminderIndicatorRow {
  serviceKey: string;
  status: "planned" | "queued" | "cancelled" | "skipped";
  reason: string | null;
  dueOn: string;
  nextAt: number;
  outboxStatus: "pending" | "sending" | "sent" | "delivered" | "failed" | "cancelled" | null;
  sentAt: number | null;
}

/**
 * Reminders whose planned moment is in [start, end), with their outbox row. Ward: the document's
 * ward, or for a vaccination the mother's residence ward (the reminder goes to her first).
 */
export async function reminderIndicatorRows(db: Db, s: IndicatorScope): Promise<ReminderIndicatorRow[]> {
  const service = s.serviceKeys ? sql`and ${inList(sql`r.service_key`, s.serviceKeys)}` : sql``;
  const ward = s.wardCode
    ? sql`and (exists (select 1 from documents d where d.id = r.document_id and d.ward_code = ${s.wardCode})
           or exists (select 1 from birth_events b join persons p on p.id = b.mother_person_id where b.id = r.birth_event_id and p.residence_ward_code = ${s.wardCode}))`
    : sql``;
  return (
    await rows(
      db,
      sql`select r.service_key as service_key, r.status as status, r.reason as reason, r.due_on as due_on, r.next_at as next_at, o.status as outbox_status, o.sent_at as sent_at
          from reminders r left join outbox o on o.id = r.outbox_id
          where r.next_at >= ${instantParam(db, s.start)} and r.next_at < ${instantParam(db, s.end)} ${service} ${ward}`,
    )
  ).map((r) => ({ serviceKey: r[0], status: r[1], reason: r[2], dueOn: r[3], nextAt: r[4], outboxStatus: r[5], sentAt: r[6] }) as ReminderIndicatorRow);
}

/** A draft prepared in the period: when its notice went out and how far it got. Instants in epoch ms. */
export interface DraftIndicatorRow {
  service: string;
  createdAt: number;
  /** The worker's `notified` event (birth drafts). */
  notifiedEventAt: number | null;
  /** The "your draft is ready" message (`birth-draft-ready:` / `death-draft-ready:` key), when sent. */
  readyNoticeSentAt: number | null;
  /** A renewal draft: the first reminder about the same document and expiry that was sent. */
  reminderSentAt: number | null;
  /** The first `opened` event: a party opened the draft in the Mini App (recorded since 0006; older drafts have none). */
  openedEventAt: number | null;
  firstConsentAt: number | null;
  submitted: 0 | 1;
  completed: 0 | 1;
}

/**
 * Drafts created in [start, end). Ward: a party's residence ward, or the renewed document's ward.
 * Each sub-select goes through an index (draft_events by draft, outbox by key, reminders by
 * document, consents and submissions by draft).
 */
export async function draftIndicatorRows(db: Db, s: IndicatorScope): Promise<DraftIndicatorRow[]> {
  const service = s.serviceKeys ? sql`and ${inList(sql`d.service`, s.serviceKeys)}` : sql``;
  const ward = s.wardCode
    ? sql`and (exists (select 1 from draft_parties dp join persons p on p.id = dp.person_id where dp.draft_id = d.id and p.residence_ward_code = ${s.wardCode})
           or exists (select 1 from documents doc where doc.id = d.document_id and doc.ward_code = ${s.wardCode}))`
    : sql``;
  return all<DraftIndicatorRow>(
    db,
    sql`select d.service as service, d.created_at as "createdAt",
          (select min(e.at) from draft_events e where e.draft_id = d.id and e.kind = 'notified') as "notifiedEventAt",
          (select min(o.sent_at) from outbox o where o.idempotency_key in ('birth-draft-ready:' || d.id, 'death-draft-ready:' || d.id)) as "readyNoticeSentAt",
          (select min(o.sent_at) from reminders r join outbox o on o.id = r.outbox_id where d.document_id is not null and r.document_id = d.document_id and r.due_on = d.document_expires_on) as "reminderSentAt",
          (select min(e.at) from draft_events e where e.draft_id = d.id and e.kind = 'opened') as "openedEventAt",
          (select min(c.consented_at) from consents c where c.draft_id = d.id) as "firstConsentAt",
          exists (select 1 from draft_events e where e.draft_id = d.id and e.kind = 'submitted') as submitted,
          exists (select 1 from submissions sb where sb.draft_id = d.id and sb.status = 'completed') as completed
        from drafts d
        where d.created_at >= ${instantParam(db, s.start)} and d.created_at < ${instantParam(db, s.end)} ${service} ${ward}`,
  );
}

/** Ratings given in [start, end), counted per score. Ward: the residence ward of the person who consented to the dossier. */
export async function ratingCountsByScore(db: Db, s: IndicatorScope): Promise<{ score: number; count: number }[]> {
  const service = s.serviceKeys ? sql`and ${inList(sql`d.service`, s.serviceKeys)}` : sql``;
  const ward = s.wardCode ? sql`and exists (select 1 from consents c join persons p on p.id = c.person_id where c.id = sb.consent_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  return all<{ score: number; count: number }>(
    db,
    sql`select sr.score as score, count(*) as count
        from satisfaction_ratings sr join submissions sb on sb.id = sr.submission_id join drafts d on d.id = sb.draft_id
        where sr.at >= ${instantParam(db, s.start)} and sr.at < ${instantParam(db, s.end)} ${service} ${ward}
        group by sr.score order by sr.score`,
  );
}

/**
 * Questions the FAQ could not answer, logged in [start, end): how many, how many distinct (by
 * folded form), how many staff have since answered; in all and per channel.
 */
export async function unansweredQuestionCounts(db: Db, s: Pick<IndicatorScope, "start" | "end">): Promise<{ total: UnansweredCounts; byChannel: (UnansweredCounts & { channel: string })[] }> {
  const where = sql`where at >= ${instantParam(db, s.start)} and at < ${instantParam(db, s.end)}`;
  const counts = sql`count(*) as logged, count(distinct question_key) as "distinct", count(resolved_at) as resolved`;
  const total = (await all<UnansweredCounts>(db, sql`select ${counts} from faq_unanswered ${where}`))[0] ?? { logged: 0, distinct: 0, resolved: 0 };
  return { total, byChannel: await all(db, sql`select channel as channel, ${counts} from faq_unanswered ${where} group by channel order by channel`) };
}

export interface UnansweredCounts {
  logged: number;
  distinct: number;
  resolved: number;
}

export interface FaqAskedCounts {
  asked: number;
  answered: number;
  /** Requests for a person, counted apart from the questions. */
  personRequests: number;
}

/**
 * Questions put to the FAQ on the Vietnam days `from`–`to` (`YYYY-MM-DD`, both included), how
 * many it answered confidently, and the requests for a person: in all and per channel
 * (`faq_daily_counts`, counts only, no text).
 */
export async function faqAskedCounts(db: Db, p: { from: string; to: string }): Promise<{ total: FaqAskedCounts; byChannel: (FaqAskedCounts & { channel: "bot" | "api" | "mini_app" })[] }> {
  const where = sql`where day >= ${p.from} and day <= ${p.to}`;
  const counts = sql`coalesce(sum(asked), 0) as asked, coalesce(sum(answered), 0) as answered, coalesce(sum(person_requests), 0) as "personRequests"`;
  const total = (await all<FaqAskedCounts>(db, sql`select ${counts} from faq_daily_counts ${where}`))[0] ?? { asked: 0, answered: 0, personRequests: 0 };
  return { total, byChannel: await all(db, sql`select channel as channel, ${counts} from faq_daily_counts ${where} group by channel order by channel`) };
}

/** Handed-over chats opened in [start, end). Ward: a person with the Zalo user's linked phone lives there. */
export async function handoverIndicatorRows(db: Db, s: Pick<IndicatorScope, "start" | "end" | "wardCode">): Promise<{ openedAt: number; firstResponseAt: number | null }[]> {
  const ward = s.wardCode
    ? sql`and exists (select 1 from zalo_users u join persons p on p.phone = u.phone where u.id = t.zalo_user_id and p.residence_ward_code = ${s.wardCode})`
    : sql``;
  return all(
    db,
    sql`select t.opened_at as "openedAt", t.first_response_at as "firstResponseAt" from handover_tickets t
        where t.opened_at >= ${instantParam(db, s.start)} and t.opened_at < ${instantParam(db, s.end)} ${ward}`,
  );
}

/**
 * Notifications queued in [start, end), counted by channel, status and what they are about (the
 * message type, its service key, and for a dossier's status the draft's service), so the caller
 * can tell which service each is for. Ward: the recipient person's ward, or the document's.
 */
export async function deliveryCounts(db: Db, s: Pick<IndicatorScope, "start" | "end" | "wardCode">): Promise<{ channel: string; status: string; type: string | null; serviceKey: string | null; draftService: string | null; count: number }[]> {
  const message = (field: string) => jsonText(db, sql`o.payload`, "message", field);
  const ward = s.wardCode
    ? sql`and (exists (select 1 from persons p where p.id = o.person_id and p.residence_ward_code = ${s.wardCode})
           or exists (select 1 from documents doc where doc.id = ${message("documentId")} and doc.ward_code = ${s.wardCode}))`
    : sql``;
  // The draft's service is looked up only for a dossier's status (the one message that names a draft but no service).
  return all(
    db,
    sql`select channel, status, type, "serviceKey", case when type = 'dossier_status' then (select d.service from drafts d where d.id = "draftId") end as "draftService", sum(n) as count
        from (select o.channel as channel, o.status as status, ${message("type")} as type, ${message("serviceKey")} as "serviceKey",
                     ${message("draftId")} as "draftId", count(*) as n
              from outbox o
              where o.kind = 'notification' and o.created_at >= ${instantParam(db, s.start)} and o.created_at < ${instantParam(db, s.end)} ${ward}
              group by 1, 2, 3, 4, 5) as counted
        group by 1, 2, 3, 4, 5`,
  );
}

/** A birth received in the period and one of its vaccination reminders (none: every reminder column null). */
export interface BirthReminderRow {
  birthEventId: string;
  /** Null when no reminder was planned for the birth. */
  status: ReminderIndicatorRow["status"] | null;
  reason: string | null;
  dueOn: string | null;
  nextAt: number | null;
  outboxStatus: ReminderIndicatorRow["outboxStatus"];
  sentAt: number | null;
}

/**
 * Births received in [start, end) with each of their vaccination reminders (plan 920 row 1 counts
 * over births, so a birth without reminders is a row too). Ward: the mother's residence.
 */
export async function birthReminderRows(db: Db, s: Pick<IndicatorScope, "start" | "end" | "wardCode">): Promise<BirthReminderRow[]> {
  const ward = s.wardCode ? sql`and exists (select 1 from persons p where p.id = b.mother_person_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  return (
    await rows(
      db,
      sql`select b.id as birth_event_id, r.status as status, r.reason as reason, r.due_on as due_on, r.next_at as next_at, o.status as outbox_status, o.sent_at as sent_at
          from birth_events b
          left join reminders r on r.birth_event_id = b.id and r.subject = 'vaccination'
          left join outbox o on o.id = r.outbox_id
          where b.created_at >= ${instantParam(db, s.start)} and b.created_at < ${instantParam(db, s.end)} ${ward}`,
    )
  ).map((r) => ({ birthEventId: r[0], status: r[1], reason: r[2], dueOn: r[3], nextAt: r[4] === null ? null : Number(r[4]), outboxStatus: r[5], sentAt: r[6] === null ? null : Number(r[6]) }) as BirthReminderRow);
}

/**
 * Dossiers whose result (`completed` or `rejected`) came in [start, end): their service, when the
 * case system first said `received`, and when the result came (epoch ms; `receivedAt` null when the
 * case system never reported receiving it). A case the officer gave back for more (`need_more_info`)
 * ends on its supplement: it is timed from the first submission's `received` (the same case), once.
 * Ward: the residence of the person who consented.
 */
export async function processingTimeRows(db: Db, s: IndicatorScope): Promise<{ service: string; result: "completed" | "rejected"; receivedAt: number | null; resultAt: number }[]> {
  const service = s.serviceKeys ? sql`and ${inList(sql`d.service`, s.serviceKeys)}` : sql``;
  const ward = s.wardCode ? sql`and exists (select 1 from consents c join persons p on p.id = c.person_id where c.id = sb.consent_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  const resultAt = sql`min(case when h.status in ('completed', 'rejected') then h.at end)`;
  return all(
    db,
    sql`select d.service as service, sb.status as result,
          coalesce((select min(h2.at) from submissions s2 join submission_status_history h2 on h2.submission_id = s2.id where s2.case_id = sb.case_id and h2.status = 'received'),
                   min(case when h.status = 'received' then h.at end)) as "receivedAt",
          ${resultAt} as "resultAt"
        from submissions sb join drafts d on d.id = sb.draft_id join submission_status_history h on h.submission_id = sb.id
        where sb.status in ('completed', 'rejected') ${service} ${ward}
        group by sb.id, d.service, sb.status, sb.case_id
        having ${resultAt} >= ${instantParam(db, s.start)} and ${resultAt} < ${instantParam(db, s.end)}`,
  );
}

/**
 * People found in [start, end), per source: children of the birth certificates received, the
 * deceased of the death notices, the holders (persons) of documents first listed by a department.
 * `include` says which sources the filters keep (a service filter keeps the sources of those
 * services). A new source (population records) is one more branch here, named as in
 * `CITIZEN_SOURCES` (@hccd/shared).
 */
export async function citizenSourceCounts(db: Db, s: IndicatorScope & { include: { births: boolean; deaths: boolean } }): Promise<{ source: string; people: number }[]> {
  const at = (column: SQL) => sql`${column} >= ${instantParam(db, s.start)} and ${column} < ${instantParam(db, s.end)}`;
  const birthWard = s.wardCode ? sql`and exists (select 1 from persons p where p.id = b.mother_person_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  const deathWard = s.wardCode ? sql`and exists (select 1 from persons p where p.id = de.deceased_person_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  const docService = s.serviceKeys ? sql`and ${inList(sql`doc.service_key`, s.serviceKeys)}` : sql``;
  const docWard = s.wardCode ? sql`and doc.ward_code = ${s.wardCode}` : sql``;
  const personWard = s.wardCode ? sql`and exists (select 1 from persons p where p.id = r.person_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  const reminderService = s.serviceKeys ? sql`and ${inList(sql`r.service_key`, s.serviceKeys)}` : sql``;
  const branches: SQL[] = [
    // Found by population data (contract 5): the people it gave a deadline to remind them of, nobody having listed them.
    sql`select 'population_data' as source, count(distinct r.person_id) as people from reminders r where r.subject = 'person' and ${at(sql`r.created_at`)} ${reminderService} ${personWard}`,
  ];
  branches.push(sql`select 'department_list' as source, count(distinct coalesce(doc.holder_id, doc.phone, doc.id)) as people from documents doc where doc.holder_kind = 'person' and ${at(sql`doc.created_at`)} ${docService} ${docWard}`);
  if (s.include.births) branches.push(sql`select 'birth_certificate' as source, count(*) as people from birth_events b where ${at(sql`b.created_at`)} ${birthWard}`);
  if (s.include.deaths) branches.push(sql`select 'death_notice' as source, count(*) as people from death_events de where ${at(sql`de.created_at`)} ${deathWard}`);
  return all(db, sql.join(branches, sql` union all `));
}

/** A satisfaction rating's comment, as staff read it (no user id). */
export interface RatingCommentRow {
  id: number;
  score: number;
  comment: string;
  at: number;
  service: string;
}

/** Ratings with a comment given in [start, end), newest first, one page; and how many there are. Ward as in `ratingCountsByScore`. */
export async function ratingComments(db: Db, s: IndicatorScope, page: { limit: number; offset: number }): Promise<{ total: number; comments: RatingCommentRow[] }> {
  const service = s.serviceKeys ? sql`and ${inList(sql`d.service`, s.serviceKeys)}` : sql``;
  const ward = s.wardCode ? sql`and exists (select 1 from consents c join persons p on p.id = c.person_id where c.id = sb.consent_id and p.residence_ward_code = ${s.wardCode})` : sql``;
  const from = sql`from satisfaction_ratings sr join submissions sb on sb.id = sr.submission_id join drafts d on d.id = sb.draft_id
        where sr.comment is not null and sr.comment <> '' and sr.at >= ${instantParam(db, s.start)} and sr.at < ${instantParam(db, s.end)} ${service} ${ward}`;
  const [count] = await all<{ n: number }>(db, sql`select count(*) as n ${from}`);
  const comments = await all<RatingCommentRow>(db, sql`select sr.id as id, sr.score as score, sr.comment as comment, sr.at as at, d.service as service ${from} order by sr.at desc, sr.id desc limit ${page.limit} offset ${page.offset}`);
  return { total: Number(count?.n ?? 0), comments: comments.map((c) => ({ ...c, id: Number(c.id), at: Number(c.at) })) };
}
