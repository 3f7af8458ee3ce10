import { desc, eq, and } from "drizzle-orm";
import type { Db } from "../create-db.js";
import { auditLog } from "../schema.js";

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, "id">;

export function writeAudit(db: Db, entry: NewAuditEntry): void {
  db.insert(auditLog).values(entry).run();
}

export function listAuditForTarget(db: Db, targetKind: string, targetId: string): AuditEntry[] {
  return db.select().from(auditLog).where(and(eq(auditLog.targetKind, targetKind), eq(auditLog.targetId, targetId))).orderBy(desc(auditLog.id)).all();
}

export function listAudit(db: Db, limit = 100): AuditEntry[] {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
