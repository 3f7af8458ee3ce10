import { chromium, type Browser } from "playwright-core";
import { existsSync } from "node:fs";

/** Debian's Chromium (browser downloads are not reachable on our machines). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(", ")}): apt-get install chromium, or set CHROMIUM_PATH`);
  return found;
}

/**
 * Headless Chromium with the flags this machine needs: no sandbox as root, and no background
 * networking (the machine has no network, and Chromium's own connections would be refused).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
