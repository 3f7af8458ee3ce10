import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./support/server.js";

const serverDir = join(repoRoot, "bot-server");
const running: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `pnpm start:server` runs `tsx src/main.ts` in bot-server/: the same here, without pnpm's wrapper. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: serverDir, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("pnpm start:server", () => {
  it("stops at boot naming each bad environment variable", async () => {
    const s = startServer({ PORT: "eighty", ZALO_MODE: "prod", SEED: "yes" });
    expect(await s.exited).toBe(1);
    expect(s.err()).toMatch(/PORT: /);
    expect(s.err()).toMatch(/ZALO_MODE: /);
    expect(s.err()).toMatch(/SEED: /);
  });

  it("stops at boot naming ATTACHMENTS_DIR when it is not there, without a stack trace and before creating the database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-boot-"));
    dirs.push(dir);
    const s = startServer({ ATTACHMENTS_DIR: join(dir, "not-mounted"), DATABASE_PATH: join(dir, "boot.db"), LOG_LEVEL: "warn" });
    expect(await s.exited).toBe(1);
    expect(s.err()).toBe(`Invalid configuration:\n  ATTACHMENTS_DIR: ${join(dir, "not-mounted")} does not exist: mount the shared directory there, or create it\n`);
    expect(existsSync(join(dir, "boot.db"))).toBe(false);
  });

  it("stops at boot saying the database cannot be reached and which one, without a stack trace or its password", async () => {
    const s = startServer({ DATABASE_URL: "postgres://hccd:s3cret@127.0.0.1:1/hccd", LOG_LEVEL: "warn" });
    expect(await s.exited).toBe(1);
    expect(s.err()).toMatch(/^Could not open the database postgres:\/\/hccd@127\.0\.0\.1:1\/hccd: connection refused.*\. Check DATABASE_URL\.\n$/);
    expect(s.err()).not.toContain("s3cret");
  });

  it("migrates and seeds a new database, serves, and shuts down cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-boot-"));
    dirs.push(dir);
    const dbPath = join(dir, "sub", "boot.db");
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const s = startServer({ PORT: port, SEED: "demo", DATABASE_PATH: dbPath, LOG_LEVEL: "warn" });
    let health: Response | undefined;
    for (let i = 0; i < 100 && !health; i++) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (!health) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health?.status).toBe(200);
    expect(existsSync(dbPath)).toBe(true);
    const demo = (await (await fetch(`http://127.0.0.1:${port}/sim/demo`)).json()) as { link: string };
    expect(demo.link).toMatch(/\?draft=/);
    expect(s.out()).toContain(`http://127.0.0.1:${port}/openapi.json`);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  });
});
