import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-imports-${name}.png`), fullPage: true });

const HEADER = "Mã dịch vụ,Số giấy phép,Loại chủ thể,Tên tổ chức/cá nhân,Số CCCD/Mã số thuế,Số điện thoại,Ngày cấp,Ngày hết hạn,Mã xã/phường,Địa chỉ";
// The Department of Culture, Sports and Tourism's list: two good tour guide cards, one row with
// three problems, one with an ID number from no province, and a petrol licence (another agency's).
const CSV = `\uFEFF${HEADER}
tour-guide-card,HDV-E2E-001,Cá nhân,Lê Văn Hùng,072092004321,0912 345 678,01/03/2022,01/03/2027,25453,Phường Tân Ninh
tour-guide-card,HDV-E2E-002,Cá nhân,Phạm Thị Hoa,,0912 000 222,,2027-06-30,25453,
tour-guide-card,HDV-E2E-003,Ông,Nguyễn Văn A,,12345,,31/02/2027,,
tour-guide-card,HDV-E2E-004,Cá nhân,Trần Thị Bích,999092004321,0912 000 111,,2027-06-30,25453,"Số 1, đường Hoa Sữa"
petrol-retail-certificate,XD-E2E-07,Tổ chức,Công ty TNHH Xăng dầu Tây Ninh,3901234567,0987654321,,2027-05-01,,
`;

describe("staff console: imports, then the audit log (Chromium)", () => {
  let importId = "";

  it("the department officer uploads a list, watches it finish, reads the row report and downloads the rejected rows", async () => {
    const { page, errors, context } = await staffBrowser(demo.browser, demo.server, "so-vhttdl");
    await page.getByTestId("nav-imports").click();
    await page.getByText("Anh/chị chỉ nhập được các dịch vụ của Sở Văn hóa, Thể thao và Du lịch").waitFor();
    // The page says what a list holds: the officer's service codes open without script, and a template downloads.
    await page.getByText(/^Mã dịch vụ được nhập \(\d+\)$/).click();
    await page.getByTestId("import-services").getByText("tour-guide-card", { exact: true }).waitFor();
    expect(await page.getByTestId("import-services").textContent()).not.toContain("petrol-retail-certificate");
    const [template] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-xlsx").click()]);
    expect(template.suggestedFilename()).toBe("mau-danh-sach-giay-phep.xlsx");
    await page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles({ name: "huong-dan-vien.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await shot(page, "upload");
    await page.getByTestId("import-submit").click();
    await page.waitForURL(/\/staff\/imports\/[\w-]+$/);
    importId = page.url().split("/").pop()!;
    // The panel refreshes itself until the import is done.
    await page.locator('[data-testid="import-status"][data-status="finished"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("count-rows").textContent()).toBe("5");
    expect(await page.getByTestId("count-created").textContent()).toBe("2");
    expect(await page.getByTestId("count-rejected").textContent()).toBe("3");
    const report = page.getByTestId("import-report");
    expect(await report.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row")))).toEqual(["4", "4", "4", "5", "6"]);
    // The petrol licence is another agency's; the bad ID number shows only its last 3 digits.
    expect(await report.locator('tr[data-row="6"]').textContent()).toContain("là dịch vụ của Sở Công Thương, không thuộc phạm vi của Sở Văn hóa, Thể thao và Du lịch");
    expect(await report.locator('tr[data-row="5"]').textContent()).toContain("*********321");
    expect(await page.content()).not.toContain("999092004321");
    await shot(page, "report");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-rejected").click()]);
    expect(download.suggestedFilename()).toBe("huong-dan-vien-dong-bi-tu-choi.csv");
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(`${HEADER},Lý do`);
    expect(lines.slice(1, -1).map((l) => l.split(",")[1])).toEqual(["HDV-E2E-003", "HDV-E2E-004", "XD-E2E-07"]);
    expect(lines[1]).toMatch(/"Loại chủ thể: .+; Số điện thoại: .+; Ngày hết hạn: .+"$/);
    expect(lines[2]).toContain('999092004321,0912 000 111,,2027-06-30,25453,"Số 1, đường Hoa Sữa",Số CCCD/Mã số thuế: số CCCD có mã tỉnh (3 chữ số đầu) không tồn tại (001–096)');
    expect(lines[3]).toMatch(/^petrol-retail-certificate,XD-E2E-07,.*Mã dịch vụ: là dịch vụ của Sở Công Thương/);
    expect(lines.at(-1)).toBe("");

    // Back on the list, the import is there.
    await page.getByText("← Các lần nhập").click();
    await page.getByTestId("import-list").getByText("huong-dan-vien.csv").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the admin finds the import, its report read and the download in the audit log", async () => {
    expect(importId).not.toBe("");
    const { page, errors, context } = await staffBrowser(demo.browser, demo.server, "quan-tri");
    await page.getByTestId("nav-audit").click();
    await page.getByLabel("Người thực hiện", { exact: true }).fill("so-vhttdl");
    await page.getByLabel("Hoặc tiền tố hành động").fill("import.");
    await page.getByTestId("audit-submit").click();
    await page.getByTestId("audit-results").waitFor();
    const actions = await page.getByTestId("audit-entry").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    expect(actions).toEqual(["import.rejected_downloaded", "import.report_read", "import.started"]);
    const started = page.locator('[data-testid="audit-entry"][data-action="import.started"]');
    expect(await started.textContent()).toContain(`import: ${importId}`);
    expect(await started.textContent()).toContain('"fileName":"huong-dan-vien.csv"');
    await shot(page, "audit-search");

    // By the import's id alone, through the action list.
    await page.getByRole("link", { name: "Xóa điều kiện" }).click();
    await page.getByLabel("Hành động", { exact: true }).selectOption("import.started");
    await page.getByLabel("Mã đối tượng").fill(importId);
    await page.getByTestId("audit-submit").click();
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBe(1);
    // The admin's own searches are in the log too: each view of the page is one (opening it,
    // two searches, two "clear"s), the search now showing them not yet among them.
    await page.getByRole("link", { name: "Xóa điều kiện" }).click();
    await page.getByLabel("Hành động", { exact: true }).selectOption("audit.searched");
    await page.getByTestId("audit-submit").click();
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });
});
