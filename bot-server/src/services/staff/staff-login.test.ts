import { afterEach, describe, expect, it } from "vitest";
import { createTestWorld, readJson, type TestWorld } from "../../testing/world.js";
import { createStaffUser, LOGIN_BLOCK_MS, LOGIN_LIMITS, unlockStaffLogins, verifyPassword } from "./staff-auth.js";
import { createStaffLogins } from "./staff-login.js";
import { DomainError } from "../../errors.js";

let w: TestWorld;
afterEach(async () => {
  await w?.close();
});

const PASSWORD = "mật-khẩu-đủ-dài-2026";
/** The real administrator's office, and addresses an attacker controls. */
const OFFICE = "198.51.100.20";
const attacker = (i: number) => `203.0.113.${i}`;

async function world() {
  // One proxy in front: the client is the last address it appends to X-Forwarded-For.
  w = await createTestWorld({ env: { TRUST_PROXY_HOPS: "1" } });
  await createStaffUser(w.services, { username: "admin", displayName: "Quản trị", password: PASSWORD, role: "admin" });
  return w;
}

const login = (username: string, password: string, ip: string) =>
  w.call("POST", "/api/staff/session", { body: { username, password }, headers: { "x-forwarded-for": `10.9.9.9, ${ip}` } });

/**
 * The same logins over the same database with a quick stand-in for scrypt (the password check is
 * not what these tests are about; each real check takes ~100 ms of a shared core).
 */
function fastLogins() {
  const logins = createStaffLogins(w.services, { verify: async (password) => password === PASSWORD });
  const attempt = async (username: string, password: string, client: string) => {
    try {
      await logins.login({ username, password, client });
      return 200;
    } catch (err) {
      return (err as DomainError).status;
    }
  };
  return { logins, attempt };
}

const fail = async (username: string, ip: string, times: number) => {
  for (let i = 0; i < times; i++) expect((await login(username, `sai-mat-khau-${i}-2026`, ip)).status).toBe(401);
};

describe("staff login: throttled per client and username, never a way to lock the admin out", { timeout: 60_000 }, () => {
  it("an attacker at one address who knows 'admin' is stopped there with 429 and Retry-After, and the admin still logs in from her office", async () => {
    await world();
    expect((await login("admin", PASSWORD, OFFICE)).status).toBe(200);
    await fail("admin", attacker(7), LOGIN_LIMITS.userClient);
    const refused = await login("admin", PASSWORD, attacker(7));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBe(LOGIN_BLOCK_MS / 1000);
    expect((await readJson(refused)).error.code).toBe("too_many_attempts");
    // Still refused later in the block, with the time left.
    w.clock.advance(5 * 60_000);
    const later = await login("admin", PASSWORD, attacker(7));
    expect(later.status).toBe(429);
    expect(Number(later.headers.get("retry-after"))).toBe(LOGIN_BLOCK_MS / 1000 - 5 * 60);
    expect((await login("admin", PASSWORD, OFFICE)).status).toBe(200);
  });

  it("guessing one username from many addresses is throttled for addresses it never logged in from; the admin's usual address still works, and `staff unlock` frees a new one", async () => {
    await world();
    const { attempt } = fastLogins();
    expect(await attempt("admin", PASSWORD, OFFICE)).toBe(200);
    const perAddress = LOGIN_LIMITS.userClient - 1;
    for (let i = 0, left = LOGIN_LIMITS.user; left > 0; i++, left -= perAddress) {
      for (let j = 0; j < Math.min(perAddress, left); j++) expect(await attempt("admin", "sai-mat-khau-2026", attacker(i + 1))).toBe(401);
    }
    expect(await attempt("admin", PASSWORD, attacker(200))).toBe(429);
    // From home, an address never used before: refused too, until an operator unlocks the username.
    expect(await attempt("admin", PASSWORD, "192.0.2.55")).toBe(429);
    expect(await attempt("admin", PASSWORD, OFFICE)).toBe(200);
    expect(await unlockStaffLogins(w.services, { username: "admin" })).toBeGreaterThan(0);
    expect(await attempt("admin", PASSWORD, "192.0.2.55")).toBe(200);
  });

  it("one address trying many usernames is throttled after LOGIN_LIMITS.client failures", async () => {
    await world();
    const { attempt } = fastLogins();
    for (let i = 0; i < LOGIN_LIMITS.client; i++) expect(await attempt(`nguoi-${i}`, "sai-mat-khau-2026", attacker(9))).toBe(401);
    expect(await attempt("admin", PASSWORD, attacker(9))).toBe(429);
    expect(await attempt("admin", PASSWORD, OFFICE)).toBe(200);
  });

  it("the failure count starts again once a block has ended", async () => {
    await world();
    const { attempt } = fastLogins();
    for (let i = 0; i < LOGIN_LIMITS.userClient; i++) expect(await attempt("admin", "sai-mat-khau-2026", attacker(3))).toBe(401);
    expect(await attempt("admin", PASSWORD, attacker(3))).toBe(429);
    w.clock.advance(LOGIN_BLOCK_MS + 1000);
    // A new window: one mistake is one mistake, not a new block.
    for (let i = 0; i < LOGIN_LIMITS.userClient - 1; i++) expect(await attempt("admin", "sai-mat-khau-2026", attacker(3))).toBe(401);
    expect(await attempt("admin", PASSWORD, attacker(3))).toBe(200);
  });

  it("answers an unknown username, a wrong password and a throttled one without telling which usernames exist, doing the same work", async () => {
    await world();
    const bodies = async (res: Response) => ({ status: res.status, body: await res.text(), retryAfter: res.headers.get("retry-after") });
    const unknown = await bodies(await login("khong-co-ai", "sai-mat-khau-2026", attacker(1)));
    const wrong = await bodies(await login("admin", "sai-mat-khau-2026", attacker(1)));
    expect(unknown).toEqual(wrong);
    expect(unknown.status).toBe(401);
    const { attempt: quick } = fastLogins();
    for (const username of ["admin", "khong-co-ai"]) for (let i = 0; i < LOGIN_LIMITS.userClient; i++) await quick(username, "sai-mat-khau-2026", attacker(2));
    const lockedReal = await bodies(await login("admin", PASSWORD, attacker(2)));
    const lockedUnknown = await bodies(await login("khong-co-ai", PASSWORD, attacker(2)));
    expect(lockedReal).toEqual(lockedUnknown);
    expect(lockedReal.status).toBe(429);

    // The same number of password checks for each answer: one for unknown and wrong, none when throttled.
    let checks = 0;
    const logins = createStaffLogins(w.services, { verify: (p, h) => (checks++, verifyPassword(p, h)) });
    const attempt = async (username: string, ip: string) => {
      const before = checks;
      const err = await logins.login({ username, password: "sai-mat-khau-2026", client: ip }).catch((e: unknown) => e);
      return { status: (err as DomainError).status, checks: checks - before };
    };
    expect(await attempt("khong-co-ai", attacker(5))).toEqual({ status: 401, checks: 1 });
    expect(await attempt("admin", attacker(5))).toEqual({ status: 401, checks: 1 });
    expect(await attempt("khong-co-ai", attacker(2))).toEqual({ status: 429, checks: 0 });
    expect(await attempt("admin", attacker(2))).toEqual({ status: 429, checks: 0 });
  });

  it("checks passwords off the event loop: other work runs while scrypt does", async () => {
    await world();
    let turns = 0;
    let done = false;
    const spin = () => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const res = await login("admin", PASSWORD, OFFICE);
    done = true;
    expect(res.status).toBe(200);
    // A synchronous scrypt holds the loop for the whole check: a handful of turns at most.
    expect(turns).toBeGreaterThan(50);
  });

  it("bounds the checks running at once: past the waiting room a login is told to come back, 503 with Retry-After", async () => {
    await world();
    const logins = createStaffLogins(w.services, { maxConcurrentChecks: 1, maxWaiting: 1 });
    const attempts = [1, 2, 3].map((i) => logins.login({ username: "admin", password: "sai-mat-khau-2026", client: attacker(i) }).catch((e: unknown) => e));
    // Which of the three reaches the waiting room last depends on the order their database reads
    // finish (one connection on SQLite: the order they started; a pool on PostgreSQL: any order).
    const outcomes = await Promise.all(attempts);
    for (const e of outcomes) expect(e).toBeInstanceOf(DomainError);
    expect(outcomes.map((e) => (e as DomainError).status).sort()).toEqual([401, 401, 503]);
    expect(outcomes.find((e) => (e as DomainError).status === 503)).toMatchObject({ code: "busy", retryAfterSeconds: 1 });
  });

  it("takes the client from the socket unless TRUST_PROXY_HOPS says a proxy is in front: X-Forwarded-For is not trusted by default", async () => {
    w = await createTestWorld();
    await createStaffUser(w.services, { username: "admin", displayName: "Quản trị", password: PASSWORD, role: "admin" });
    // Without a proxy, a forged X-Forwarded-For does not make each attempt a new client.
    for (let i = 0; i < LOGIN_LIMITS.userClient; i++) await login("admin", "sai-mat-khau-2026", attacker(i));
    expect((await login("admin", PASSWORD, attacker(99))).status).toBe(429);
  });
});

describe("console login", { timeout: 60_000 }, () => {
  it("shows the throttled page with 429 and Retry-After, in Vietnamese, without naming the account", async () => {
    await world();
    const attempt = (username: string, password: string) =>
      w.app.request("/staff/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": attacker(4) }, body: new URLSearchParams({ username, password }).toString() });
    for (let i = 0; i < LOGIN_LIMITS.userClient; i++) expect((await attempt("admin", "sai-mat-khau-2026")).status).toBe(401);
    const res = await attempt("admin", PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBe(LOGIN_BLOCK_MS / 1000);
    const html = await res.text();
    expect(html).toContain("Đăng nhập tạm dừng vì nhập sai nhiều lần");
    expect(html).not.toContain("Tài khoản tạm khóa");
  });
});
