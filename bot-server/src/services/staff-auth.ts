import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import {
  findLiveStaffSession,
  findStaffByUsername,
  insertStaffSession,
  insertStaffUser,
  recordStaffLoginFailure,
  resetStaffLoginFailures,
  revokeStaffSession,
  type StaffRole,
  type StaffUser,
} from "@hccd/db";
import type { ServiceDeps } from "../deps.js";
import { DomainError, unauthorized, validationFailed } from "../errors.js";
import { sha256Hex } from "./hashing.js";
import { audit } from "./audit.js";

export const STAFF_ROLES = ["admin", "department", "ward_officer", "communicator", "viewer"] as const satisfies readonly StaffRole[];

/** scrypt cost (N=2^15, r=8, p=1: OWASP's minimum for scrypt), 16-byte salt, 32-byte key. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
/** Sessions last a working day. */
export const STAFF_SESSION_MS = 8 * 3_600_000;
/** After this many failed logins in a row the account is locked for LOCK_MS. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 32, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = scryptSync(password.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem });
  return timingSafeEqual(key, expected);
}

/** A password a person can remember but a guesser cannot: 12 characters at least. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "must be at least 12 characters";
  if (/^(.)\1+$/.test(password)) return "must not repeat one character";
  return null;
}

export function createStaffUser(
  deps: Pick<ServiceDeps, "db" | "newId">,
  input: { username: string; displayName: string; password: string; role: StaffRole; agency?: string | null; wardCode?: string | null },
): StaffUser {
  const fields = [];
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.username)) fields.push({ path: "username", message: "3–64 lower-case letters, digits, dots, hyphens or underscores" });
  const pw = passwordProblem(input.password);
  if (pw) fields.push({ path: "password", message: pw });
  if (!STAFF_ROLES.includes(input.role)) fields.push({ path: "role", message: `must be one of ${STAFF_ROLES.join(", ")}` });
  if (input.role === "department" && !input.agency) fields.push({ path: "agency", message: "a department officer belongs to an agency" });
  if (input.role === "ward_officer" && !input.wardCode) fields.push({ path: "wardCode", message: "a ward officer belongs to a ward" });
  if (fields.length > 0) throw validationFailed(fields, "The staff account is not valid");
  if (findStaffByUsername(deps.db, input.username)) throw new DomainError(409, "username_taken", `the username ${input.username} is taken`);
  return insertStaffUser(deps.db, {
    id: deps.newId(), username: input.username, displayName: input.displayName.normalize("NFC"), passwordHash: hashPassword(input.password),
    role: input.role, agency: input.agency ?? null, wardCode: input.wardCode ?? null,
  });
}

const tokenHash = (token: string) => sha256Hex(`hccd-staff-session:${token}`);

/**
 * The CSRF token of a session: derived from the secret session token, so nothing more is stored
 * and another site, which cannot read the cookie, cannot compute it.
 */
export const csrfTokenFor = (token: string) => sha256Hex(`hccd-staff-csrf:${token}`);

/**
 * Logs a staff member in: a random session token (only its hash is stored). Repeated failures lock
 * the account for a while; the answer to a wrong username and a wrong password is the same.
 */
export function staffLogin(deps: ServiceDeps, input: { username: string; password: string; requestId?: string }): { token: string; expiresAt: Date; user: StaffUser } {
  const now = deps.now();
  const user = findStaffByUsername(deps.db, input.username);
  const refuse = () => unauthorized("wrong username or password");
  if (!user || user.disabledAt) {
    // Same work as a real check, so timing does not tell which usernames exist.
    verifyPassword(input.password, (dummyHash ??= hashPassword("not-a-real-password-0000")));
    throw refuse();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new DomainError(423, "account_locked", `too many failed logins: try again after ${user.lockedUntil.toISOString()}`);
  if (!verifyPassword(input.password, user.passwordHash)) {
    const failures = user.failedLogins + 1;
    const lockUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MS) : null;
    recordStaffLoginFailure(deps.db, user.id, lockUntil);
    audit(deps.db, { at: now, actor: { kind: "staff", id: user.id }, action: "staff.login_failed", ...(input.requestId ? { requestId: input.requestId } : {}), details: { failures, locked: lockUntil !== null } });
    throw refuse();
  }
  resetStaffLoginFailures(deps.db, user.id);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_MS);
  insertStaffSession(deps.db, { tokenHash: tokenHash(token), staffId: user.id, expiresAt, createdAt: now });
  audit(deps.db, { at: now, actor: { kind: "staff", id: user.id }, action: "staff.login", ...(input.requestId ? { requestId: input.requestId } : {}) });
  return { token, expiresAt, user };
}

let dummyHash: string | undefined;

export function staffFromToken(deps: Pick<ServiceDeps, "db" | "now">, token: string): StaffUser | undefined {
  const live = findLiveStaffSession(deps.db, tokenHash(token), deps.now());
  if (!live || live.user.disabledAt) return undefined;
  return live.user;
}

export function staffLogout(deps: Pick<ServiceDeps, "db" | "now">, token: string): void {
  revokeStaffSession(deps.db, tokenHash(token), deps.now());
}
