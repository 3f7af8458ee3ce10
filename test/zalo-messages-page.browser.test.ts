import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { seriousViolations } from "./support/axe.js";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";
import { sidewaysOverflow, smallTargets } from "./support/targets.js";

const demo = useDemoBrowser({
  // The demo's notices go out at start: wait until the simulated Zalo has both.
  async ready(server) {
    const zalo = server.runtime.sim!.zalo!;
    for (let i = 0; i < 100 && (zalo.messages({ phone: "84912345678" }).length === 0 || zalo.messages({ phone: "84987654321" }).length === 0); i++) await new Promise((r) => setTimeout(r, 100));
  },
});

describe("the Zalo simulator's messages, as a person reads them (Chromium, 390 px)", () => {
  it("the mother's notice with its time, channel and a 44 px button; axe-core clean; no sideways scrolling", async () => {
    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/sim/zalo/messages?phone=84912345678`);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Tin nhắn Zalo gửi tới 0912 345 678");
    const notice = page.locator("li.message").filter({ hasText: "khai sinh" });
    await expect(notice.count()).resolves.toBe(1);
    await expect(notice.locator(".channel").innerText()).resolves.toContain("ZNS");
    await expect(notice.locator("time").innerText()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await expect(notice.getByRole("link", { name: "Xem và xác nhận hồ sơ" }).getAttribute("href")).resolves.toMatch(/\?draft=/);
    await page.screenshot({ path: join(artifactsDir, "sim-zalo-messages-390.png"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);
    await context.close();
  });

  it("works without script: another phone looked up through the form, a mistyped one refused next to the field", async () => {
    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/sim/zalo/messages?phone=84912345678`);
    // The father's reminder, by his number as people write it.
    await page.getByLabel("Số điện thoại").fill("0987 654 321");
    await page.getByRole("button", { name: "Xem tin nhắn" }).click();
    await page.waitForURL(/phone=0987/);
    await expect(page.locator("li.message").filter({ hasText: "hướng dẫn viên du lịch" }).count()).resolves.toBe(1);
    await page.getByLabel("Số điện thoại").fill("12345");
    await page.getByRole("button", { name: "Xem tin nhắn" }).click();
    await page.waitForURL(/phone=12345/);
    await expect(page.locator("#phone-error").innerText()).resolves.toBe("Số điện thoại: không phải số di động Việt Nam.");
    await expect(page.getByLabel("Số điện thoại").getAttribute("aria-invalid")).resolves.toBe("true");
    await context.close();
  });

  it("the notice's button opens the mother's draft in the Mini App", async () => {
    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/sim/zalo/messages?phone=84912345678`);
    await page.getByRole("link", { name: "Xem và xác nhận hồ sơ" }).click();
    await page.getByTestId("phone-step").waitFor();
    // The app moves the link's ?draft= into its own route.
    expect(page.url()).toContain(demo.server.runtime.demoDraftId);
    await context.close();
  });
});
