import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

describe("/sim/chat: chatting with the OA as a citizen (Chromium)", () => {
  it("follows, chats, uses the buttons, hands over to a person; every message went through the signed webhook", async () => {
    const page = await demo.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${demo.server.url}/sim/chat`);
    const replies = page.getByTestId("chat-reply");

    await page.getByTestId("chat-follow").click();
    await expect.poll(() => replies.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await replies.first().innerText()).toContain("Chào mừng anh/chị");

    // An image: the bot says it reads text, with buttons.
    await page.getByTestId("chat-image").click();
    await expect.poll(() => replies.last().innerText(), { timeout: 10_000 }).toContain("chỉ đọc được tin nhắn chữ");

    // A question as people type it on a phone: no diacritics, abbreviations.
    await page.getByTestId("chat-input").fill("dk ks cho con trong bao nhieu ngay");
    await page.getByTestId("chat-send").click();
    await expect.poll(() => replies.last().innerText(), { timeout: 10_000 }).toContain("60 ngày");

    // A command, typed.
    await page.getByTestId("chat-input").fill("menu");
    await page.getByTestId("chat-send").click();
    await expect.poll(() => replies.last().innerText(), { timeout: 10_000 }).toContain("Anh/chị cần gì");

    // A quick-reply button sends its payload back through the webhook.
    const before = await replies.count();
    await replies.last().getByRole("button", { name: "Gặp cán bộ" }).click();
    await expect.poll(() => replies.count(), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await replies.last().innerText()).toContain("giờ hành chính");
    await page.screenshot({ path: join(artifactsDir, "chat-simulator.png"), fullPage: true });

    // The citizen's five actions; the simulated Zalo's delivery receipts for the replies come through the same webhook.
    const inbox = await demo.server.rows<{ n: number }>(sql`select count(*) as n from inbox where source = 'zalo_webhook' and payload ->> 'event_name' <> 'user_received_message'`);
    expect(inbox).toEqual([{ n: 5 }]);
    expect(errors).toEqual([]);
  });
});
