import { defineConfig } from "drizzle-kit";

/** PostgreSQL migrations, from schema-pg.ts (the mirror of schema.ts in PostgreSQL's types). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema-pg.ts",
  out: "./migrations/postgres",
});
