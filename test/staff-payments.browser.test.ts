/**
 * Plan 920 row 3, "Trợ cấp Tết người có công … Không có đơn từ" (issue 15): the staff side of the
 * first fully proactive flow, in Chromium. Sở Nội vụ's officer imports the beneficiary list, reads
 * the prepared payment list and downloads it for the treasury; an admin approves it; each
 * beneficiary's notice arrives in the Zalo simulator; one of them reports a mistake from the
 * notice's button, and the report reaches staff.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";
import { deliveredTo } from "./support/zalo-inbox.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-payments-${name}.png`), fullPage: true });

const CSV = `\uFEFFSố CCCD,Họ và tên,Ngày sinh,Diện đối tượng,Số tiền (đồng),Số tài khoản,Ngân hàng,Số điện thoại,Mã xã/phường,Địa chỉ
072048000101,Nguyễn Văn Bảy,15/08/1948,Thương binh,1.500.000,0123456789,Agribank,0912 000 101,25453,Ấp 3
072150000202,Trần Thị Tám,01/02/1950,Thân nhân liệt sĩ,2000000,,,0912000202,25453,Ấp 4
072045000303,Lê Văn Chín,,Người hoạt động kháng chiến,1500000,,,,25453,Ấp 5
07204800,Phạm Văn Mười,,Thương binh,1500000,,,,,
`;

const NOTICE = "Kính gửi Ông/Bà Nguyễn Văn Bảy, Ông/Bà có tên trong danh sách Trợ cấp Tết cho người có công. Số tiền Ông/Bà được nhận là 1.500.000 đồng, chuyển vào tài khoản của Ông/Bà qua Kho bạc Nhà nước vào ngày 28/01/2027.";

describe("staff console: the Tết allowance from an imported list to beneficiaries' messages (Chromium)", () => {
  it("imports, prepares the treasury's list, is approved by a second officer, tells each person, and takes a mistake report to staff", async () => {
    // Mr Bảy follows the OA and verified his phone in the Mini App (the simulator's chat page).
    const citizen = await demo.browser.newPage({ viewport: { width: 390, height: 844 } });
    citizen.on("dialog", (d) => void d.accept("0912000101"));
    await citizen.goto(`${demo.server.url}/sim/chat`);
    await citizen.getByTestId("chat-follow").click();
    await citizen.getByTestId("chat-verify-phone").click();
    await citizen.locator('[data-testid="chat-user"][data-verified="yes"]').waitFor({ timeout: 10_000 });

    // Sở Nội vụ's officer imports the list.
    const officer = await staffBrowser(demo.browser, demo.server, "so-noi-vu");
    await officer.page.getByTestId("nav-payments").click();
    await officer.page.getByText("Căn cứ: Kế hoạch số 920/KH-UBND").waitFor();
    await officer.page.getByLabel("Ngày chi trả").fill("2027-01-28");
    await officer.page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles({ name: "nguoi-co-cong-tet-2027.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await officer.page.getByTestId("payment-import-submit").click();
    await officer.page.waitForURL(/\/staff\/payments\/[\w-]+$/);
    const listUrl = officer.page.url();
    // The page follows the import until it is done.
    await officer.page.locator('[data-testid="payment-import"][data-status="finished"]').waitFor({ timeout: 15_000 });
    expect(await officer.page.getByTestId("total-people").textContent()).toBe("3");
    expect(await officer.page.getByTestId("total-amount").textContent()).toBe("5.000.000 đồng");
    expect(await officer.page.getByTestId("import-rejected").textContent()).toBe("1");
    // ID numbers are masked on screen.
    expect(await officer.page.getByTestId("payment-beneficiaries").textContent()).not.toContain("072048000101");
    // The treasury's file: every person with account and amount, then the total.
    const [file] = await Promise.all([officer.page.waitForEvent("download"), officer.page.getByTestId("treasury-csv").click()]);
    expect(file.suggestedFilename()).toBe("tet-allowance-meritorious-2027-01-28-du-thao.csv");
    const lines = readFileSync((await file.path())!).subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("STT,Họ và tên,Số CCCD,Ngày sinh,Diện đối tượng,Số tài khoản,Ngân hàng,Số tiền (đồng),Mã xã/phường,Địa chỉ");
    expect(lines[2]).toBe("2,Nguyễn Văn Bảy,072048000101,1948-08-15,Thương binh,0123456789,Agribank,1500000,25453,Ấp 3");
    expect(lines.at(-1)).toBe(",Tổng cộng: 3 người,,,,,,5000000,,");
    // Whoever imported it does not approve it.
    await officer.page.getByTestId("payment-not-approvable").getByText("Người nhập danh sách không tự phê duyệt").waitFor();
    await shot(officer.page, "draft");
    expect(officer.errors).toEqual([]);
    await officer.context.close();

    // The admin approves it, once.
    const admin = await staffBrowser(demo.browser, demo.server, "quan-tri");
    await admin.page.goto(listUrl);
    await admin.page.getByTestId("payment-approve").click();
    await admin.page.getByTestId("payment-notice").getByText("Đã phê duyệt").waitFor();
    await admin.page.getByTestId("payment-approved-by").getByText("Nguyễn Thị Quản Trị").waitFor();

    // Each beneficiary is told: Mr Bảy on Zalo, Mrs Tám by ZNS to her phone; Mr Chín, with no phone, is listed for the ward.
    // (Mr Bảy's chat page reads what the simulated Zalo delivered to his OA user id.)
    const notice = citizen.getByTestId("chat-reply").filter({ hasText: NOTICE });
    await notice.waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await deliveredTo(demo.server.url, "0912000202")).map((m) => m.text).join("\n"), { timeout: 15_000 }).toContain("2.000.000 đồng");
    await admin.page.reload();
    expect(await admin.page.getByTestId("payment-unreachable").textContent()).toContain("Lê Văn Chín");
    await admin.page.locator('[data-testid="payment-status"][data-status="notified"]').first().waitFor();

    // Mr Bảy presses "Báo thông tin chưa đúng" under his notice.
    await notice.getByRole("button", { name: "Báo thông tin chưa đúng" }).click();
    await expect.poll(() => citizen.getByTestId("chat-reply").last().innerText(), { timeout: 10_000 }).toContain("Đã chuyển thông tin anh/chị báo cho cán bộ");

    // The report reaches staff: on the list, and as a conversation to answer.
    await admin.page.reload();
    const reported = admin.page.getByTestId("payment-reported");
    expect(await reported.textContent()).toContain("Nguyễn Văn Bảy");
    await reported.getByRole("link", { name: "Mở hội thoại" }).click();
    await admin.page.getByText("Báo thông tin chưa đúng — Trợ cấp Tết cho người có công, chi ngày 28/01/2027: Nguyễn Văn Bảy, 1.500.000 đồng.").first().waitFor();
    await shot(admin.page, "reported");
    expect(admin.errors).toEqual([]);
    await admin.context.close();
    await citizen.close();
  });
});
