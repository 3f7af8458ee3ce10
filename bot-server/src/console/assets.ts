import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Hono } from "hono";

/** The console's one stylesheet and one script (no inline code: the CSP allows only 'self'). */
const files = {
  "console.css": { type: "text/css; charset=utf-8", body: readFileSync(new URL("./static/console.css", import.meta.url), "utf8") },
  "console.js": { type: "text/javascript; charset=utf-8", body: readFileSync(new URL("./static/console.js", import.meta.url), "utf8") },
} as const;

/** Changes with the files, so browsers may cache them for good (`?v=` in the page). */
export const ASSET_VERSION = createHash("sha256").update(files["console.css"].body).update(files["console.js"].body).digest("hex").slice(0, 12);

export function consoleAssets() {
  const app = new Hono();
  app.get("/:name", (c) => {
    // Object.hasOwn: a plain object also "has" constructor, __proto__, toString…
    const name = c.req.param("name");
    if (!Object.hasOwn(files, name)) return c.text("not found", 404);
    const file = files[name as keyof typeof files];
    return c.body(file.body, 200, { "content-type": file.type, "cache-control": c.req.query("v") === ASSET_VERSION ? "public, max-age=31536000, immutable" : "no-cache" });
  });
  return app;
}
