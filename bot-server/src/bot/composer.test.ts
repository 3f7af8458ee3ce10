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

  it("waits for an asynchronous handler deep in the chain before the chain resolves", async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const feature = new Composer<{ n: number }>().filter(
      () => true,
      async () => {
        await gate;
        seen.push("handled");
      },
    );
    const bot = new Composer<{ n: number }>().use(async (_c, next) => {
      await next();
      seen.push("after");
    }, feature);
    let resolved = false;
    const run = Promise.resolve(bot.middleware()({ n: 1 }, async () => undefined)).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    release();
    await run;
    expect(seen).toEqual(["handled", "after"]);
  });

  it("rejects with the error of an asynchronous handler, through filters and nested composers", async () => {
    const failing = new Composer<object>().filter(
      () => true,
      new Composer<object>().use(async () => {
        await Promise.resolve();
        throw new Error("database said no");
      }),
    );
    const bot = new Composer<object>().use(async (_c, next) => next(), failing);
    await expect(bot.middleware()({}, async () => undefined)).rejects.toThrow("database said no");
  });
});
