import { afterEach, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { testDbs } from "@hccd/db/testing";
import { createClock, createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "../testing/world.js";
import { followEvent, signEvent, textEvent, userEvent } from "../webhook/events.js";
import { webhookMac } from "../webhook/signature.js";
import { fixedFaq } from "../testing/fixtures.js";
import { seedReference } from "../runtime.js";

const worlds: TestWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close().catch(() => undefined);
});
const open = testDbs(afterEach);

const faq = fixedFaq;

async function world(opts: Parameters<typeof createTestWorld>[0] = {}) {
  const w = await createTestWorld({ faq, ...opts });
  worlds.push(w);
  return w;
}
const count = async (w: TestWorld, query: SQL) => (await w.one<{ n: number }>(query))?.n;

describe("POST /webhooks/zalo: intake", () => {
  it("refuses a forged or missing signature with 401 and stores nothing", async () => {
    const w = await world();
    const u = w.chatUser();
    const event = textEvent(w.secrets, u, "xin chào", w.clock.now());
    const forged = await w.sendEvent(event, { signature: `mac=${"0".repeat(64)}` });
    expect(forged.status).toBe(401);
    expect(await readJson(forged)).toMatchObject({ error: { code: "invalid_signature" } });
    expect((await w.sendEvent(event, { signature: "" })).status).toBe(401);
    // Signed with the wrong secret.
    const wrong = signEvent(event, { ...w.secrets, oaSecretKey: "guess" });
    expect((await w.sendEvent(event, { signature: wrong.signature })).status).toBe(401);
    expect(await count(w, sql`select count(*) as n from inbox`)).toBe(0);
  });

  it("stores, answers 200, then processes; a repeated msg_id is stored and answered once", async () => {
    const w = await world();
    const u = w.chatUser();
    const first = await w.say(u, "hạn đăng ký khai sinh là bao lâu", "m-1");
    expect(first.status).toBe(200);
    expect(await readJson(first)).toEqual({ ok: true, duplicate: false });
    expect(await count(w, sql`select count(*) as n from inbox where processed_at is null`)).toBe(1);
    const again = await w.say(u, "hạn đăng ký khai sinh là bao lâu", "m-1");
    expect(await readJson(again)).toEqual({ ok: true, duplicate: true });
    await w.settle();
    await w.say(u, "hạn đăng ký khai sinh là bao lâu", "m-1");
    await w.settle();
    expect(w.inbox(u)).toEqual([expect.objectContaining({ text: "Trong 60 ngày kể từ ngày sinh.\nCăn cứ: Luật Hộ tịch 2014, Điều 15" })]);
    expect(await count(w, sql`select count(*) as n from inbox`)).toBe(1);
  });

  it("answers 400 to malformed JSON and 413 to an oversized body", async () => {
    const w = await world();
    const bad = await w.call("POST", "/webhooks/zalo", { rawBody: "{not json", headers: { "content-type": "application/json", "x-zevent-signature": `mac=${"a".repeat(64)}` } });
    expect(bad.status).toBe(400);
    const huge = textEvent(w.secrets, w.chatUser(), "x".repeat(70_000), w.clock.now());
    expect((await w.sendEvent(huge)).status).toBe(413);
    expect(await count(w, sql`select count(*) as n from inbox`)).toBe(0);
  });

  it("keeps a signed event it cannot read, set aside with its reason, and unknown events without answering", async () => {
    const w = await world();
    const unreadable = { app_id: w.secrets.appId, timestamp: String(w.clock.now().getTime()), event_name: "" };
    expect((await w.sendEvent(unreadable)).status).toBe(200);
    const u = w.chatUser();
    expect((await w.sendEvent(userEvent(w.secrets, u, "user_reacted_message", w.clock.now(), { msg_id: "r1", react_icon: "/-heart" }))).status).toBe(200);
    await w.settle();
    expect(await w.rows(sql`select error from inbox order by error is null, error`)).toEqual([{ error: "unreadable event" }, { error: null }]);
    expect(await count(w, sql`select count(*) as n from inbox where processed_at is null`)).toBe(0);
    expect(w.inbox(u)).toEqual([]);
  });

  it("refuses signed events outside the time window (6 h old, 1970, a year ahead): answered 200 so Zalo stops resending, kept set aside with the reason, never processed", async () => {
    const w = await world();
    const u = w.chatUser();
    const now = w.clock.now().getTime();
    const HOUR = 3_600_000;
    const stale = [new Date(now - 6 * HOUR), new Date(0), new Date(now + 365 * 24 * HOUR), new Date(now - 61 * 60_000), new Date(now + 6 * 60_000)];
    for (const [i, at] of stale.entries()) {
      const res = await w.sendEvent(textEvent(w.secrets, u, "hạn đăng ký khai sinh là bao lâu", at, `old-${i}`));
      expect(res.status, at.toISOString()).toBe(200);
      expect(await readJson(res), at.toISOString()).toMatchObject({ ok: false, refused: { code: "timestamp_outside_window" } });
    }
    // The same stale event again: deduplicated as before, still not processed.
    expect(await readJson(await w.sendEvent(textEvent(w.secrets, u, "hạn đăng ký khai sinh là bao lâu", stale[0]!, "old-0")))).toMatchObject({ ok: false, duplicate: true });
    // Inside the window (Zalo's retries of a recent event, a clock a little ahead): processed.
    await w.sendEvent(textEvent(w.secrets, u, "hạn đăng ký khai sinh là bao lâu", new Date(now - 59 * 60_000), "recent-1"));
    await w.sendEvent(textEvent(w.secrets, u, "hạn đăng ký khai sinh là bao lâu", new Date(now + 4 * 60_000), "recent-2"));
    await w.settle();
    expect(w.inbox(u)).toHaveLength(2);
    const rows = await w.rows<{ k: string; error: string }>(sql`select dedupe_key as k, error from inbox where error is not null order by dedupe_key`);
    expect(rows.map((r) => r.k)).toEqual(stale.map((_, i) => `msg:user_send_text:old-${i}`));
    expect(rows[0]!.error).toMatch(/^refused: timestamp .* outside the accepted window/);
    expect(await count(w, sql`select count(*) as n from inbox where processed_at is null`)).toBe(0);
  });

  it("takes the window from WEBHOOK_MAX_AGE_MS", async () => {
    const w = await world({ env: { WEBHOOK_MAX_AGE_MS: String(24 * 3_600_000) } });
    const res = await w.sendEvent(textEvent(w.secrets, w.chatUser(), "menu", new Date(w.clock.now().getTime() - 6 * 3_600_000)));
    expect(await readJson(res)).toEqual({ ok: true, duplicate: false });
  });

  it("answers a signed body that is null or nested 10,000 deep with a 4xx or a stored refusal, never 500", async () => {
    const w = await world();
    const post = (body: string) => w.call("POST", "/webhooks/zalo", { rawBody: body, headers: { "content-type": "application/json", "x-zevent-signature": `mac=${webhookMac("app_id+oa_secret", w.secrets, body, "")}` } });
    const nullBody = await post("null");
    expect(nullBody.status).toBe(200);
    expect(await w.rows(sql`select error from inbox`)).toEqual([{ error: "unreadable event" }]);
    for (const deep of [`${"[".repeat(10_000)}${"]".repeat(10_000)}`, `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`]) {
      const res = await post(deep);
      expect(res.status).toBe(400);
      expect(await readJson(res)).toMatchObject({ error: { code: "too_deep" } });
    }
    expect(await count(w, sql`select count(*) as n from inbox`)).toBe(1);
  });

  it("a poison event is tried 5 times, then set aside with its error, and the citizen is told once, in their language", async () => {
    const failing = { ...faq, ask: () => { throw new Error("index is broken"); } };
    const w = await world({ faq: failing });
    const u = w.chatUser();
    await w.say(u, "giá vàng hôm nay");
    for (let i = 0; i < 7; i++) await w.settle();
    expect(await w.rows(sql`select attempts, error, processed_at is not null as done from inbox`)).toEqual([{ attempts: 5, error: "index is broken", done: 1 }]);
    const told = w.inbox(u);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("chưa xử lý được tin nhắn");
    expect(told[0]!.buttons.map((b) => b.title)).toContain("Gặp cán bộ");
  });

  it("processes after a restart the events stored but not processed", async () => {
    // One database, on the engine of the run: the process before uses one handle, the one after the other.
    const [first, second] = await open.shared(2);
    const clock = createClock();
    const before = await world({ database: first!, clock });
    const u = before.chatUser();
    await before.say(u, "menu", "m-restart");
    await before.handle.close(); // died before processing

    const after = await world({ database: second!, clock });
    after.sim!.zalo!.setFollower(u.oaUserId, true);
    after.sim!.zalo!.recordInteraction(u.oaUserId, clock.now());
    await after.settle();
    expect(after.inbox(u)).toHaveLength(1);
    expect(after.inbox(u)[0]!.text).toContain("Anh/chị cần gì");
  });
});

describe("events", () => {
  it("follow: welcome, privacy notice, how to stop, with buttons; unfollow: no more OA messages", async () => {
    const w = await world();
    const u = w.chatUser();
    await w.sendEvent(followEvent(w.secrets, u, w.clock.now()));
    await w.settle();
    const [welcome, privacy] = w.inbox(u);
    expect(welcome!.text).toContain("Chào mừng anh/chị");
    expect(privacy!.text).toContain("dữ liệu cá nhân");
    expect(privacy!.text).toContain("dừng nhận tin");
    expect(privacy!.buttons.map((b) => b.title)).toContain("Gặp cán bộ");
    expect(await w.one(sql`select follower from zalo_users where oa_user_id = ${u.oaUserId}`)).toEqual({ follower: 1 });
    await w.sendEvent(followEvent(w.secrets, u, w.clock.now(), false));
    await w.settle();
    expect(await w.one(sql`select follower from zalo_users where oa_user_id = ${u.oaUserId}`)).toEqual({ follower: 0 });
  });

  it("records the last interaction, so notices go by OA message within 7 days and by ZNS after", async () => {
    const w = await world();
    await seedReference(w.handle.db);
    const u = w.chatUser();
    await w.sendEvent(followEvent(w.secrets, u, w.clock.now()));
    await w.verifyPhone(u, "84912345678");
    await w.settle();
    await w.postCertificate(makeBirthCertificate());
    await w.worker.drain();
    expect(w.inbox(u).at(-1)!.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
    expect(w.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(0);

    w.clock.advance(8 * 86_400_000);
    await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-BVDK-2026-000999" }));
    await w.worker.drain();
    expect(w.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(1);
  });

  it("answers images, stickers and locations politely with buttons, and never answers its own echoes", async () => {
    const w = await world();
    const u = w.chatUser();
    for (const name of ["user_send_image", "user_send_sticker", "user_send_location"]) {
      await w.sendEvent(userEvent(w.secrets, u, name, w.clock.now(), { msg_id: `${name}-1`, attachments: [] }));
    }
    await w.sendEvent({ ...userEvent(w.secrets, u, "oa_send_text", w.clock.now(), { msg_id: "echo-1", text: "hi" }), sender: { id: w.secrets.oaId }, recipient: { id: u.oaUserId } });
    await w.settle();
    const replies = w.inbox(u);
    expect(replies).toHaveLength(3);
    expect(replies.every((r) => r.text.includes("chỉ đọc được tin nhắn chữ") && r.buttons.length > 0)).toBe(true);
    expect(await count(w, sql`select count(*) as n from inbox where processed_at is not null`)).toBe(4);
  });

  it("marks outbox messages delivered and seen from Zalo's receipts", async () => {
    const w = await world();
    await w.postCertificate(makeBirthCertificate());
    await w.worker.drain();
    const row = (await w.one<{ id: string; provider_ref: string }>(sql`select id, provider_ref from outbox`))!;
    const u = w.chatUser();
    await w.sendEvent(userEvent(w.secrets, u, "user_received_message", w.clock.now(), { msg_id: row.provider_ref, tracking_id: row.id, delivery_time: String(w.clock.now().getTime()) }));
    await w.sendEvent(userEvent(w.secrets, u, "user_seen_message", w.clock.now(), { msg_ids: [row.provider_ref] }, {}));
    await w.settle();
    expect(await w.one(sql`select status, delivered_at is not null as d, seen_at is not null as s from outbox`)).toEqual({ status: "delivered", d: 1, s: 1 });
  });

  it("creates no Zalo user from a receipt: a ZNS receipt's sender may be the OA itself, and a receipt is no sign of a user", async () => {
    const w = await world();
    await w.postCertificate(makeBirthCertificate());
    await w.worker.drain();
    const row = (await w.one<{ id: string; provider_ref: string }>(sql`select id, provider_ref from outbox`))!;
    const users = await count(w, sql`select count(*) as n from zalo_users`);
    await w.sendEvent({ ...userEvent(w.secrets, { oaUserId: w.secrets.oaId }, "user_received_message", w.clock.now(), { msg_id: row.provider_ref, tracking_id: row.id, delivery_time: String(w.clock.now().getTime()) }), recipient: { id: "84912345678" } });
    await w.sendEvent(userEvent(w.secrets, { oaUserId: "2999999999999999999" }, "user_seen_message", w.clock.now(), { msg_ids: [row.provider_ref] }, {}));
    await w.settle();
    expect(await w.one(sql`select status from outbox`)).toEqual({ status: "delivered" });
    expect(await count(w, sql`select count(*) as n from zalo_users`)).toBe(users);
  });
});
