import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-handover-${name}.png`), fullPage: true });

describe("staff console: the handover inbox (Chromium)", () => {
  it("a citizen of the ward asks for a person; the ward officer sees the wait, reads, replies through the OA, and closes: the bot answers again", async () => {
    // The citizen, in the simulated Zalo chat: follows, verifies the demo mother's phone in the Mini App (Phường Tân Ninh), asks, asks for a person.
    const citizen = await demo.browser.newPage({ viewport: { width: 390, height: 844 } });
    const citizenErrors: string[] = [];
    citizen.on("pageerror", (e) => citizenErrors.push(e.message));
    await citizen.goto(`${demo.server.url}/sim/chat`);
    const replies = citizen.getByTestId("chat-reply");
    const lastReply = () => replies.last().innerText();
    const say = async (text: string) => {
      await citizen.getByTestId("chat-input").fill(text);
      await citizen.getByTestId("chat-send").click();
    };
    await citizen.getByTestId("chat-follow").click();
    await expect.poll(() => replies.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // The simulator asks for the phone Zalo would verify: the prompt is answered with the click, so one that never comes fails here.
    await Promise.all([citizen.waitForEvent("dialog").then((d) => d.accept("0912345678")), citizen.getByTestId("chat-verify-phone").click()]);
    await expect.poll(() => citizen.getByTestId("chat-user").getAttribute("data-verified"), { timeout: 10_000 }).toBe("yes");
    await say("nhà tôi bị ngập, xin hỗ trợ sửa nhà");
    await expect.poll(() => replies.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await say("gặp cán bộ");
    await expect.poll(lastReply, { timeout: 10_000 }).toContain("giờ hành chính");

    // The ward officer: the conversation is in the inbox with its waiting time.
    const { page, errors } = await staffBrowser(demo.browser, demo.server, "phuong-tan-ninh");
    await page.getByTestId("nav-handover").click();
    const row = page.getByTestId("handover-row").filter({ hasText: "nhà tôi bị ngập" });
    await row.waitFor();
    expect(await row.getByTestId("handover-waiting").innerText()).toMatch(/^Chờ \d+ phút$/);
    expect(await row.innerText()).toContain("84******678");
    await shot(page, "1-inbox");

    await row.getByTestId("handover-open").click();
    const history = page.getByTestId("handover-message");
    expect(await history.first().innerText()).toContain("nhà tôi bị ngập, xin hỗ trợ sửa nhà");
    expect(await page.getByTestId("handover-citizen-phone").innerText()).toBe("84******678");
    const reply = "Chào chị, phường đã ghi nhận. Cán bộ sẽ đến kiểm tra nhà chị trong sáng mai ạ.";
    await page.getByTestId("handover-reply-text").fill(reply);
    await page.getByTestId("handover-send").click();
    await page.getByTestId("handover-sent").waitFor();
    expect(await history.last().getAttribute("data-from")).toBe("staff");

    // The citizen receives it through the OA (the outbox worker sends it to simulated Zalo).
    await expect.poll(lastReply, { timeout: 10_000 }).toBe(reply);
    // The citizen answers: the officer's page refreshes itself and shows it.
    await say("cảm ơn cán bộ, sáng mai tôi ở nhà");
    await expect.poll(() => history.last().innerText(), { timeout: 15_000 }).toContain("sáng mai tôi ở nhà");
    await shot(page, "2-conversation");

    // Closing asks first, then hands the citizen back to the bot.
    await Promise.all([page.waitForEvent("dialog").then((d) => d.accept()), page.getByTestId("handover-close").click()]);
    await page.getByText("Đã đóng hội thoại").waitFor();
    await expect.poll(lastReply, { timeout: 10_000 }).toContain("Trợ lý tự động tiếp tục");
    await say("menu");
    await expect.poll(lastReply, { timeout: 10_000 }).toContain("Anh/chị cần gì");
    await shot(citizen, "3-citizen");

    // The reading was audited.
    const [audited] = await demo.server.rows<{ n: number }>(sql`select count(*) as n from audit_log where action = 'handover.read'`);
    expect(audited?.n).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    expect(citizenErrors).toEqual([]);
  });

  it("a citizen with no linked phone waits in the shared queue: any ward officer sees that someone waits, claims it, then reads and answers; the other sees who took it", async () => {
    // The citizen follows and asks for a person, without sharing a phone: no ward is known.
    const user = { oaUserId: "8400000000000000001" };
    const chat = async (action: Record<string, unknown>) => expect((await fetch(`${demo.server.url}/sim/chat/send`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, action }) })).status).toBe(200);
    await chat({ kind: "follow" });
    await chat({ kind: "text", text: "tôi cần hỏi về giấy phép karaoke của quán" });
    await chat({ kind: "text", text: "gặp cán bộ" });

    const { page, errors } = await staffBrowser(demo.browser, demo.server, "phuong-tan-ninh");
    await page.setViewportSize({ width: 390, height: 844 });
    // How many wait, beside the area's name and on the home page (once the bot has handed it over).
    await expect
      .poll(async () => {
        await page.goto(`${demo.server.url}/staff`);
        const badge = page.getByTestId("nav-handover-waiting");
        return (await badge.count()) ? Number((await badge.innerText()).match(/\d+/)?.[0]) : 0;
      }, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    await page.getByTestId("home-handover-waiting").click();
    const row = page.locator('[data-testid="handover-row"][data-queue="unknown_ward"]').first();
    await row.waitFor();
    expect(await row.innerText()).toContain("Chưa rõ phường, xã");
    expect(await page.locator("body").innerText()).not.toContain("giấy phép karaoke");
    await shot(page, "4-shared-queue");

    await row.getByTestId("handover-claim").click();
    await page.getByTestId("handover-claimed").waitFor();
    expect(await page.getByTestId("handover-message").first().innerText()).toContain("giấy phép karaoke");
    expect(await page.getByTestId("handover-owner").innerText()).toBe("Bạn đang xử lý");
    await shot(page, "5-claimed");

    // The admin (and any other ward officer) sees whose it is.
    const other = await staffBrowser(demo.browser, demo.server, "quan-tri");
    await other.page.goto(`${demo.server.url}/staff/handover`);
    expect(await other.page.locator('[data-testid="handover-row"][data-queue="unknown_ward"]').first().getByTestId("handover-owner").innerText()).toContain("Đã nhận:");
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });
});
