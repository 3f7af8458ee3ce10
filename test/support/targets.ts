import type { Page } from "playwright-core";

export interface TargetCheck {
  /** What a finger presses on this page; every link, button and field unless told. */
  selector?: string;
  /** Which sides must reach 44 px: both unless told; the staff console's check measures height only. */
  measure?: "width and height" | "height";
}

/**
 * Controls under 44 × 44 px (WCAG 2.5.5's size, Zalo's review asks for it): everything the check's
 * selector matches that is on screen, one line each (tag, test id or text, size). A control inside
 * a label is measured by its label.
 */
export async function smallTargets(page: Page, check: TargetCheck = {}): Promise<string[]> {
  const { selector = "a, button, input:not([type=hidden]), select, textarea, summary", measure = "width and height" } = check;
  return page.evaluate(
    ({ sel, heightOnly }) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const box = (el.closest("label") ?? el).getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not rendered (e.g. a visually hidden file input's label is measured instead)
        if (box.height < 44 || (!heightOnly && box.width < 44)) out.push(`${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.textContent?.trim().slice(0, 30) ?? ""}] ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      return out;
    },
    { sel: selector, heightOnly: measure === "height" },
  );
}

/** How far the page scrolls sideways, in CSS pixels (0: it fits the viewport). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
