import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import zaloMiniApp from "zmp-vite-plugin";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * zmp-vite-plugin reads `./app-config.json` relative to the working directory when given no
 * options; passing the parsed file makes the build work from any directory (e.g. `pnpm -r build`).
 * The plugin rewrites `www/app-config.json` with the built file lists that Zalo loads.
 */
const appConfig = JSON.parse(readFileSync(new URL("./app-config.json", import.meta.url), "utf8")) as Parameters<typeof zaloMiniApp>[0];

/** Where `/api` and `/sim` go during `vite` dev and `vite preview`. */
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8787";
const proxy = {
  "/api": { target: backend, changeOrigin: true },
  "/sim": { target: backend, changeOrigin: true },
};

export default defineConfig({
  root: here,
  // Zalo serves the app from its own path, so every asset URL must be relative.
  base: "./",
  plugins: [react(), zaloMiniApp(appConfig)],
  build: {
    outDir: "www",
    emptyOutDir: true,
    // Zalo's webviews on older Android phones: the plugin's default, kept explicit.
    target: "es2015",
    chunkSizeWarningLimit: 600,
  },
  // zmp-sdk is only reached through a dynamic import (src/services/zmp-sdk-calls.ts): without this
  // the dev server discovers it on the first visit and reloads the page under the citizen's finger.
  optimizeDeps: { include: ["zmp-sdk/apis"] },
  server: { proxy },
  preview: { proxy },
});
