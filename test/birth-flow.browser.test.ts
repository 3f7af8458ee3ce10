import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./support/browser.js";
import { artifactsDir, startDemoServer, type DemoServer } from "./support/server.js";

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  server = await startDemoServer({ caseStepMs: 300 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The mother's ZNS notice, as the simulated Zalo delivered it (the worker sends it within a second). */
async function noticeLink(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${server.url}/sim/zalo/messages?phone=0912345678`);
    const { messages } = (await res.json()) as { messages: { text: string; buttons: { url?: string }[] }[] };
    const url = messages[0]?.buttons[0]?.url;
    if (url) {
      expect(messages[0]!.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
      return url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the mother was never notified");
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(artifactsDir, `birth-flow-${name}.png`), fullPage: true });
}

describe("a parent completes the birth registration in the Mini App (Vietnamese, Chromium)", () => {
  it("opens the notice link, links her phone, completes the draft, consents and follows it to the result", async () => {
    const link = await noticeLink();
    expect(link.startsWith(server.url)).toBe(true);
    const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    let homeRequests = 0;
    page.on("request", (r) => {
      if (r.url().includes("/api/me/upcoming")) homeRequests++;
    });
    await page.goto(link);
    // Phone linking is asked here, with the reason shown first.
    const phoneStep = page.getByTestId("phone-step");
    await phoneStep.waitFor();
    await expect.poll(() => phoneStep.innerText()).toContain("số điện thoại");
    await shot(page, "1-phone-step");
    await page.getByTestId("link-phone-button").click();
    // Outside Zalo (localhost) getPhoneNumber has no token: the simulator's test field stands in for it.
    await page.getByTestId("dev-phone-input").fill("0912345678");
    await page.getByTestId("dev-phone-submit").click();

    await page.getByTestId("draft-review").waitFor();
    // The link opens the draft straight away: home is neither shown nor loaded first.
    expect(homeRequests).toBe(0);
    expect(await page.getByTestId("field-value-child.fullName").innerText()).toContain("Trần Bảo Ngọc");
    expect(await page.getByTestId("field-source-child.sex").innerText()).toContain("Giấy chứng sinh");
    expect(await page.getByTestId("field-source-mother.residence").innerText()).toContain("Dữ liệu dân cư");
    await page.getByTestId("field-open-child.hometown").waitFor();
    expect(await page.getByTestId("consent-button").isDisabled()).toBe(true);
    await shot(page, "2-draft");

    // The only open field: the child's hometown.
    await page.getByTestId("field-input-child.hometown").fill("Tây Ninh");
    await page.getByTestId("save-button").click();
    await page.getByTestId("field-open-child.hometown").waitFor({ state: "detached" });
    expect(await page.getByTestId("what-happens").innerText()).toMatch(/đồng ý/i);

    await page.getByTestId("consent-button").click();
    await shot(page, "3-consented");

    // The simulated case system walks the dossier through; the page follows it.
    const status = page.getByTestId("submission-status");
    await status.waitFor();
    await expect.poll(async () => status.innerText(), { timeout: 30_000, interval: 500 }).toContain("Đã có kết quả");
    expect(await page.getByTestId("receipt-no").innerText()).toMatch(/\S+/);
    expect(await page.getByTestId("timeline-entry").count()).toBeGreaterThanOrEqual(5);
    await shot(page, "4-completed");

    // The dossier reached the case system once, with what she confirmed.
    const dossiers = server.runtime.sim!.caseSystem!.dossiers();
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]!.fields["child.hometown"]).toBe("Tây Ninh");
    expect(errors).toEqual([]);
    await context.close();
  });
});
