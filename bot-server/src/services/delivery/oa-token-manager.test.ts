import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, getOaTokens, tablesOf, type DbHandle } from "@hccd/db";
import { createZaloSimulator } from "../../adapters/zalo/simulator.js";
import { createHttpZaloOAuthClient } from "../../adapters/zalo/oauth.js";
import { createHttpZaloOaClient } from "../../adapters/zalo/http-clients.js";
import { PlatformError } from "../../adapters/errors.js";
import { createLogger } from "../../logger.js";
import { createOaTokenManager } from "./oa-token-manager.js";

const handles: DbHandle[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function setup(dbPath = ":memory:", sim = createZaloSimulator({ templates: {} })) {
  const h = await createDb(dbPath);
  handles.push(h);
  let t = new Date("2026-11-24T03:00:00Z").getTime();
  const clock = { now: () => new Date(t), advance: (ms: number) => (t += ms) };
  const fetch = async (i: string | URL | Request, init?: RequestInit) => sim.api.fetch(new Request(i, init));
  const oauth = createHttpZaloOAuthClient({ baseUrl: "http://zalo.sim", appId: "1", appSecret: "sim-app-secret", fetch });
  const manager = (holder: string) =>
    createOaTokenManager({ db: h.db, oauth, oaId: "oa1", now: clock.now, logger: createLogger({ level: "silent" }), holder, sleep: async () => void clock.advance(200) });
  return { h, sim, clock, manager, fetch };
}

describe("OA token manager (refresh tokens are single-use)", () => {
  it("refreshes once ahead of expiry however many callers ask at once, and stores the new pair first", async () => {
    const { h, sim, clock, manager, fetch } = await setup();
    const m = manager("p1");
    await m.bootstrap({ accessToken: "sim-oa-access-token", refreshToken: sim.issueOaRefreshToken(), expiresAt: new Date(clock.now().getTime() + 25 * 3_600_000) });
    expect(await m.getAccessToken()).toBe("sim-oa-access-token");
    expect(sim.oauthRefreshCalls()).toBe(0);

    clock.advance(24.5 * 3_600_000); // within the hour before expiry
    const tokens = await Promise.all(Array.from({ length: 10 }, () => m.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe("sim-oa-access-token");
    expect(sim.oauthRefreshCalls()).toBe(1);
    expect(await getOaTokens(h.db, "oa1")).toMatchObject({ accessToken: tokens[0], lockedBy: null });
    // The refreshed token works against the API.
    const oa = createHttpZaloOaClient({ baseUrl: "http://zalo.sim", getAccessToken: m.getAccessToken, fetch });
    const err = await oa.sendText({ userId: "nobody", text: "x" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: -213 }); // past the token check
  });

  it("two processes sharing the database refresh once (lease), the other uses the stored pair", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hccd-token-"));
    dirs.push(dir);
    const a = await setup(join(dir, "t.db"));
    const b = await createDb(join(dir, "t.db"));
    handles.push(b);
    const ma = a.manager("process-a");
    await ma.bootstrap({ accessToken: "old", refreshToken: a.sim.issueOaRefreshToken(), expiresAt: new Date(a.clock.now().getTime() + 10 * 60_000) });
    const mb = createOaTokenManager({ db: b.db, oauth: createHttpZaloOAuthClient({ baseUrl: "http://zalo.sim", appId: "1", appSecret: "sim-app-secret", fetch: a.fetch }), oaId: "oa1", now: a.clock.now, logger: createLogger({ level: "silent" }), holder: "process-b", sleep: async () => void a.clock.advance(200) });
    const [ta, tb] = await Promise.all([ma.getAccessToken(), mb.getAccessToken()]);
    expect(ta).toBe(tb);
    expect(a.sim.oauthRefreshCalls()).toBe(1);
  });

  it("a refresh token used twice is refused by Zalo: the error is permanent and nothing is overwritten", async () => {
    const { h, sim, clock, manager } = await setup();
    const rt = sim.issueOaRefreshToken();
    const m = manager("p1");
    await m.bootstrap({ accessToken: "old", refreshToken: rt, expiresAt: new Date(clock.now().getTime() - 1000) });
    const first = await m.getAccessToken();
    // Someone restores the old pair (e.g. a stale backup): the burnt refresh token is refused.
    await h.db.update(tablesOf(h.db).oaTokens).set({ refreshToken: rt, accessToken: "old", expiresAt: new Date(0) });
    const err = await m.getAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: -14014, retryable: false });
    expect(await getOaTokens(h.db, "oa1")).toMatchObject({ accessToken: "old", lockedBy: null });
    expect(first).not.toBe("old");
  });

  it("instances starting together store the first configured pair once: a later bootstrap never overwrites the stored pair", async () => {
    const { h, clock, manager } = await setup();
    const expiresAt = new Date(clock.now().getTime() + 20 * 3_600_000);
    await Promise.all([manager("p1").bootstrap({ accessToken: "first", refreshToken: "rt-first", expiresAt }), manager("p2").bootstrap({ accessToken: "second", refreshToken: "rt-second", expiresAt })]);
    expect(await getOaTokens(h.db, "oa1")).toMatchObject({ accessToken: "first", refreshToken: "rt-first" });
    await manager("p3").bootstrap({ accessToken: "third", refreshToken: "rt-third", expiresAt });
    expect(await getOaTokens(h.db, "oa1")).toMatchObject({ accessToken: "first", refreshToken: "rt-first" });
  });

  it("invalidate() forces a refresh after Zalo rejected the token", async () => {
    const { sim, clock, manager } = await setup();
    const m = manager("p1");
    await m.bootstrap({ accessToken: "revoked", refreshToken: sim.issueOaRefreshToken(), expiresAt: new Date(clock.now().getTime() + 20 * 3_600_000) });
    expect(await m.getAccessToken()).toBe("revoked");
    m.invalidate();
    expect(await m.getAccessToken()).not.toBe("revoked");
    expect(sim.oauthRefreshCalls()).toBe(1);
  });
});
