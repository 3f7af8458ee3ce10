import { zodIssuesToFields } from "@hccd/shared";
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./env.js";
import { validationFailed } from "./errors.js";

/**
 * Every request validated by a route schema fails the same way: 422 naming each bad field,
 * through the one error mapper.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const where = result.target === "json" ? "" : `${result.target}.`;
    throw validationFailed(zodIssuesToFields(result.error.issues).map((f) => ({ ...f, path: `${where}${f.path}` })));
  }
};
