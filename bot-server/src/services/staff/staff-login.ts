import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import {
  clearLoginThrottle,
  findStaffByUsername,
  hasStaffSessionFrom,
  insertStaffSession,
  loginThrottleRows,
  pruneLoginThrottle,
  recordLoginFailure,
  type LoginThrottleKey,
  type StaffUser,
} from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { RetryLater, unauthorized } from "../../errors.js";
import { audit } from "./audit.js";
import { decoyHash, KNOWN_CLIENT_MS, LOGIN_BLOCK_MS, LOGIN_LIMITS, LOGIN_WINDOW_MS, STAFF_SESSION_MS, tokenHash, verifyPassword } from "./staff-auth.js";

export interface StaffLoginResult {
  token: string;
  expiresAt: Date;
  user: StaffUser;
}

export interface StaffLogins {
  /**
   * Logs a staff member in from a client (its rate-limit key, see client-address.ts): a random
   * session token, only its hash stored. Refusals: 401 for a wrong username or password (the same
   * answer, after the same work), 429 with Retry-After while the client or the username is
   * throttled (before any password is checked, for real and unknown usernames alike), 503 with
   * Retry-After when too many checks are already waiting.
   */
  login(input: { username: string; password: string; client: string; requestId?: string }): Promise<StaffLoginResult>;
}

/**
 * No staff id is empty (ids are generated UUIDs): the known-client query for an unknown username
 * finds nothing, at the same cost. Not a NUL character: PostgreSQL's text refuses it.
 */
const NO_STAFF = "";

/**
 * Staff logins for one process. Password checks run on libuv's thread pool, at most
 * `maxConcurrentChecks` at once (each scrypt takes ~100 ms of a core and 32 MB; by default half
 * the cores), with up to
 * `maxWaiting` queued behind; these bound this process's own CPU and memory, so they are in memory.
 * Failure counts are in the database (`login_throttle`), shared by every instance.
 */
export function createStaffLogins(
  deps: Pick<ServiceDeps, "db" | "now">,
  opts: { verify?: (password: string, stored: string) => Promise<boolean>; maxConcurrentChecks?: number; maxWaiting?: number } = {},
): StaffLogins {
  const verify = opts.verify ?? verifyPassword;
  // Half the cores at most: the other half keep answering everyone else while logins are checked.
  const slots = createSlots(opts.maxConcurrentChecks ?? Math.max(1, Math.floor(availableParallelism() / 2)), opts.maxWaiting ?? 32);
  // An unknown username is checked against this, so it costs what a real check costs.
  const decoy = decoyHash();

  return {
    async login(input) {
      const now = deps.now();
      const { username, client } = input;
      const keys: Record<"userClient" | "client" | "user", LoginThrottleKey> = {
        userClient: { scope: "user_client", username, client },
        client: { scope: "client", username: "", client },
        user: { scope: "user", username, client: "" },
      };
      const user = await findStaffByUsername(deps.db, username);
      const active = user && !user.disabledAt ? user : undefined;
      // A place the user logged in from before is not held back by guesses made elsewhere.
      const knownClient = await hasStaffSessionFrom(deps.db, active?.id ?? NO_STAFF, client, new Date(now.getTime() - KNOWN_CLIENT_MS));
      const blockedUntil = (await loginThrottleRows(deps.db, Object.values(keys)))
        .filter((r) => r.blockedUntil && r.blockedUntil > now && !(r.scope === "user" && knownClient))
        .reduce<Date | null>((latest, r) => (!latest || r.blockedUntil! > latest ? r.blockedUntil : latest), null);
      if (blockedUntil) {
        const seconds = Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000);
        throw new RetryLater(429, "too_many_attempts", `too many failed logins: try again in ${Math.ceil(seconds / 60)} min`, seconds);
      }

      const ok = await slots.run(async () => verify(input.password, active?.passwordHash ?? decoy));
      const after = deps.now();
      if (!active || !ok) {
        const opts = { now: after, windowMs: LOGIN_WINDOW_MS, blockMs: LOGIN_BLOCK_MS };
        const counted = await deps.db.transaction(async (tx) => {
          await pruneLoginThrottle(tx, after, LOGIN_WINDOW_MS);
          return [
            await recordLoginFailure(tx, keys.userClient, { ...opts, limit: LOGIN_LIMITS.userClient }),
            await recordLoginFailure(tx, keys.client, { ...opts, limit: LOGIN_LIMITS.client }),
            await recordLoginFailure(tx, keys.user, { ...opts, limit: LOGIN_LIMITS.user }),
          ];
        });
        if (active) {
          await audit(deps.db, { at: after, actor: { kind: "staff", id: active.id }, action: "staff.login_failed", ...(input.requestId ? { requestId: input.requestId } : {}), details: { failures: counted[0]!.failures, blocked: counted.some((r) => r.blockedUntil !== null) } });
        }
        throw unauthorized("wrong username or password");
      }
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(after.getTime() + STAFF_SESSION_MS);
      await deps.db.transaction(async (tx) => {
        await clearLoginThrottle(tx, keys.userClient);
        await insertStaffSession(tx, { tokenHash: tokenHash(token), staffId: active.id, expiresAt, createdAt: after, clientKey: client });
        await audit(tx, { at: after, actor: { kind: "staff", id: active.id }, action: "staff.login", ...(input.requestId ? { requestId: input.requestId } : {}) });
      });
      return { token, expiresAt, user: active };
    },
  };
}

/**
 * At most `max` tasks at once, `waiting` more queued (first come, first served); past that the
 * caller is told to come back in a second rather than wait behind a flood.
 */
function createSlots(max: number, waiting: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running < max) running++;
      else if (queue.length < waiting) await new Promise<void>((go) => queue.push(go));
      else throw new RetryLater(503, "busy", "too many logins are being checked: try again in a second", 1);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
