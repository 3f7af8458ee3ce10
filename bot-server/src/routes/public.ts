import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { wardListSchema } from "@hccd/shared";
import { listWards, type Db } from "@hccd/db";
import type { AppEnv } from "../env.js";

const wardsRoute = createRoute({
  method: "get",
  path: "/wards",
  tags: ["reference"],
  summary: "Wards of the province (registration places)",
  responses: { 200: { description: "Wards by name", content: { "application/json": { schema: wardListSchema } } } },
});

/** Reference data that holds no personal data. */
export function publicRoutes(db: Db) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(wardsRoute, (c) => c.json({ wards: listWards(db).map((w) => ({ code: w.code, name: w.name })) }, 200));
  return app;
}
