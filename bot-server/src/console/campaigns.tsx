/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/** The console's campaigns area (placeholder until the area is built). */
import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "./context.js";
import { ConsolePage } from "./layout.js";

export function campaignPages(_deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get("/", (c) => c.html(<ConsolePage c={c} title={c.var.t("campaigns.title")} section="campaigns"><p>…</p></ConsolePage>));
  return app;
}
