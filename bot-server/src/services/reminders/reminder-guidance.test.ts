import { afterEach, describe, expect, it } from "vitest";
import type { ProcedureGuidance } from "@hccd/shared";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { followEvent, type EventUser } from "../../webhook/events.js";
import { fixedFaq } from "../../testing/fixtures.js";
import { importCsvText } from "../../testing/imports.js";
import { defaultReminderCatalogue } from "./reminder-catalogue.js";
import { sweepReminders } from "./reminder-sweep.js";

const catalogue = defaultReminderCatalogue;
let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** A holder who follows the OA and verified their phone: reminders reach them as OA messages with buttons. */
async function holderInChat(phone: string): Promise<EventUser> {
  const u = w.chatUser();
  await w.sendEvent(followEvent(w.secrets, u, w.clock.now()));
  await w.verifyPhone(u, phone);
  await w.settle();
  return u;
}

async function say(u: EventUser, text: string) {
  const before = w.inbox(u).length;
  await w.say(u, text);
  await w.settle();
  return w.inbox(u).slice(before);
}

/**
 * Level 1 (plan 920 §II.4, "Nhắc việc"): the reminder is all the system does, so its button must
 * lead to how to do the rest — the procedure guide — and never to "this procedure has no draft".
 */
describe("a reminder's button never leads to a dead end", () => {
  it("a level-1 reminder opens the procedure guide (Mini App and chat); a level-2 one opens its draft", async () => {
    w = await createTestWorld({ catalogue, faq: fixedFaq }); // 2026-11-24 10:00 Vietnam time
    const u = await holderInChat("0912345678");
    // 30 days ahead: the first step of both services falls today.
    await importCsvText(w.services, catalogue, [
      "pesticide-production-certificate,BVTV-1,organization,Công ty Nông dược Tây Ninh,0912345678,2026-12-24",
      "tour-guide-card,HDV-1,person,Lê Văn Hùng,0912345678,2026-12-04",
    ].join("\n"));
    const before = w.inbox(u).length;
    await sweepReminders(w.services, { catalogue });
    await w.worker.drain();
    const reminders = w.inbox(u).slice(before);
    const pesticide = reminders.find((m) => m.text.includes("BVTV-1"))!;
    const tourGuide = reminders.find((m) => m.text.includes("HDV-1"))!;
    expect(pesticide.buttons).toEqual([
      { title: "Xem hướng dẫn gia hạn", url: expect.stringMatching(/\/\?guide=pesticide-production-certificate$/) },
      { title: "Hướng dẫn thủ tục", payload: "#guide:pesticide-production-certificate" },
    ]);
    expect(tourGuide.buttons[0]).toMatchObject({ url: expect.stringMatching(/[?&]service=tour-guide-card&document=/) });

    // The chat's guide: the plan's code and the sourced validity, and the full guide in the Mini App.
    const [answer] = await say(u, "#guide:pesticide-production-certificate");
    expect(answer!.text).toContain("Hướng dẫn thủ tục: ");
    expect(answer!.text).toContain("Mã thủ tục: 2.001427");
    expect(answer!.text).toContain("thời hạn 05 năm");
    expect(answer!.text).toContain("dichvucong.gov.vn");
    expect(answer!.buttons).toEqual([{ title: "Xem hướng dẫn đầy đủ", url: expect.stringMatching(/\/\?guide=pesticide-production-certificate$/) }]);
    const [unknown] = await say(u, "#guide:no-such-service");
    expect(unknown!.text).toContain("không tìm thấy thủ tục");
  });

  it("GET /api/services/{key}/guidance gives the guide with its sources; an unknown key is 404, a malformed one 422", async () => {
    w = await createTestWorld();
    const res = await w.call("GET", "/api/services/birth-registration/guidance");
    expect(res.status).toBe(200);
    const g = await readJson<ProcedureGuidance>(res);
    expect(g).toMatchObject({ service: "birth-registration", level: 2, procedureCodes: ["1.001193"], portalUrl: "https://dichvucong.gov.vn" });
    expect(g.fee).toMatchObject({ vi: expect.stringContaining("Miễn lệ phí"), source: "Luật Hộ tịch 60/2014/QH13, Điều 11" });
    expect((await w.call("GET", "/api/services/no-such-service/guidance")).status).toBe(404);
    const bad = await w.call("GET", "/api/services/Bad_Key/guidance");
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).error.fields[0]).toMatchObject({ path: "param.key" });
  });
});
