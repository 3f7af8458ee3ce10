import { describe, expect, it } from "vitest";
import { Composer } from "./composer.js";

describe("Composer", () => {
  it("runs middleware in order, stops where a handler does not call next, and filters", async () => {
    const seen: string[] = [];
    const feature = new Composer<{ n: number }>().filter((c) => c.n > 1, (c) => void seen.push(`big ${c.n}`));
    const bot = new Composer<{ n: number }>()
      .use(async (_c, next) => {
        seen.push("first");
        await next();
        seen.push("after");
      })
      .use(feature)
      .use((c) => void seen.push(`fallback ${c.n}`));
    const run = bot.middleware();
    await run({ n: 1 }, async () => undefined);
    await run({ n: 2 }, async () => undefined);
    expect(seen).toEqual(["first", "fallback 1", "after", "first", "big 2", "after"]);
  });

  it("refuses a middleware that calls next twice", async () => {
    const bot = new Composer<object>().use(async (_c, next) => {
      await next();
      await next();
    });
    await expect(bot.middleware()({}, async () => undefined)).rejects.toThrow("next() called twice");
  });
});
