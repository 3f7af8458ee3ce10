import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestWorld, readJson, type TestWorld } from "../testing/world.js";
import { PROTOTYPE_NAMES } from "../testing/fuzz.js";
import { analyze } from "./normalize.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** Words that name members of every plain object: a dictionary lookup must not find them. */
describe("questions made of prototype names (found by the fuzzer)", () => {
  it.each(PROTOTYPE_NAMES)("analyze(%s) reads it as a word", (name) => {
    expect(() => analyze(name)).not.toThrow();
    expect(() => analyze(`14 ${name}`)).not.toThrow();
  });

  it("POST /api/faq/ask answers 200, and the chat answers instead of failing the event five times", async () => {
    w = await createTestWorld();
    for (const question of PROTOTYPE_NAMES) {
      const res = await w.call("POST", "/api/faq/ask", { body: { question } });
      expect(res.status, question).toBe(200);
      expect(await readJson(res)).toMatchObject({ answered: expect.any(Boolean) });
    }
    const u = w.chatUser();
    await w.say(u, "constructor");
    await w.settle();
    expect(w.inbox(u)).toHaveLength(1);
    expect(await w.rows(sql`select error from inbox`)).toEqual([{ error: null }]);
  });
});
