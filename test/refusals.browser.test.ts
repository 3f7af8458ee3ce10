import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `refusals-${name}.png`), fullPage: true });

/** What the stand-in for Zalo's SDK does; a test changes it while the page runs. */
interface FakeZalo {
  accessToken: string | null;
  tokenFails: boolean;
  phone: "ok" | "denied" | "fails";
  phoneToken: string | null;
}

/**
 * The app "inside Zalo": served under `/zapps/<APP_ID>/` with `window.APP_ID` set, as Zalo does,
 * and the app's zmp-sdk chunk answered by a module with the same exports that behaves as
 * `window.fakeZalo` says (the real SDK needs the Zalo client). Errors are shaped as zmp-sdk's:
 * `{code}` with -1401 for a refused permission and -2000 for a generic failure.
 */
async function insideZalo(fake: FakeZalo): Promise<Page> {
  const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
  await context.addInitScript((f) => {
    (window as unknown as { APP_ID: string }).APP_ID = "4242";
    (window as unknown as { fakeZalo: unknown }).fakeZalo = f;
  }, fake);
  await context.route("**/zmp-sdk-calls.*.js", (route) =>
    route.fulfill({
      contentType: "text/javascript",
      body: `
        const f = () => window.fakeZalo;
        export async function getAccessToken() { if (f().tokenFails) throw { code: -2000 }; return f().accessToken ?? ""; }
        export async function getPhoneNumber() {
          if (f().phone === "denied") throw { code: -1401, message: "User denied" };
          if (f().phone === "fails") throw { code: -2000 };
          return { token: f().phoneToken };
        }
        export function getRouteParams() { return Object.fromEntries(new URLSearchParams(location.search)); }
        export const nativeStorage = { getItem: (k) => localStorage.getItem(k), setItem: (k, v) => localStorage.setItem(k, v) };
        export async function openPhone() {}
      `,
    }),
  );
  return context.newPage();
}

describe("refusals and failures leave the citizen a way on (Chromium, 'inside Zalo')", () => {
  it("phone permission refused: says why it was asked, the rest of the app works, and a retry links it", async () => {
    const sim = demo.server.runtime.sim!.zalo!;
    const { accessToken } = sim.issueAccessToken({ name: "Bình" });
    const page = await insideZalo({ accessToken, tokenFails: false, phone: "denied", phoneToken: null });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${demo.server.url}/zapps/4242/`);
    await page.getByTestId("phone-step").waitFor();
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("phone-refused").waitFor();
    expect(await page.getByTestId("phone-refused").innerText()).toContain("Hỏi đáp");
    await shot(page, "1-phone-refused");

    // Questions still work without a phone.
    await page.getByTestId("nav-faq").click();
    await page.getByTestId("faq-input").fill("cap lai cccd");
    await page.getByTestId("faq-ask").click();
    await page.locator('[data-testid="faq-answer"], [data-testid="faq-not-found"]').first().waitFor();

    // She changes her mind: Zalo now gives the one-time token.
    const { token } = sim.issuePhoneToken({ accessToken, phone: "0987654321" });
    await page.evaluate((t) => Object.assign((window as unknown as { fakeZalo: object }).fakeZalo, { phone: "ok", phoneToken: t }), token);
    await page.getByTestId("nav-home").click();
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("upcoming-list").waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("SDK failures: no token → a plain message and a retry that works; a phone request Zalo does not answer → try again", async () => {
    const sim = demo.server.runtime.sim!.zalo!;
    const { accessToken } = sim.issueAccessToken({ name: "Lan" });
    const page = await insideZalo({ accessToken, tokenFails: true, phone: "fails", phoneToken: null });
    await page.goto(`${demo.server.url}/zapps/4242/`);
    await page.getByText("Chưa mở được ứng dụng").waitFor();
    expect(await page.locator("body").innerText()).toContain("Zalo chưa trả lời");
    await shot(page, "2-sdk-failed");
    await page.evaluate(() => Object.assign((window as unknown as { fakeZalo: object }).fakeZalo, { tokenFails: false }));
    await page.getByRole("button", { name: "Thử lại" }).first().click();
    await page.getByTestId("phone-step").waitFor();
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("phone-error").waitFor();
    expect(await page.getByTestId("phone-error").innerText()).toContain("Thử lại");
    expect(await page.getByTestId("link-phone-button").innerText()).toContain("Thử lại");
    await page.context().close();
  });

  it("server error: the home says so and its retry brings the list; a consent lost on the network is retried and recorded once", async () => {
    const sim = demo.server.runtime.sim!.zalo!;
    const { accessToken } = sim.issueAccessToken({ name: "Lan" });
    const { token } = sim.issuePhoneToken({ accessToken, phone: "0912345678" });
    const page = await insideZalo({ accessToken, tokenFails: false, phone: "ok", phoneToken: token });
    await page.goto(`${demo.server.url}/zapps/4242/`);
    await page.getByTestId("phone-step").waitFor();
    // Linking the phone reloads the list: that request meets a failing server.
    let failures = 1;
    await page.context().route("**/api/me/upcoming", (route) => (failures-- > 0 ? route.fulfill({ status: 500, body: "" }) : route.continue()));
    await page.getByTestId("link-phone-button").click();
    const retry = page.getByRole("button", { name: "Thử lại" }).first();
    await retry.waitFor();
    expect(await page.locator("body").innerText()).toContain("Hệ thống đang bận");
    await shot(page, "3-server-error");
    await retry.click();
    await page.getByTestId("upcoming-list").waitFor();

    // The mother's demo draft: a refused edit, then the first consent request dies on the way.
    await page.locator('[data-testid="upcoming-item"][data-service="birth-registration"]').click();
    await page.getByTestId("draft-review").waitFor();
    // A name with a digit: refused by the server, and the message says which field and what a good value is.
    await page.getByTestId("field-edit-child.fullName").click();
    await page.getByTestId("field-input-child.fullName").fill("Bảo Ngọc 2");
    await page.getByTestId("save-button").click();
    const nameError = page.getByTestId("field-error-child.fullName");
    await nameError.waitFor();
    expect(await nameError.innerText()).toMatch(/^Họ, chữ đệm và tên: Tên chỉ gồm chữ cái/);
    // Back to the planned name: nothing is left to save (the hometown was proposed from the parents' records).
    await page.getByTestId("field-input-child.fullName").fill("Trần Bảo Ngọc");
    await nameError.waitFor({ state: "detached" });
    let consentCalls = 0;
    await page.context().route("**/consent", async (route) => {
      consentCalls++;
      // The request reaches the server, but its answer is lost: the retry must not consent twice.
      if (consentCalls === 1) {
        await route.fetch();
        return route.abort("connectionreset");
      }
      return route.continue();
    });
    await page.getByTestId("consent-button").click();
    await page.getByTestId("submission-status").waitFor({ timeout: 15_000 });
    expect(consentCalls).toBe(2);
    const consents = await demo.server.rows<{ n: number }>(sql`select count(*) as n from consents c join drafts d on d.id = c.draft_id where d.service = 'birth-registration' and c.voided_at is null`);
    expect(consents).toEqual([{ n: 1 }]);
    await shot(page, "4-consent-retried");
    await page.context().close();
  });
});
