import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "./support/server.js";

/**
 * `pnpm start` as a newcomer runs it in a terminal, on free ports and an existing install: it prints
 * where everything is, and Ctrl+C (SIGINT to the terminal's whole process group) stops it with one
 * short line and exit 0, with no error from pnpm or the processes it started.
 */
const running: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, "SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The environment of a terminal: ours, without what vitest adds for its own workers. */
function terminalEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_ENV" && k !== "TEST"));
  return { ...env, ...extra };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("pnpm start", () => {
  it("prints the demo's URLs, which answer, and stops cleanly on Ctrl+C", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-start-"));
    dirs.push(dir);
    const [backendPort, appPort] = [String(await freePort()), String(await freePort())];
    // Detached: its own process group, as a shell gives a foreground job.
    const child = spawn("pnpm", ["start"], {
      cwd: repoRoot,
      env: terminalEnv({ PORT: backendPort, MINI_APP_PORT: appPort, DATABASE_PATH: join(dir, "demo.db") }),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.push(child);
    let out = "";
    child.stdout!.on("data", (d) => (out += String(d)));
    child.stderr!.on("data", (d) => (out += String(d)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));

    await until("the demo's URLs", () => out.includes("Ctrl+C"), 90_000);
    const printed = (label: string) => new RegExp(`${label}\\s+(http\\S+)`).exec(out)?.[1];
    const backend = `http://127.0.0.1:${backendPort}`;
    expect(printed("Mini App")).toBe(`http://localhost:${appPort}`);
    expect(printed("Zalo messages")).toBe(`${backend}/sim/zalo/messages?phone=84912345678`);
    expect(printed("A reminder")).toBe(`${backend}/sim/zalo/messages?phone=84987654321`);
    expect(printed("ID card renewal")).toBe(`${backend}/sim/zalo/messages?phone=84903111222`);
    expect(printed("Staff console")).toBe(`${backend}/staff`);
    expect(printed("Chat with the OA")).toBe(`${backend}/sim/chat`);
    expect(printed("Demo draft")).toMatch(new RegExp(`^http://localhost:${appPort}/\\?draft=`));
    // Whatever the hour, the notices are delivered at once (pnpm start has no quiet hours).
    for (const label of ["Zalo messages", "A reminder", "ID card renewal"]) {
      await until(`a message at ${label}`, async () => {
        const res = await fetch(printed(label)!, { headers: { accept: "application/json" } });
        return res.ok && ((await res.json()) as { messages: unknown[] }).messages.length > 0;
      }, 20_000);
    }
    // Opened in a browser, the link is a page with her notice and its button.
    const page = await (await fetch(printed("Zalo messages")!, { headers: { accept: "text/html" } })).text();
    expect(page).toContain("Tin nhắn Zalo gửi tới 0912 345 678");
    expect(page).toMatch(/<a class="button" href="http:\/\/localhost:\d+\/\?draft=[^"]+">Xem và xác nhận hồ sơ<\/a>/);
    expect(out).toContain("Quiet hours       none in the demo");
    expect((await fetch(`http://127.0.0.1:${appPort}/`)).status).toBe(200);

    const before = out.length;
    process.kill(-child.pid!, "SIGINT");
    expect(await exited).toEqual({ code: 0, signal: null });
    const tail = out.slice(before);
    expect(tail).not.toMatch(/ELIFECYCLE|ERR_PNPM|Command failed|exited \(/);
    expect(tail.trim().split("\n")).toEqual(["The demo has stopped."]);
    await expect(fetch(`${backend}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${appPort}/`)).rejects.toThrow();
  });
});
