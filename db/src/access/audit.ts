import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { tablesOf, type Db } from "../engine.js";
import type { auditLog } from "../schema.js";

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, "id">;

export async function writeAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  const { auditLog } = tablesOf(db);
  await db.insert(auditLog).values(entry);
}

export async function listAuditForTarget(db: Db, targetKind: string, targetId: string): Promise<AuditEntry[]> {
  const { auditLog } = tablesOf(db);
  return db.select().from(auditLog).where(and(eq(auditLog.targetKind, targetKind), eq(auditLog.targetId, targetId))).orderBy(desc(auditLog.id));
}

export async function listAudit(db: Db, limit = 100): Promise<AuditEntry[]> {
  const { auditLog } = tablesOf(db);
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
}

/** What an audit search may narrow by; every field is optional and they combine with AND. */
export interface AuditFilter {
  actorKind?: AuditEntry["actorKind"];
  actorId?: string;
  /** The exact action (`import.started`). */
  action?: string;
  /** Actions starting with this (`import.` finds every import action). */
  actionPrefix?: string;
  targetKind?: string;
  targetId?: string;
  requestId?: string;
  /** From this instant (inclusive)… */
  from?: Date;
  /** …to this instant (exclusive). */
  to?: Date;
}

/** `%` and `_` in a prefix are matched as themselves (LIKE … ESCAPE '\'). */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function auditConditions(db: Db, f: AuditFilter): SQL[] {
  const { auditLog } = tablesOf(db);
  const where: SQL[] = [];
  if (f.actorKind) where.push(eq(auditLog.actorKind, f.actorKind));
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actionPrefix) where.push(sql`${auditLog.action} like ${likePrefix(f.actionPrefix)} escape '\\'`);
  if (f.targetKind) where.push(eq(auditLog.targetKind, f.targetKind));
  if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
  if (f.requestId) where.push(eq(auditLog.requestId, f.requestId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  return where;
}

/**
 * One page of an audit search, newest first. Keyset pagination: the next page is the entries with
 * an id below `beforeId` (the last id of this page), so page 500 costs what page 1 costs — no
 * OFFSET over the whole log. Asks for one row more than `limit` to know whether there is a next page.
 */
export async function searchAudit(db: Db, filter: AuditFilter, page: { limit: number; beforeId?: number }): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null }> {
  const { auditLog } = tablesOf(db);
  const where = auditConditions(db, filter);
  if (page.beforeId !== undefined) where.push(lt(auditLog.id, page.beforeId));
  const rows = await db.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.id)).limit(page.limit + 1);
  const more = rows.length > page.limit;
  const entries = more ? rows.slice(0, page.limit) : rows;
  return { entries, nextBeforeId: more ? entries[entries.length - 1]!.id : null };
}

/**
 * The actions of the latest `window` entries, alphabetically (for the search form's list). A
 * DISTINCT over the whole log is a full scan without an index on `action` (about 0.5 s at a
 * million entries); the latest entries hold every action in daily use, and the form's prefix
 * field finds the rare ones.
 */
export async function listAuditActions(db: Db, window = 20_000): Promise<string[]> {
  const { auditLog } = tablesOf(db);
  const recent = db.select({ action: auditLog.action }).from(auditLog).orderBy(desc(auditLog.id)).limit(window).as("recent");
  return (await db.selectDistinct({ action: recent.action }).from(recent).orderBy(recent.action)).map((r) => r.action);
}
