import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { importLicences } from "@hccd/bot-server";
import { useDemoBrowser } from "./support/browser-suite.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser({ caseStepMs: 200 });
const PHONE = "0987654321";
const NEW_PHONE = "0912000777";
const NOTE = "Số điện thoại liên hệ trong hồ sơ không liên lạc được. Đề nghị cập nhật số điện thoại.";
const SERVICE = "heritage-conservation-practising-certificate";
/** Plan row 44: the re-issue is filed under 1.002003; a level-3 service, so we submit it. */
const REISSUE_CODE = "1.002003";
const DOCUMENT_NO = "DT-DEMO-07";

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `supplement-${name}.png`), fullPage: true });

/**
 * The department's list names the demo father's monument conservation practising certificate. No
 * service we submit asks for a paper in the sources, and his contact phone is the field he may
 * change: that is what the officer asks him to correct.
 */
async function importConservationCertificate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-supplement-"));
  try {
    const path = join(dir, "di-tich.csv");
    writeFileSync(path, `service_code,document_no,holder_kind,holder_name,phone,expires_on\n${SERVICE},${DOCUMENT_NO},person,Trần Văn Minh,${PHONE},2027-02-01\n`);
    const { runtime } = demo.server;
    await importLicences(runtime.services, { path, fileName: "di-tich.csv", format: "csv", importedBy: "test", catalogue: runtime.catalogue });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [doc] = await demo.server.rows<{ id: string }>(sql`select id from documents where document_no = ${DOCUMENT_NO}`);
  return doc!.id;
}

async function correctPhone(page: Page, phone: string) {
  await page.getByTestId("field-edit-contact.phone").click();
  await page.getByTestId("field-input-contact.phone").fill(phone);
  await page.getByTestId("save-button").click();
  // Shown grouped ("0912 000 777") once saved.
  await expect.poll(async () => (await page.getByTestId("field-value-contact.phone").innerText()).replace(/\s/g, ""), { timeout: 10_000 }).toBe(phone);
}

describe("when the case system asks for more, the citizen supplements the same case (Vietnamese, Chromium)", () => {
  it("need_more_info → the officer's request on Zalo and in the app → a corrected field, consent again → the same case, same procedure → its result", async () => {
    const documentId = await importConservationCertificate();
    const caseSim = demo.server.runtime.sim!.caseSystem!;
    // The officer will ask for more, as a developer would set it: the simulator's own route.
    const armed = await fetch(`${demo.server.url}/sim/case-system/ask-more-info`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ note: `<p>${NOTE}</p>`, respondBy: "2027-01-15" }) });
    expect(armed.status).toBe(202);

    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${demo.server.url}/?service=${SERVICE}&document=${documentId}`);
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("dev-phone-input").fill(PHONE);
    await page.getByTestId("dev-phone-submit").click();
    await page.getByTestId("draft-review").waitFor();
    await page.getByTestId("consent-button").click();

    // The case comes back asking for more: the page shows the officer's words and the deadline.
    await page.getByTestId("more-info").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("more-info-note").innerText()).toBe(NOTE);
    expect(await page.getByTestId("more-info-respond-by").innerText()).toContain("15/01/2027");
    expect(await page.getByTestId("draft-review").getAttribute("data-draft-status")).toBe("open");
    // "Your consent was received" no longer stands above the request.
    expect(await page.getByTestId("draft-notice").count()).toBe(0);
    await shot(page, "1-asked");
    const [first] = caseSim.dossiers().filter((d) => d.fields["document.number"] === DOCUMENT_NO);
    expect(first).toMatchObject({ procedureCode: REISSUE_CODE });
    const [submitted] = await demo.server.rows<{ caseId: string }>(sql`select case_id as "caseId" from submissions where id = ${first!.submissionId}`);
    const caseId = submitted!.caseId;

    // Told on Zalo too, in the agency's register, with the request as written and no markup.
    await expect.poll(async () => {
      const res = await fetch(`${demo.server.url}/sim/zalo/messages?phone=84987654321`);
      const { messages } = (await res.json()) as { messages: { text: string }[] };
      return messages.find((m) => /cần bổ sung/i.test(m.text))?.text ?? "";
    }, { timeout: 15_000 }).toContain(NOTE);

    // He corrects his phone and agrees again: the supplement goes to the same case.
    await correctPhone(page, NEW_PHONE);
    await page.getByTestId("consent-button").click();
    await page.getByTestId("submission-status").waitFor();
    await expect.poll(() => page.getByTestId("submission-status").innerText(), { timeout: 30_000, interval: 500 }).toContain("Đã có kết quả");
    await shot(page, "2-result");
    const supplements = caseSim.supplements(caseId);
    expect(supplements).toHaveLength(1);
    expect(supplements[0]).toMatchObject({ procedureCode: REISSUE_CODE, fields: expect.objectContaining({ "contact.phone": NEW_PHONE }) });
    expect(caseSim.dossiers().filter((d) => d.fields["document.number"] === DOCUMENT_NO)).toHaveLength(1);
    const consents = await demo.server.rows<{ voidReason: string | null }>(sql`select c.void_reason as "voidReason" from consents c join drafts d on d.id = c.draft_id where d.service = ${SERVICE} order by c.consented_at`);
    expect(consents).toEqual([{ voidReason: "more_info_requested" }, { voidReason: null }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
