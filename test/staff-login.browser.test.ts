import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEMO_STAFF_PASSWORD } from "@hccd/bot-server";
import { useDemoBrowser } from "./support/browser-suite.js";
import { consoleLoginPage, staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-login-${name}.png`), fullPage: true });

/**
 * Page errors, less Chromium's console line for a page answered with the status this test expects
 * (401 for a wrong password, 429 when throttled, 403 when refused): those answers are the point.
 */
const unexpected = (errors: string[]) => errors.filter((e) => !/^Failed to load resource: the server responded with a status of (401|403|429) /.test(e));

const loginPage = () => consoleLoginPage(demo.browser, demo.server);

async function submit(page: Page, username: string, password: string) {
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByTestId("login-submit").click();
  await page.waitForLoadState("domcontentloaded");
}

describe("staff console: logging in, failing to, and logging out (Chromium)", () => {
  it("answers a wrong password and an unknown user with the same message, and pauses logins from this browser after 5 failures", async () => {
    const { context, page, errors } = await loginPage();
    await submit(page, "quan-tri", "sai-mat-khau-2026");
    const error = page.getByTestId("login-error");
    await expect.poll(() => error.textContent()).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    // The username stays filled in; the password does not.
    expect(await page.getByLabel("Tên đăng nhập").inputValue()).toBe("quan-tri");
    expect(await page.getByLabel("Mật khẩu").inputValue()).toBe("");
    await shot(page, "wrong-password");
    await submit(page, "khong-co-ai", "sai-mat-khau-2026");
    await expect.poll(() => error.textContent()).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");

    // The communicator's account, in this file's own server only: 5 failures, then even the right password is refused.
    for (let i = 0; i < 5; i++) {
      await submit(page, "truyen-thong", `sai-lan-${i}-mat-khau`);
      await expect.poll(() => error.getAttribute("data-error")).toBe("wrong");
    }
    await submit(page, "truyen-thong", DEMO_STAFF_PASSWORD);
    await expect.poll(() => error.getAttribute("data-error")).toBe("locked");
    expect(await error.textContent()).toMatch(/^Đăng nhập tạm dừng vì nhập sai nhiều lần\. Vui lòng thử lại sau \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, hoặc liên hệ quản trị viên\.$/);
    expect(page.url()).toBe(`${demo.server.url}/staff/login`);
    await shot(page, "locked");
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("logs out back to the login page with a notice, after which /staff asks for a login again", async () => {
    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "nguoi-xem");
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/staff\/login\?loggedOut=1$/);
    await page.getByText("Đã đăng xuất.").waitFor();
    await shot(page, "logged-out");
    await page.goto(`${demo.server.url}/staff/indicators`);
    expect(new URL(page.url()).pathname).toBe("/staff/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/staff/indicators");
    expect(await page.getByTestId("signed-in-as").count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("refuses a form posted from another site, and shows a viewer the 403 page for imports", async () => {
    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "so-vhttdl");
    // The officer's browser, with its session cookie, made to post an upload from another site without the token.
    const forged = await page.request.post(`${demo.server.url}/staff/imports`, {
      headers: { origin: "https://evil.example" },
      multipart: { file: { name: "gia-mao.csv", mimeType: "text/csv", buffer: Buffer.from("service_code,document_no,holder_kind,holder_name,expires_on\ntour-guide-card,GIA-1,Cá nhân,Kẻ Giả Mạo,2027-01-01\n") } },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("Biểu mẫu đã cũ hoặc không được gửi từ bảng điều khiển.");
    // Nothing was imported.
    await page.goto(`${demo.server.url}/staff/imports`);
    expect(await page.getByText("gia-mao.csv").count()).toBe(0);
    await context.close();

    const viewer = await staffBrowser(demo.browser, demo.server, "nguoi-xem");
    expect(await viewer.page.getByTestId("nav-imports").count()).toBe(0);
    const res = await viewer.page.goto(`${demo.server.url}/staff/imports`);
    expect(res?.status()).toBe(403);
    await viewer.page.getByTestId("forbidden").waitFor();
    expect(await viewer.page.getByTestId("forbidden").textContent()).toContain("Vai trò Người xem không được dùng khu vực này.");
    await shot(viewer.page, "viewer-forbidden");
    expect(unexpected([...errors, ...viewer.errors])).toEqual([]);
    await viewer.context.close();
  });

  it("switches the login page to English and answers a wrong password in English", async () => {
    const { context, page, errors } = await loginPage();
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await submit(page, "quan-tri", "wrong-password-2026");
    await expect.poll(() => page.getByTestId("login-error").textContent()).toBe("Wrong username or password.");
    await shot(page, "english");
    // The right password then logs in, in English.
    await submit(page, "quan-tri", DEMO_STAFF_PASSWORD);
    await page.getByTestId("signed-in-as").waitFor();
    expect(await page.getByTestId("signed-in-as").textContent()).toContain("(Administrator)");
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });
});
