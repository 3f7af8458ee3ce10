import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "./create-db.js";
import { committedMigrations } from "./migrate.js";

describe("migrations on PostgreSQL", () => {
  it("are applied once when two instances start together on an empty database", async () => {
    const server = inject("hccdPostgres")!;
    const admin = new pg.Pool({ connectionString: server.url, max: 1 });
    const name = `${server.prefix}empty`;
    await admin.query(`create database ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    try {
      const [a, b] = await Promise.all([createDb(url.toString()), createDb(url.toString())]);
      await Promise.all([a.close(), b.close()]);
      // A client, not a pool: its end() waits for the connection to close, so the forced drop below
      // cannot reach a connection still closing (a pool's end() returns first; the server's
      // "terminating connection" then came back as an error no one listened to).
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query<{ created_at: string }>(`select created_at from drizzle."__drizzle_migrations" order by created_at`);
      await check.end();
      expect(rows.map((r) => Number(r.created_at))).toEqual(committedMigrations("postgres"));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
