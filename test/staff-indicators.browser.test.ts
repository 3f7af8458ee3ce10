import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useDemoBrowser } from "./support/browser-suite.js";
import { staffBrowser } from "./support/console.js";
import { artifactsDir } from "./support/server.js";

const demo = useDemoBrowser();

const shot = (page: Page, name: string) => page.screenshot({ path: join(artifactsDir, `staff-indicators-${name}.png`), fullPage: true });

describe("indicators in the staff console", () => {
  it("a viewer sees charts with their tables, narrows by ward and downloads a CSV", async () => {
    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "nguoi-xem");
    // Two questions from the Mini App today, one the FAQ answers, one it does not; and a request
    // for a person, counted apart.
    for (const question of ["đăng ký khai sinh cho con trong bao nhiêu ngày", "cách nuôi cá cảnh", "cho e gặp nhân viên tư vấn"]) {
      const res = await page.request.post(`${demo.server.url}/api/faq/ask`, { data: { question, lang: "vi", source: "mini_app" } });
      expect(res.status()).toBe(200);
    }
    await page.getByTestId("nav-indicators").click();
    await page.getByRole("heading", { level: 1, name: "Chỉ số" }).waitFor();
    // The demo seed prepared one birth registration draft for parents of Phường Tân Ninh.
    const funnel = page.getByTestId("indicator-funnel");
    await expect(funnel.getByRole("img", { name: "Số hồ sơ soạn sẵn qua từng bước" }).isVisible()).resolves.toBe(true);
    await expect(funnel.getByTestId("funnel-table").getByRole("row", { name: /Đã chuẩn bị/ }).textContent()).resolves.toContain("1");
    // Nobody has opened the demo draft yet: a count, not "not recorded".
    await expect(funnel.getByTestId("funnel-table").getByRole("row", { name: /Đã mở/ }).textContent()).resolves.toMatch(/^Đã mở0/);
    for (const id of ["reminders", "satisfaction", "faq", "handover", "delivery"]) await expect(page.getByTestId(`indicator-${id}`).isVisible()).resolves.toBe(true);
    const faq = page.getByTestId("indicator-faq");
    await expect(faq.getByTestId("faq-summary").textContent()).resolves.toMatch(/^1\/2 câu hỏi được trả lời \(50\s?%\)\. 1 yêu cầu gặp cán bộ \(tính riêng\)\.$/);
    await expect(faq.getByRole("img", { name: "Tỷ lệ câu hỏi được trả lời theo kênh" }).isVisible()).resolves.toBe(true);
    await expect(faq.getByTestId("faq-table").getByRole("row", { name: /Mini App/ }).textContent()).resolves.toMatch(/^Mini App2150\s?%11/);
    await expect(faq.getByTestId("faq-definition").textContent()).resolves.toContain("“Có phải anh/chị muốn hỏi…”");
    await shot(page, "viewer");

    // Another ward: the demo draft is not there.
    await page.getByTestId("filter-ward").selectOption({ label: "Phường Bình Minh" });
    await page.getByTestId("filter-apply").click();
    await page.waitForURL(/ward=25454/);
    await expect(page.getByTestId("indicator-period").textContent()).resolves.toContain("Phường Bình Minh");
    await expect(funnel.getByRole("img").count()).resolves.toBe(0);
    await expect(funnel.getByTestId("funnel-table").getByRole("row", { name: /Đã chuẩn bị/ }).textContent()).resolves.toContain("0");

    // Back to the parents' ward, then download the funnel as CSV with that filter.
    await page.getByTestId("filter-ward").selectOption({ label: "Phường Tân Ninh" });
    await page.getByTestId("filter-apply").click();
    await page.waitForURL(/ward=25453/);
    await expect(funnel.getByRole("img", { name: "Số hồ sơ soạn sẵn qua từng bước" }).isVisible()).resolves.toBe(true);
    await shot(page, "viewer-ward");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-funnel").click()]);
    expect(download.suggestedFilename()).toMatch(/^hccd-chi-so-funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Từ ngày,Đến ngày,Dịch vụ,Cơ quan chủ trì,\"Phường, xã\",Bước,Số hồ sơ");
    // The ward's prepared dossiers: the demo's birth draft and the ID card application prepared for
    // the 3-year-old of the demo population (plan 920 row 2), both in Phường Tân Ninh.
    expect(lines[1]).toMatch(/,Tất cả,Tất cả,Phường Tân Ninh,Đã chuẩn bị,2$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("at 390 px every chart's labels, values and target line are whole, apart and at least 12 CSS px", async () => {
    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "quan-tri");
    await page.setViewportSize({ width: 390, height: 844 });
    // Something in every chart that has bars: the demo's draft (funnel), a question answered and one not (FAQ).
    for (const question of ["đăng ký khai sinh cho con trong bao nhiêu ngày", "cách nuôi cá cảnh"]) {
      expect((await page.request.post(`${demo.server.url}/api/faq/ask`, { data: { question, lang: "vi", source: "mini_app" } })).status()).toBe(200);
    }
    await page.goto(`${demo.server.url}/staff/indicators`);
    const charts = page.locator('[data-testid^="chart-"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    const problems = await charts.evaluateAll((els) =>
      els.flatMap((chart) => {
        const box = chart.getBoundingClientRect();
        const texts = Array.from(chart.querySelectorAll("text, [data-chart-text]")).filter((el) => (el.textContent ?? "").trim() !== "");
        const out: string[] = [];
        const boxes = texts.map((el) => {
          const style = getComputedStyle(el);
          // An SVG text is drawn at its font size times the SVG's scale on screen.
          const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
          const px = parseFloat(style.fontSize) * scale;
          const name = `${chart.getAttribute("data-testid")} “${(el.textContent ?? "").trim()}”`;
          if (px < 12) out.push(`${name}: ${px.toFixed(1)} px`);
          const r = el.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`${name}: outside the chart (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`);
          if (r.right > window.innerWidth) out.push(`${name}: beyond the screen's edge`);
          return { name, r };
        });
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r;
            const b = boxes[j]!.r;
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i]!.name} overlaps ${boxes[j]!.name}`);
          }
        }
        return out;
      }),
    );
    await page.screenshot({ path: join(artifactsDir, "staff-indicators-390.png"), fullPage: true });
    expect(problems).toEqual([]);
    // The charts still name what they show, for a screen reader (the tables carry the figures).
    await expect(page.getByTestId("indicator-funnel").getByRole("img", { name: "Số hồ sơ soạn sẵn qua từng bước" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a department officer sees the agency fixed to their own", async () => {
    const { context, page, errors } = await staffBrowser(demo.browser, demo.server, "so-vhttdl");
    await page.goto(`${demo.server.url}/staff/indicators`);
    await expect(page.getByTestId("agency-fixed").textContent()).resolves.toContain("Sở Văn hóa, Thể thao và Du lịch");
    await expect(page.getByTestId("filter-agency").isDisabled()).resolves.toBe(true);
    // The birth registration draft belongs to the Department of Justice: not in this officer's figures.
    await expect(page.getByTestId("funnel-table").getByRole("row", { name: /Đã chuẩn bị/ }).textContent()).resolves.toContain("0");
    await expect(page.getByTestId("filter-service").locator("option", { hasText: "Khai sinh" }).count()).resolves.toBe(0);
    await shot(page, "department");
    expect(errors).toEqual([]);
    await context.close();
  });
});
