import { defineConfig } from "drizzle-kit";

/** SQLite migrations, from schema.ts (`pnpm db:generate` runs this and drizzle.pg.config.ts). */
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema.ts",
  out: "./migrations/sqlite",
});
