/**
 * Reads and writes for the ward officers' worklist: open birth and death registration drafts, who
 * they are for and where those people live, what became of the "draft ready" notice, and the
 * officers' contacts. Which items are listed and why is decided by the rules in @hccd/shared
 * (`domain/ward-worklist.ts`); the caller passes their results (the deadlines listed today).
 */
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import { queryRows } from "../raw.js";
import type { worklistContacts } from "../schema.js";

export type WorklistContact = typeof worklistContacts.$inferSelect;

export interface WorklistFilter {
  /** Only this ward's items (the residence of the mother, else the father; of the deceased, else the informant); undefined: every ward. */
  wardCode?: string | undefined;
  /** Only this draft. */
  draftId?: string;
  /**
   * Only the items on the list today: notice not sent (none, failed or cancelled), or the deadline
   * on or before the service's `through` day; and not put off past `today` nor ended by the latest contact.
   */
  listed?: { today: string; birthThrough: string; deathThrough: string; endingOutcomes: readonly string[] };
}

/** One open civil-status draft with what the worklist shows of it. Instants in epoch ms. */
export interface WorklistRow {
  draftId: string;
  service: "birth-registration" | "death-registration";
  status: string;
  /**
   * Whether the family consented once and the dossier went to the case system (0/1): a draft back
   * with them because the case system asked for more (\`need_more_info\`) is open again, but it is
   * not a family that never consented; the case system's officer follows it, not the ward.
   */
  submitted: number;
  dueBy: string;
  createdAt: number;
  /** The "draft ready" notice's outbox status; null when none could be queued. */
  noticeStatus: string | null;
  wardCode: string | null;
  wardName: string | null;
  /** The child's birth or the death (epoch ms). */
  eventAt: number;
  /** The person to contact first: the mother (else the father), or the informant. */
  contactName: string;
  contactPhone: string | null;
  /** The deceased's name (a death), for the officer to speak of them by name. */
  deceasedName: string | null;
  lastSeq: number | null;
  lastOutcome: string | null;
  lastMethod: string | null;
  lastContactedAt: number | null;
  lastFollowUpOn: string | null;
}

function where(f: WorklistFilter): SQL {
  const parts: SQL[] = [sql`d.service in ('birth-registration', 'death-registration')`];
  if (f.draftId !== undefined) parts.push(sql`d.id = ${f.draftId}`);
  if (f.wardCode !== undefined) parts.push(sql`coalesce(m.residence_ward_code, fa.residence_ward_code, dp.residence_ward_code, inf.residence_ward_code) = ${f.wardCode}`);
  if (f.listed) {
    const l = f.listed;
    const ending = l.endingOutcomes.length ? sql`lc.outcome in (${sql.join(l.endingOutcomes.map((o) => sql`${o}`), sql`, `)})` : sql`1 = 0`;
    parts.push(sql`d.status = 'open'`);
    parts.push(sql`not exists (select 1 from submissions s where s.draft_id = d.id)`);
    parts.push(sql`(o.status is null or o.status in ('failed', 'cancelled')
      or (d.service = 'birth-registration' and d.due_by <= ${l.birthThrough})
      or (d.service = 'death-registration' and d.due_by <= ${l.deathThrough}))`);
    parts.push(sql`(lc.seq is null or (not (${ending}) and (lc.follow_up_on is null or lc.follow_up_on <= ${l.today})))`);
  }
  return sql.join(parts, sql` and `);
}

const FROM = sql`from drafts d
  left join birth_events b on b.id = d.birth_event_id
  left join persons m on m.id = b.mother_person_id
  left join persons fa on fa.id = b.father_person_id
  left join death_events de on de.id = d.death_event_id
  left join persons dp on dp.id = de.deceased_person_id
  left join persons inf on inf.id = de.informant_person_id
  left join outbox o on o.idempotency_key = (case when d.birth_event_id is not null then 'birth-draft-ready:' else 'death-draft-ready:' end) || d.id
  left join worklist_contacts lc on lc.draft_id = d.id and lc.seq = (select max(c2.seq) from worklist_contacts c2 where c2.draft_id = d.id)`;

/** The worklist's items for the filter, the nearest deadline first (then the oldest draft), one page. */
export async function listWorklistRows(db: Db, f: WorklistFilter, page: { limit: number; offset: number }): Promise<WorklistRow[]> {
  const ward = sql`coalesce(m.residence_ward_code, fa.residence_ward_code, dp.residence_ward_code, inf.residence_ward_code)`;
  return queryRows<WorklistRow>(
    db,
    sql`select d.id as "draftId", d.service as service, d.status as status,
          case when exists (select 1 from submissions s where s.draft_id = d.id) then 1 else 0 end as submitted, d.due_by as "dueBy", d.created_at as "createdAt", o.status as "noticeStatus",
          ${ward} as "wardCode", (select w.name from wards w where w.code = ${ward}) as "wardName",
          coalesce(b.child_born_at, de.died_at) as "eventAt",
          case when d.birth_event_id is not null then (case when m.phone is null and fa.phone is not null then fa.full_name else m.full_name end) else inf.full_name end as "contactName",
          case when d.birth_event_id is not null then coalesce(m.phone, fa.phone) else inf.phone end as "contactPhone",
          dp.full_name as "deceasedName",
          lc.seq as "lastSeq", lc.outcome as "lastOutcome", lc.method as "lastMethod", lc.contacted_at as "lastContactedAt", lc.follow_up_on as "lastFollowUpOn"
        ${FROM}
        where ${where(f)}
        order by d.due_by, d.created_at, d.id
        limit ${page.limit} offset ${page.offset}`,
  );
}

/** How many items the filter matches (for the pages). */
export async function countWorklistRows(db: Db, f: WorklistFilter): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*) as n ${FROM} where ${where(f)}`);
  return Number(r?.n ?? 0);
}

/** The people a draft is for, with their contact details (the officer calls or visits them). */
export async function worklistPeople(db: Db, draftId: string): Promise<{ role: string; fullName: string; phone: string | null; nationalId: string | null; residenceAddress: string | null }[]> {
  return queryRows(
    db,
    sql`select dp.role as role, p.full_name as "fullName", p.phone as phone, p.national_id as "nationalId", p.residence_address as "residenceAddress"
        from draft_parties dp join persons p on p.id = dp.person_id where dp.draft_id = ${draftId} order by dp.role`,
  );
}

/** Stores a contact; a second contact with the same `seq` for the draft is a unique violation (`worklist_contacts_draft_seq_uq`). */
export async function insertWorklistContact(db: Db, row: typeof worklistContacts.$inferInsert): Promise<WorklistContact> {
  const { worklistContacts } = tablesOf(db);
  return (await db.insert(worklistContacts).values(row).returning())[0]!;
}

/** A draft's contacts with the officer's name, oldest first (bounded). */
export async function listWorklistContacts(db: Db, draftId: string, limit = 200): Promise<(WorklistContact & { staffName: string })[]> {
  const { worklistContacts, staffUsers } = tablesOf(db);
  const rows = await db
    .select({ c: worklistContacts, staffName: staffUsers.displayName })
    .from(worklistContacts)
    .innerJoin(staffUsers, eq(staffUsers.id, worklistContacts.staffId))
    .where(eq(worklistContacts.draftId, draftId))
    .orderBy(asc(worklistContacts.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r.c, staffName: r.staffName }));
}
