import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { tourGuideCatalogue } from "../../testing/fixtures.js";
import { createClock, createTestWorld, type TestWorld } from "../../testing/world.js";
import { defaultReminderCatalogue } from "./reminder-catalogue.js";
import { importCsvText } from "../../testing/imports.js";
import { sweepReminders } from "./reminder-sweep.js";
import { enqueueNotification } from "../delivery/notifications.js";

const catalogue = tourGuideCatalogue;

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const importCsv = (body: string) => importCsvText(w.services, catalogue, body);

describe("reminder sweep", () => {
  it("sends each step once, on its day at 08:00, by ZNS to the holder's phone; a re-import or a second sweep sends nothing more", async () => {
    w = await createTestWorld(); // 2026-11-24 10:00 Vietnam time
    await importCsv("tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n"); // 60 days: 2026-11-24
    expect(await sweepReminders(w.services, { catalogue })).toEqual({ queued: 1, skipped: 0, cancelled: 0 });
    expect(await sweepReminders(w.services, { catalogue })).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
    await w.worker.drain();
    const [msg] = w.sim!.zalo!.messages({ phone: "84912345678" });
    expect(msg!.text).toBe("Kính gửi Ông/Bà Lê Văn Hùng, Thẻ hướng dẫn viên du lịch số HDV-1 sẽ hết hạn vào ngày 23/01/2027. Ông/Bà vui lòng thực hiện thủ tục gia hạn trước ngày 13/01/2027 để không bị gián đoạn.");
    await importCsv("tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n");
    w.clock.set("2026-12-24T00:59:00Z"); // 07:59 on the 30-day step's day
    expect((await sweepReminders(w.services, { catalogue })).queued).toBe(0);
    w.clock.set("2026-12-24T01:00:00Z"); // 08:00
    expect((await sweepReminders(w.services, { catalogue })).queued).toBe(1);
    await w.worker.drain();
    expect(w.sim!.zalo!.messages({ phone: "84912345678" })).toHaveLength(2);
  });

  it("skips holders who cannot be reached and records why", async () => {
    w = await createTestWorld();
    await importCsv("tour-guide-card,HDV-2,person,Trần Thị Mai,,2027-01-23\n");
    expect(await sweepReminders(w.services, { catalogue })).toEqual({ queued: 0, skipped: 1, cancelled: 0 });
    expect(await w.rows(sql`select status, reason from reminders where status != 'planned'`)).toEqual([{ status: "skipped", reason: "unreachable" }]);
  });

  it("queues, skips and cancels side by side in one batch; a reminder whose notice the outbox holds already is queued with that row", async () => {
    w = await createTestWorld(); // 2026-11-24 10:00 Vietnam time: the 60-day step of 2027-01-23 is due
    await importCsv(
      "tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2027-01-23\n" +
        "tour-guide-card,HDV-2,person,Trần Thị Mai,,2027-01-23\n" +
        "tour-guide-card,HDV-3,person,Phạm Văn Tài,0987654321,2027-01-23\n" +
        "tour-guide-card,HDV-4,person,Võ Thị Lan,0911222333,2027-01-23\n",
    );
    // HDV-3's deadline moved since its reminders were planned; HDV-4's notice was queued by an earlier sweep that died before recording it.
    await w.rows(sql`update documents set expires_on = '2027-06-01' where document_no = 'HDV-3' returning id`);
    const [hdv4] = await w.rows<{ key: string }>(sql`select r.idempotency_key as key from reminders r join documents d on d.id = r.document_id where d.document_no = 'HDV-4' and r.step = 'P60D'`);
    const earlier = await enqueueNotification(w.services.db, {
      config: w.services.config, now: w.clock.now(), newId: w.services.newId, recipient: { personId: null, phone: "84911222333" }, idempotencyKey: hdv4!.key, purpose: "reminder",
      message: { type: "document_expiry", documentId: "x", params: { holderName: "Võ Thị Lan", serviceName: { vi: "Thẻ", en: "Card" }, documentNo: "HDV-4", expiresOn: "2027-01-23", fileBy: "2027-01-13" } },
    });
    expect(earlier.queued).toBe(true);
    expect(await sweepReminders(w.services, { catalogue })).toEqual({ queued: 2, skipped: 1, cancelled: 1 });
    expect(await w.rows(sql`select d.document_no, r.status, r.reason, r.outbox_id is not null as has_outbox from reminders r join documents d on d.id = r.document_id where r.status != 'planned' order by d.document_no`)).toEqual([
      { document_no: "HDV-1", status: "queued", reason: null, has_outbox: 1 },
      { document_no: "HDV-2", status: "skipped", reason: "unreachable", has_outbox: 0 },
      { document_no: "HDV-3", status: "cancelled", reason: "the deadline changed", has_outbox: 0 },
      { document_no: "HDV-4", status: "queued", reason: null, has_outbox: 1 },
    ]);
    expect(await w.rows(sql`select r.outbox_id as id from reminders r join documents d on d.id = r.document_id where d.document_no = 'HDV-4' and r.status = 'queued'`)).toEqual([{ id: earlier.queued ? earlier.outboxId : null }]);
    expect(await w.rows(sql`select count(*) as n from outbox`)).toEqual([{ n: 2 }]);
  });
});

describe("reminder sweep with the province's catalogue", () => {
  const real = defaultReminderCatalogue;
  const importReal = (body: string) => importCsvText(w.services, real, body);

  // services-2026-06-leadtimes.tsv III.3: message at least 60 days before, file at least 30 days before.
  it("asks a petrol retailer 60 days ahead to file 30 days before expiry", async () => {
    w = await createTestWorld({ catalogue: real }); // 2026-11-24 10:00 Vietnam time
    const report = await importReal("petrol-retail-certificate,XD-7,organization,Cửa hàng xăng dầu Số 7,0912345678,2027-01-23\n");
    expect(report.created).toBe(1);
    expect((await sweepReminders(w.services, { catalogue: real })).queued).toBe(1);
    await w.worker.drain();
    const [msg] = w.sim!.zalo!.messages({ phone: "84912345678" });
    expect(msg!.templateData).toMatchObject({ expiresOn: "23/01/2027", fileBy: "24/12/2026" });
  });

  // III.1 files 6 months ahead; the default last call comes a month before expiry, when that date is past.
  it("asks for the expiry date, not a past file-by date, in a late notice", async () => {
    w = await createTestWorld({ catalogue: real, clock: createClock("2026-12-24T03:00:00Z") });
    await importReal("food-safety-certificate-industry,ATTP-1,organization,Công ty TNHH Bánh kẹo Tây Ninh,0912345678,2027-01-23\n");
    expect((await sweepReminders(w.services, { catalogue: real })).queued).toBe(1);
    await w.worker.drain();
    const [msg] = w.sim!.zalo!.messages({ phone: "84912345678" });
    expect(msg!.templateData).toMatchObject({ expiresOn: "23/01/2027", fileBy: "23/01/2027" });
  });

  // Seed 000 row 6: "hệ thống gửi nhắc + liên kết thanh toán online".
  it("sends the household health insurance reminder with the renewal and payment link", async () => {
    w = await createTestWorld({ catalogue: real, clock: createClock("2026-12-01T03:00:00Z") });
    await importReal("household-health-insurance,HN4797912345678,person,Nguyễn Thị Lan,0912345678,2026-12-31\n"); // 30 days ahead
    expect((await sweepReminders(w.services, { catalogue: real })).queued).toBe(1);
    await w.worker.drain();
    const [msg] = w.sim!.zalo!.messages({ phone: "84912345678" });
    const docId = (await w.one<{ id: string }>(sql`select id from documents`))!.id;
    expect(new URL(msg!.templateData!.link!).searchParams.get("service")).toBe("household-health-insurance");
    expect(new URL(msg!.templateData!.link!).searchParams.get("document")).toBe(docId);
  });
});

describe("the demo (SEED=demo)", () => {
  it("has departments' documents whose reminders the sweep sends", async () => {
    w = await createTestWorld({ env: { SEED: "demo" }, catalogue: defaultReminderCatalogue });
    await sweepReminders(w.services, { catalogue: defaultReminderCatalogue });
    // The father's tour guide card (level 2) and his shop's pesticide trading certificate (level 1),
    // 30 days ahead (the demo's population batch has reminders of its own).
    expect(await w.rows(sql`select service_key from reminders where subject = 'document' and status = 'queued' order by service_key`)).toEqual([{ service_key: "pesticide-trading-certificate" }, { service_key: "tour-guide-card" }]);
    await w.worker.drain();
    const sent = w.sim!.zalo!.messages({ phone: "84987654321" }).filter((m) => m.templateId === "document_expiry");
    expect(sent.map((m) => m.templateData).sort((a, b) => String(a!.documentNo).localeCompare(String(b!.documentNo)))).toEqual([
      expect.objectContaining({ holderName: "Đại lý vật tư nông nghiệp Tân Ninh", documentNo: "BVTV-DEMO-03", link: expect.stringMatching(/\?guide=pesticide-trading-certificate$/) }),
      expect.objectContaining({ holderName: "Trần Văn Minh", documentNo: "HDV-DEMO-0001", link: expect.stringMatching(/[?&]service=tour-guide-card&document=/) }),
    ]);
    expect(await w.rows(sql`select service_key from documents order by service_key`)).toEqual([
      { service_key: "household-health-insurance" },
      { service_key: "pesticide-trading-certificate" },
      { service_key: "petrol-retail-certificate" },
      { service_key: "tour-guide-card" },
    ]);
  });
});