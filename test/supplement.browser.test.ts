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
const NOTE = "Giấy khám sức khỏe chưa có dấu của cơ sở y tế. Đề nghị nộp bản có dấu.";

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `supplement-${name}.png`), fullPage: true });

/** The department's list names the demo father's veterinary practising certificate (a renewal that asks for a health certificate). */
async function importVeterinaryCertificate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "hccd-supplement-"));
  try {
    const path = join(dir, "thu-y.csv");
    writeFileSync(path, `service_code,document_no,holder_kind,holder_name,phone,expires_on\nveterinary-practising-certificate,TY-DEMO-07,person,Trần Văn Minh,${PHONE},2027-02-01\n`);
    const { runtime } = demo.server;
    await importLicences(runtime.services, { path, fileName: "thu-y.csv", format: "csv", importedBy: "test", catalogue: runtime.catalogue });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [doc] = await demo.server.rows<{ id: string }>(sql`select id from documents where document_no = 'TY-DEMO-07'`);
  return doc!.id;
}

async function addPaper(page: Page, name: string, body: string) {
  await page.getByTestId("attachment-input-health-certificate").setInputFiles({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${body}\n%%EOF\n`) });
  await expect.poll(() => page.getByTestId("attachment-status-health-certificate").innerText(), { timeout: 10_000 }).toContain(name);
}

describe("when the case system asks for more, the citizen supplements the same case (Vietnamese, Chromium)", () => {
  it("need_more_info → the officer's request on Zalo and in the app → a new paper, consent again → the same case → its result", async () => {
    const documentId = await importVeterinaryCertificate();
    const caseSim = demo.server.runtime.sim!.caseSystem!;
    // The officer will ask for more, as a developer would set it: the simulator's own route.
    const armed = await fetch(`${demo.server.url}/sim/case-system/ask-more-info`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ note: `<p>${NOTE}</p>`, respondBy: "2027-01-15" }) });
    expect(armed.status).toBe(202);

    const context = await demo.browser.newContext({ locale: "vi-VN", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${demo.server.url}/?service=veterinary-practising-certificate&document=${documentId}`);
    await page.getByTestId("link-phone-button").click();
    await page.getByTestId("dev-phone-input").fill(PHONE);
    await page.getByTestId("dev-phone-submit").click();
    await page.getByTestId("draft-review").waitFor();
    await addPaper(page, "giay-kham.pdf", "first scan");
    await page.getByTestId("consent-button").click();

    // The case comes back asking for more: the page shows the officer's words and the deadline.
    await page.getByTestId("more-info").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("more-info-note").innerText()).toBe(NOTE);
    expect(await page.getByTestId("more-info-respond-by").innerText()).toContain("15/01/2027");
    expect(await page.getByTestId("draft-review").getAttribute("data-draft-status")).toBe("open");
    // "Your consent was received" no longer stands above the request.
    expect(await page.getByTestId("draft-notice").count()).toBe(0);
    await shot(page, "1-asked");
    const [first] = caseSim.dossiers().filter((d) => d.procedureCode !== "1.001193" && d.fields["document.number"] === "TY-DEMO-07");
    expect(first).toBeDefined();
    const [submitted] = await demo.server.rows<{ caseId: string }>(sql`select case_id as "caseId" from submissions where id = ${first!.submissionId}`);
    const caseId = submitted!.caseId;

    // Told on Zalo too, in the agency's register, with the request as written and no markup.
    await expect.poll(async () => {
      const res = await fetch(`${demo.server.url}/sim/zalo/messages?phone=84987654321`);
      const { messages } = (await res.json()) as { messages: { text: string }[] };
      return messages.find((m) => /cần bổ sung/i.test(m.text))?.text ?? "";
    }, { timeout: 15_000 }).toContain(NOTE);

    // He adds the stamped paper and agrees again: the supplement goes to the same case.
    await addPaper(page, "giay-kham-co-dau.pdf", "stamped");
    await page.getByTestId("consent-button").click();
    await page.getByTestId("submission-status").waitFor();
    await expect.poll(() => page.getByTestId("submission-status").innerText(), { timeout: 30_000, interval: 500 }).toContain("Đã có kết quả");
    await shot(page, "2-result");
    const supplements = caseSim.supplements(caseId);
    expect(supplements).toHaveLength(1);
    expect(supplements[0]!.attachments).toEqual([expect.objectContaining({ name: "giay-kham-co-dau.pdf" })]);
    expect(caseSim.dossiers().filter((d) => d.fields["document.number"] === "TY-DEMO-07")).toHaveLength(1);
    const consents = await demo.server.rows<{ voidReason: string | null }>(sql`select c.void_reason as "voidReason" from consents c join drafts d on d.id = c.draft_id where d.service = 'veterinary-practising-certificate' order by c.consented_at`);
    expect(consents).toEqual([{ voidReason: "more_info_requested" }, { voidReason: null }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
