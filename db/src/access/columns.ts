import { getTableColumns, type Table } from "drizzle-orm";

/**
 * A table's columns without PostgreSQL's `rowid` (the identity column standing in for SQLite's
 * implicit rowid on the tables that sort by insertion order): select and return these, so rows
 * have the same shape on both engines.
 */
export function visibleColumns<T extends Table>(table: T): T["_"]["columns"] {
  const { rowid: _rowid, ...columns } = getTableColumns(table) as T["_"]["columns"] & { rowid?: unknown };
  return columns as T["_"]["columns"];
}
