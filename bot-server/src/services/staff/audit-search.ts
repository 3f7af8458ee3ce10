import { addDays, maskDeep, type AuditSearchQuery } from "@hccd/shared";
import { findStaffByUsername, getStaffUser, listAuditActions, searchAudit, type AuditEntry, type AuditFilter, type StaffUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { audit } from "./audit.js";
import { csvDocument } from "../spreadsheets/csv-file.js";

/** The most an export holds: a bigger question should be narrowed (by period, actor or action) first. */
export const AUDIT_EXPORT_MAX = 10_000;

/** Midnight at the start of a calendar day in Vietnam (UTC+07:00, no daylight saving). */
const vietnamMidnight = (date: string) => new Date(`${date}T00:00:00+07:00`);

/**
 * The search's filter for the data layer: a staff username becomes the staff id (an officer is
 * looked up by the name they log in with); an action ending with `.` or `*` is a prefix; the
 * period's days are Vietnam days, `to` included.
 */
export async function auditFilter(deps: Pick<ServiceDeps, "db">, q: AuditSearchQuery): Promise<AuditFilter> {
  const f: AuditFilter = {};
  if (q.actor) {
    const staff = q.actorKind === undefined || q.actorKind === "staff" ? await findStaffByUsername(deps.db, q.actor) : undefined;
    if (staff) {
      f.actorKind = "staff";
      f.actorId = staff.id;
    } else f.actorId = q.actor;
  }
  if (q.actorKind) f.actorKind = q.actorKind;
  if (q.action) {
    if (q.action.endsWith("*")) f.actionPrefix = q.action.slice(0, -1);
    else if (q.action.endsWith(".")) f.actionPrefix = q.action;
    else f.action = q.action;
  }
  if (q.targetKind) f.targetKind = q.targetKind;
  if (q.targetId) f.targetId = q.targetId;
  if (q.requestId) f.requestId = q.requestId;
  if (q.from) f.from = vietnamMidnight(q.from);
  if (q.to) f.to = vietnamMidnight(addDays(q.to, 1));
  return f;
}

/** The filters as written in the audit entry of the search itself (what was asked, not what was found). */
function askedFor(q: AuditSearchQuery): Record<string, unknown> {
  const { limit: _limit, before: _before, ...filters } = q;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

async function presentEntries(deps: Pick<ServiceDeps, "db">, rows: AuditEntry[]) {
  const names = new Map<string, string | null>();
  for (const r of rows) if (r.actorKind === "staff" && !names.has(r.actorId)) names.set(r.actorId, (await getStaffUser(deps.db, r.actorId))?.username ?? null);
  return rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), actorKind: r.actorKind, actorId: r.actorId, actorName: r.actorKind === "staff" ? (names.get(r.actorId) ?? null) : null,
    action: r.action, targetKind: r.targetKind, targetId: r.targetId, requestId: r.requestId,
    // Details should never hold ID numbers or phones (services/staff/audit.ts); masked again in case one slipped in.
    details: maskDeep(r.details) as Record<string, unknown>,
  }));
}
export type AuditEntryView = Awaited<ReturnType<typeof presentEntries>>[number];

/**
 * One page of the audit log, newest first, for an admin. The search is itself audited (who looked
 * at whose traces is a trace too), written after the search so it does not answer itself.
 */
export async function searchAuditLog(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, q: AuditSearchQuery, requestId?: string): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  const page = await searchAudit(deps.db, await auditFilter(deps, q), { limit: q.limit, ...(q.before ? { beforeId: q.before } : {}) });
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "audit.searched", ...(requestId ? { requestId } : {}), details: { filters: askedFor(q), ...(q.before ? { before: q.before } : {}), found: page.entries.length } });
  return { entries: await presentEntries(deps, page.entries), nextBefore: page.nextBeforeId };
}

/** Every entry the search finds (at most {@link AUDIT_EXPORT_MAX}) as CSV, walked page by page by keyset. Audited. */
export async function exportAuditCsv(deps: Pick<ServiceDeps, "db" | "now">, staff: StaffUser, q: AuditSearchQuery, requestId?: string): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const filter = await auditFilter(deps, q);
  const rows: AuditEntry[] = [];
  let before: number | undefined = q.before;
  let truncated = false;
  for (;;) {
    const page = await searchAudit(deps.db, filter, { limit: Math.min(1000, AUDIT_EXPORT_MAX - rows.length), ...(before ? { beforeId: before } : {}) });
    rows.push(...page.entries);
    if (page.nextBeforeId === null) break;
    if (rows.length >= AUDIT_EXPORT_MAX) {
      truncated = true;
      break;
    }
    before = page.nextBeforeId;
  }
  await audit(deps.db, { at: deps.now(), actor: { kind: "staff", id: staff.id }, action: "audit.exported", ...(requestId ? { requestId } : {}), details: { filters: askedFor(q), rows: rows.length, truncated } });
  const header = ["id", "at", "actor_kind", "actor_id", "actor_username", "action", "target_kind", "target_id", "request_id", "details"];
  const csv = csvDocument(header, (await presentEntries(deps, rows)).map((e) => [e.id, e.at, e.actorKind, e.actorId, e.actorName, e.action, e.targetKind, e.targetId, e.requestId, JSON.stringify(e.details)]));
  return { csv, rows: rows.length, truncated };
}

/** The actions in the log, for the search form's list. */
export async function knownAuditActions(deps: Pick<ServiceDeps, "db">): Promise<string[]> {
  return listAuditActions(deps.db);
}
