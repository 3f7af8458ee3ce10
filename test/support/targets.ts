import type { Page } from "playwright-core";

/**
 * Controls under 44 × 44 px (WCAG 2.5.5's size, Zalo's review asks for it): everything `selector`
 * matches that is on screen, one line each (tag, text, size). A control inside a label is measured
 * by its label.
 */
export async function smallTargets(page: Page, selector = "a, button, input:not([type=hidden]), select, textarea, summary"): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const box = (el.closest("label") ?? el).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < 44 || box.width < 44) out.push(`${el.tagName.toLowerCase()}[${el.textContent?.trim().slice(0, 30) ?? ""}] ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  }, selector);
}

/** How far the page scrolls sideways, in CSS pixels (0: it fits the viewport). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
