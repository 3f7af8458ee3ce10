import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getCampaign, updateCampaignIf, insertCampaignRecipients, insertDocument, insertPerson, isUniqueViolation, tablesOf, upsertWards } from "@hccd/db";
import { campaignInputSchema, type CampaignInput } from "@hccd/shared";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { createStaffUser } from "../staff/staff-auth.js";
import { userEvent } from "../../webhook/events.js";
import { audienceSize, campaignCounts, cancelCampaign, createCampaign, pauseCampaign, previewCampaign, resumeCampaign, scheduleCampaign, sendCampaignNow, testSendCampaign } from "./campaigns.js";
import { createCampaignScheduler } from "./campaign-dispatch.js";
import { createSyntheticFollowers } from "./campaign-fixtures.js";
import { eq, sql } from "drizzle-orm";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const input = (over: Partial<CampaignInput> = {}): CampaignInput =>
  campaignInputSchema.parse({ name: "Mời theo dõi Zalo OA", bodyVi: "Kính gửi {{ten}}, mời Ông/Bà theo dõi Zalo OA của Trung tâm.", bodyEn: "Dear {{name}}, please follow the Centre's Zalo OA.", linkUrl: "https://zalo.me/hccd", filters: {}, ...over });

async function setup(env: Record<string, string> = {}) {
  w = await createTestWorld({ env: { THROTTLE_OA_PER_SEC: "50000", OUTBOX_CONCURRENCY: "32", ...env } });
  const staff = await createStaffUser(w.services, { username: "truyen-thong", displayName: "Cán bộ truyền thông", password: "mật-khẩu-đủ-dài-2026", role: "communicator", agency: null, wardCode: null });
  const deps = { ...w.services, jobs: w.jobs };
  const scheduler = createCampaignScheduler(w.services, { intervalMs: 0 });
  return { staff, deps, scheduler, ctx: { staff } };
}

describe("campaign to 10,000 synthetic recipients", () => {
  it("completes against the simulator: every non-opted-out follower gets exactly one message, opted-out ones none", async () => {
    const { deps, scheduler, ctx } = await setup();
    const N = 10_000;
    const users = await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: N, now: w.clock.now(), optedOut: (i) => i % 20 === 0, follower: (i) => i % 50 !== 1, language: (i) => (i % 4 === 0 ? "en" : "vi") });
    const optedOut = users.filter((u) => u.optedOut).length;
    const unreachable = users.filter((u) => !u.optedOut && !u.follower).length;
    const expected = N - optedOut - unreachable;
    const c = await createCampaign(deps, ctx, input());
    expect(await audienceSize(deps, c.filters)).toEqual({ matched: N, willReceive: expected, optedOut, unreachable, notFollowing: unreachable, outsideWindow: 0, nobodyReachableBecause: [] });

    const started = performance.now();
    await sendCampaignNow(deps, ctx, c.id);
    // The scheduler's run at the same moment as the send-now job: the two must not double anything.
    await Promise.all([scheduler.runOnce(), w.jobs.idle()]);
    const materialised = performance.now() - started;
    await w.worker.drain(1000);
    await scheduler.runOnce();
    const delivered = performance.now() - started;

    const messages = w.sim!.zalo!.messages();
    const perUser = new Map<string, number>();
    for (const m of messages) perUser.set(m.userId!, (perUser.get(m.userId!) ?? 0) + 1);
    expect(messages.length).toBe(expected);
    expect(Math.max(...perUser.values())).toBe(1);
    for (const u of users) expect(perUser.get(u.oaUserId) ?? 0, u.oaUserId).toBe(!u.optedOut && u.follower ? 1 : 0);
    // Each recipient in their language, the link as a button.
    const en = users.find((u, i) => i % 4 === 0 && !u.optedOut && u.follower)!;
    expect(w.sim!.zalo!.messages({ userId: en.oaUserId })[0]).toMatchObject({ text: expect.stringMatching(/^Dear Người dùng \d+, please follow/), buttons: [{ title: "View details", url: "https://zalo.me/hccd" }] });

    // Receipts from Zalo (a sample, through the real webhook) become "delivered".
    const sample = messages.slice(0, 40);
    for (const m of sample) await w.sendEvent(userEvent(w.secrets, { oaUserId: m.userId! }, "user_received_message", w.clock.now(), { msg_id: m.id, delivery_time: String(w.clock.now().getTime()) }));
    await w.settle();
    expect(await campaignCounts(deps, c.id)).toEqual({ recipients: N, waiting: 0, queued: 0, sent: expected, delivered: sample.length, failed: 0, optedOut, unreachable, cancelled: 0 });
    expect((await getCampaign(w.services.db, c.id))?.status).toBe("completed");
    console.log(`campaign 10,000: materialised + queued in ${Math.round(materialised)} ms, all sent in ${Math.round(delivered)} ms`);
  }, 90_000);

  it("keeps one row per person and campaign as a constraint, not a check", async () => {
    const { deps, ctx } = await setup();
    const [u] = await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 1, now: w.clock.now() });
    const c = await createCampaign(deps, ctx, input());
    const at = w.clock.now();
    expect(await insertCampaignRecipients(w.services.db, [{ campaignId: c.id, zaloUserId: u!.appUserId, status: "pending", at }])).toBe(1);
    expect(await insertCampaignRecipients(w.services.db, [{ campaignId: c.id, zaloUserId: u!.appUserId, status: "pending", at }])).toBe(0);
    const { campaignRecipients } = tablesOf(w.services.db);
    const duplicate = await w.services.db.insert(campaignRecipients).values({ campaignId: c.id, zaloUserId: u!.appUserId, status: "pending", createdAt: at }).then(() => null, (err: unknown) => err);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });
});

describe("campaign receipts", () => {
  it("reaches 'delivered' through the Zalo simulator's own receipts, signed and posted to the real webhook", async () => {
    const { deps, scheduler, ctx } = await setup({ ZALO_SIM_RECEIPT_MS: "0" });
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 5, now: w.clock.now(), optedOut: (i) => i === 0 });
    const c = await createCampaign(deps, ctx, input());
    await sendCampaignNow(deps, ctx, c.id);
    await w.jobs.idle();
    await w.worker.drain();
    expect(await campaignCounts(deps, c.id)).toMatchObject({ sent: 4, delivered: 0 });
    await w.sim!.zalo!.idle();
    await w.webhooks.kick();
    await scheduler.runOnce();
    expect(await campaignCounts(deps, c.id)).toMatchObject({ recipients: 5, sent: 4, delivered: 4, optedOut: 1, failed: 0 });
    expect((await getCampaign(w.services.db, c.id))?.status).toBe("completed");
    // Every receipt passed the webhook's signature check and was stored once.
    const receipts = await w.one<{ n: number }>(sql`select count(*) as n from inbox where dedupe_key like 'msg:user_received_message:%' and error is null`);
    expect(receipts?.n).toBe(4);
  });
});

describe("campaign after a crash", () => {
  it("resumes a campaign acknowledged as sending when the process died before recording its audience, sending each once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-campaign-"));
    const dbPath = join(dir, "c.db");
    try {
      const env = { THROTTLE_OA_PER_SEC: "0" };
      w = await createTestWorld({ env, dbPath });
      const staff = await createStaffUser(w.services, { username: "truyen-thong", displayName: "Cán bộ", password: "mật-khẩu-đủ-dài-2026", role: "communicator", agency: null, wardCode: null });
      const users = await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 1200, now: w.clock.now() });
      const c = await createCampaign(w.services, { staff }, input());
      // What "send now" commits before answering; the process dies before the background job runs.
      await updateCampaignIf(w.services.db, c.id, ["draft"], { status: "sending", startedAt: w.clock.now(), updatedAt: w.clock.now() });
      await w.close();

      w = await createTestWorld({ env, dbPath });
      for (const u of users) {
        w.sim!.zalo!.setFollower(u.oaUserId, true);
        w.sim!.zalo!.recordInteraction(u.oaUserId, new Date(w.clock.now().getTime() - 3600_000));
      }
      const scheduler = createCampaignScheduler(w.services, { intervalMs: 0 });
      await scheduler.runOnce();
      await w.worker.drain(100);
      await scheduler.runOnce();
      await w.worker.drain(100);
      expect(w.sim!.zalo!.messages()).toHaveLength(1200);
      expect(new Set(w.sim!.zalo!.messages().map((m) => m.userId)).size).toBe(1200);
      expect((await getCampaign(w.services.db, c.id))?.status).toBe("completed");
    } finally {
      await w.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("campaign controls", () => {
  it("pause holds what is not yet sent, resume sends it, and cancel keeps what was sent counted", async () => {
    const { deps, ctx } = await setup({ OUTBOX_CONCURRENCY: "4" });
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 100, now: w.clock.now() });
    const c = await createCampaign(deps, ctx, input());
    await sendCampaignNow(deps, ctx, c.id);
    await w.jobs.idle();
    const first = await w.worker.runOnce(); // one batch of 50 (4 lanes × 4, at least 50)
    expect(first).toBe(50);
    await pauseCampaign(deps, ctx, c.id);
    expect(await campaignCounts(deps, c.id)).toMatchObject({ queued: 50, sent: 50 });
    expect(await w.worker.drain()).toBe(0);
    await resumeCampaign(deps, ctx, c.id);
    await w.jobs.idle();
    await w.worker.runOnce();
    // Cancelling mid-way: 50 + 50 were sent; nothing else is left to cancel.
    await cancelCampaign(deps, ctx, c.id);
    expect(await campaignCounts(deps, c.id)).toMatchObject({ sent: 100, queued: 0, cancelled: 0 });
    expect(w.sim!.zalo!.messages()).toHaveLength(100);
  });

  it("cancel stops queued messages and waiting recipients; sent ones stay counted", async () => {
    const { deps, ctx } = await setup({ OUTBOX_CONCURRENCY: "4" });
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 120, now: w.clock.now() });
    const c = await createCampaign(deps, ctx, input());
    await sendCampaignNow(deps, ctx, c.id);
    await w.jobs.idle();
    await w.worker.runOnce();
    await cancelCampaign(deps, ctx, c.id);
    expect(await w.worker.drain()).toBe(0);
    expect(await campaignCounts(deps, c.id)).toMatchObject({ recipients: 120, sent: 50, queued: 0, cancelled: 70 });
    expect(w.sim!.zalo!.messages()).toHaveLength(50);
    await expect(resumeCampaign(deps, ctx, c.id)).rejects.toThrow(/cannot be resumed/);
  });

  it("never sends at night: a campaign started at 22:00 waits, and goes at the end of quiet hours", async () => {
    const { deps, ctx, scheduler } = await setup();
    w.clock.set("2026-11-24T15:00:00Z"); // 22:00 in Vietnam
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 30, now: w.clock.now() });
    const c = await createCampaign(deps, ctx, input());
    await sendCampaignNow(deps, ctx, c.id);
    await w.jobs.idle();
    await w.worker.drain();
    expect(await campaignCounts(deps, c.id)).toMatchObject({ recipients: 30, waiting: 30, sent: 0 });
    // Overnight one of them opts out: the morning's wave leaves them out.
    const { zaloUsers } = tablesOf(w.services.db);
    const [first] = await w.services.db.select().from(zaloUsers).orderBy(zaloUsers.id).limit(1);
    await w.services.db.update(zaloUsers).set({ optedOutAt: w.clock.now() }).where(eq(zaloUsers.id, first!.id));
    w.clock.set("2026-11-25T00:00:00Z"); // 07:00
    await scheduler.runOnce();
    await w.worker.drain();
    await scheduler.runOnce();
    expect(await campaignCounts(deps, c.id)).toMatchObject({ sent: 29, optedOut: 1, waiting: 0 });
    expect(w.sim!.zalo!.messages({ userId: first!.oaUserId! })).toHaveLength(0);
    expect((await getCampaign(w.services.db, c.id))?.status).toBe("completed");
  });

  it("schedules in Vietnam time, refuses the past and quiet hours, and the scheduler starts it on time", async () => {
    const { deps, ctx, scheduler } = await setup();
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 5, now: w.clock.now() });
    const c = await createCampaign(deps, ctx, input());
    await expect(scheduleCampaign(deps, ctx, c.id, "2026-11-24T09:00")).rejects.toThrow(/in the past/); // 09:00 VN is before 10:00 now
    await expect(scheduleCampaign(deps, ctx, c.id, "2026-11-24T23:30")).rejects.toThrow(/quiet hours/);
    const s = await scheduleCampaign(deps, ctx, c.id, "2026-11-24T14:00");
    expect(s.scheduledAt?.toISOString()).toBe("2026-11-24T07:00:00.000Z");
    await scheduler.runOnce();
    expect((await getCampaign(w.services.db, c.id))?.status).toBe("scheduled");
    w.clock.set("2026-11-24T07:00:00Z");
    await scheduler.runOnce();
    await w.worker.drain();
    await scheduler.runOnce();
    expect(await campaignCounts(deps, c.id)).toMatchObject({ sent: 5 });
  });

  it("targets a ward, a service's holders and an age band through persons and documents, and previews one recipient in their language", async () => {
    const { deps, ctx } = await setup();
    const now = w.clock.now();
    await upsertWards(w.services.db, [{ code: "25453", name: "Phường Tân Ninh", provinceCode: "72" }, { code: "25460", name: "Phường Bình Minh", provinceCode: "72" }]);
    const phones = ["84912000001", "84912000002", "84912000003"];
    await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 3, now, phone: (i) => phones[i]!, language: (i) => (i === 1 ? "en" : "vi"), name: (i) => ["Trần Văn Bình", "Lê Thị Mai", "Phạm Hùng"][i]! });
    await insertPerson(w.services.db, { id: "p1", fullName: "Trần Văn Bình", nameKey: "tran van binh", dateOfBirth: "2000-05-01", phone: phones[0], residenceWardCode: "25453", updatedAt: now });
    await insertPerson(w.services.db, { id: "p2", fullName: "Lê Thị Mai", nameKey: "le thi mai", dateOfBirth: "1950-01-01", phone: phones[1], residenceWardCode: "25453", updatedAt: now });
    await insertPerson(w.services.db, { id: "p3", fullName: "Phạm Hùng", nameKey: "pham hung", dateOfBirth: "1990-01-01", phone: phones[2], residenceWardCode: "25460", updatedAt: now });
    await insertDocument(w.services.db, { id: "d1", serviceKey: "tour-guide-card", documentNo: "HDV-1", holderKind: "person", holderName: "Lê Thị Mai", phone: phones[1], expiresOn: "2027-01-01", updatedAt: now });
    expect((await audienceSize(deps, { wardCode: "25453" })).matched).toBe(2);
    expect((await audienceSize(deps, { wardCode: "25453", ageBand: "youth16to30" })).matched).toBe(1);
    expect((await audienceSize(deps, { serviceKey: "tour-guide-card" })).matched).toBe(1);
    expect((await audienceSize(deps, { language: "en" })).matched).toBe(1);
    expect((await audienceSize(deps, { holderKind: "organization" })).matched).toBe(0);
    const c = await createCampaign(deps, ctx, input({ bodyVi: "Kính gửi {{ten}} ở {{phuong}}: {{dichvu}}", bodyEn: "Dear {{name}} of {{ward}}: {{service}}", filters: { wardCode: "25453", serviceKey: "tour-guide-card" } }));
    const { zaloUsers, auditLog } = tablesOf(w.services.db);
    const [mai] = await w.services.db.select().from(zaloUsers).where(eq(zaloUsers.phone, phones[1]!)).limit(1);
    const p = await previewCampaign(deps, ctx, c.id, mai!.id);
    expect(p).toMatchObject({ language: "en", text: "Dear Lê Thị Mai of Phường Tân Ninh: Renewal of the international or domestic tour guide card" });
    const [binh] = await w.services.db.select().from(zaloUsers).where(eq(zaloUsers.phone, phones[0]!)).limit(1);
    await expect(previewCampaign(deps, ctx, c.id, binh!.id)).rejects.toThrow(/not in this campaign.s target group/);
    const audited = await w.services.db.select().from(auditLog).where(eq(auditLog.action, "campaign.previewed"));
    expect(audited).toMatchObject([{ actorKind: "staff", actorId: ctx.staff.id, targetKind: "zalo_user", targetId: mai!.id }]);
  });

  it("test-sends to the staff member's own Zalo, marked, and not counted in the campaign", async () => {
    const { deps, ctx } = await setup();
    const [me] = await createSyntheticFollowers(w.services.db, w.sim?.zalo, { count: 1, now: w.clock.now(), phone: () => "84987654321", name: () => "Cán bộ Hạnh" });
    const c = await createCampaign(deps, ctx, input());
    await expect(testSendCampaign(deps, ctx, c.id, "0911111111")).rejects.toThrow(/not linked to a Zalo user who follows the OA/);
    const r = await testSendCampaign(deps, ctx, c.id, "0987 654 321");
    expect(r.deferredUntil).toBeNull();
    await w.worker.drain();
    expect(w.sim!.zalo!.messages({ userId: me!.oaUserId })[0]?.text).toBe("[TIN THỬ — không gửi tới người dân]\nKính gửi Cán bộ Hạnh, mời Ông/Bà theo dõi Zalo OA của Trung tâm.");
    expect((await campaignCounts(deps, c.id)).recipients).toBe(0);
    expect((await getCampaign(w.services.db, c.id))?.status).toBe("draft");
  });
});
