import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { artifactsDir, startDemoServer, type DemoServer } from "./support/server.js";

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  server = await startDemoServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything a finger presses, with its size: the control itself, or the label it sits in. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>("button, a[href], select, input:not([type=hidden]), textarea, [role=button], summary");
    for (const el of Array.from(controls)) {
      const box = (el.closest("label") ?? el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (e.g. a visually hidden file input's label is measured instead)
      if (box.height < 44 || box.width < 44) out.push(`${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.textContent?.trim().slice(0, 30) ?? ""}] ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  });
}

/** At 200% text size nothing may be cut off sideways. */
async function overflowAt200(page: Page): Promise<number> {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "200%";
  });
  await page.waitForTimeout(100);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return overflow;
}

async function check(page: Page, name: string) {
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  expect(await smallTargets(page), `${name}: targets under 44 px`).toEqual([]);
  expect(await overflowAt200(page), `${name}: sideways overflow at 200% text`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(artifactsDir, `a11y-${name}-200pct.png`), fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "";
  });
}

describe("every screen is usable: axe-core, 44 px targets, 200% text (Chromium, 360 px wide)", () => {
  it("phone step, home, renewal draft, vaccination, FAQ, settings, birth draft", async () => {
    const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId("phone-step").waitFor();
    await check(page, "phone-step");

    await page.getByTestId("link-phone-button").click();
    // The stand-in for Zalo's "Allow" outside Zalo: the demo's accounts, one tap each, or a typed number.
    await page.getByTestId("dev-phone-account-84987654321").waitFor();
    await check(page, "dev-phone");
    await page.getByTestId("dev-phone-input").fill("0987654321");
    await page.getByTestId("dev-phone-submit").click();
    await page.getByTestId("upcoming-list").waitFor();
    await check(page, "home");

    await page.locator('[data-testid="upcoming-item"][data-service="tour-guide-card"]').click();
    await page.getByTestId("draft-review").waitFor();
    await check(page, "renewal-draft");

    await page.goto(`${server.url}/#/`);
    await page.getByTestId("vaccination-link").click();
    await page.getByTestId("vaccination-list").waitFor();
    await check(page, "vaccination");

    await page.goto(`${server.url}/#/faq`);
    await page.getByTestId("faq-input").fill("lam cccd o dau");
    await page.getByTestId("faq-ask").click();
    await page.locator('[data-testid="faq-answer"], [data-testid="faq-not-found"]').first().waitFor();
    await check(page, "faq");

    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-channel-sms").waitFor();
    await check(page, "settings");

    // The father is a party to the demo birth draft too.
    await page.goto(`${server.url}/#/`);
    await page.locator('[data-testid="upcoming-item"][data-service="birth-registration"]').click();
    await page.getByTestId("draft-review").waitFor();
    await check(page, "birth-draft");
    await context.close();
  });
});
