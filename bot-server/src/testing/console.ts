import { expect } from "vitest";
import type { TestWorld } from "./world.js";

/** Logs in through the console's form; the cookie to send and the raw session token (for its CSRF token). */
export async function consoleLogin(w: TestWorld, username: string, password: string): Promise<{ cookie: string; token: string }> {
  const res = await w.app.request("/staff/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ username, password }).toString(),
  });
  expect(res.status, `login as ${username}`).toBe(303);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, token: cookie.slice(cookie.indexOf("=") + 1) };
}

/** A console request with the session cookie (and, for a form, the fields as urlencoded). */
export function consoleRequest(w: TestWorld, path: string, opts: { cookie: string; method?: string; form?: Record<string, string>; headers?: Record<string, string> }): Promise<Response> {
  const headers: Record<string, string> = { cookie: opts.cookie, "sec-fetch-site": "same-origin", ...opts.headers };
  if (opts.form) headers["content-type"] = "application/x-www-form-urlencoded";
  return Promise.resolve(w.app.request(path, { method: opts.method ?? (opts.form ? "POST" : "GET"), headers, ...(opts.form ? { body: new URLSearchParams(opts.form).toString() } : {}) }));
}
