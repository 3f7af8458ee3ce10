/**
 * Where the PostgreSQL benchmarks run: `HCCD_BENCH_DATABASE_URL`, else `HCCD_TEST_DATABASE_URL`
 * (the throwaway cluster of `node scripts/pg-cluster.mjs start`). Each bench creates databases of
 * its own beside the one named (so the role needs CREATEDB) and drops them when done. Without
 * either variable the PostgreSQL rows are printed as not measured, never guessed.
 */
import { randomBytes } from "node:crypto";
import { createDb, type PostgresHandle } from "../src/create-db.js";

export type BenchPostgres = { url: string } | { url: null; reason: string };

export function benchPostgres(): BenchPostgres {
  const url = process.env.HCCD_BENCH_DATABASE_URL || process.env.HCCD_TEST_DATABASE_URL;
  if (url) return { url };
  return { url: null, reason: "not measured: set HCCD_BENCH_DATABASE_URL (or HCCD_TEST_DATABASE_URL) to a PostgreSQL server, e.g. $(node scripts/pg-cluster.mjs start /tmp/hccd-pg)" };
}

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database name with this prefix (lower case, as PostgreSQL folds unquoted names). */
export function benchDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

/** Runs `fn` with an administrative connection to the server (create, copy and drop databases). */
export async function withAdmin<T>(url: string, fn: (admin: PostgresHandle["pool"]) => Promise<T>): Promise<T> {
  const handle = await createDb(url, { migrate: false, poolSize: 1 });
  if (handle.engine !== "postgres") throw new Error(`not a PostgreSQL URL: ${url}`);
  try {
    return await fn(handle.pool);
  } finally {
    await handle.close();
  }
}

export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  await withAdmin(url, (admin) => admin.query(`create database ${name}${template ? ` template ${template}` : ""}`));
  return databaseUrl(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
}
