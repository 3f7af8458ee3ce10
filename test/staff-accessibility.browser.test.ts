import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";
import { sidewaysOverflow, smallTargets } from "./support/targets.js";

const demo = useDemoBrowser();

/**
 * The console's primary controls: buttons, fields, the navigation and the top bar's links. Links
 * inside running text and table cells are inline targets (WCAG 2.5.8 exempts them) and are not
 * measured; a checkbox is measured by the label it sits in. Only their height must reach 44 px.
 */
const CONTROLS = "button, a.button, select, input:not([type=hidden]), textarea, summary, .nav a, .topbar a, .skip-link";

/** How far the page scrolls sideways at this width (tables scroll inside their own frame). */
async function overflowAt(page: Page, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 900 });
  return sidewaysOverflow(page);
}

/** Everything wrong with the page on screen, as lines to read; the page is left at 1280 px. */
async function problems(page: Page, name: string): Promise<string[]> {
  const out = (await seriousViolations(page)).map((v) => `${name}: axe ${v}`);
  out.push(...(await smallTargets(page, { selector: CONTROLS, measure: "height" })).map((t) => `${name}: under 44 px: ${t}`));
  for (const width of [390, 1280]) {
    const overflow = await overflowAt(page, width);
    if (overflow > 1) out.push(`${name}: ${overflow} px sideways overflow at ${width} px`);
    if (width === 390) await page.screenshot({ path: join(artifactsDir, `staff-a11y-${name}-390.png`), fullPage: true });
  }
  return out;
}

const CSV = `\uFEFFMã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ
tour-guide-card,HDV-A11Y-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
tour-guide-card,HDV-A11Y-002,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
`;

const PAYMENT_CSV = `\uFEFFSố CCCD,Họ và tên,Diện đối tượng,Số tiền (đồng),Số điện thoại
072048000101,Nguyễn Văn Bảy,Thương binh,1500000,0912000101
072045000303,Lê Văn Chín,Người hoạt động kháng chiến,1500000,
`;

describe("staff console is usable: axe-core, 44 px controls, no sideways scrolling at 1280 and 390 px (Chromium)", () => {
  it("login, then every work area's main pages as the admin, one page in English", async () => {
    const found: string[] = [];
    const login = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 1280, height: 900 } });
    const lp = await login.newPage();
    await lp.goto(`${demo.server.url}/staff/login`);
    found.push(...(await problems(lp, "login")));
    await login.close();

    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "quan-tri");
    const visit = async (name: string, path?: string) => {
      if (path) await page.goto(`${demo.server.url}${path}`);
      found.push(...(await problems(page, name)));
    };
    await visit("home");

    await page.getByTestId("nav-imports").click();
    await visit("imports");
    await page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles({ name: "a11y.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await page.getByTestId("import-submit").click();
    await page.waitForURL(/\/staff\/imports\/[\w-]+$/);
    await page.locator('[data-testid="import-status"][data-status="finished"]').waitFor({ timeout: 15_000 });
    await visit("import-detail");

    await page.getByTestId("nav-payments").click();
    await visit("payments");
    await page.getByLabel("Ngày chi trả").fill("2027-01-28");
    await page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles({ name: "tet.csv", mimeType: "text/csv", buffer: Buffer.from(PAYMENT_CSV, "utf8") });
    await page.getByTestId("payment-import-submit").click();
    await page.waitForURL(/\/staff\/payments\/[\w-]+$/);
    await page.locator('[data-testid="payment-import"][data-status="finished"]').waitFor({ timeout: 15_000 });
    await visit("payment-list");

    await visit("campaigns", "/staff/campaigns");
    await page.getByTestId("campaign-new").click();
    await page.getByTestId("campaign-form").waitFor();
    await visit("campaign-new");
    await page.getByTestId("field-name").fill("Kiểm tra trợ năng");
    await page.getByTestId("field-bodyVi").fill("Kính gửi {{ten}}, mời Ông/Bà theo dõi Zalo OA.");
    await page.getByTestId("field-bodyEn").fill("Dear {{name}}, please follow our Zalo OA.");
    await page.getByTestId("campaign-save").click();
    await page.getByTestId("campaign-notice").waitFor();
    await visit("campaign");

    await visit("handover", "/staff/handover");
    // A question the FAQ cannot answer, so that the unanswered list has a row (a table, a form per row).
    const asked = await fetch(`${demo.server.url}/api/faq/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "lich thu gom rac o phuong" }) });
    expect(((await asked.json()) as { answered: boolean }).answered).toBe(false);
    await visit("faq", "/staff/faq");
    await page.getByTestId("faq-unanswered-row").first().waitFor();
    await page.locator('[data-testid="faq-entry-row"]').first().getByTestId("faq-entry-link").click();
    await page.getByTestId("faq-form").waitFor();
    await visit("faq-entry");
    await visit("indicators", "/staff/indicators");
    await visit("audit", "/staff/audit");

    await page.getByTestId("language-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await visit("audit-en");
    expect(errors).toEqual([]);
    await context.close();

    const ward = await staffBrowser(demo.browser, demo.server, "phuong-tan-ninh");
    found.push(...(await problems(ward.page, "ward-home")));
    expect(ward.errors).toEqual([]);
    await ward.context.close();

    if (found.length) console.log(found.join("\n"));
    expect(found).toEqual([]);
  });
});
