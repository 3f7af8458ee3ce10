/**
 * A fresh, migrated database per test, on the engine the test run asks for:
 * - SQLite `:memory:` by default (`pnpm test` needs nothing installed);
 * - PostgreSQL in the vitest projects whose global setup is `pg-global-setup.ts` (they run when
 *   `HCCD_TEST_DATABASE_URL` names a server: `node scripts/pg-cluster.mjs start` prints one).
 *   The setup migrates one template database; each test database is a copy of it
 *   (`CREATE DATABASE … TEMPLATE …`, about 40 ms), dropped at `close()`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type DbHandle } from "../create-db.js";
import type { Engine } from "../engine.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server's URL and the migrated template database's name, when this project runs on PostgreSQL. */
    hccdPostgres: { url: string; template: string; prefix: string } | null;
  }
}

/** The engine this test run uses. */
export function testEngine(): Engine {
  return inject("hccdPostgres") ? "postgres" : "sqlite";
}

let admin: pg.Pool | undefined;

/** Opens a fresh, migrated database (close it after the test: `await handle.close()`). */
export async function openTestDb(): Promise<DbHandle> {
  const [handle] = await openSharedTestDb(1);
  return handle!;
}

/**
 * Opens `count` handles on one fresh, migrated database, as `count` instances of the server would
 * (a file on SQLite, since `:memory:` is private to its connection). Close each; the last close
 * removes the database.
 */
export async function openSharedTestDb(count: number): Promise<DbHandle[]> {
  const server = inject("hccdPostgres");
  if (!server) {
    if (count === 1) return [await createDb(":memory:")];
    const dir = mkdtempSync(join(tmpdir(), "hccd-shared-"));
    const handles: DbHandle[] = [];
    for (let i = 0; i < count; i++) handles.push(await createDb(join(dir, "shared.db")));
    return lastCloseRemoves(handles, async () => rmSync(dir, { recursive: true, force: true }));
  }
  admin ??= new pg.Pool({ connectionString: server.url, max: 2 });
  const name = `${server.prefix}${randomBytes(6).toString("hex")}`;
  await admin.query(`create database ${name} template ${server.template}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const handles: DbHandle[] = [];
  for (let i = 0; i < count; i++) handles.push(await createDb(url.toString(), { migrate: false, poolSize: 4 }));
  const pool = admin;
  return lastCloseRemoves(handles, async () => void (await pool.query(`drop database if exists ${name} with (force)`)));
}

function lastCloseRemoves(handles: DbHandle[], remove: () => Promise<void>): DbHandle[] {
  let open = handles.length;
  return handles.map((h) => {
    let closing: Promise<void> | undefined;
    const close = async () => {
      await h.close();
      if (--open === 0) await remove();
    };
    return { ...h, close: () => (closing ??= close()) };
  });
}

/**
 * Opens test databases and closes every one after each test: `const open = testDbs(afterEach)`,
 * then `const { db } = await open()` in a test.
 */
export function testDbs(afterEach: (fn: () => Promise<void>) => void): (() => Promise<DbHandle>) & { shared(count: number): Promise<DbHandle[]> } {
  let open: DbHandle[] = [];
  afterEach(async () => {
    const closing = open;
    open = [];
    for (const h of closing) await h.close();
  });
  const one = async () => {
    const h = await openTestDb();
    open.push(h);
    return h;
  };
  return Object.assign(one, {
    /** `count` handles on one database (two instances of the server). */
    shared: async (count: number) => {
      const hs = await openSharedTestDb(count);
      open.push(...hs);
      return hs;
    },
  });
}
