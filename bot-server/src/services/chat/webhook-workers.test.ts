import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestWorld, type TestWorld } from "../../testing/world.js";

/**
 * WEBHOOK_PROCESSING=workers: the servers that answer Zalo store and acknowledge events and do
 * nothing else with them; `pnpm hccd worker` processes handle them (issue 14: acknowledgement
 * never waits behind the bot's work).
 */
let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const unprocessed = async () => (await w.rows<{ n: number }>(sql`select count(*) as n from inbox where processed_at is null`))[0]!.n;
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe("webhook events left to the workers", () => {
  it("are stored and acknowledged by the server, and handled only where processing is asked for", async () => {
    w = await createTestWorld({ env: { WEBHOOK_PROCESSING: "workers" }, processWebhooksOnStore: true });
    const user = w.chatUser();
    expect((await w.say(user, "xin chao")).status).toBe(200);
    // The server's own work does not include them: nothing kicked, nothing started.
    w.startWork();
    await turns(20);
    expect(Number(await unprocessed())).toBe(1);
    expect(w.inbox(user)).toEqual([]);
    await w.stopWork();

    // A worker (the CLI's `worker` asks for the events) handles it, and the OA answers.
    w.startWork({ processWebhooks: true });
    await w.webhooks.idle();
    expect(Number(await unprocessed())).toBe(0);
    // The reply goes out through the started outbox loops (a deadline, not a timing assertion).
    for (let i = 0; i < 250 && w.inbox(user).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(w.inbox(user).length).toBeGreaterThan(0);
  });

  it("are handled by the server itself by default (one machine)", async () => {
    w = await createTestWorld({ processWebhooksOnStore: true });
    const user = w.chatUser();
    expect((await w.say(user, "xin chao")).status).toBe(200);
    await turns(5);
    await w.webhooks.idle();
    expect(Number(await unprocessed())).toBe(0);
  });
});
