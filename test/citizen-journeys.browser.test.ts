import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEV_INTEGRATION_KEYS } from "@hccd/bot-server";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";
import { citizenPage, linkPhone, linkSentTo } from "./support/citizen.js";

const demo = useDemoBrowser({ caseStepMs: 200 });

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `journeys-${name}.png`), fullPage: true });
describe("a holder renews from the reminder, then finds the rest of the app (Vietnamese, Chromium)", () => {
  it("reminder link → renewal draft → confirmed for self-filing; home, vaccination calendar, FAQ and settings", async () => {
    // The demo father's tour guide card reminder carries ?service=&document=.
    const link = await linkSentTo(demo, "0987654321", (t) => t.includes("hướng dẫn viên"));
    expect(link).toMatch(/[?&]service=tour-guide-card&document=/);
    const { context, page, errors } = await citizenPage(demo);
    await page.goto(link);
    await page.getByTestId("phone-step").waitFor();
    expect(await page.getByTestId("phone-step").innerText()).toContain("số điện thoại đã đăng ký với cơ quan cấp");
    await linkPhone(page, "0987654321");

    await page.getByTestId("draft-review").waitFor();
    expect(await page.getByTestId("draft-title").innerText()).toContain("hướng dẫn viên du lịch");
    expect(await page.getByTestId("field-value-document.number").innerText()).toBe("HDV-DEMO-0001");
    expect(await page.getByTestId("field-source-document.number").innerText()).toContain("Danh sách của cơ quan cấp");
    expect(await page.getByTestId("what-happens-to-whom").innerText()).toContain("Sở Văn hóa");
    await shot(page, "1-renewal-draft");
    // Level 2 (plan 920 §II.4): the card's holder confirms the prepared dossier and files it himself.
    await page.getByTestId("consent-button").click();
    await page.getByTestId("self-filing").waitFor();
    expect(await page.getByTestId("self-filing-code").innerText()).toContain("1.004614");
    await shot(page, "2-confirmed-for-self-filing");
    expect(demo.server.runtime.sim!.caseSystem!.dossiers().some((d) => d.procedureCode === "1.004614")).toBe(false);

    // Home: what is coming for him and his child, soonest first.
    await page.getByTestId("draft-page").getByRole("button", { name: /Quay lại|Back/ }).click();
    await page.getByTestId("upcoming-list").waitFor();
    expect(await page.getByTestId("upcoming-item").count()).toBeGreaterThanOrEqual(2);
    await shot(page, "3-home");
    await page.getByTestId("vaccination-link").click();
    await page.getByTestId("vaccination-list").waitFor();
    expect(await page.locator('[data-testid="vaccination-dose"][data-state="next"]').count()).toBe(1);
    expect(await page.getByTestId("vaccination-page").innerText()).toContain("Bộ Y tế");
    await shot(page, "4-vaccination");

    // FAQ: the bot's engine, typed without diacritics.
    await page.goto(`${demo.server.url}/#/faq`);
    await page.getByTestId("faq-input").fill("lam giay khai sinh can gi");
    await page.getByTestId("faq-ask").click();
    await page.getByTestId("faq-answer").waitFor();
    expect((await page.getByTestId("faq-answer").innerText()).toLowerCase()).toContain("khai sinh");
    await shot(page, "5-faq");
    // Asking for a person is not answered from the FAQ: the way to reach one is shown, with the hotline.
    await page.getByTestId("faq-input").fill("cho e gap nhan vien tu van vs");
    await page.getByTestId("faq-ask").click();
    await page.getByTestId("faq-person").waitFor();
    expect(await page.getByTestId("faq-person").innerText()).toContain("gặp cán bộ");
    expect(await page.getByTestId("faq-person").getByTestId("hotline-button").isVisible()).toBe(true);
    expect(await page.getByTestId("faq-answer").count()).toBe(0);

    // Settings: a channel off, his consent listed, his data counted.
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-channel-sms").uncheck();
    await expect.poll(() => page.getByTestId("settings-notice").innerText()).toContain("Đã lưu");
    // Turning every channel off is refused with the way to say "nothing", and the box comes back.
    await page.getByTestId("settings-channel-oa").uncheck();
    await expect.poll(() => page.getByTestId("settings-notice").innerText()).toContain("Đã lưu");
    await page.getByTestId("settings-channel-zns").click();
    await expect.poll(() => page.getByTestId("settings-notice").innerText()).toContain("ít nhất một cách");
    expect(await page.getByTestId("settings-channel-zns").isChecked()).toBe(true);
    expect(await page.getByTestId("settings-consent").count()).toBeGreaterThanOrEqual(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("my-data-download").click()]);
    expect(download.suggestedFilename()).toBe("du-lieu-cua-toi.json");
    expect(await page.getByTestId("my-data-summary").innerText()).toContain("giấy tờ");
    await shot(page, "6-settings");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("an informant reviews a prepared death registration", () => {
  it("is spoken to gently, chooses the ward, and nothing is sent until she agrees (Vietnamese, then English)", async () => {
    const notice = {
      noticeNo: "TN-E2E-0001",
      issuedAt: new Date(Date.now() - 3600_000).toISOString(),
      facility: { code: "72-BVDKTN", name: "Bệnh viện Đa khoa Tây Ninh" },
      deceased: { fullName: "Lê Văn Hùng", sex: "male", dateOfBirth: "1948-02-03", diedAt: new Date(Date.now() - 7200_000).toISOString(), placeOfDeath: "Bệnh viện Đa khoa Tây Ninh", cause: "bệnh" },
      informant: { fullName: "Lê Thị Mai", relationship: "con", phone: "0901234567" },
    };
    const res = await fetch(`${demo.server.url}/api/integrations/death-notices`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${DEV_INTEGRATION_KEYS[0].key}` }, body: JSON.stringify(notice) });
    expect(res.status).toBe(201);
    const link = await linkSentTo(demo, "0901234567", (t) => t.includes("chia buồn"));

    const { context, page, errors } = await citizenPage(demo);
    await page.goto(link);
    await linkPhone(page, "0901234567");
    await page.getByTestId("draft-review").waitFor();
    expect(await page.getByTestId("death-condolence").innerText()).toContain("chia buồn");
    expect(await page.getByTestId("field-value-requester.relationship").innerText()).toBe("Con");
    await page.getByTestId("field-input-registration.wardCode").selectOption({ index: 1 });
    await page.getByTestId("save-button").click();
    await page.getByTestId("field-open-registration.wardCode").waitFor({ state: "detached" });
    expect(demo.server.runtime.sim!.caseSystem!.dossiers().some((d) => d.procedureCode === "1.000656")).toBe(false);
    await shot(page, "7-death-draft");

    // The same screen in English.
    await page.getByTestId("language-toggle").click();
    await expect.poll(() => page.getByTestId("draft-title").innerText()).toContain("Death registration");
    expect(await page.getByTestId("what-happens").innerText()).toContain("15 days");
    await shot(page, "8-death-draft-en");
    await page.getByTestId("consent-button").click();
    await page.getByTestId("submission-status").waitFor();
    await expect.poll(() => demo.server.runtime.sim!.caseSystem!.dossiers().filter((d) => d.procedureCode === "1.000656").length, { timeout: 15_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("a returning citizen opens the app on a slow network", () => {
  it("sees the list kept from the last open at once, marked as updating, until the server's answer replaces it", async () => {
    const { context, page, errors } = await citizenPage(demo);
    await page.goto(demo.server.url);
    await linkPhone(page, "0987654321");
    const fresh = page.locator('[data-testid="upcoming-list"][data-fresh="true"]');
    await fresh.waitFor();
    const items = await page.getByTestId("upcoming-item").count();
    expect(items).toBeGreaterThan(0);
    // Mark the kept copy, so that what is on screen shows where it came from.
    const kept = await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem("hccd.home.v1")!) as { upcoming: { items: { subject: string | null }[] } };
      s.upcoming.items[0]!.subject = "BẢN LẦN TRƯỚC";
      localStorage.setItem("hccd.home.v1", JSON.stringify(s));
      return s.upcoming.items.length;
    });
    expect(kept).toBe(items);

    // The server's answer is held back: the copy is on screen, marked busy.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/api/me/upcoming", async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    const copy = page.locator('[data-testid="upcoming-list"][data-fresh="false"]');
    await copy.waitFor();
    expect(await copy.getAttribute("aria-busy")).toBe("true");
    expect(await copy.innerText()).toContain("BẢN LẦN TRƯỚC");
    await shot(page, "10-kept-copy");
    release();
    await fresh.waitFor();
    expect(await fresh.innerText()).not.toContain("BẢN LẦN TRƯỚC");
    expect(await page.getByTestId("upcoming-item").count()).toBe(items);

    // When the server fails, the error (with its retry) replaces the copy: a copy is never passed off as current.
    await page.unroute("**/api/me/upcoming");
    await page.route("**/api/me/upcoming", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "down" } }) }));
    await page.reload();
    await page.getByTestId("error-state").waitFor();
    expect(await page.getByTestId("upcoming-list").count()).toBe(0);

    // Someone else signing in on this browser never sees the father's copy.
    await page.unroute("**/api/me/upcoming");
    const seen: string[] = [];
    await page.exposeFunction("noteList", (text: string) => seen.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const list = document.querySelector('[data-testid="upcoming-list"]');
        if (list) (window as unknown as { noteList(t: string): void }).noteList(list.textContent ?? "");
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${demo.server.url}/?devUser=90000000000042`);
    await page.getByTestId("home-page").waitFor();
    await page.getByTestId("phone-step").waitFor();
    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
