/**
 * The PostgreSQL tables (schema-pg.ts) mirror the SQLite ones (schema.ts): same tables, columns,
 * TypeScript types, nullability, defaults, keys, indexes and foreign keys. The data-access
 * functions are written once against the SQLite types and run on either, so a drift here would be
 * a bug on one engine only.
 */
import { getTableColumns, is, SQL, Table, type Column } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as sqliteSchema from "./schema.js";
import * as pgSchema from "./schema-pg.js";

/** Columns only PostgreSQL has: the identity standing in for SQLite's implicit rowid. */
const PG_ONLY = new Set(["faq_entries.rowid", "submissions.rowid", "outbox.rowid", "inbox.rowid"]);

const tables = <T extends Table>(schema: Record<string, unknown>, kind: abstract new (...a: never[]) => T) =>
  Object.fromEntries(Object.entries(schema).filter(([, v]) => is(v, kind as never))) as Record<string, T>;
const sqliteTables = tables(sqliteSchema, SQLiteTable);
const pgTables = tables(pgSchema, PgTable);

/** A column's kind of JavaScript value (drizzle's dataType; pg's bytea is a custom type holding a Buffer). */
const jsType = (c: Column) => (c.columnType === "PgCustomColumn" && c.getSQLType() === "bytea" ? "buffer" : c.dataType);
/** A default written in SQL differs by dialect (unixepoch vs now()): only that there is one is compared. */
const defaultOf = (c: Column) => (c.default === undefined ? (c.generated || (c as { generatedIdentity?: unknown }).generatedIdentity || c.columnType === "SQLiteInteger" && c.primary && (c as { autoIncrement?: boolean }).autoIncrement ? "generated" : null) : is(c.default, SQL) ? "sql" : c.default);
const describeColumn = (c: Column) => ({ type: jsType(c), notNull: c.notNull, default: defaultOf(c), primary: c.primary, enum: c.enumValues ?? null });
const whereOf = (w: SQL | undefined) => (w ? w.queryChunks.map((q) => (q as { value?: string[] }).value?.join("") ?? "?").join("") : null);

function shape(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>) {
  const name = config.name;
  const columns = Object.fromEntries(config.columns.filter((c) => !PG_ONLY.has(`${name}.${c.name}`)).map((c) => [c.name, describeColumn(c)]));
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, unique: i.config.unique, on: i.config.columns.map((c) => (c as Column).name), where: whereOf(i.config.where) }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")),
    uniques: config.uniqueConstraints.map((u) => ({ name: u.name, on: u.columns.map((c) => c.name) })),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return { on: r.columns.map((c) => c.name), to: `${(r.foreignTable as unknown as { [k: symbol]: string })[Symbol.for("drizzle:Name")]}(${r.foreignColumns.map((c) => c.name).join(",")})`, onDelete: fk.onDelete ?? "no action" };
      })
      .sort((a, b) => a.to.localeCompare(b.to) || a.on.join().localeCompare(b.on.join())),
  };
}

describe("schema-pg.ts mirrors schema.ts", () => {
  it("has the same tables, each under the same export name", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    for (const [key, t] of Object.entries(sqliteTables)) expect(pgConfig(pgTables[key]!).name).toBe(sqliteConfig(t).name);
  });

  it.each(Object.keys(sqliteTables))("%s: same columns, types, nullability, defaults, keys, indexes and foreign keys", (key) => {
    expect(shape(pgConfig(pgTables[key]!))).toEqual(shape(sqliteConfig(sqliteTables[key]!)));
  });

  it("has only the documented extra columns on PostgreSQL", () => {
    const extra = Object.entries(pgTables).flatMap(([key, t]) => Object.values(getTableColumns(t)).filter((c) => !(c.name in getTableColumns(sqliteTables[key]!)) && !Object.values(getTableColumns(sqliteTables[key]!)).some((s) => s.name === c.name)).map((c) => `${pgConfig(t).name}.${c.name}`));
    expect(extra.sort()).toEqual([...PG_ONLY].sort());
  });

  it("gives every table's rows the same TypeScript types (checked by tsc)", () => {
    type Without<T> = Omit<T, "rowid">;
    type Pg = typeof pgSchema;
    type Lite = typeof sqliteSchema;
    expectTypeOf<Pg["persons"]["$inferSelect"]>().toEqualTypeOf<Lite["persons"]["$inferSelect"]>();
    expectTypeOf<{ [K in keyof typeof pgTables]: never }>().toBeObject();
    // Every table, selected and inserted (the rowid stand-in left out).
    expectTypeOf<{ [K in TableKeys]: Without<Pg[K]["$inferSelect"]> }>().toEqualTypeOf<{ [K in TableKeys]: Lite[K]["$inferSelect"] }>();
    expectTypeOf<{ [K in TableKeys]: Without<Pg[K]["$inferInsert"]> }>().toEqualTypeOf<{ [K in TableKeys]: Lite[K]["$inferInsert"] }>();
  });
});

type TableKeys = { [K in keyof typeof pgSchema]: (typeof pgSchema)[K] extends PgTable ? K : never }[keyof typeof pgSchema];
