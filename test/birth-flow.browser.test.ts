import { afterEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_FATHER, DEMO_MOTHER } from "@hccd/bot-server";
import { consentContent, type DraftFields } from "@hccd/shared";
import { toJson } from "@hccd/db";
import { sql } from "drizzle-orm";
import { useChromium } from "./support/browser-suite.js";
import { artifactsDir, startDemoServer, type DemoServer } from "./support/server.js";
import { linkDeliveredTo } from "./support/zalo-inbox.js";

const chromium = useChromium();
let server: DemoServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MOTHER_PHONE = "84912345678";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(artifactsDir, `birth-flow-${name}.png`), fullPage: true });
}

/**
 * A parent's phone as the tests count it: every tap (a trusted `pointerdown` anywhere on the page,
 * whether or not it lands on a control) and every key pressed, kept in sessionStorage so that a
 * navigation inside the tab does not reset them. Scrolling is not a tap.
 */
async function countingPhone(): Promise<{ context: BrowserContext; page: Page; errors: string[]; counts(): Promise<{ taps: number; keys: number }> }> {
  const context = await chromium.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    const bump = (k: string) => sessionStorage.setItem(k, String(Number(sessionStorage.getItem(k) ?? "0") + 1));
    document.addEventListener("pointerdown", (e) => e.isTrusted && bump("test.taps"), true);
    document.addEventListener("keydown", (e) => e.isTrusted && bump("test.keys"), true);
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    counts: () => page.evaluate(() => ({ taps: Number(sessionStorage.getItem("test.taps") ?? "0"), keys: Number(sessionStorage.getItem("test.keys") ?? "0") })),
  };
}

/** The demo mother's notice, exactly as `pnpm start` leaves it: delivered by the worker to her phone. */
async function motherNoticeLink(s: DemoServer): Promise<string> {
  const notice = await linkDeliveredTo(s.url, MOTHER_PHONE, (t) => t.includes("khai sinh"));
  expect(notice.text).toContain("Kính gửi Ông/Bà Nguyễn Thị Lan");
  expect(notice.url.startsWith(s.url)).toBe(true);
  return notice.url;
}

/** Her phone, shared as inside Zalo: our button, then Zalo's "Allow" (here: her simulated Zalo account). */
async function sharePhone(page: Page) {
  await page.getByTestId("phone-step").waitFor();
  await page.getByTestId("link-phone-button").click();
  const account = page.getByTestId(`dev-phone-account-${MOTHER_PHONE}`);
  await account.waitFor();
  await page.getByTestId("phone-step").screenshot({ path: join(artifactsDir, "birth-flow-0-share-phone.png") });
  await account.click();
  await page.getByTestId("draft-review").waitFor();
}

/** The consent row for the demo draft and the draft as stored, checked against the hash she consented to. */
async function recordedConsent(s: DemoServer) {
  const row = await s.rows<{ contentHash: string; textVersion: string; version: number; role: string; draftId: string; procedureCode: string; draftVersion: number; fields: unknown }>(
    sql`select c.content_hash as "contentHash", c.consent_text_version as "textVersion", c.draft_version as version, c.role, d.id as "draftId", d.procedure_code as "procedureCode", d.version as "draftVersion", d.fields from consents c join drafts d on d.id = c.draft_id where d.service = 'birth-registration' and c.voided_at is null`,
  );
  expect(row).toHaveLength(1);
  const c = row[0]!;
  const fields = toJson<DraftFields>(c.fields);
  const hash = createHash("sha256").update(consentContent({ id: c.draftId, procedureCode: c.procedureCode, version: c.version, fields, consentTextVersion: c.textVersion }), "utf8").digest("hex");
  expect(hash).toBe(c.contentHash);
  expect(c.draftVersion).toBe(c.version);
  return { role: c.role, hometown: fields["child.hometown"] };
}

describe("the demo mother confirms her birth draft (Vietnamese, Chromium, from the seeded state)", () => {
  it("takes 3 taps and no typing from the notice's link: share phone, Zalo's allow, consent; the consent carries the proposed hometown", async () => {
    server = await startDemoServer({ caseStepMs: 300 });
    const link = await motherNoticeLink(server);
    const { context, page, errors, counts } = await countingPhone();
    await page.goto(link);
    await sharePhone(page);

    // Nothing to type: the hometown is proposed from the parents' population records, saying whose it is.
    expect(await page.getByTestId("field-value-child.hometown").innerText()).toBe(DEMO_FATHER.hometown);
    expect(await page.getByTestId("field-source-child.hometown").innerText()).toBe("Dữ liệu dân cư");
    expect(await page.getByTestId("field-source-of-child.hometown").innerText()).toContain("theo quê quán của cha");
    expect(await page.getByTestId("field-pick-child.hometown-mother").innerText()).toBe(`Dùng quê quán của mẹ: ${DEMO_MOTHER.hometown}`);
    expect(await page.locator('[data-testid^="field-open-"]').count()).toBe(0);
    expect(await page.getByTestId("consent-button").isEnabled()).toBe(true);
    await page.getByTestId("draft-field-child.hometown").screenshot({ path: join(artifactsDir, "birth-flow-1-hometown-proposed.png") });

    await page.getByTestId("consent-button").click();
    await page.getByTestId("submission-status").waitFor();
    await shot(page, "2-consented");
    expect(await counts()).toEqual({ taps: 3, keys: 0 });

    expect(await recordedConsent(server)).toEqual({
      role: "mother",
      hometown: expect.objectContaining({ value: DEMO_FATHER.hometown, source: "population_data", sourceOf: "father" }),
    });
    const caseSystem = server.runtime.sim!.caseSystem!;
    await expect.poll(() => caseSystem.dossiers().length, { timeout: 15_000 }).toBe(1);
    expect(caseSystem.dossiers()[0]!.fields["child.hometown"]).toBe(DEMO_FATHER.hometown);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes the mother's hometown instead in one tap, consents to it, and follows the dossier to its result", async () => {
    server = await startDemoServer({ caseStepMs: 300 });
    const link = await motherNoticeLink(server);
    const { context, page, errors, counts } = await countingPhone();
    let homeRequests = 0;
    page.on("request", (r) => {
      if (r.url().includes("/api/me/upcoming")) homeRequests++;
    });
    await page.goto(link);
    await sharePhone(page);
    // The link opens the draft straight away: home is neither shown nor loaded first.
    expect(homeRequests).toBe(0);
    expect(await page.getByTestId("field-value-child.fullName").innerText()).toContain("Trần Bảo Ngọc");
    expect(await page.getByTestId("field-source-child.sex").innerText()).toContain("Giấy chứng sinh");
    expect(await page.getByTestId("field-source-mother.residence").innerText()).toContain("Dữ liệu dân cư");

    // The parents agreed on the mother's hometown: one tap saves it, still from population data.
    await page.getByTestId("field-pick-child.hometown-mother").click();
    await expect.poll(() => page.getByTestId("field-value-child.hometown").innerText()).toBe(DEMO_MOTHER.hometown);
    expect(await page.getByTestId("field-source-of-child.hometown").innerText()).toContain("theo quê quán của mẹ");
    expect(await page.getByTestId("field-source-child.hometown").innerText()).toBe("Dữ liệu dân cư");
    // …and the father's is one tap away again; another place can be typed after "Sửa".
    expect(await page.getByTestId("field-pick-child.hometown-father").innerText()).toBe(`Dùng quê quán của cha: ${DEMO_FATHER.hometown}`);
    expect(await page.getByTestId("field-edit-child.hometown").isVisible()).toBe(true);
    expect(await page.getByTestId("what-happens").innerText()).toMatch(/đồng ý/i);
    await page.getByTestId("draft-field-child.hometown").screenshot({ path: join(artifactsDir, "birth-flow-3-hometown-mother.png") });

    await page.getByTestId("consent-button").click();
    const status = page.getByTestId("submission-status");
    await status.waitFor();
    expect(await counts()).toEqual({ taps: 4, keys: 0 });
    expect((await recordedConsent(server)).hometown).toMatchObject({ value: DEMO_MOTHER.hometown, source: "population_data", sourceOf: "mother" });

    // The simulated case system walks the dossier through; the page follows it.
    await expect.poll(async () => status.innerText(), { timeout: 30_000, interval: 500 }).toContain("Đã có kết quả");
    expect(await page.getByTestId("receipt-no").innerText()).toMatch(/\S+/);
    expect(await page.getByTestId("timeline-entry").count()).toBeGreaterThanOrEqual(5);
    await shot(page, "4-completed");

    // The dossier reached the case system once, with what she confirmed.
    const dossiers = server.runtime.sim!.caseSystem!.dossiers();
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]!.fields["child.hometown"]).toBe(DEMO_MOTHER.hometown);
    expect(errors).toEqual([]);
    await context.close();
  });
});
