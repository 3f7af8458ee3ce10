/**
 * Vitest global setup of the PostgreSQL projects: migrates one template database on the server
 * named by HCCD_TEST_DATABASE_URL, hands it to the tests (`openTestDb`), and drops it and every
 * test database left behind at the end.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../create-db.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.HCCD_TEST_DATABASE_URL;
  if (!url) throw new Error("HCCD_TEST_DATABASE_URL is not set: start a server with `node scripts/pg-cluster.mjs start` and export the URL it prints");
  // Per run and per project (db:postgres, bot-server:postgres share a server and a process).
  const run = `${process.pid}_${project.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
  const template = `hccd_template_${run}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const handle = await createDb(templateUrl.toString());
  await handle.close();
  const prefix = `hccd_t_${run}_`;
  project.provide("hccdPostgres", { url, template, prefix });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname = $1 or starts_with(datname, $2)`, [template, prefix]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
