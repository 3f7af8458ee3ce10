import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";
import { citizenPage, linkPhone, linkSentTo } from "./support/citizen.js";

/**
 * Every reminder's button leads somewhere a citizen can act (issue 15, "Levels that mean
 * something"). The demo's father gets two on the first day: his shop's pesticide trading
 * certificate (level 1, plan row 36: a reminder, then the procedure guide) and his tour guide card
 * (level 2, rows 9–10: a prepared draft he confirms and files himself).
 */
const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `reminder-kinds-${name}.png`), fullPage: true });
describe("a reminder of each kind, from its button (Vietnamese, Chromium)", () => {
  it("level 1: the button opens the procedure guide, with its code, sources and the national portal; an older link falls back to it", async () => {
    const link = await linkSentTo(demo, "0987654321", (t) => t.includes("BVTV-DEMO-03"));
    expect(link).toMatch(/\/\?guide=pesticide-trading-certificate$/);
    const { context, page, errors } = await citizenPage(demo);
    await page.goto(link);
    await page.getByTestId("guidance-page").waitFor();
    await page.getByTestId("guidance-title").waitFor();
    expect(await page.getByTestId("guidance-title").innerText()).toContain("thuốc bảo vệ thực vật");
    expect(await page.getByTestId("guidance-agency").innerText()).toContain("Sở Nông nghiệp và Môi trường");
    expect(await page.getByTestId("guidance-codes").innerText()).toContain("1.004363");
    expect(await page.getByTestId("guidance-deadline").innerText()).toContain("05 năm");
    expect(await page.getByTestId("guidance-fee").innerText()).toContain("theo hướng dẫn của cơ quan tiếp nhận");
    expect(await page.getByTestId("guidance-portal").getAttribute("href")).toBe("https://dichvucong.gov.vn");
    await shot(page, "1-level-1-guide");

    // A reminder sent before its link pointed at the guide: the draft landing sends it there.
    const [doc] = await demo.server.rows<{ id: string }>(sql`select id from documents where document_no = 'BVTV-DEMO-03'`);
    await page.goto(`${demo.server.url}/?service=pesticide-trading-certificate&document=${doc!.id}`);
    await linkPhone(page, "0987654321");
    await page.getByTestId("guidance-page").waitFor();
    expect(await page.getByTestId("guidance-codes").innerText()).toContain("1.004363");
    expect(await page.locator("text=chưa có hồ sơ điền sẵn").count()).toBe(0);

    // The home lists the certificate with the same way forward.
    await page.goto(demo.server.url);
    const item = page.locator('[data-testid="upcoming-item"][data-service="pesticide-trading-certificate"]');
    await item.click();
    await page.getByTestId("guidance-title").waitFor();
    expect(await page.getByTestId("guidance-codes").innerText()).toContain("1.004363");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("level 2: the button opens the prepared draft; confirming it sends nothing and shows where to file it", async () => {
    const link = await linkSentTo(demo, "0987654321", (t) => t.includes("HDV-DEMO-0001"));
    expect(link).toMatch(/[?&]service=tour-guide-card&document=/);
    const { context, page, errors } = await citizenPage(demo);
    await page.goto(link);
    await linkPhone(page, "0987654321");
    await page.getByTestId("draft-review").waitFor();
    expect(await page.getByTestId("what-happens-to-whom").innerText()).toContain("Hệ thống không tự gửi hồ sơ này");
    expect(await page.getByTestId("consent-statement").innerText()).toContain("sẽ tự nộp");
    expect(await page.getByTestId("consent-button").innerText()).toContain("Xác nhận hồ sơ");
    await shot(page, "2-level-2-draft");
    await page.getByTestId("consent-button").click();
    await page.getByTestId("self-filing").waitFor();
    expect(await page.getByTestId("self-filing-code").innerText()).toContain("1.004614");
    expect(demo.server.runtime.sim!.caseSystem!.dossiers()).toEqual([]);
    await shot(page, "3-level-2-confirmed");
    await page.getByTestId("self-filing-guide").click();
    await page.getByTestId("guidance-title").waitFor();
    expect(await page.getByTestId("guidance-deadline").innerText()).toContain("10 ngày");
    expect(errors).toEqual([]);
    await context.close();
  });
});
