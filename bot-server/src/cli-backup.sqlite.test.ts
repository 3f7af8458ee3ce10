/**
 * `pnpm hccd backup <file>` and `pnpm hccd restore <file>` on SQLite (issue 14), and what they say
 * on PostgreSQL. SQLite only: they work on database files.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import Database from "better-sqlite3";
import { createDb, executeStatement } from "@hccd/db";
import { runCli } from "./cli.js";
import { createTestWorld } from "./testing/world.js";

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hccd-backup-"));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const database = () => join(dir, "hccd.db");
const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: { DATABASE_PATH: database(), ZALO_MODE: "sim", LOG_LEVEL: "silent", INIT_CWD: dir, ...env } });
const HEADER = "service_code,document_no,holder_kind,holder_name,phone,expires_on\n";
const list = (name: string, from: number, count: number) => {
  writeFileSync(join(dir, name), HEADER + Array.from({ length: count }, (_, i) => `tour-guide-card,HDV-${from + i},person,Lê Văn Hùng,0912345678,2027-01-23\n`).join(""));
  return name;
};
/** Document numbers in a SQLite file, read without migrating or keeping it open. */
const documentsIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("select document_no as no from documents order by document_no").all() as { no: string }[]).map((r) => r.no);
  } finally {
    db.close();
  }
};

describe("pnpm hccd backup / restore (SQLite)", () => {
  it("backs up, and a restore brings the backed-up data back, keeps the replaced database aside, and the app starts on it", async () => {
    expect(await run(["import", list("a.csv", 1, 2)])).toBe(0);
    expect(await run(["backup", "backup.db", "--lang", "en"])).toBe(0);
    expect(out.join("")).toMatch(/^Backed .*hccd\.db up to .*backup\.db \(\d+ bytes, \d+ migrations\)/m);
    expect(await run(["import", list("b.csv", 3, 3)])).toBe(0);
    expect(documentsIn(database())).toEqual(["HDV-1", "HDV-2", "HDV-3", "HDV-4", "HDV-5"]);

    out = [];
    expect(await run(["restore", "backup.db", "--lang", "en"])).toBe(0);
    expect(out.join("")).toMatch(/^Restored .* from .*backup\.db/m);
    expect(documentsIn(database())).toEqual(["HDV-1", "HDV-2"]);
    const aside = readdirSync(dir).filter((f) => f.startsWith("hccd.db.before-restore-") && !/-(wal|shm)$/.test(f));
    expect(aside).toHaveLength(1);
    expect(documentsIn(join(dir, aside[0]!))).toEqual(["HDV-1", "HDV-2", "HDV-3", "HDV-4", "HDV-5"]);

    // The app starts on the restored database and serves its data.
    const w = await createTestWorld({ dbPath: database() });
    try {
      expect(await w.rows(sql`select document_no as no from documents order by document_no`)).toEqual([{ no: "HDV-1" }, { no: "HDV-2" }]);
      expect((await w.call("GET", "/healthz")).status).toBe(200);
    } finally {
      await w.close();
    }
  }, 60_000);

  it("backs up while a server has the database open and its last writes are still in the WAL", async () => {
    const server = await createDb(database());
    try {
      await executeStatement(server.db, sql`insert into wards (code, name, province_code) values ('99999', 'Phường Thử', '72')`);
      expect(existsSync(`${database()}-wal`)).toBe(true);
      expect(await run(["backup", "live.db"])).toBe(0);
    } finally {
      await server.close();
    }
    const copy = new Database(join(dir, "live.db"), { readonly: true });
    expect(copy.prepare("select name from wards where code = '99999'").get()).toEqual({ name: "Phường Thử" });
    copy.close();
  });

  it("refuses to restore over a database a running server holds, saying how to stop it, and changes nothing", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    expect(await run(["backup", "backup.db"])).toBe(0);
    expect(await run(["import", list("b.csv", 2, 1)])).toBe(0);
    const server = await createDb(database());
    try {
      err = [];
      expect(await run(["restore", "backup.db", "--lang", "en"])).toBe(1);
      expect(err.join("")).toMatch(/is open in a process .*stop it .* and run restore again/);
    } finally {
      await server.close();
    }
    expect(documentsIn(database())).toEqual(["HDV-1", "HDV-2"]);
    expect(readdirSync(dir).some((f) => f.includes("before-restore"))).toBe(false);
  });

  it("refuses a file that is not a database of ours, or not SQLite at all, and never overwrites a backup", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    const foreign = new Database(join(dir, "foreign.db"));
    foreign.exec("create table notes (x text)");
    foreign.close();
    writeFileSync(join(dir, "text.db"), "hello, not a database");
    err = [];
    expect(await run(["restore", "foreign.db", "--lang", "en"])).toBe(1);
    expect(await run(["restore", "text.db", "--lang", "en"])).toBe(1);
    expect(await run(["restore", "nowhere.db", "--lang", "en"])).toBe(1);
    expect(err.join("")).toMatch(/foreign\.db is not a database of this system[\s\S]*text\.db is not a SQLite database[\s\S]*nowhere\.db was not found/);
    expect(documentsIn(database())).toEqual(["HDV-1"]);

    expect(await run(["backup", "backup.db"])).toBe(0);
    err = [];
    expect(await run(["backup", "backup.db", "--lang", "en"])).toBe(1);
    expect(err.join("")).toMatch(/backup\.db exists already/);
    expect(await run(["backup"])).toBe(1);
  });

  it("refuses a truncated or corrupt backup in one line saying it is damaged, and leaves the live database and the backup's folder as they were", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    expect(await run(["backup", "good.db"])).toBe(0);
    const good = readFileSync(join(dir, "good.db"));
    writeFileSync(join(dir, "truncated.db"), good.subarray(0, Math.floor(good.length / 3)));
    writeFileSync(join(dir, "header-only.db"), good.subarray(0, 120));
    // Pages overwritten in the middle: SQLite opens it, quick_check finds the damage.
    const corrupt = Buffer.from(good);
    corrupt.fill(0x5a, Math.floor(corrupt.length / 4), Math.floor(corrupt.length / 4) + 16_384);
    writeFileSync(join(dir, "corrupt.db"), corrupt);
    const before = readdirSync(dir).sort();
    for (const name of ["truncated.db", "header-only.db", "corrupt.db"]) {
      err = [];
      expect(await run(["restore", name, "--lang", "en"]), name).toBe(1);
      const said = err.join("");
      expect(said.startsWith(`${join(dir, name)} is damaged`), said).toBe(true);
      expect(said.endsWith("nothing was restored: the database is as it was.\n"), said).toBe(true);
      expect(said.split("\n").filter(Boolean), name).toHaveLength(1);
    }
    // Reading a backup leaves nothing beside it (no -wal, -shm, partial copies).
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(documentsIn(database())).toEqual(["HDV-1"]);
  });

  it("refuses a folder or an empty file as a backup without a stack trace, and changes nothing", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    mkdirSync(join(dir, "folder.db"));
    writeFileSync(join(dir, "empty.db"), "");
    err = [];
    expect(await run(["restore", "folder.db", "--lang", "en"])).toBe(1);
    expect(await run(["restore", "empty.db", "--lang", "en"])).toBe(1);
    expect(err.join("")).toMatch(/folder\.db is not a SQLite database[\s\S]*empty\.db is not a SQLite database/);
    expect(err.join("")).not.toMatch(/\n\s+at /);
    expect(documentsIn(database())).toEqual(["HDV-1"]);
  });

  it("restores over a live database that is itself damaged (what a restore is for), keeping the damaged file aside", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    expect(await run(["backup", "backup.db"])).toBe(0);
    writeFileSync(database(), "the disk ate this database");
    err = [];
    out = [];
    expect(await run(["restore", "backup.db", "--lang", "en"])).toBe(0);
    expect(err.join("")).toBe("");
    expect(documentsIn(database())).toEqual(["HDV-1"]);
    const aside = readdirSync(dir).filter((f) => f.startsWith("hccd.db.before-restore-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), "utf8")).toBe("the disk ate this database");
  });

  it("restores into a folder that does not exist yet (a new machine)", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    expect(await run(["backup", "backup.db"])).toBe(0);
    const fresh = join(dir, "new-host", "data", "hccd.db");
    expect(await run(["restore", "backup.db"], { DATABASE_PATH: fresh })).toBe(0);
    expect(documentsIn(fresh)).toEqual(["HDV-1"]);
  });

  it("when the restored copy cannot be written, says why and leaves the live database in its place", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    expect(await run(["backup", "backup.db"])).toBe(0);
    expect(await run(["import", list("b.csv", 2, 1)])).toBe(0);
    // Where the copy would be written is taken by a folder: the copy fails after every check passed.
    mkdirSync(`${database()}.restoring`);
    err = [];
    expect(await run(["restore", "backup.db", "--lang", "en"])).toBe(1);
    expect(err.join("")).toMatch(/^Could not write .*hccd\.db\.restoring .*nothing was restored: the database is as it was\.\n$/);
    expect(documentsIn(database())).toEqual(["HDV-1", "HDV-2"]);
    expect(readdirSync(dir).some((f) => f.includes("before-restore"))).toBe(false);
  });

  it("a backup is one self-contained file: nothing is left beside it", async () => {
    expect(await run(["import", list("a.csv", 1, 1)])).toBe(0);
    const server = await createDb(database());
    try {
      expect(await run(["backup", "backup.db"])).toBe(0);
    } finally {
      await server.close();
    }
    expect(readdirSync(dir).filter((f) => f.startsWith("backup.db"))).toEqual(["backup.db"]);
    const copy = new Database(join(dir, "backup.db"), { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
  });

  it("on PostgreSQL prints the pg_dump and pg_restore commands for the database, without its password, and does nothing", async () => {
    const env = { DATABASE_URL: "postgres://hccd:s3cret@db.tinh.example:5432/hccd" };
    expect(await run(["backup", "hccd.dump", "--lang", "en"], env)).toBe(1);
    expect(await run(["restore", "hccd.dump", "--lang", "en"], env)).toBe(1);
    const said = err.join("");
    expect(said).toContain(`pg_dump --format=custom --no-owner --file='${join(dir, "hccd.dump")}' 'postgres://hccd@db.tinh.example:5432/hccd'`);
    expect(said).toContain(`pg_restore --clean --if-exists --no-owner --single-transaction --dbname='postgres://hccd@db.tinh.example:5432/hccd' '${join(dir, "hccd.dump")}'`);
    expect(said).not.toContain("s3cret");
    expect(existsSync(join(dir, "hccd.dump"))).toBe(false);
  });
});
