import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { wardListSchema } from "@hccd/shared";
import type { ServiceDeps } from "../deps.js";
import { wardList } from "../services/reference/wards.js";
import type { AppEnv } from "../env.js";

const wardsRoute = createRoute({
  method: "get",
  path: "/wards",
  tags: ["reference"],
  summary: "Wards of the province (registration places)",
  responses: { 200: { description: "Wards by name", content: { "application/json": { schema: wardListSchema } } } },
});

/** Reference data that holds no personal data. */
export function publicRoutes(db: ServiceDeps["db"]) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(wardsRoute, async (c) => c.json({ wards: await wardList(db) }, 200));
  return app;
}
