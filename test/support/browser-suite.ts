import { afterAll, beforeAll } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.js";
import { artifactsDir, startDemoServer, type DemoServer, type DemoServerOptions } from "./server.js";

export interface DemoBrowserOptions extends DemoServerOptions {
  /** Waits, once both are up, until the demo is as the file's tests expect it (e.g. its notices delivered). */
  ready?: (server: DemoServer) => Promise<void>;
}

/** The demo server and the browser a test file's tests share, once the file's `beforeAll` has run. */
export interface DemoBrowser {
  readonly server: DemoServer;
  readonly browser: Browser;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} is not started: read it inside a test, or in a hook registered after this one`);
  return value;
}

/**
 * Registers the file's `beforeAll` (the artifacts folder made, a demo server started with `opts`,
 * Chromium launched, then `opts.ready`) and `afterAll` (both closed, what was started only). Call
 * it once at the top of a browser test file; read `server` and `browser` inside tests and hooks.
 */
export function useDemoBrowser(opts: DemoBrowserOptions = {}): DemoBrowser {
  const { ready, ...serverOpts } = opts;
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    server = await startDemoServer(serverOpts);
    browser = await launchChromium();
    await ready?.(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return started(server, "demo server");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}

/** As `useDemoBrowser`, without the server: for a file whose tests each start their own. */
export function useChromium(): Pick<DemoBrowser, "browser"> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(artifactsDir, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return started(browser, "browser");
    },
  };
}
