import { randomBytes, scrypt, scryptSync, timingSafeEqual } from "node:crypto";
import { findLiveStaffSession, insertStaffUser, isUniqueViolation, revokeStaffSession, unlockLoginThrottle, type StaffRole, type StaffUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError, validationFailed } from "../../errors.js";
import { sha256Hex } from "../hashing.js";
import { audit } from "./audit.js";

export type { StaffRole, StaffUser };

export const STAFF_ROLES = ["admin", "department", "ward_officer", "communicator", "viewer"] as const satisfies readonly StaffRole[];

/** scrypt cost (N=2^15, r=8, p=1: OWASP's minimum for scrypt), 16-byte salt, 32-byte key. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
/** Sessions last a working day. */
export const STAFF_SESSION_MS = 8 * 3_600_000;

/**
 * Failed logins allowed per window of LOGIN_WINDOW_MS before a bucket is blocked for LOGIN_BLOCK_MS
 * (see `login_throttle` in the schema). `userClient`: one username from one client — the "5 wrong
 * passwords" rule, but for that client only, so an attacker elsewhere cannot lock the real user
 * out. `client`: one client, any usernames — a sprayer; an office behind one address shares it, so
 * it is generous. `user`: one username from all the clients it never logged in from — guessing
 * from many addresses, capped at 20 guesses a quarter hour, while the user's usual places still work.
 */
export const LOGIN_LIMITS = { userClient: 5, client: 30, user: 20 } as const;
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const LOGIN_BLOCK_MS = 15 * 60_000;
/** A client the user opened a session from within this long is one of their usual places. */
export const KNOWN_CLIENT_MS = 90 * 86_400_000;

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export function hashPassword(password: string): string {
  // Synchronous on purpose: accounts are made by an operator (CLI, seed), never by a request.
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 32, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** A hash no password matches, as costly to check as a real one: what an unknown username is checked against. */
export function decoyHash(): string {
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, randomBytes(16).toString("base64url"), randomBytes(32).toString("base64url")].join("$");
}

/**
 * Checks a password against its stored hash on libuv's thread pool (crypto.scrypt): the ~100 ms
 * of scrypt no longer hold the event loop, which at 9 bogus logins a second had moved every other
 * endpoint's median from 3 ms to 775 ms. Logins bound how many run at once (staff-login.ts).
 */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, "base64url");
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve(timingSafeEqual(key, expected));
    });
  });
}

/** A password a person can remember but a guesser cannot: 12 characters at least. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "must be at least 12 characters";
  if (/^(.)\1+$/.test(password)) return "must not repeat one character";
  return null;
}

export async function createStaffUser(
  deps: Pick<ServiceDeps, "db" | "newId">,
  input: { username: string; displayName: string; password: string; role: StaffRole; agency?: string | null; wardCode?: string | null },
): Promise<StaffUser> {
  const fields = [];
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.username)) fields.push({ path: "username", message: "3–64 lower-case letters, digits, dots, hyphens or underscores" });
  const pw = passwordProblem(input.password);
  if (pw) fields.push({ path: "password", message: pw });
  if (!STAFF_ROLES.includes(input.role)) fields.push({ path: "role", message: `must be one of ${STAFF_ROLES.join(", ")}` });
  if (input.role === "department" && !input.agency) fields.push({ path: "agency", message: "a department officer belongs to an agency" });
  if (input.role === "ward_officer" && !input.wardCode) fields.push({ path: "wardCode", message: "a ward officer belongs to a ward" });
  if (fields.length > 0) throw validationFailed(fields, "The staff account is not valid");
  try {
    return await insertStaffUser(deps.db, {
      id: deps.newId(), username: input.username, displayName: input.displayName.normalize("NFC"), passwordHash: hashPassword(input.password),
      role: input.role, agency: input.agency ?? null, wardCode: input.wardCode ?? null,
    });
  } catch (err) {
    // One account per username (staff_users_username_uq), also when two operators create it at once.
    if (isUniqueViolation(err)) throw new DomainError(409, "username_taken", `the username ${input.username} is taken`);
    throw err;
  }
}

/** What a session token is stored as: its hash, never the token. */
export const tokenHash = (token: string) => sha256Hex(`hccd-staff-session:${token}`);

/**
 * The CSRF token of a session: derived from the secret session token, so nothing more is stored
 * and another site, which cannot read the cookie, cannot compute it.
 */
export const csrfTokenFor = (token: string) => sha256Hex(`hccd-staff-csrf:${token}`);

export async function staffFromToken(deps: Pick<ServiceDeps, "db" | "now">, token: string): Promise<StaffUser | undefined> {
  const live = await findLiveStaffSession(deps.db, tokenHash(token), deps.now());
  if (!live || live.user.disabledAt) return undefined;
  return live.user;
}

export async function staffLogout(deps: Pick<ServiceDeps, "db" | "now">, token: string): Promise<void> {
  await revokeStaffSession(deps.db, tokenHash(token), deps.now());
}

/**
 * An operator lifts the login throttle of a username (`pnpm hccd staff unlock`): every client, or
 * one address. Audited. Returns how many counts were cleared.
 */
export async function unlockStaffLogins(deps: Pick<ServiceDeps, "db" | "now">, input: { username: string; client?: string }): Promise<number> {
  const cleared = await unlockLoginThrottle(deps.db, input.username, input.client);
  await audit(deps.db, { at: deps.now(), actor: { kind: "system", id: "cli" }, action: "staff.login_unlocked", target: { kind: "staff_username", id: input.username }, details: { cleared, ...(input.client ? { client: input.client } : {}) } });
  return cleared;
}
