import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { importCsvText } from "../../testing/imports.js";
import { defaultReminderCatalogue, reminderCatalogueFrom, type ReminderCatalogue } from "../reminders/reminder-catalogue.js";
import { sweepReminders } from "../reminders/reminder-sweep.js";
import { createTestWorld, type TestWorld } from "../../testing/world.js";
import { listFailedOutbox, toJson } from "@hccd/db";
import { signSmsReport } from "../../adapters/sms/types.js";
import { SIM_SMS_WEBHOOK_SECRET } from "../../config.js";

/**
 * Channel policy in delivery (issue 4): ZNS to the phone, else SMS; a permanent refusal falls over
 * to the next channel the service allows; a spent ZNS quota moves today's messages to SMS, or
 * waits for tomorrow's quota when the service allows no SMS.
 */
let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

async function remind(catalogue: ReminderCatalogue, rows: string) {
  const report = await importCsvText(w.services, catalogue, rows);
  expect(report.rejected).toEqual([]);
  return sweepReminders(w.services, { catalogue });
}

const outbox = () => w.rows<{ channel: string; status: string; last_error: string | null; next_attempt_at: number }>(sql`select channel, status, last_error, next_attempt_at from outbox order by created_at, id`);

// Today is 2026-11-24 in the test world; the tour guide card notices come 30 and 10 days ahead (II.1).
const DUE = "2026-12-24";

describe("delivery across channels", () => {
  it("sends by SMS, unaccented and without a button, when the phone has no Zalo account", async () => {
    w = await createTestWorld({ catalogue: defaultReminderCatalogue });
    w.sim!.zalo!.setWithoutZalo("0912345678");
    expect((await remind(defaultReminderCatalogue, `tour-guide-card,HDV-9,person,Phạm Minh Đức,0912345678,${DUE}\n`)).queued).toBe(1);
    await w.worker.drain(); // ZNS: -118, permanent → SMS
    await w.worker.drain();
    expect(w.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(0);
    const [sms] = w.sim!.sms!.messages({ phone: "0912345678" });
    expect(sms!.text).toBe(
      "Kinh gui Ong/Ba Pham Minh Duc, the huong dan vien du lich so HDV-9 se het han vao ngay 24/12/2026. Ong/Ba vui long thuc hien thu tuc gia han truoc ngay 14/12/2026 de khong bi gian doan. Chi tiet va thu tuc: mo Zalo, vao Official Account cua Trung tam Phuc vu hanh chinh cong tinh.",
    );
    expect(sms!.segments).toBeLessThanOrEqual(3);
    await w.sim!.sms!.idle(); // the gateway's delivery report
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "sms", status: "delivered" })]);
  });

  it("moves today's messages to SMS once the ZNS quota is spent", async () => {
    w = await createTestWorld({ catalogue: defaultReminderCatalogue, env: { ZALO_SIM_DAILY_QUOTA: "1" } });
    const r = await remind(defaultReminderCatalogue, `tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${DUE}\ntour-guide-card,HDV-2,person,Trần Thị Mai,0987654321,${DUE}\n`);
    expect(r.queued).toBe(2);
    for (let i = 0; i < 3; i++) await w.worker.drain();
    expect(w.sim!.zalo!.messages().filter((m) => m.channel === "zns")).toHaveLength(1);
    expect(w.sim!.sms!.messages()).toHaveLength(1);
    await w.sim!.sms!.idle();
    expect((await outbox()).map((o) => [o.channel, o.status])).toEqual(expect.arrayContaining([["zns", "sent"], ["sms", "delivered"]]));
  });

  it("waits for tomorrow's quota, at 07:00 Vietnam time, when the service allows no SMS", async () => {
    const znsOnly = reminderCatalogueFrom([
      { key: "tour-guide-card", name: { vi: "Thẻ hướng dẫn viên du lịch", en: "tour guide card" }, leadAgency: { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "DCST" }, notices: { steps: [{ before: "P30D" }] }, channels: ["zns"] },
    ]);
    w = await createTestWorld({ catalogue: znsOnly, env: { ZALO_SIM_DAILY_QUOTA: "1" } });
    await remind(znsOnly, `tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${DUE}\ntour-guide-card,HDV-2,person,Trần Thị Mai,0987654321,${DUE}\n`);
    for (let i = 0; i < 3; i++) await w.worker.drain();
    expect(w.sim!.sms!.messages()).toHaveLength(0);
    const waiting = (await outbox()).find((o) => o.status === "pending")!;
    expect(waiting).toMatchObject({ channel: "zns", last_error: expect.stringMatching(/quota/i) });
    expect(new Date(waiting.next_attempt_at).toISOString()).toBe("2026-11-25T00:00:00.000Z"); // 07:00 on the 25th in Vietnam
    w.clock.set("2026-11-25T00:00:00Z");
    await w.worker.drain();
    expect(w.sim!.zalo!.messages().filter((m) => m.channel === "zns")).toHaveLength(2);
  });

  it("lists a message no allowed channel could carry as failed, with the reason", async () => {
    const znsOnly = reminderCatalogueFrom([
      { key: "tour-guide-card", name: { vi: "Thẻ hướng dẫn viên du lịch", en: "tour guide card" }, leadAgency: { vi: "Sở Văn hóa, Thể thao và Du lịch", en: "DCST" }, notices: { steps: [{ before: "P30D" }] }, channels: ["zns"] },
    ]);
    w = await createTestWorld({ catalogue: znsOnly });
    w.sim!.zalo!.setWithoutZalo("0912345678");
    await remind(znsOnly, `tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${DUE}\n`);
    await w.worker.drain();
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "zns", status: "failed", last_error: expect.stringContaining("-118") })]);
    expect(w.sim!.sms!.messages()).toHaveLength(0);
  });

  it("retries a busy SMS gateway and delivers once", async () => {
    w = await createTestWorld({ catalogue: defaultReminderCatalogue });
    w.sim!.zalo!.setWithoutZalo("0912345678");
    w.sim!.sms!.failNext(2, "transient");
    await remind(defaultReminderCatalogue, `tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${DUE}\n`);
    for (let i = 0; i < 6; i++) {
      await w.worker.drain();
      w.clock.advance(10 * 60_000);
    }
    expect(w.sim!.sms!.deliveriesPerClientRef().size).toBe(1);
    expect([...w.sim!.sms!.deliveriesPerClientRef().values()]).toEqual([1]);
    await w.sim!.sms!.idle();
    expect(await outbox()).toEqual([expect.objectContaining({ channel: "sms", status: "delivered" })]);
  });

  it("records the gateway's delivery report: delivered, or failed with the reason and listed for staff", async () => {
    w = await createTestWorld({ catalogue: defaultReminderCatalogue });
    for (const phone of ["0912345678", "0987654321"]) w.sim!.zalo!.setWithoutZalo(phone);
    w.sim!.sms!.setUnreachable("0987654321");
    await remind(defaultReminderCatalogue, `tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,${DUE}\ntour-guide-card,HDV-2,person,Trần Thị Mai,0987654321,${DUE}\n`);
    for (let i = 0; i < 3; i++) await w.worker.drain();
    await w.sim!.sms!.idle();
    const rows = (await w.rows<{ channel: string; status: string; last_error: string | null; payload: unknown }>(sql`select channel, status, last_error, payload from outbox`))
      .map(({ payload, ...row }) => ({ ...row, phone: toJson<{ recipient: { phone: string } }>(payload).recipient.phone }))
      .sort((a, b) => a.phone.localeCompare(b.phone));
    expect(rows).toEqual([
      { channel: "sms", status: "delivered", last_error: null, phone: "84912345678" },
      { channel: "sms", status: "failed", last_error: "sms failed: subscriber unreachable", phone: "84987654321" },
    ]);
    expect((await listFailedOutbox(w.handle.db, { limit: 10 })).map((r) => r.lastError)).toEqual(["sms failed: subscriber unreachable"]);
  });
});

describe("POST /webhooks/sms", () => {
  const post = (body: string, signature?: string) =>
    w.call("POST", "/webhooks/sms", { rawBody: body, headers: { "content-type": "application/json", ...(signature ? { "x-sms-signature": signature } : {}) } });
  const report = { message_id: "sms1", client_ref: "no-such-row", status: "delivered", at: "2026-11-24T03:00:05Z" };

  it("refuses an unsigned or forged report, and names the field of one it cannot read", async () => {
    w = await createTestWorld();
    const raw = JSON.stringify(report);
    expect((await post(raw)).status).toBe(401);
    expect((await post(raw, signSmsReport(raw, "wrong-secret"))).status).toBe(401);
    const bad = JSON.stringify({ ...report, status: "read" });
    const res = await post(bad, signSmsReport(bad, SIM_SMS_WEBHOOK_SECRET));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toEqual(["status"]);
  });

  it("answers 200 to a report about no message of ours, so the gateway does not resend it forever", async () => {
    w = await createTestWorld();
    const raw = JSON.stringify(report);
    const res = await post(raw, signSmsReport(raw, SIM_SMS_WEBHOOK_SECRET));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, updated: false });
  });
});
