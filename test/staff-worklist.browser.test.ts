import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEV_INTEGRATION_KEYS } from "@hccd/bot-server";
import { addDays, birthRegistrationDueBy, makeBirthCertificate, vietnamDate } from "@hccd/shared";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";
import { seriousViolations } from "./support/axe.js";
import { sidewaysOverflow, smallTargets } from "./support/targets.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-worklist-${name}.png`), fullPage: true });
/** axe-core's serious findings, controls under 44 px and sideways scrolling at 390 px, as the other console pages are held to. */
async function problems(page: Page, name: string): Promise<string[]> {
  const out = (await seriousViolations(page)).map((v) => `${name}: axe ${v}`);
  out.push(...(await smallTargets(page, { selector: "button, select, input:not([type=hidden]), textarea, .nav a, .topbar a", measure: "height" })).map((t) => `${name}: under 44 px: ${t}`));
  await page.setViewportSize({ width: 390, height: 900 });
  const overflow = await sidewaysOverflow(page);
  if (overflow > 1) out.push(`${name}: ${overflow} px sideways overflow at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
  return out;
}

const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

describe("staff console: the ward officers' worklist (Chromium)", () => {
  it("a birth no parent can be reached for appears with its legal deadline; the ward officer records a call and it leaves the list", async () => {
    // Born yesterday in Vietnam; the hospital knew no phone for either parent (Luật Hộ tịch 2014 art. 15(1): 60 days to register).
    const born = addDays(vietnamDate(new Date()), -1);
    const certificate = makeBirthCertificate({
      certificateNo: "TN-BVDK-WL-000001",
      issuedAt: `${born}T10:00:00+07:00`,
      child: { bornAt: `${born}T08:00:00+07:00`, plannedName: "Lê Minh Khang" },
      mother: { fullName: "Phạm Thị Hoa", nationalId: "072195007777", phone: undefined },
      father: undefined,
    });
    const res = await fetch(`${demo.server.url}/api/integrations/birth-certificates`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${DEV_INTEGRATION_KEYS[0].key}` }, body: JSON.stringify(certificate) });
    expect(res.status, await res.clone().text()).toBe(201);
    const { draftId } = (await res.json()) as { draftId: string };
    const due = birthRegistrationDueBy(born);

    const { page, errors } = await staffBrowser(demo.browser, demo.server, "phuong-tan-ninh");
    await page.getByTestId("nav-worklist").click();
    const row = page.locator(`[data-testid="worklist-row"][data-draft-id="${draftId}"]`);
    await row.waitFor();
    expect(await row.getByTestId("worklist-due").getAttribute("data-due")).toBe(due);
    expect(await row.getByTestId("worklist-due").innerText()).toBe(ddmmyyyy(due));
    expect(await row.getByTestId("worklist-reason").getAttribute("data-reason")).toBe("unreachable");
    expect(await row.innerText()).toContain("Phạm Thị Hoa");
    await shot(page, "1-list");
    const found = await problems(page, "list");

    await row.getByTestId("worklist-open").click();
    found.push(...(await problems(page, "case")));
    expect(await page.getByTestId("worklist-person").first().innerText()).toContain("*********777");
    await page.getByTestId("worklist-method").selectOption("home_visit");
    await page.getByTestId("worklist-outcome").selectOption("no_answer");
    await page.getByTestId("worklist-note").fill("Đến nhà lúc 9 giờ, không có ai ở nhà; hẹn quay lại.");
    await page.getByTestId("worklist-submit").click();
    await page.getByTestId("worklist-recorded").waitFor();
    expect(await page.getByTestId("worklist-contact").innerText()).toContain("Không gặp, không nghe máy");
    await shot(page, "2-recorded");

    // Put off to the follow-up day: no longer on today's list.
    await page.getByTestId("nav-worklist").click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.locator(`[data-testid="worklist-row"][data-draft-id="${draftId}"]`).count()).toBe(0);

    const audited = await demo.server.rows<{ action: string }>(sql`select action from audit_log where action like 'worklist.%' and (target_id = ${draftId} or target_id is null) order by id`);
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(["worklist.listed", "worklist.read", "worklist.contact_recorded"]));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
