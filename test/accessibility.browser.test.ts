import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { seriousViolations } from "./support/axe.js";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";
import { sidewaysOverflow, smallTargets } from "./support/targets.js";

const demo = useDemoBrowser();

/** What a finger presses in the Mini App: the controls, and anything playing a button. */
const CONTROLS = "button, a[href], select, input:not([type=hidden]), textarea, [role=button], summary";

/** At 200% text size nothing may be cut off sideways. */
async function overflowAt200(page: Page): Promise<number> {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "200%";
  });
  await page.waitForTimeout(100);
  return sidewaysOverflow(page);
}

async function check(page: Page, name: string) {
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  expect(await smallTargets(page, { selector: CONTROLS }), `${name}: targets under 44 px`).toEqual([]);
  expect(await overflowAt200(page), `${name}: sideways overflow at 200% text`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(artifactsDir, `a11y-${name}-200pct.png`), fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "";
  });
}

describe("every screen is usable: axe-core, 44 px targets, 200% text (Chromium, 360 px wide)", () => {
  it("phone step, home, renewal draft, vaccination, FAQ, settings, birth draft", async () => {
    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(demo.server.url);
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

    await page.goto(`${demo.server.url}/#/`);
    await page.getByTestId("vaccination-link").click();
    await page.getByTestId("vaccination-list").waitFor();
    await check(page, "vaccination");

    await page.goto(`${demo.server.url}/#/faq`);
    await page.getByTestId("faq-input").fill("lam cccd o dau");
    await page.getByTestId("faq-ask").click();
    await page.locator('[data-testid="faq-answer"], [data-testid="faq-not-found"]').first().waitFor();
    await check(page, "faq");

    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-channel-sms").waitFor();
    await check(page, "settings");

    // The father is a party to the demo birth draft too.
    await page.goto(`${demo.server.url}/#/`);
    await page.locator('[data-testid="upcoming-item"][data-service="birth-registration"]').click();
    await page.getByTestId("draft-review").waitFor();
    await check(page, "birth-draft");
    await context.close();
  });
});
