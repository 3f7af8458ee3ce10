import { configDefaults, defineConfig } from "vitest/config";

/**
 * The db and bot-server suites run on SQLite always, and on PostgreSQL too when
 * HCCD_TEST_DATABASE_URL names a server (`node scripts/pg-cluster.mjs start` prints one; `.ci/run`
 * does it): the `db:postgres` and `bot-server:postgres` projects run the same files with a migrated
 * template database per project and run, and a copy per test (`@hccd/db/testing`, which
 * `createTestWorld` opens). `*.sqlite.test.ts` (query plans, pragmas, files) and
 * `*.postgres.test.ts` run on their engine only; `test/*.postgres.test.ts` (the `e2e:postgres` project)
 * start backends in processes of their own on a database they create on that server.
 */
const postgres = process.env.HCCD_TEST_DATABASE_URL;
// A test on PostgreSQL copies a template database and talks over a socket: a few times slower than
// on an in-memory SQLite file, and more so on a loaded CI machine (a limit, not a speed target).
const PG_TIMEOUTS = { testTimeout: 20_000, hookTimeout: 30_000 };
if (!postgres && !process.env.VITEST_WORKER_ID) console.log("PostgreSQL suites skipped (SQLite only): set HCCD_TEST_DATABASE_URL to run db:postgres, bot-server:postgres and e2e:postgres");
const pgGlobalSetup = "../db/src/testing/pg-global-setup.ts";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", root: "./shared", include: ["src/**/*.test.ts"] } },
      { test: { name: "db", root: "./db", include: ["src/**/*.test.ts"], exclude: ["src/**/*.postgres.test.ts"] } },
      ...(postgres ? [{ test: { name: "db:postgres", root: "./db", include: ["src/**/*.test.ts"], exclude: ["src/**/*.sqlite.test.ts"], globalSetup: [pgGlobalSetup], ...PG_TIMEOUTS } }] : []),
      { test: { name: "bot-server", root: "./bot-server", include: ["src/**/*.test.ts"], exclude: ["src/**/*.postgres.test.ts"] } },
      ...(postgres ? [{ test: { name: "bot-server:postgres", root: "./bot-server", include: ["src/**/*.test.ts"], exclude: ["src/**/*.sqlite.test.ts"], globalSetup: [pgGlobalSetup], ...PG_TIMEOUTS } }] : []),
      { test: { name: "e2e", root: "./test", include: ["**/*.test.ts"], exclude: [...configDefaults.exclude, "**/*.postgres.test.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
      // Real processes on one PostgreSQL database (two backends, an external simulator): issue 14's multi-instance test.
      ...(postgres ? [{ test: { name: "e2e:postgres", root: "./test", include: ["**/*.postgres.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false } }] : []),
    ],
  },
});
