import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestWorld, HOSPITAL_KEY, type TestWorld } from "../../testing/world.js";
import { sweepReminders } from "../reminders/reminder-sweep.js";
import { postPopulation, RESIDENTS } from "./population-testing.js";
import { channelRegistry } from "../delivery/channels/registry.js";
import type { NotificationPayload } from "../delivery/notifications.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const { tuan, hoa, dung, bao, ha } = RESIDENTS;
/** What the simulated Zalo delivered to a phone (`84…`). */
const sent = (phone: string) => w.sim!.zalo!.messages({ phone }).map((m) => m.text);
const sweepAndSend = async () => {
  const r = await sweepReminders(w.services, { catalogue: w.catalogue });
  await w.worker.drain();
  return r;
};
const personReminders = (nationalId: string) =>
  w.rows<{ service: string; dueOn: string; step: string; status: string; reason: string | null }>(
    sql`select service_key as service, due_on as "dueOn", step, status, reason from reminders join persons on persons.id = reminders.person_id where persons.national_id = ${nationalId} order by service_key, next_at`,
  );

// The test world's day is 2026-11-24, 10:00 in Vietnam, outside quiet hours.
describe("reminders planned from population data (contract 5)", () => {
  // Luật Căn cước 26/2023/QH15 art. 21(1): renew on reaching 25; art. 21(2): a card issued at 19 is not
  // carried over. Tuấn's record gives no expiry: it is derived (2026-12-24), and the catalogue's 30-day
  // notice (id-card-renewal: P60D, P30D, P7D) falls today.
  it("ID card: the renewal at 25 derived from the date of birth, told to the holder's phone on the 30-day notice", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...tuan, householdInsurance: undefined }]);
    expect(await personReminders(tuan.nationalId)).toEqual([
      { service: "id-card-renewal", dueOn: "2026-12-24", step: "P30D", status: "planned", reason: null },
      { service: "id-card-renewal", dueOn: "2026-12-24", step: "P7D", status: "planned", reason: null },
    ]);
    expect(await sweepAndSend()).toEqual({ queued: 1, skipped: 0, cancelled: 0 });
    expect(sent("84903111222")).toEqual([
      "Kính gửi Ông/Bà Phạm Minh Tuấn, thẻ căn cước số *********111 của Ông/Bà hết hạn vào ngày 24/12/2026. Kính đề nghị Ông/Bà làm thủ tục cấp đổi thẻ căn cước theo Luật Căn cước trước ngày 24/12/2026.",
    ]);
    expect(await sweepAndSend()).toEqual({ queued: 0, skipped: 0, cancelled: 0 });
  });

  // Luật Căn cước art. 21(1) (renewal at 14) with Bộ luật Dân sự 2015 art. 21 and 136(1): a minor's
  // parents act for them, so the 13-year-old's reminder goes to his mother, named as her child's.
  it("ID card at 14: a child's reminder goes to the parent, about the child", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [hoa, dung, bao]);
    expect(await sweepAndSend()).toMatchObject({ queued: 1 });
    expect(sent("84912000444")).toEqual([
      "Kính gửi Ông/Bà Lê Thị Hoa, thẻ căn cước của cháu Phạm Gia Bảo (con của Ông/Bà) hết hạn vào ngày 24/12/2026. Kính đề nghị Ông/Bà làm thủ tục cấp đổi thẻ căn cước theo Luật Căn cước trước ngày 24/12/2026.",
    ]);
    expect(sent("84913000555")).toEqual([]); // one parent is enough
  });

  // Luật Cư trú 68/2020/QH14 art. 28(3): the extension is filed in the 15 days before the term ends;
  // the catalogue's first notice (temporary-residence: P15D) opens that window.
  it("temporary residence: told when the 15-day extension window opens", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [ha]);
    expect(await sweepAndSend()).toMatchObject({ queued: 1 });
    expect(sent("84987000222")).toEqual([
      "Kính gửi Ông/Bà Trần Thu Hà, thời hạn tạm trú của Ông/Bà hết hạn vào ngày 09/12/2026. Kính đề nghị Ông/Bà làm thủ tục gia hạn tạm trú (theo Luật Cư trú, hồ sơ nộp trong 15 ngày trước khi hết hạn) trước ngày 09/12/2026.",
    ]);
  });

  // Household health insurance: a break of more than 3 months means a 30-day wait (Luật BHYT art.
  // 16(3), facts.md), so the holder is told a month before the card's last day (catalogue P30D).
  it("household health insurance: told a month before the card lapses", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...tuan, idCard: undefined }]);
    expect(await sweepAndSend()).toMatchObject({ queued: 1 });
    expect(sent("84903111222")).toEqual([
      "Kính gửi Ông/Bà Phạm Minh Tuấn, thẻ bảo hiểm y tế hộ gia đình số ************567 của Ông/Bà hết hạn vào ngày 24/12/2026. Kính đề nghị Ông/Bà đóng tiền gia hạn để quyền lợi khám chữa bệnh không bị gián đoạn trước ngày 24/12/2026.",
    ]);
  });

  // The card number carries the holder's social insurance number (its last 10 digits): masked like an
  // ID number (Luật 91/2025/QH15, least data) in what is stored and in every channel's rendering.
  it("household health insurance: the card number is masked in the stored notice and on every channel", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...tuan, idCard: undefined }]);
    expect((await sweepReminders(w.services, { catalogue: w.catalogue })).queued).toBe(1);
    const [row] = await w.rows<{ payload: unknown }>(sql`select payload from outbox`);
    const payload = (typeof row!.payload === "string" ? JSON.parse(row!.payload) : row!.payload) as NotificationPayload;
    expect(JSON.stringify(payload)).not.toContain("4727221234567");
    for (const channel of Object.values(channelRegistry)) {
      for (const language of ["vi", "en"] as const) {
        const rendered = JSON.stringify(channel.render({ ...payload, recipient: { ...payload.recipient, oaUserId: "oa-user-1", language } }, w.services.config));
        expect(rendered, `${channel.name} (${language})`).not.toContain("4727221234567");
        expect(rendered, `${channel.name} (${language})`).toContain("*567");
      }
    }
  });

  // Art. 21(2): a card issued in the 2 years before 25 holds to 40; issued at 58 or older, for life.
  it("a renewed card re-plans: what was pending for the old card is cancelled, a queued notice not yet sent too", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [tuan]);
    expect((await sweepReminders(w.services, { catalogue: w.catalogue })).queued).toBe(2); // the card and the insurance, not sent yet
    const renewed = { ...tuan, idCard: { number: "072201001111", issuedOn: "2026-11-23" }, updatedAt: "2026-11-24T09:00:00+07:00" };
    expect(await postPopulation(w, "B-2", [renewed]).then((r) => r.json())).toMatchObject({ accepted: 1 });
    const card = (await personReminders(tuan.nationalId)).filter((r) => r.service === "id-card-renewal");
    expect(card.filter((r) => r.dueOn === "2026-12-24").map((r) => [r.status, r.reason])).toEqual([["cancelled", "the deadline changed"], ["cancelled", "the deadline changed"]]);
    expect(card.filter((r) => r.dueOn === "2041-12-24").map((r) => r.step)).toEqual(["P60D", "P30D", "P7D"]);
    await w.worker.drain();
    expect(sent("84903111222")).toEqual([expect.stringContaining("bảo hiểm y tế")]); // the insurance notice only

    const lifelong = { nationalId: "072060000001", fullName: "Võ Văn Sáu", dateOfBirth: "1960-01-01", phone: "0915000666", idCard: { number: "072060000001", issuedOn: "2019-06-01" }, updatedAt: "2026-11-20T01:00:00+07:00" };
    await postPopulation(w, "B-3", [lifelong]);
    expect(await personReminders(lifelong.nationalId)).toEqual([]);
  });

  it("a deceased person gets nothing further: their pending reminders and unsent notices are withdrawn", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [tuan, ha]);
    await sweepReminders(w.services, { catalogue: w.catalogue }); // queued, not sent
    await postPopulation(w, "B-2", [{ ...tuan, deceased: true, updatedAt: "2026-11-24T09:00:00+07:00" }]);
    const left = await personReminders(tuan.nationalId);
    expect(left.length).toBeGreaterThan(0);
    for (const r of left) expect([r.status, r.reason]).toEqual(["cancelled", "the person died"]);
    await w.worker.drain();
    expect(sent("84903111222")).toEqual([]);
    expect(sent("84987000222")).toHaveLength(1); // others are not affected
    // A later correction of other facts plans nothing for them either.
    await postPopulation(w, "B-3", [{ ...tuan, deceased: true, phone: "0909999999", updatedAt: "2026-11-24T10:00:00+07:00" }]);
    expect((await personReminders(tuan.nationalId)).filter((r) => r.status === "planned")).toEqual([]);
  });

  it("a child whose mother died: the reminder goes to the living father, never addressed to her", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...hoa, deceased: true }, dung, bao]);
    expect(await sweepAndSend()).toMatchObject({ queued: 1 });
    expect(sent("84912000444")).toEqual([]);
    expect(sent("84913000555")).toEqual([expect.stringMatching(/^Kính gửi Ông\/Bà Phạm Văn Dũng, thẻ căn cước của cháu Phạm Gia Bảo/)]);
  });

  // The sweep decides a batch's population reminders together (issue 15, first sync): each still
  // goes to its own recipient — a minor's to his living parent, an adult's to their own phone.
  it("one sweep of many people's reminders tells each the right person", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [{ ...hoa, deceased: true }, dung, bao, tuan, ha]);
    expect(await sweepAndSend()).toEqual({ queued: 4, skipped: 0, cancelled: 0 });
    expect(sent("84912000444")).toEqual([]);
    expect(sent("84913000555")).toEqual([expect.stringMatching(/^Kính gửi Ông\/Bà Phạm Văn Dũng, thẻ căn cước của cháu Phạm Gia Bảo/)]);
    expect(sent("84903111222").sort()).toEqual([expect.stringContaining("bảo hiểm y tế hộ gia đình số ************567"), expect.stringContaining("thẻ căn cước số *********111")]);
    expect(sent("84987000222")).toEqual([expect.stringMatching(/^Kính gửi Ông\/Bà Trần Thu Hà, thời hạn tạm trú/)]);
  });

  it("a death notice from a hospital stops the person's reminders at the sweep", async () => {
    w = await createTestWorld();
    await postPopulation(w, "B-1", [tuan]);
    const notice = {
      noticeNo: "TN-BVDK-BT-2026-000046", issuedAt: "2026-11-24T08:00:00+07:00", facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
      deceased: { fullName: tuan.fullName, sex: "male", dateOfBirth: tuan.dateOfBirth, nationalId: tuan.nationalId, diedAt: "2026-11-24T03:10:00+07:00", placeOfDeath: "Bệnh viện Đa khoa Tây Ninh", cause: "bệnh" },
      informant: { fullName: "Phạm Thị Mai", relationship: "mẹ", phone: "0901234567" },
    };
    expect((await w.call("POST", "/api/integrations/death-notices", { token: HOSPITAL_KEY, body: notice })).status).toBe(201);
    expect(await sweepReminders(w.services, { catalogue: w.catalogue })).toEqual({ queued: 0, skipped: 0, cancelled: 2 });
    expect((await personReminders(tuan.nationalId)).filter((r) => r.step === "P30D").map((r) => r.reason)).toEqual(["the person died", "the person died"]);
    await w.worker.drain();
    expect(sent("84903111222")).toEqual([]);
  });
});
