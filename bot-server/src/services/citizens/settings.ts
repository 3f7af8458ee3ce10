import { serviceByKey, CHANNELS, type Settings, type UpdateSettings } from "@hccd/shared";
import { getZaloUser, updateZaloUser, type ZaloUser } from "@hccd/db";
import type { ServiceDeps } from "../../deps.js";
import { DomainError } from "../../errors.js";
import { audit } from "../staff/audit.js";

/** A citizen's language and notification choices, as the Mini App's settings show them. */
export function settingsOf(user: ZaloUser): Settings {
  return { language: user.language, optedOut: user.optedOutAt !== null, services: { ...(user.notificationPrefs.services ?? {}) }, channels: { ...(user.notificationPrefs.channels ?? {}) } };
}

/** Changes language and notification choices; at least one channel stays on (else opting out is the way to say "nothing"). */
export async function updateSettings(deps: ServiceDeps, user: ZaloUser, req: UpdateSettings, requestId?: string): Promise<Settings> {
  const now = deps.now();
  const services = { ...(user.notificationPrefs.services ?? {}), ...(req.services ?? {}) };
  for (const key of Object.keys(req.services ?? {})) {
    if (!serviceByKey(key)) throw new DomainError(422, "validation_failed", "Unknown service", [{ path: `services.${key}`, message: "is not a service of the catalogue" }]);
  }
  const channels = { ...(user.notificationPrefs.channels ?? {}), ...(req.channels ?? {}) };
  if (CHANNELS.every((c) => channels[c] === false)) {
    throw new DomainError(422, "validation_failed", "Keep at least one way to reach you, or stop all reminders instead", [{ path: "channels", message: "must keep at least one channel on; use optedOut to stop all reminders" }]);
  }
  const optedOutAt = req.optedOut === undefined ? user.optedOutAt : req.optedOut ? (user.optedOutAt ?? now) : null;
  await deps.db.transaction(async (tx) => {
    await updateZaloUser(tx, user.id, { language: req.language ?? user.language, optedOutAt, notificationPrefs: { services, channels }, updatedAt: now });
    await audit(tx, { at: now, actor: { kind: "citizen", id: user.id }, action: "settings.updated", target: { kind: "zalo_user", id: user.id }, ...(requestId ? { requestId } : {}), details: { changed: Object.keys(req) } });
  });
  const fresh = (await getZaloUser(deps.db, user.id)) ?? user;
  return settingsOf(fresh);
}

