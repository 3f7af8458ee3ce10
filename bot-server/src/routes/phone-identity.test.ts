import { afterEach, describe, expect, it } from "vitest";
import { findZaloUserByOaId, getZaloUser } from "@hccd/db";
import { createTestWorld, makeBirthCertificate, readJson, type TestWorld } from "../testing/world.js";
import { followEvent, userEvent, type EventUser } from "../webhook/events.js";
import { fixedFaq } from "../testing/fixtures.js";
import { seedReference } from "../runtime.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

/** The demo mother of makeBirthCertificate(): her phone and ID number. */
const MOTHER_PHONE = "84912345678";
const MOTHER_ID = "072195001234";

/** The attacker's own Zalo account: one Mini App identity, the same user chatting with the OA. */
function attacker() {
  const { accessToken, userId } = w.sim!.zalo!.issueAccessToken({ name: "Kẻ Mạo Danh" });
  const chat: EventUser = { ...w.chatUser(), appUserId: userId };
  return { token: accessToken, userId, chat };
}

const submitForm = (u: EventUser, phone: string) => w.sendEvent(userEvent(w.secrets, u, "user_submit_info", w.clock.now(), undefined, { info: { name: "Lan", phone } }));

describe("a phone typed into the OA's form is contact data, never identity", () => {
  it("an attacker who submits someone else's phone through the signed webhook cannot read her drafts or ID number in the Mini App", async () => {
    w = await createTestWorld({ faq: fixedFaq });
    await seedReference(w.handle.db);
    const { draftId } = await readJson(await w.postCertificate(makeBirthCertificate()));
    const a = attacker();
    await w.sendEvent(followEvent(w.secrets, a.chat, w.clock.now()));
    expect((await submitForm(a.chat, MOTHER_PHONE)).status).toBe(200);
    await w.settle();

    // The Mini App, as the attacker.
    const me = await readJson(await w.call("GET", "/api/me", { token: a.token }));
    expect(me).toMatchObject({ zaloUserId: a.userId, phoneLinked: false, phoneMasked: null });
    expect((await w.call("GET", `/api/me/drafts/${draftId}`, { token: a.token })).status).toBe(404);
    for (const path of ["/api/me/drafts", "/api/me/upcoming", "/api/me/data", "/api/me/consents"]) {
      const res = await w.call("GET", path, { token: a.token });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text, path).not.toContain(MOTHER_ID);
      expect(text, path).not.toContain(draftId);
      expect(text, path).not.toContain("Trần Bảo Ngọc");
    }
    expect((await w.call("POST", `/api/me/documents/${draftId}/draft`, { token: a.token })).status).toBe(404);

    // The form's phone is kept apart, to reach the person, not to say who they are.
    const stored = (await getZaloUser(w.handle.db, a.userId))!;
    expect(stored.phone).toBeNull();
    expect(stored.contactPhone).toBe(MOTHER_PHONE);

    // The bot, asked for "my dossiers", invites the attacker to verify in the Mini App and shows nothing.
    const [reply] = await w.ask(a.chat, "hồ sơ của tôi");
    expect(reply!.text).toContain("xác minh số điện thoại");
    expect(reply!.text).not.toContain("Trần Bảo Ngọc");
    expect(reply!.buttons.map((b) => b.title)).toContain("Mở ứng dụng");
    const [deadlines] = await w.ask(a.chat, "#deadlines");
    expect(deadlines!.text).not.toContain("Trần Bảo Ngọc");

    // And the mother's notices never go to the attacker's chat.
    await w.postCertificate(makeBirthCertificate({ certificateNo: "TN-BVDK-2026-000777" }));
    await w.worker.drain();
    expect(w.inbox(a.chat).map((m) => m.text).join("\n")).not.toContain("Nguyễn Thị Lan");
  });

  it("answers a contact-phone user with a courteous invitation to verify in the Mini App; the phone Zalo verifies links the identity", async () => {
    w = await createTestWorld({ faq: fixedFaq });
    await seedReference(w.handle.db);
    await w.postCertificate(makeBirthCertificate());
    const a = attacker();
    await w.sendEvent(followEvent(w.secrets, a.chat, w.clock.now()));
    await submitForm(a.chat, "0912345678");
    await w.settle();
    const saved = w.inbox(a.chat).at(-1)!;
    expect(saved.text).toContain("0912 345 678");
    expect(saved.text).toContain("xác minh");
    expect(saved.buttons.map((b) => b.title)).toContain("Mở ứng dụng");

    // The same person verifies the phone in the Mini App (Zalo's one-time phone token, exchanged server-side).
    const { token } = w.sim!.zalo!.issuePhoneToken({ accessToken: a.token, phone: MOTHER_PHONE });
    expect((await w.call("POST", "/api/me/phone", { token: a.token, body: { phoneToken: token } })).status).toBe(200);
    expect((await findZaloUserByOaId(w.handle.db, a.chat.oaUserId))!.phone).toBe(MOTHER_PHONE);
    const [dossiers] = await w.ask(a.chat, "hồ sơ của tôi");
    expect(dossiers!.text).toContain("Trần Bảo Ngọc");
  });

  it("answers in English through i18next", async () => {
    w = await createTestWorld({ faq: fixedFaq });
    const a = attacker();
    await w.ask(a.chat, "English");
    await submitForm(a.chat, "0912345678");
    await w.settle();
    expect(w.inbox(a.chat).at(-1)!.text).toContain("verify");
    const [reply] = await w.ask(a.chat, "my dossiers");
    expect(reply!.text).toContain("verify your phone number");
  });
});
