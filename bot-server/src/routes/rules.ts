import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import {
  errorEnvelopeSchema,
  idCardQuerySchema,
  idCardRenewal,
  idCardRenewalSchema,
  vaccinationQuerySchema,
  vaccinationSchedule,
  vaccinationScheduleSchema,
  VACCINATION_SCHEDULE,
} from "@hccd/shared";
import type { AppEnv } from "../env.js";
import { validationHook } from "../validation-hook.js";

const invalid = { description: "Impossible or missing dates, each named", content: { "application/json": { schema: errorEnvelopeSchema } } };

const vaccinationRoute = createRoute({
  method: "get",
  path: "/vaccination-schedule",
  tags: ["rules"],
  summary: "The national expanded immunisation schedule for a child born on `dob`",
  request: { query: vaccinationQuerySchema },
  responses: { 200: { description: "Every dose with its earliest recommended date", content: { "application/json": { schema: vaccinationScheduleSchema } } }, 422: invalid },
});

const idCardRoute = createRoute({
  method: "get",
  path: "/id-card-renewal",
  tags: ["rules"],
  summary: "When an ID card must be renewed (Luật Căn cước 2023, art. 21)",
  request: { query: idCardQuerySchema },
  responses: { 200: { description: "`renewBy` null: valid for life", content: { "application/json": { schema: idCardRenewalSchema } } }, 422: invalid },
});

/** The domain rules, as data (design.md stable interfaces). */
export function rulesRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(vaccinationRoute, (c) => {
    const { dob } = c.req.valid("query");
    return c.json({ source: VACCINATION_SCHEDULE.source, version: VACCINATION_SCHEDULE.version, doses: vaccinationSchedule(dob) }, 200);
  });
  app.openapi(idCardRoute, (c) => {
    const { dob, issued } = c.req.valid("query");
    return c.json({ ...idCardRenewal(dob, issued), source: "Luật Căn cước 26/2023/QH15, Điều 21" }, 200);
  });
  return app;
}
