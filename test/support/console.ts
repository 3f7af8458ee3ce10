import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from "@hccd/bot-server";
import type { DemoServer } from "./server.js";

export type DemoStaffName = (typeof DEMO_STAFF)[number]["username"];

/** A staff browser (1280 px) on the console's login page, not logged in; page errors collected for the test to check. */
export async function consoleLoginPage(browser: Browser, server: DemoServer, opts: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? "vi-VN", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}/staff/login`);
  return { context, page, errors };
}

/**
 * A staff member's browser, logged in through the console's login form with a demo account (the
 * demo seed creates one per role: quan-tri admin, so-vhttdl and so-noi-vu department, phuong-tan-ninh ward,
 * truyen-thong communicator, nguoi-xem viewer). Page errors are collected for the test to check.
 */
export async function staffBrowser(browser: Browser, server: DemoServer, username: DemoStaffName, opts: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { context, page, errors } = await consoleLoginPage(browser, server, opts);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(DEMO_STAFF_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("signed-in-as").waitFor();
  return { context, page, errors };
}
