/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/** The console's audit area (placeholder until the area is built). */
import { Hono } from "hono";
import type { ConsoleDeps, ConsoleEnv } from "./context.js";
import { ConsolePage } from "./layout.js";

export function auditPages(_deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get("/", (c) => c.html(<ConsolePage c={c} title={c.var.t("audit.title")} section="audit"><p>…</p></ConsolePage>));
  return app;
}
