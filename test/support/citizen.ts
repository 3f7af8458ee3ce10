import type { BrowserContext, Page } from "playwright-core";
import type { DemoBrowser } from "./browser-suite.js";

/** A phone's size, as the Mini App runs inside Zalo. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

/**
 * The first button link the simulated Zalo delivered to `phone` (`84…` or `0…`) in a message
 * matching `match`, waiting up to 10 s for the worker to send it.
 */
export async function linkSentTo(demo: Pick<DemoBrowser, "server">, phone: string, match: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${demo.server.url}/sim/zalo/messages?phone=${phone}`);
    const { messages } = (await res.json()) as { messages: { text: string; buttons: { url?: string }[] }[] };
    const found = messages.find((m) => match(m.text) && m.buttons[0]?.url);
    if (found) return found.buttons[0]!.url!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing was sent to ${phone}`);
}

/** A citizen's phone-sized page in its own context, collecting the page's uncaught errors. */
export async function citizenPage(demo: Pick<DemoBrowser, "browser">, locale = "vi-VN"): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await demo.browser.newContext({ locale, viewport: PHONE_VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Outside Zalo getPhoneNumber has no token: the simulator's test field stands in for it. */
export async function linkPhone(page: Page, phone: string): Promise<void> {
  await page.getByTestId("link-phone-button").click();
  await page.getByTestId("dev-phone-input").fill(phone);
  await page.getByTestId("dev-phone-submit").click();
}
