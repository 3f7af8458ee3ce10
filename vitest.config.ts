import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "shared", root: "./shared", include: ["src/**/*.test.ts"] } },
      { test: { name: "db", root: "./db", include: ["src/**/*.test.ts"] } },
      { test: { name: "bot-server", root: "./bot-server", include: ["src/**/*.test.ts"] } },
      { test: { name: "e2e", root: "./test", include: ["**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
