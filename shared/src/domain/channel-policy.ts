/**
 * Which channel may carry a message to a person (design.md, zalo.md): an OA customer-service
 * message only to a follower who interacted with the OA within the last 7 days; otherwise a ZNS
 * template message to their phone; otherwise an SMS to that phone (a brandname SMS reaches people
 * who do not use Zalo or refused ZNS). Each later channel is the fallback for permanent failures.
 */
import { CHANNELS, CHANNEL_SPECS, type Channel } from "./channels.js";

export type { Channel };

/** Zalo refuses customer-service messages (error -230) outside 7 days of the last interaction. */
export const CS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface Reachability {
  zaloUserId: string | null;
  follower: boolean;
  lastInteractionAt: Date | null;
  phone: string | null;
}

/** The channels to try, best first. Empty when the person cannot be reached at all. */
export function channelsFor(r: Reachability, now: Date): Channel[] {
  const inWindow = r.lastInteractionAt !== null && now.getTime() - r.lastInteractionAt.getTime() < CS_WINDOW_MS;
  const reachable = { oa_window: Boolean(r.zaloUserId && r.follower && inWindow), phone: Boolean(r.phone) };
  return CHANNELS.filter((c) => reachable[CHANNEL_SPECS[c].reaches]);
}

/**
 * The policy's channels narrowed to those a service allows (a service may, say, forbid SMS for
 * cost or allow only OA), keeping the policy's order. No restriction keeps them all.
 */
export function restrictChannels(channels: readonly Channel[], allowed?: readonly Channel[]): Channel[] {
  if (!allowed) return [...channels];
  return channels.filter((c) => allowed.includes(c));
}

/**
 * Quiet hours: nothing is sent between 21:00 and 07:00 Vietnam time (Zalo itself blocks
 * 22:00–06:00 with errors -133/-234; we keep an hour's margin each side). Returns the instant the
 * message may go: `now` when outside quiet hours, else the next 07:00 in Vietnam.
 */
export function nextSendableAt(now: Date, quiet: { startHour: number; endHour: number } = { startHour: 21, endHour: 7 }): Date {
  const offsetMs = 7 * 60 * 60 * 1000;
  const local = new Date(now.getTime() + offsetMs);
  const h = local.getUTCHours();
  const inQuiet = quiet.startHour > quiet.endHour ? h >= quiet.startHour || h < quiet.endHour : h >= quiet.startHour && h < quiet.endHour;
  if (!inQuiet) return now;
  const target = new Date(local);
  if (h >= quiet.startHour) target.setUTCDate(target.getUTCDate() + 1);
  target.setUTCHours(quiet.endHour, 0, 0, 0);
  return new Date(target.getTime() - offsetMs);
}
