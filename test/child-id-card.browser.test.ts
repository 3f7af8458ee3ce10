import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEMO_POPULATION } from "@hccd/bot-server";
import { seriousViolations } from "./support/axe.js";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";

/**
 * Plan 920 row 2 (level 2), the parent's path: the demo's population batch holds a 3-year-old
 * without an ID card; her mother is told on Zalo, opens the prepared application in the Mini App,
 * completes where to apply and confirms it. Nothing is sent (she files it herself): she gets the
 * copy of the dossier to keep or show at the counter, and the procedure's guidance.
 */
const { childParent } = DEMO_POPULATION;
const zaloPhone = `84${childParent.phone.slice(1)}`;
const isInvitation = (text: string) => text.includes("chưa được cấp thẻ căn cước");

const demo = useDemoBrowser({
  // The demo's population notices go out at start: wait until the simulated Zalo has the mother's.
  async ready(server) {
    const zalo = server.runtime.sim!.zalo!;
    for (let i = 0; i < 150 && !zalo.messages({ phone: zaloPhone }).some((m) => isInvitation(m.text)); i++) await new Promise((r) => setTimeout(r, 100));
  },
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `child-id-card-${name}.png`), fullPage: true });

describe("a parent files the prepared ID card application of her child under 6 (Vietnamese, Chromium)", () => {
  it("notice in Zalo → the application in the Mini App → confirmation → the copy and the guidance; nothing is sent", async () => {
    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // 1. The notice, as the Zalo simulator shows it to her.
    await page.goto(`${demo.server.url}/sim/zalo/messages?phone=${zaloPhone}`);
    const notice = page.locator("li.message").filter({ hasText: "chưa được cấp thẻ căn cước" });
    await expect(notice.count()).resolves.toBe(1);
    expect(await notice.innerText()).toContain(`Kính gửi Ông/Bà ${childParent.fullName}, theo dữ liệu dân cư, cháu ${childParent.childName} (con của Ông/Bà)`);
    await shot(page, "1-zalo-notice");
    await notice.getByRole("link", { name: "Xem hồ sơ đã chuẩn bị" }).click();

    // 2. The prepared application, once she shares her phone number.
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("dev-phone-input").fill(childParent.phone);
    await page.getByTestId("dev-phone-submit").click();
    await page.getByTestId("draft-review").waitFor();
    expect(await page.getByTestId("field-value-child.fullName").innerText()).toBe(childParent.childName);
    expect(await page.getByTestId("field-value-guardian.fullName").innerText()).toBe(childParent.fullName);
    // Its details come from population data, not from an issuing agency's list.
    expect(await page.getByTestId("draft-review").innerText()).toContain("Thông tin lấy từ dữ liệu dân cư không sửa được ở đây");
    expect(await page.getByTestId("draft-review").innerText()).not.toContain("danh sách của cơ quan cấp");
    expect(await page.getByTestId("what-happens-to-whom").innerText()).toContain("Hệ thống không tự gửi hồ sơ này");
    // Nothing is sent, and no line of the page says it would be: the heading confirms, and what can
    // still change is the items with a “Sửa” button, not "what the parents decide before sending".
    expect(await page.getByTestId("consent-section").getByRole("heading").innerText()).toBe("Xác nhận hồ sơ");
    expect(await page.getByTestId("what-happens").innerText()).toContain("Trước khi xác nhận, Ông/Bà vẫn sửa được các mục có nút “Sửa”.");
    expect(await page.getByTestId("draft-review").innerText()).not.toMatch(/Trước khi gửi|Xác nhận và gửi/);
    await page.getByTestId("field-input-appointment.place").fill("Công an phường Tân Ninh");
    await page.getByTestId("save-button").click();
    await page.getByTestId("field-open-appointment.place").waitFor({ state: "detached" });
    await shot(page, "2-application");

    // 3. She confirms it: nothing goes to the case system, and nothing says it was sent.
    await page.getByTestId("consent-button").click();
    await page.getByTestId("self-filing").waitFor();
    expect(demo.server.runtime.sim!.caseSystem!.dossiers()).toEqual([]);
    expect(await page.getByTestId("timeline").innerText()).toContain("Ông/Bà xác nhận hồ sơ để tự nộp");
    expect(await page.getByTestId("timeline").innerText()).not.toContain("đã được gửi");
    await shot(page, "3-confirmed");

    // 4. The copy to keep, print or show at the counter.
    await page.getByTestId("self-filing-copy").click();
    await page.getByTestId("dossier-copy").waitFor();
    expect(await page.getByTestId("copy-not-submitted").innerText()).toContain("Hồ sơ chưa được nộp");
    expect(await page.getByTestId("copy-reference").innerText()).toMatch(/^[0-9A-Z-]+-[0-9A-F]{12}$/);
    expect(await page.locator('[data-testid="copy-field"][data-key="child.fullName"]').innerText()).toContain(childParent.childName);
    expect(await page.locator('[data-testid="copy-field"][data-key="appointment.place"]').innerText()).toContain("Công an phường Tân Ninh");
    expect(await page.getByTestId("copy-guidance-deadline").innerText()).toContain("trước ngày trẻ đủ 6 tuổi");
    expect(await page.getByTestId("copy-print").isVisible()).toBe(true);
    await shot(page, "4-copy");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("copy-print").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    // 5. The procedure's guidance, from the confirmed application.
    await page.goBack();
    await page.getByTestId("self-filing-guide").click();
    await page.getByTestId("guidance-title").waitFor();
    expect(await page.getByTestId("guidance-title").innerText()).toContain("Cấp thẻ căn cước cho trẻ em dưới 6 tuổi");
    expect(await page.getByTestId("guidance-papers").innerText()).toContain("dữ liệu khai sinh và cư trú");
    await shot(page, "5-guidance");
    expect(errors).toEqual([]);
    await context.close();
  });
});
