/**
 * A staff edit to the FAQ reaches every instance: each polls the table's version (FAQ_POLL_MS) and
 * rebuilds its index, off the hot path, when it changed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openSharedTestDb } from "@hccd/db/testing";
import { createClock, createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { createStaffUser } from "../staff/staff-auth.js";
import { buildFaqEngine, createFaqEngine, FAQ_ENTRIES } from "../../faq/index.js";
import { busFareFaqEntry } from "../../testing/fixtures.js";

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
const BUS = "vé xe buýt nội tỉnh bao nhiêu tiền";

const ask = async (w: TestWorld, question: string) => readJson<{ answered: boolean; matches: { id: string }[] }>(await w.call("POST", "/api/faq/ask", { body: { question } }));

describe("the FAQ across instances", () => {
  it("an entry a communicator adds on one instance is answered by the other after its next poll", async () => {
    const clock = createClock();
    const [first, second] = await openSharedTestDb(2);
    for (const database of [first!, second!]) worlds.push(await createTestWorld({ database, clock }));
    const [a, b] = [worlds[0]!, worlds[1]!];
    await createStaffUser(a.services, { username: "truyen-thong", displayName: "Phạm Minh Truyền", password: PASSWORD, role: "communicator" });
    const login = await a.call("POST", "/api/staff/session", { body: { username: "truyen-thong", password: PASSWORD } });
    const { token } = await readJson<{ token: string }>(login);
    expect((await ask(b, BUS)).answered).toBe(false);
    const created = await a.call("POST", "/api/staff/faq/entries", { token, body: busFareFaqEntry });
    expect(created.status).toBe(201);
    const onA = await ask(a, BUS); // the instance that took the edit: at once
    const id = onA.matches[0]?.id;
    expect({ answered: onA.answered, id }).toEqual({ answered: true, id: expect.stringMatching(/^gia-ve-xe-buyt/) });
    expect((await ask(b, BUS)).answered).toBe(false); // the other: not before it polls
    await b.faqSync.kick();
    const answer = await ask(b, BUS);
    expect({ answered: answer.answered, top: answer.matches[0]?.id }).toEqual({ answered: true, top: id });
    // Nothing changed since: the next poll reads the version and rebuilds nothing.
    expect(await b.faqSync.check()).toBe(false);
  }, 30_000);

  it("builds the index one entry at a time, letting other work run meanwhile, into the same engine", async () => {
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    const built = await buildFaqEngine(FAQ_ENTRIES);
    expect(ranMeanwhile).toBe(true);
    const sync = createFaqEngine(FAQ_ENTRIES);
    for (const q of ["đăng ký khai sinh cho con trong bao nhiêu ngày", "làm căn cước ở đâu", "how to renew my passport"]) {
      expect(built.ask(q, "vi")).toEqual(sync.ask(q, "vi"));
    }
  });
});
