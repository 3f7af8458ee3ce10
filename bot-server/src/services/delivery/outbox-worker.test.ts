import { afterEach, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { enqueueOutbox, recipientDetails, tablesOf } from "@hccd/db";
import type { DraftView } from "@hccd/shared";
import { createClock, createTestWorld, createTwoTestWorlds, makeBirthCertificate, readJson, type TestWorld } from "../../testing/world.js";
import { seedReference } from "../../runtime.js";
import { backoffMs } from "./outbox-worker.js";
import { createSyntheticFollowers } from "../campaigns/campaign-fixtures.js";
import { enqueueCampaignMessage } from "../campaigns/campaign-dispatch.js";
import { enqueueChatMessage } from "./notifications.js";

/** The throttles' clock, injected: sleeping moves it on at once, so a throttled backlog takes no wall time. */
function fakeThrottleTime() {
  let t = 0;
  return { clock: () => t, sleep: async (ms: number) => void (t += ms) };
}

let world: TestWorld;
afterEach(async () => {
  await world?.close();
});

const outboxRows = () =>
  world.rows<{ kind: string; channel: string; status: string; attempts: number; last_error: string | null }>(sql`select kind, channel, status, attempts, last_error from outbox order by created_at, id`);

/** Our records say this Zalo user follows the OA and last wrote at `lastInteractionAt`. */
async function followsOa(userId: string, lastInteractionAt: Date) {
  const { zaloUsers } = tablesOf(world.handle.db);
  await world.handle.db.update(zaloUsers).set({ follower: true, oaUserId: userId, lastInteractionAt }).where(eq(zaloUsers.id, userId));
}

async function consented() {
  await seedReference(world.handle.db);
  const { draftId } = await readJson(await world.postCertificate(makeBirthCertificate()));
  const mother = await world.citizen({ phone: "0912345678" });
  let view: DraftView = await readJson(await world.call("GET", `/api/me/drafts/${draftId}`, { token: mother.token }));
  view = await readJson(await world.call("PATCH", `/api/me/drafts/${draftId}`, { token: mother.token, body: { version: view.version, changes: { "child.hometown": "Tây Ninh" } } }));
  const r = await readJson(await world.call("POST", `/api/me/drafts/${draftId}/consent`, { token: mother.token, body: { contentHash: view.contentHash, consentTextVersion: view.consentTextVersion } }));
  return { draftId, mother, submissionId: r.submissionId as string };
}

describe("backoffMs", () => {
  it.each([
    ["case_submission", 1, 10_000],
    ["case_submission", 2, 20_000],
    ["case_submission", 4, 80_000],
    ["notification", 1, 30_000],
    ["case_submission", 30, 3_600_000], // capped at an hour
  ] as const)("%s attempt %i waits %i ms (±20%%)", (kind, attempts, ms) => {
    expect(backoffMs(kind, attempts, () => 0.5)).toBe(ms);
    expect(backoffMs(kind, attempts, () => 0)).toBe(Math.round(ms * 0.8));
  });
});

describe("outbox worker", () => {
  it("retries the case system with backoff through an outage and submits once", async () => {
    world = await createTestWorld();
    const { submissionId } = await consented();
    const caseSim = world.sim!.caseSystem!;
    caseSim.failNextRequests(2, 503);
    await world.worker.drain();
    expect((await outboxRows()).find((r) => r.kind === "case_submission")).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringContaining("503") });
    world.clock.advance(5_000);
    await world.worker.drain();
    expect(caseSim.requestCount(submissionId)).toBe(1); // not due yet
    world.clock.advance(10_000);
    await world.worker.drain();
    expect(caseSim.requestCount(submissionId)).toBe(2);
    world.clock.advance(30_000);
    await world.worker.drain();
    expect(caseSim.requestCount(submissionId)).toBe(3);
    expect(caseSim.acceptedCount(submissionId)).toBe(1);
    expect((await outboxRows()).find((r) => r.kind === "case_submission")).toMatchObject({ status: "sent" });
  });

  it("gives up after the last attempt and leaves the row failed for staff", async () => {
    world = await createTestWorld();
    await consented();
    world.sim!.caseSystem!.failNextRequests(100, 503);
    for (let i = 0; i < 20; i++) {
      await world.worker.drain();
      world.clock.advance(2 * 3_600_000);
    }
    expect((await outboxRows()).find((r) => r.kind === "case_submission")).toMatchObject({ status: "failed", attempts: 12, last_error: expect.stringContaining("gave up after 12 attempts") });
  });

  it("falls over from an OA message to ZNS when Zalo refuses the OA message permanently", async () => {
    world = await createTestWorld();
    await seedReference(world.handle.db);
    // Our records say the mother follows the OA and wrote to it yesterday; Zalo disagrees (-213).
    const mother = await world.citizen({ phone: "0912345678" });
    await followsOa(mother.userId, new Date(world.clock.now().getTime() - 86_400_000));
    await world.postCertificate(makeBirthCertificate());
    expect(await outboxRows()).toEqual([expect.objectContaining({ channel: "oa", status: "pending" })]);
    await world.worker.drain();
    expect(await outboxRows()).toEqual([expect.objectContaining({ channel: "zns", status: "sent", last_error: null })]);
    expect(world.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(1);
  });

  it("marks a ZNS notice delivered when the simulated Zalo's receipt comes back through the webhook", async () => {
    world = await createTestWorld({ env: { ZALO_SIM_RECEIPT_MS: "0" } });
    const { draftId } = await readJson(await world.postCertificate(makeBirthCertificate()));
    await world.worker.drain();
    await world.sim!.zalo!.idle();
    await world.webhooks.kick();
    const row = await world.one(sql`select channel, status, delivered_at from outbox where idempotency_key = ${`birth-draft-ready:${draftId}`}`);
    expect(row).toEqual({ channel: "zns", status: "delivered", delivered_at: world.clock.now().getTime() });
  });

  it("sends an OA message when the mother follows the OA and talked to it this week", async () => {
    world = await createTestWorld();
    await seedReference(world.handle.db);
    const mother = await world.citizen({ phone: "0912345678" });
    world.sim!.zalo!.setFollower(mother.userId, true);
    world.sim!.zalo!.recordInteraction(mother.userId, world.clock.now());
    await followsOa(mother.userId, world.clock.now());
    const { draftId } = await readJson(await world.postCertificate(makeBirthCertificate()));
    await world.worker.drain();
    const [msg] = world.sim!.zalo!.messages({ userId: mother.userId });
    expect(msg).toMatchObject({ channel: "oa", buttons: [{ title: "Xem và xác nhận hồ sơ", url: `http://localhost:5173/?draft=${draftId}` }] });
    expect(msg!.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
  });

  it("defers notices in quiet hours to 07:00 Vietnam time instead of dropping them", async () => {
    world = await createTestWorld();
    world.clock.set("2026-11-24T15:30:00Z"); // 22:30 in Vietnam
    await world.postCertificate(makeBirthCertificate());
    await world.worker.drain();
    expect(world.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(0);
    world.clock.set("2026-11-24T23:59:00Z"); // 06:59
    await world.worker.drain();
    expect(world.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(0);
    world.clock.set("2026-11-25T00:00:00Z"); // 07:00
    await world.worker.drain();
    expect(world.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(1);
  });

  it("works through a backlog batch after batch without waiting for the next poll", async () => {
    world = await createTestWorld({ env: { OUTBOX_POLL_MS: "3600000", THROTTLE_ZNS_PER_SEC: "0" } }); // an hour: only going straight on can send them
    const now = world.clock.now();
    await world.handle.db.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) {
        await enqueueOutbox(tx, {
          id: `m${i}`, kind: "notification", idempotencyKey: `backlog:${i}`, channel: "zns", fallbackChannels: [], personId: null, priority: "reminder", nextAttemptAt: now, now,
          payload: { message: { type: "document_expiry", documentId: `d${i}`, params: { holderName: "Lê Văn Hùng", serviceName: { vi: "thẻ hướng dẫn viên du lịch", en: "tour guide card" }, documentNo: `HDV-${i}`, expiresOn: "2026-12-24", fileBy: "2026-12-14" } }, link: "http://localhost:5173/", recipient: { oaUserId: null, phone: `849${String(10_000_000 + i)}`, language: "vi" } },
        });
      }
    });
    world.worker.start();
    await vi.waitFor(async () => expect((await outboxRows()).filter((r) => r.status === "sent")).toHaveLength(120), { timeout: 30_000, interval: 50 });
    await world.worker.stop();
  });

  describe("one channel's queue does not hold back another's", () => {
    /** A follower within the 7-day window, with `replies` chat replies and `campaign` campaign messages queued a minute ago for them. */
    async function backlog(opts: { replies: number; campaign: number }) {
      const db = world.services.db;
      const [follower] = await createSyntheticFollowers(db, world.sim?.zalo, { count: 1, now: world.clock.now() });
      const r = (await recipientDetails(db, follower!.appUserId))!;
      const earlier = new Date(world.clock.now().getTime() - 60_000);
      await db.transaction(async (tx) => {
        for (let i = 0; i < opts.campaign; i++) {
          await enqueueCampaignMessage(tx, {
            config: world.config, now: new Date(earlier.getTime() + i), newId: world.services.newId, campaignId: "c1", recipient: { ...r, oaUserId: follower!.oaUserId },
            idempotencyKey: `campaign:c1:${i}`, message: { language: "vi", text: `Tin chiến dịch ${i}`, buttons: [] }, test: false,
          });
        }
        for (let i = 0; i < opts.replies; i++) {
          await enqueueChatMessage(tx, { now: new Date(earlier.getTime() + 1_000 + i), newId: world.services.newId, oaUserId: follower!.oaUserId, language: "vi", text: `Trả lời ${i}`, idempotencyKey: `reply:${i}` });
        }
      });
      return follower!;
    }
    const statusOf = async (key: string) => (await world.one<{ status: string }>(sql`select status from outbox where idempotency_key = ${key}`))?.status;
    const countSent = async (like: string) => (await world.one<{ n: number }>(sql`select count(*) as n from outbox where idempotency_key like ${like} and status = 'sent'`))!.n;

    it("sends a ZNS birth notice and a consented dossier in the first round behind 1,839 OA replies and a campaign", async () => {
      world = await createTestWorld({ throttleTime: fakeThrottleTime() });
      await backlog({ replies: 1839, campaign: 600 });
      const { draftId, submissionId } = await consented();
      expect(await statusOf(`birth-draft-ready:${draftId}`)).toBe("pending");
      await world.worker.runOnce();
      expect(await statusOf(`birth-draft-ready:${draftId}`)).toBe("sent");
      expect(await statusOf(submissionId)).toBe("sent");
      expect(world.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(1);
      // The OA throttle still spaces the OA rows: one batch went, the rest wait their turn.
      expect(await countSent("reply:%")).toBeGreaterThan(0);
      expect(await countSent("reply:%")).toBeLessThan(1839);
    });

    it("sends a chat reply to a citizen before the campaign messages queued ahead of it on the OA channel", async () => {
      world = await createTestWorld({ throttleTime: fakeThrottleTime() });
      await backlog({ replies: 0, campaign: 600 });
      const follower = (await createSyntheticFollowers(world.services.db, world.sim?.zalo, { count: 1, now: world.clock.now(), prefix: 7_300_000_000_000_000_000n }))[0]!;
      await enqueueChatMessage(world.services.db, { now: world.clock.now(), newId: world.services.newId, oaUserId: follower.oaUserId, language: "vi", text: "Dạ, anh/chị chờ một chút ạ.", idempotencyKey: "reply:late" });
      await world.worker.runOnce();
      expect(await statusOf("reply:late")).toBe("sent");
      expect(world.sim!.zalo!.messages({ userId: follower.oaUserId }).map((m) => m.text)).toEqual(["Dạ, anh/chị chờ một chút ạ."]);
      expect(await countSent("campaign:%")).toBeLessThan(600);
    });
  });

  it("sends a row that waited more than a quarter of its lease for the throttle: its claim, renewed before the wait, is still its own", async () => {
    // Time passes as it really does: a millisecond each time the backend reads the clock, and the throttle's sleep moves it on.
    const base = createClock();
    const clock = { ...base, now: () => (base.advance(1), base.now()) };
    const throttleTime = { clock: () => clock.now().getTime(), sleep: async (ms: number) => clock.advance(ms) };
    // 2 OA messages a second and a 3 s lease: one claim takes 3 rows, the third waits a second (> 3 s / 4) for the next one.
    world = await createTestWorld({ clock, throttleTime, env: { THROTTLE_OA_PER_SEC: "2", OUTBOX_LEASE_MS: "3000" } });
    const users = ["8300000000000000001", "8300000000000000002", "8300000000000000003"];
    for (const u of users) {
      world.sim!.zalo!.setFollower(u, true);
      world.sim!.zalo!.recordInteraction(u, clock.now());
      await enqueueChatMessage(world.services.db, { now: clock.now(), newId: world.services.newId, oaUserId: u, language: "vi", text: "Dạ, hồ sơ của anh/chị đã được tiếp nhận.", idempotencyKey: `reply:${u}` });
    }
    expect(await world.worker.runOnce()).toBe(3);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(world.sim!.zalo!.messages()).toHaveLength(3);
  });

  describe("a citizen's messages arrive in the order they were queued", () => {
    /** Read, it moves on a millisecond: the simulators stamp each message in the order it reached them, across instances. */
    function tickingClock() {
      const clock = createClock();
      return { ...clock, now: () => (clock.advance(1), clock.now()) };
    }
    const texts = ["Chào chị, tôi là cán bộ phường.", "Hồ sơ của chị đã được tiếp nhận.", "Trợ lý tự động tiếp tục hỗ trợ chị ạ."];
    /** `n` citizens who follow the OA and just wrote to it (as every instance's Zalo knows), each sent the three texts in one transaction, in one instant. */
    async function queueConversations(worlds: TestWorld[], n: number): Promise<string[]> {
      const w = worlds[0]!;
      const users = Array.from({ length: n }, (_, i) => String(8_200_000_000_000_000_000n + BigInt(i)));
      const now = w.clock.now();
      for (const u of users) {
        for (const x of worlds) {
          x.sim!.zalo!.setFollower(u, true);
          x.sim!.zalo!.recordInteraction(u, now);
        }
      }
      await w.services.db.transaction(async (tx) => {
        for (const u of users) {
          for (const [i, text] of texts.entries()) await enqueueChatMessage(tx, { now, newId: w.services.newId, oaUserId: u, language: "vi", text, idempotencyKey: `reply:${u}:${i}` });
        }
      });
      return users;
    }
    /** What a citizen received from any of these instances, in the order it arrived. */
    const received = (worlds: TestWorld[], userId: string) =>
      worlds.flatMap((x) => x.sim!.zalo!.messages({ userId })).sort((m, n) => Date.parse(m.sentAt) - Date.parse(n.sentAt)).map((m) => m.text);
    const env = { THROTTLE_OA_PER_SEC: "0" };

    it("one after another, the first failing once and retried before the next goes", async () => {
      world = await createTestWorld({ clock: tickingClock(), env });
      const users = await queueConversations([world], 3);
      world.sim!.zalo!.failNextSends(1);
      await world.worker.drain();
      // One citizen's first message met the outage: it waits for its retry, and their next ones wait behind it.
      expect(users.map((u) => received([world], u).length).sort()).toEqual([0, 3, 3]);
      world.clock.advance(60_000);
      await world.worker.drain();
      for (const u of users) expect(received([world], u)).toEqual(texts);
    });

    it("each right after the one before it, not at the next poll", async () => {
      world = await createTestWorld({ clock: tickingClock(), env: { ...env, OUTBOX_POLL_MS: "3600000" } }); // an hour: only going straight on can send them
      const [user] = await queueConversations([world], 1);
      world.worker.start();
      await vi.waitFor(() => expect(received([world], user!)).toEqual(texts), { timeout: 10_000, interval: 50 });
      await world.worker.stop();
    });

    it("with two instances on one database sending at once, each instance's first send failing once", async () => {
      const [a, b] = await createTwoTestWorlds({ clock: tickingClock(), env: { ...env, OUTBOX_CONCURRENCY: "4" } });
      try {
        // More citizens than one claim takes (50 rows), so that both instances have some to send.
        const users = await queueConversations([a, b], 60);
        a.sim!.zalo!.failNextSends(1);
        b.sim!.zalo!.failNextSends(1);
        await Promise.all([a.worker.drain(), b.worker.drain()]);
        a.clock.advance(60_000);
        for (let i = 0; i < 3; i++) await Promise.all([a.worker.drain(), b.worker.drain()]);
        for (const u of users) expect(received([a, b], u)).toEqual(texts);
        // Both instances took part, and each message went once.
        expect(a.sim!.zalo!.messages().length).toBeGreaterThan(0);
        expect(b.sim!.zalo!.messages().length).toBeGreaterThan(0);
        expect(a.sim!.zalo!.messages().length + b.sim!.zalo!.messages().length).toBe(users.length * texts.length);
      } finally {
        await b.close();
        await a.close();
      }
    });
  });
});
