import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { executeStatement } from "@hccd/db";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("readiness and liveness", () => {
  it("GET /readyz is 200 while the database answers with every migration applied, 503 saying why when not", async () => {
    world = await createTestWorld();
    const ready = await world.call("GET", "/readyz");
    expect({ status: ready.status, body: await readJson(ready) }).toEqual({ status: 200, body: { status: "ready" } });
    const table = world.handle.engine === "sqlite" ? sql`"__drizzle_migrations"` : sql`drizzle."__drizzle_migrations"`;
    await executeStatement(world.db, sql`delete from ${table} where created_at = (select max(created_at) from ${table})`);
    const behind = await world.call("GET", "/readyz");
    expect({ status: behind.status, body: await readJson(behind) }).toEqual({ status: 503, body: { status: "not_ready", reason: "1 migration(s) not applied" } });
    // Liveness is the process answering: it does not depend on the database's state.
    expect((await world.call("GET", "/healthz")).status).toBe(200);
  });

  it("GET /readyz is 503 naming ATTACHMENTS_DIR when the shared directory goes away (a share unmounted while running)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-papers-"));
    try {
      world = await createTestWorld({ env: { ATTACHMENTS_DIR: dir } });
      expect((await world.call("GET", "/readyz")).status).toBe(200);
      rmSync(dir, { recursive: true });
      const gone = await world.call("GET", "/readyz");
      expect({ status: gone.status, body: await readJson(gone) }).toEqual({ status: 503, body: { status: "not_ready", reason: `ATTACHMENTS_DIR: ${dir} does not exist: mount the shared directory there, or create it` } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("GET /readyz is 503 once shutdown has begun, so the load balancer sends no new work", async () => {
    world = await createTestWorld();
    const w = world;
    const closing = w.close();
    world = undefined;
    const res = await w.call("GET", "/readyz");
    expect({ status: res.status, body: await readJson(res) }).toEqual({ status: 503, body: { status: "not_ready", reason: "shutting down" } });
    await closing;
  });
});
